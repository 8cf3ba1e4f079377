package fr.sharenum.jdbc;
import java.util.Map;
import java.util.Set;
import java.util.Collection;
import fr.sharenum.model.CampaignId;
import fr.sharenum.model.Campaign;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.Training;
import fr.sharenum.model.Feedback;

import fr.sharenum.model.Availability;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.Uai;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.AlertRecord;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.StoreTransaction;
import fr.sharenum.spi.VerificationRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** One database transaction seen through the store SPI; only valid during {@link JdbcStore#inTransaction}. */
final class JdbcTransaction implements StoreTransaction {
    private final Sql sql;
    private final JdbcDocuments documents;

    private final JdbcChangeFeed changes;
    private final JdbcSearch search;
    private final JdbcTrainings trainingSearch;
    private final boolean postgres;

    JdbcTransaction(Connection c, boolean postgres) {
        this.postgres = postgres;
        this.sql = new Sql(c);
        this.documents = new JdbcDocuments(sql);
        this.changes = new JdbcChangeFeed(sql, postgres);
        this.search = new JdbcSearch(sql, postgres);
        this.trainingSearch = new JdbcTrainings(sql, postgres);
    }

    /** Indexes a batch of rows stored before schema V10 (trainings: V12) (at start); returns how many. */
    int indexForSearch() {
        return search.indexUnindexed() + trainingSearch.indexUnindexed();
    }

    @Override
    public Optional<fr.sharenum.spi.ChangeFeedStore> changes() {
        return Optional.of(changes);
    }

    void close() {
        sql.close();
    }

    // --- the storage kernel

    @Override
    public Optional<fr.sharenum.spi.Doc> get(String collection, String key) {
        return documents.get(collection, key);
    }

    @Override
    public java.util.Map<String, fr.sharenum.spi.Doc> getAll(String collection, java.util.Collection<String> keys) {
        return documents.getAll(collection, keys);
    }

    @Override
    public void insert(String collection, fr.sharenum.spi.Doc doc) {
        documents.insert(collection, doc);
    }

    @Override
    public void replace(String collection, fr.sharenum.spi.Doc doc, long expectedVersion) {
        documents.replace(collection, doc, expectedVersion);
    }

    @Override
    public boolean delete(String collection, String key) {
        return documents.delete(collection, key);
    }

    @Override
    public List<fr.sharenum.spi.Doc> range(String collection, String index, String from, String to, int limit) {
        return documents.range(collection, index, from, to, limit);
    }

    // --- plumbing

    private int update(String q, Sql.Binder binder) {
        return sql.update(q, binder);
    }

    private <T> List<T> query(String q, Sql.Binder binder, Sql.RowReader<T> reader) {
        return sql.query(q, binder, reader);
    }

    private <T> Optional<T> one(String q, Sql.Binder binder, Class<T> type) {
        return sql.one(q, binder, type);
    }

    private <T> List<T> docs(String q, Sql.Binder binder, Class<T> type) {
        return sql.docs(q, binder, type);
    }

    private java.util.OptionalLong longValue(String q, Sql.Binder binder) {
        return sql.longValue(q, binder);
    }

    private void forIdsIn(String sqlWithIn, Sql.Binder leading, int leadingCount, java.util.Collection<MemberId> ids,
                          Sql.RowReader<Void> row) {
        sql.forIdsIn(sqlWithIn, leading, leadingCount, ids, row);
    }

    private static String write(Object value) {
        return Sql.write(value);
    }

    private static <T> T read(String json, Class<T> type) {
        return Sql.read(json, type);
    }

    static long nanos(Instant t) {
        return Sql.nanos(t);
    }

    private static void requireNextVersion(long newVersion, long expectedVersion) {
        Sql.requireNextVersion(newVersion, expectedVersion);
    }

    /** After an update matched no row: was the record missing, or at another version? */
    private RuntimeException missedUpdate(String table, String kind, Object id, long expected) {
        java.util.OptionalLong stored = longValue("SELECT version FROM " + table + " WHERE id = ?", s -> s.setString(1, id.toString()));
        if (stored.isEmpty()) {
            return new NotFoundException(kind, id);
        }
        return new VersionConflictException(kind, id, expected, stored.getAsLong());
    }

    // --- establishments

    public Optional<Establishment> establishment(Uai uai) {
        return one("SELECT doc FROM sn_establishment WHERE uai = ?", s -> s.setString(1, uai.value()), Establishment.class);
    }

    public void putEstablishment(Establishment e) {
        String doc = write(e);
        if (update("UPDATE sn_establishment SET doc = ? WHERE uai = ?", s -> {
            s.setString(1, doc);
            s.setString(2, e.uai().value());
        }) == 0) {
            update("INSERT INTO sn_establishment (uai, doc) VALUES (?, ?)", s -> {
                s.setString(1, e.uai().value());
                s.setString(2, doc);
            });
        }
    }

    public void forEachEstablishment(Consumer<? super Establishment> action) {
        docs("SELECT doc FROM sn_establishment", s -> { }, Establishment.class).forEach(action);
    }

    // --- members

    public Optional<Member> member(MemberId id) {
        return one("SELECT doc FROM sn_member WHERE id = ?", s -> s.setString(1, id.value()), Member.class);
    }

    public Optional<Member> memberByEmail(Email email) {
        return one("SELECT doc FROM sn_member WHERE email = ?", s -> s.setString(1, email.value()), Member.class);
    }

    public void insertMember(Member m) {
        if (member(m.id()).isPresent()) {
            throw new DuplicateException("a member with id " + m.id() + " already exists");
        }
        if (memberByEmail(m.email()).isPresent()) {
            throw new DuplicateException("the address " + m.email() + " is already registered");
        }
        update("INSERT INTO sn_member (id, email, establishment, version, doc) VALUES (?, ?, ?, ?, ?)", s -> {
            s.setString(1, m.id().value());
            s.setString(2, m.email().value());
            s.setString(3, m.establishment().value());
            s.setLong(4, m.version());
            s.setString(5, write(m));
        });
    }

    public void updateMember(Member m, long expectedVersion) {
        requireNextVersion(m.version(), expectedVersion);
        Optional<Member> sameEmail = memberByEmail(m.email());
        if (sameEmail.isPresent() && !sameEmail.get().id().equals(m.id())) {
            throw new DuplicateException("the address " + m.email() + " is already registered");
        }
        if (update("UPDATE sn_member SET email = ?, establishment = ?, version = ?, doc = ? WHERE id = ? AND version = ?", s -> {
            s.setString(1, m.email().value());
            s.setString(2, m.establishment().value());
            s.setLong(3, m.version());
            s.setString(4, write(m));
            s.setString(5, m.id().value());
            s.setLong(6, expectedVersion);
        }) == 0) {
            throw missedUpdate("sn_member", "member", m.id(), expectedVersion);
        }
    }

    public List<Member> membersAt(Uai establishment) {
        return docs("SELECT doc FROM sn_member WHERE establishment = ?", s -> s.setString(1, establishment.value()), Member.class);
    }

    public void forEachMember(Consumer<? super Member> action) {
        streamDocs("SELECT doc FROM sn_member", Member.class, action);
    }

    /**
     * Every document a query returns, read as {@code type} and given to {@code action} in the query's order, on the
     * calling thread. Streamed with a fetch size; the JSON of each page is read on the common pool while the next
     * page arrives (a million members at start: the parsing, not the database, is what takes time).
     */
    private <T> void streamDocs(String query, Class<T> type, Consumer<? super T> action) {
        streamRows(query, rs -> rs.getString(1), doc -> read(doc, type), action);
    }

    /**
     * Members as derived state needs them, read from their documents by a streaming parser that skips the rest — on
     * PostgreSQL from the bytes the server sent (UTF-8), without making a string of each document first.
     */
    public void forEachMemberProjection(Consumer<? super fr.sharenum.spi.MemberProjection> action) {
        fr.sharenum.jdbc.internal.MemberProjectionReader reader = new fr.sharenum.jdbc.internal.MemberProjectionReader();
        if (postgres) {
            streamRows("SELECT doc FROM sn_member", rs -> rs.getBytes(1), reader::fromUtf8, action);
        } else {
            streamRows("SELECT doc FROM sn_member", rs -> rs.getString(1), reader, action);
        }
    }

    /** The first column of a row. */
    private interface Column<R> {
        R get(ResultSet rs) throws SQLException;
    }

    private <R, T> void streamRows(String query, Column<R> column, java.util.function.Function<R, T> reader,
                                   Consumer<? super T> action) {
        sql.check();
        final int page = 2_000;
        java.util.ArrayDeque<java.util.concurrent.CompletableFuture<List<T>>> parsing = new java.util.ArrayDeque<>();
        try (PreparedStatement s = sql.connection().prepareStatement(query)) {
            s.setFetchSize(page);
            try (ResultSet rs = s.executeQuery()) {
                List<R> docs = new ArrayList<>(page);
                while (rs.next()) {
                    docs.add(column.get(rs));
                    if (docs.size() == page) {
                        List<R> batch = docs;
                        parsing.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> parse(batch, reader)));
                        docs = new ArrayList<>(page);
                        if (parsing.size() > 2) {
                            parsing.poll().join().forEach(action);
                        }
                    }
                }
                while (!parsing.isEmpty()) {
                    parsing.poll().join().forEach(action);
                }
                parse(docs, reader).forEach(action);
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static <R, T> List<T> parse(List<R> docs, java.util.function.Function<R, T> reader) {
        List<T> out = new ArrayList<>(docs.size());
        for (R doc : docs) {
            out.add(reader.apply(doc));
        }
        return out;
    }

    // --- verifications

    public Optional<VerificationRecord> verification(MemberId member) {
        return one("SELECT doc FROM sn_verification WHERE member = ?", s -> s.setString(1, member.value()), VerificationRecord.class);
    }

    public void putVerification(VerificationRecord r) {
        deleteVerification(r.member());
        update("INSERT INTO sn_verification (member, doc) VALUES (?, ?)", s -> {
            s.setString(1, r.member().value());
            s.setString(2, write(r));
        });
    }

    public void deleteVerification(MemberId member) {
        update("DELETE FROM sn_verification WHERE member = ?", s -> s.setString(1, member.value()));
    }

    // --- tickets

    public Optional<TicketNum> ticket(TicketId id) {
        return one("SELECT doc FROM sn_ticket WHERE id = ?", s -> s.setString(1, id.value()), TicketNum.class);
    }

    public void insertTicket(TicketNum t) {
        if (ticket(t.id()).isPresent()) {
            throw new DuplicateException("a ticket with id " + t.id() + " already exists");
        }
        update("INSERT INTO sn_ticket (id, requester, opened_at, awaiting, expires_at, version, doc) VALUES (?, ?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, t.id().value());
            s.setString(2, t.requester().value());
            s.setLong(3, nanos(t.openedAt()));
            s.setBoolean(4, t.status().acceptsOffers());
            s.setLong(5, nanos(t.expiresAt()));
            s.setLong(6, t.version());
            s.setString(7, write(t));
        });
        search.indexTicket(t);
    }

    public void updateTicket(TicketNum t, long expectedVersion) {
        requireNextVersion(t.version(), expectedVersion);
        Optional<TicketNum> old = ticket(t.id());
        if (old.isPresent() && !old.get().requester().equals(t.requester())) {
            throw new IllegalArgumentException("a ticket's requester cannot change");
        }
        if (update("UPDATE sn_ticket SET awaiting = ?, expires_at = ?, version = ?, doc = ? WHERE id = ? AND version = ?", s -> {
            s.setBoolean(1, t.status().acceptsOffers());
            s.setLong(2, nanos(t.expiresAt()));
            s.setLong(3, t.version());
            s.setString(4, write(t));
            s.setString(5, t.id().value());
            s.setLong(6, expectedVersion);
        }) == 0) {
            throw missedUpdate("sn_ticket", "ticket", t.id(), expectedVersion);
        }
        search.indexTicket(t);
    }

    public List<TicketNum> ticketsOf(MemberId requester) {
        return docs("SELECT doc FROM sn_ticket WHERE requester = ? ORDER BY opened_at, id",
                s -> s.setString(1, requester.value()), TicketNum.class);
    }

    public void forEachTicket(Consumer<? super TicketNum> action) {
        streamDocs("SELECT doc FROM sn_ticket", TicketNum.class, action);
    }

    public List<TicketNum> ticketsExpiringBy(Instant instant, int limit) {
        return docs("SELECT doc FROM sn_ticket WHERE awaiting = TRUE AND expires_at <= ? ORDER BY expires_at, id LIMIT ?", s -> {
            s.setLong(1, nanos(instant));
            s.setInt(2, Math.max(limit, 0));
        }, TicketNum.class);
    }

    // --- conversations

    public void appendMessage(Message m) {
        if (ticket(m.ticket()).isEmpty()) {
            throw new NotFoundException("ticket", m.ticket());
        }
        long last = lastMessageSeq(m.ticket());
        if (m.seq() != last + 1) {
            throw new VersionConflictException("conversation", m.ticket(), m.seq() - 1, last);
        }
        try {
            update("INSERT INTO sn_message (ticket, seq, doc) VALUES (?, ?, ?)", s -> {
                s.setString(1, m.ticket().value());
                s.setLong(2, m.seq());
                s.setString(3, write(m));
            });
        } catch (DuplicateException e) {
            throw new VersionConflictException("conversation", m.ticket(), m.seq() - 1, m.seq());
        }
    }

    public void redactMessage(Message m) {
        if (update("UPDATE sn_message SET doc = ? WHERE ticket = ? AND seq = ?", s -> {
            s.setString(1, write(m));
            s.setString(2, m.ticket().value());
            s.setLong(3, m.seq());
        }) == 0) {
            throw new NotFoundException("message", m.ticket() + "#" + m.seq());
        }
    }

    public List<Message> messages(TicketId ticket, long afterSeq, int limit) {
        return docs("SELECT doc FROM sn_message WHERE ticket = ? AND seq > ? ORDER BY seq LIMIT ?", s -> {
            s.setString(1, ticket.value());
            s.setLong(2, afterSeq);
            s.setInt(3, Math.max(limit, 0));
        }, Message.class);
    }

    public long lastMessageSeq(TicketId ticket) {
        return longValue("SELECT COALESCE(MAX(seq), 0) FROM sn_message WHERE ticket = ?", s -> s.setString(1, ticket.value()))
                .getAsLong();
    }

    // --- agenda

    public Optional<Availability> availability(MemberId member) {
        return one("SELECT doc FROM sn_availability WHERE member = ?", s -> s.setString(1, member.value()), Availability.class);
    }

    public void putAvailability(MemberId member, Availability availability) {
        String doc = write(availability);
        if (update("UPDATE sn_availability SET doc = ? WHERE member = ?", s -> {
            s.setString(1, doc);
            s.setString(2, member.value());
        }) == 0) {
            update("INSERT INTO sn_availability (member, doc) VALUES (?, ?)", s -> {
                s.setString(1, member.value());
                s.setString(2, doc);
            });
        }
    }

    // --- events

    public Optional<Event> event(EventId id) {
        return one("SELECT doc FROM sn_event WHERE id = ?", s -> s.setString(1, id.value()), Event.class);
    }

    public void insertEvent(Event e) {
        if (event(e.id()).isPresent()) {
            throw new DuplicateException("an event with id " + e.id() + " already exists");
        }
        update("INSERT INTO sn_event (id, start_at, end_at, version, doc) VALUES (?, ?, ?, ?, ?)", s -> {
            s.setString(1, e.id().value());
            s.setLong(2, nanos(e.start()));
            s.setLong(3, nanos(e.end()));
            s.setLong(4, e.version());
            s.setString(5, write(e));
        });
        search.indexEvent(e);
    }

    public void updateEvent(Event e, long expectedVersion) {
        requireNextVersion(e.version(), expectedVersion);
        if (update("UPDATE sn_event SET start_at = ?, end_at = ?, version = ?, doc = ? WHERE id = ? AND version = ?", s -> {
            s.setLong(1, nanos(e.start()));
            s.setLong(2, nanos(e.end()));
            s.setLong(3, e.version());
            s.setString(4, write(e));
            s.setString(5, e.id().value());
            s.setLong(6, expectedVersion);
        }) == 0) {
            throw missedUpdate("sn_event", "event", e.id(), expectedVersion);
        }
        search.indexEvent(e);
    }

    public List<Event> eventsOverlapping(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        return docs("SELECT doc FROM sn_event WHERE start_at < ? AND end_at > ? ORDER BY start_at, id", s -> {
            s.setLong(1, nanos(to));
            s.setLong(2, nanos(from));
        }, Event.class);
    }

    public Optional<fr.sharenum.model.Campaign> campaign(fr.sharenum.model.CampaignId id) {
        return one("SELECT doc FROM sn_campaign WHERE id = ?", s -> s.setString(1, id.value()), fr.sharenum.model.Campaign.class);
    }

    public void insertCampaign(fr.sharenum.model.Campaign c) {
        if (campaign(c.id()).isPresent()) {
            throw new DuplicateException("a campaign with id " + c.id() + " already exists");
        }
        update("INSERT INTO sn_campaign (id, establishment, version, doc) VALUES (?, ?, ?, ?)", s -> {
            s.setString(1, c.id().value());
            s.setString(2, c.establishment().value());
            s.setLong(3, c.version());
            s.setString(4, write(c));
        });
    }

    public void updateCampaign(fr.sharenum.model.Campaign c, long expectedVersion) {
        requireNextVersion(c.version(), expectedVersion);
        if (update("UPDATE sn_campaign SET version = ?, doc = ? WHERE id = ? AND version = ?", s -> {
            s.setLong(1, c.version());
            s.setString(2, write(c));
            s.setString(3, c.id().value());
            s.setLong(4, expectedVersion);
        }) == 0) {
            throw missedUpdate("sn_campaign", "campaign", c.id(), expectedVersion);
        }
    }

    public void insertBadge(fr.sharenum.model.BadgeAward award) {
        if (!query("SELECT id FROM sn_badge WHERE member = ? AND badge = ?", s -> {
            s.setString(1, award.recipient().value());
            s.setString(2, award.badge());
        }, rs -> 1).isEmpty()) {
            throw new DuplicateException("member " + award.recipient() + " already holds badge " + award.badge());
        }
        update("INSERT INTO sn_badge (id, member, badge, issued_at, doc) VALUES (?, ?, ?, ?, ?)", s -> {
            s.setString(1, award.id());
            s.setString(2, award.recipient().value());
            s.setString(3, award.badge());
            s.setLong(4, nanos(award.issuedOn()));
            s.setString(5, write(award));
        });
    }

    public List<fr.sharenum.model.BadgeAward> badgesOf(MemberId member) {
        return docs("SELECT doc FROM sn_badge WHERE member = ? ORDER BY issued_at, id", s -> s.setString(1, member.value()),
                fr.sharenum.model.BadgeAward.class);
    }

    public void insertTraining(fr.sharenum.model.Training training) {
        if (!query("SELECT id FROM sn_training WHERE id = ?", s -> s.setString(1, training.id()), rs -> 1).isEmpty()) {
            throw new DuplicateException("a training with id " + training.id() + " already exists");
        }
        update("INSERT INTO sn_training (id, start_at, doc) VALUES (?, ?, ?)", s -> {
            s.setString(1, training.id());
            s.setLong(2, nanos(training.start()));
            s.setString(3, write(training));
        });
        trainingSearch.index(training);
    }

    public List<fr.sharenum.model.Training> publishedTrainings(Instant from, Instant to) {
        return docs("SELECT doc FROM sn_training WHERE start_at >= ? AND start_at < ? ORDER BY start_at, id", s -> {
            s.setLong(1, nanos(from));
            s.setLong(2, nanos(to));
        }, fr.sharenum.model.Training.class);
    }

    public void insertFeedback(fr.sharenum.model.Feedback f) {
        if (!query("SELECT member FROM sn_feedback WHERE event = ? AND member = ?", s -> {
            s.setString(1, f.event().value());
            s.setString(2, f.member().value());
        }, rs -> 1).isEmpty()) {
            throw new DuplicateException("member " + f.member() + " already gave feedback on event " + f.event());
        }
        update("INSERT INTO sn_feedback (event, member, at, doc) VALUES (?, ?, ?, ?)", s -> {
            s.setString(1, f.event().value());
            s.setString(2, f.member().value());
            s.setLong(3, nanos(f.at()));
            s.setString(4, write(f));
        });
    }

    public List<fr.sharenum.model.Feedback> feedbackOn(EventId event) {
        return docs("SELECT doc FROM sn_feedback WHERE event = ? ORDER BY at, member", s -> s.setString(1, event.value()),
                fr.sharenum.model.Feedback.class);
    }

    public void redactFeedback(fr.sharenum.model.Feedback f) {
        if (update("UPDATE sn_feedback SET doc = ? WHERE event = ? AND member = ?", s -> {
            s.setString(1, write(f));
            s.setString(2, f.event().value());
            s.setString(3, f.member().value());
        }) == 0) {
            throw new NotFoundException("feedback", f.member() + " on event " + f.event());
        }
    }

    // --- BusNum

    public Optional<Bus> bus(BusId id) {
        return one("SELECT doc FROM sn_bus WHERE id = ?", s -> s.setString(1, id.value()), Bus.class);
    }

    public void insertBus(Bus bus) {
        if (bus(bus.id()).isPresent()) {
            throw new DuplicateException("a bus with id " + bus.id() + " already exists");
        }
        update("INSERT INTO sn_bus (id, version, doc) VALUES (?, ?, ?)", s -> {
            s.setString(1, bus.id().value());
            s.setLong(2, bus.version());
            s.setString(3, write(bus));
        });
    }

    public void updateBus(Bus bus, long expectedVersion) {
        requireNextVersion(bus.version(), expectedVersion);
        if (update("UPDATE sn_bus SET version = ?, doc = ? WHERE id = ? AND version = ?", s -> {
            s.setLong(1, bus.version());
            s.setString(2, write(bus));
            s.setString(3, bus.id().value());
            s.setLong(4, expectedVersion);
        }) == 0) {
            throw missedUpdate("sn_bus", "bus", bus.id(), expectedVersion);
        }
    }

    public List<Bus> allBuses() {
        return docs("SELECT doc FROM sn_bus ORDER BY id", s -> { }, Bus.class);
    }

    public List<BusBooking> bookings(BusId bus, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        return docs("SELECT doc FROM sn_booking WHERE bus = ? AND start_at < ? AND end_at > ? ORDER BY start_at, event", s -> {
            s.setString(1, bus.value());
            s.setLong(2, nanos(to));
            s.setLong(3, nanos(from));
        }, BusBooking.class);
    }

    public void insertBooking(BusBooking b) {
        if (bus(b.bus()).isEmpty()) {
            throw new NotFoundException("bus", b.bus());
        }
        if (!query("SELECT event FROM sn_booking WHERE event = ?", s -> s.setString(1, b.event().value()), rs -> 1).isEmpty()) {
            throw new DuplicateException("event " + b.event() + " already has a booking");
        }
        update("INSERT INTO sn_booking (event, bus, start_at, end_at, doc) VALUES (?, ?, ?, ?, ?)", s -> {
            s.setString(1, b.event().value());
            s.setString(2, b.bus().value());
            s.setLong(3, nanos(b.onSite().start()));
            s.setLong(4, nanos(b.onSite().end()));
            s.setString(5, write(b));
        });
    }

    public void deleteBooking(BusId bus, EventId event) {
        update("DELETE FROM sn_booking WHERE bus = ? AND event = ?", s -> {
            s.setString(1, bus.value());
            s.setString(2, event.value());
        });
    }

    // --- notification outbox

    public void enqueue(OutboxEntry e) {
        if (outboxEntry(e.id()).isPresent()) {
            return;
        }
        update("INSERT INTO sn_outbox (id, status, next_attempt_at, created_at, version, doc) VALUES (?, ?, ?, ?, ?, ?)", s -> {
            s.setString(1, e.id());
            s.setString(2, e.status().name());
            s.setLong(3, nanos(e.nextAttemptAt()));
            s.setLong(4, nanos(e.createdAt()));
            s.setLong(5, e.version());
            s.setString(6, write(e));
        });
    }

    public Optional<OutboxEntry> outboxEntry(String notificationId) {
        return one("SELECT doc FROM sn_outbox WHERE id = ?", s -> s.setString(1, notificationId), OutboxEntry.class);
    }

    public List<OutboxEntry> dueNotifications(Instant now, int limit) {
        return docs("SELECT doc FROM sn_outbox WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id LIMIT ?", s -> {
                    s.setLong(1, nanos(now));
                    s.setInt(2, Math.max(limit, 0));
                }, OutboxEntry.class);
    }

    /** Due entries locked for this transaction; on PostgreSQL, those another claimer holds are skipped, not waited for. */
    public List<OutboxEntry> claimableNotifications(Instant now, int limit) {
        return docs("SELECT doc FROM sn_outbox WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id LIMIT ?" + (postgres ? " FOR UPDATE SKIP LOCKED" : ""), s -> {
                    s.setLong(1, nanos(now));
                    s.setInt(2, Math.max(limit, 0));
                }, OutboxEntry.class);
    }

    public void updateOutbox(OutboxEntry e, long expectedVersion) {
        requireNextVersion(e.version(), expectedVersion);
        if (update("UPDATE sn_outbox SET status = ?, next_attempt_at = ?, version = ?, doc = ? WHERE id = ? AND version = ?", s -> {
            s.setString(1, e.status().name());
            s.setLong(2, nanos(e.nextAttemptAt()));
            s.setLong(3, e.version());
            s.setString(4, write(e));
            s.setString(5, e.id());
            s.setLong(6, expectedVersion);
        }) == 0) {
            throw missedUpdate("sn_outbox", "outbox entry", e.id(), expectedVersion);
        }
    }

    public void deleteOutbox(String notificationId) {
        update("DELETE FROM sn_outbox WHERE id = ?", s -> s.setString(1, notificationId));
    }

    /** The outbox counted in one aggregate query, without reading the notifications. */
    public fr.sharenum.spi.OutboxBacklog outboxBacklog() {
        long[] counts = new long[2];
        long[] oldest = {Long.MAX_VALUE};
        query("SELECT status, COUNT(*), MIN(created_at) FROM sn_outbox GROUP BY status", s -> { }, rs -> {
            long n = rs.getLong(2);
            if ("DEAD".equals(rs.getString(1))) {
                counts[1] += n;
            } else {
                counts[0] += n;
                oldest[0] = Math.min(oldest[0], rs.getLong(3));
            }
            return null;
        });
        return new fr.sharenum.spi.OutboxBacklog(counts[0], counts[1], counts[0] == 0 ? null : Sql.instant(oldest[0]));
    }

    public List<OutboxEntry> deadLetters(int limit) {
        return docs("SELECT doc FROM sn_outbox WHERE status = 'DEAD' ORDER BY created_at, id LIMIT ?",
                s -> s.setInt(1, Math.max(limit, 0)), OutboxEntry.class);
    }

    // --- alert bounds and preferences

    public Optional<AlertPreferences> alertPreferences(MemberId member) {
        return one("SELECT doc FROM sn_alert_preferences WHERE member = ?", s -> s.setString(1, member.value()),
                AlertPreferences.class);
    }

    public void putAlertPreferences(MemberId member, AlertPreferences preferences) {
        String doc = write(preferences);
        if (update("UPDATE sn_alert_preferences SET doc = ? WHERE member = ?", s -> {
            s.setString(1, doc);
            s.setString(2, member.value());
        }) == 0) {
            update("INSERT INTO sn_alert_preferences (member, doc) VALUES (?, ?)", s -> {
                s.setString(1, member.value());
                s.setString(2, doc);
            });
        }
    }

    public java.util.Map<MemberId, AlertPreferences> alertPreferencesOf(java.util.Collection<MemberId> members) {
        java.util.Map<MemberId, AlertPreferences> out = new java.util.HashMap<>();
        forIdsIn("SELECT member, doc FROM sn_alert_preferences WHERE member IN (%s)", s -> { }, 0, members, rs -> {
            out.put(MemberId.of(rs.getString(1)), read(rs.getString(2), AlertPreferences.class));
            return null;
        });
        return out;
    }

    public void recordAlerts(java.util.Collection<AlertRecord> alerts) {
        sql.check();
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement s = sql.connection().prepareStatement("INSERT INTO sn_alert (helper, requester, tool, ticket, at) VALUES (?, ?, ?, ?, ?)")) {
            for (AlertRecord a : alerts) {
                s.setString(1, a.helper().value());
                s.setString(2, a.requester().value());
                s.setString(3, a.tool().value());
                s.setString(4, a.ticket().value());
                s.setLong(5, nanos(a.at()));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    public java.util.Map<MemberId, fr.sharenum.spi.AlertStore.AlertStats> alertStats(java.util.Collection<MemberId> helpers, Instant since) {
        java.util.Map<MemberId, fr.sharenum.spi.AlertStore.AlertStats> out = new java.util.HashMap<>();
        // per helper, two lookups on the (helper, at) index: the alerts since `since`, and the latest one — never the
        // whole history (a busy helper's grows by up to the weekly cap every week)
        List<MemberId> all = List.copyOf(new java.util.LinkedHashSet<>(helpers));
        for (int from = 0; from < all.size(); from += 500) {
            List<MemberId> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String values = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(CAST(? AS VARCHAR(128)))"));
            query("SELECT h.id, (SELECT COUNT(*) FROM sn_alert a WHERE a.helper = h.id AND a.at >= ?),"
                    + " (SELECT a.at FROM sn_alert a WHERE a.helper = h.id ORDER BY a.at DESC FETCH FIRST 1 ROWS ONLY)"
                    + " FROM (VALUES " + values + ") AS h(id)", s -> {
                        s.setLong(1, nanos(since));
                        for (int i = 0; i < chunk.size(); i++) {
                            s.setString(i + 2, chunk.get(i).value());
                        }
                    }, rs -> {
                        long last = rs.getLong(3);
                        Instant lastAt = rs.wasNull() ? null
                                : Instant.ofEpochSecond(Math.floorDiv(last, 1_000_000_000L), Math.floorMod(last, 1_000_000_000L));
                        out.put(MemberId.of(rs.getString(1)), new fr.sharenum.spi.AlertStore.AlertStats(rs.getInt(2), lastAt));
                        return null;
                    });
        }
        for (MemberId h : helpers) {
            out.putIfAbsent(h, new fr.sharenum.spi.AlertStore.AlertStats(0, null));
        }
        return out;
    }

    public java.util.Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since) {
        return new java.util.HashSet<>(query("SELECT DISTINCT helper FROM sn_alert WHERE requester = ? AND tool = ? AND at >= ?", s -> {
            s.setString(1, requester.value());
            s.setString(2, tool.value());
            s.setLong(3, nanos(since));
        }, rs -> MemberId.of(rs.getString(1))));
    }

    // --- the store SPI's native aggregates, over the methods above

    @Override
    public Optional<fr.sharenum.spi.EstablishmentStore> establishments() {
        return Optional.of(new fr.sharenum.spi.EstablishmentStore() {
            @Override
            public Optional<Establishment> get(Uai uai) {
                return JdbcTransaction.this.establishment(uai);
            }

            @Override
            public void put(Establishment establishment) {
                JdbcTransaction.this.putEstablishment(establishment);
            }

            @Override
            public void forEach(Consumer<? super Establishment> action) {
                JdbcTransaction.this.forEachEstablishment(action);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.MemberStore> members() {
        return Optional.of(new fr.sharenum.spi.MemberStore() {
            @Override
            public Optional<Member> get(MemberId id) {
                return JdbcTransaction.this.member(id);
            }

            @Override
            public Optional<Member> byEmail(Email email) {
                return JdbcTransaction.this.memberByEmail(email);
            }

            @Override
            public void insert(Member member) {
                JdbcTransaction.this.insertMember(member);
            }

            @Override
            public void update(Member member, long expectedVersion) {
                JdbcTransaction.this.updateMember(member, expectedVersion);
            }

            @Override
            public List<Member> at(Uai establishment) {
                return JdbcTransaction.this.membersAt(establishment);
            }

            @Override
            public void forEach(Consumer<? super Member> action) {
                JdbcTransaction.this.forEachMember(action);
            }

            @Override
            public void forEachProjection(Consumer<? super fr.sharenum.spi.MemberProjection> action) {
                JdbcTransaction.this.forEachMemberProjection(action);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.VerificationStore> verifications() {
        return Optional.of(new fr.sharenum.spi.VerificationStore() {
            @Override
            public Optional<VerificationRecord> get(MemberId member) {
                return JdbcTransaction.this.verification(member);
            }

            @Override
            public void put(VerificationRecord record) {
                JdbcTransaction.this.putVerification(record);
            }

            @Override
            public void delete(MemberId member) {
                JdbcTransaction.this.deleteVerification(member);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.TicketStore> tickets() {
        return Optional.of(new fr.sharenum.spi.TicketStore() {
            @Override
            public Optional<TicketNum> get(TicketId id) {
                return JdbcTransaction.this.ticket(id);
            }

            @Override
            public void insert(TicketNum ticket) {
                JdbcTransaction.this.insertTicket(ticket);
            }

            @Override
            public void update(TicketNum ticket, long expectedVersion) {
                JdbcTransaction.this.updateTicket(ticket, expectedVersion);
            }

            @Override
            public List<TicketNum> openedBy(MemberId requester) {
                return JdbcTransaction.this.ticketsOf(requester);
            }

            @Override
            public void forEach(Consumer<? super TicketNum> action) {
                JdbcTransaction.this.forEachTicket(action);
            }

            @Override
            public List<TicketNum> expiringBy(Instant instant, int limit) {
                return JdbcTransaction.this.ticketsExpiringBy(instant, limit);
            }

            @Override
            public List<TicketNum> search(fr.sharenum.spi.TicketQuery query) {
                return JdbcTransaction.this.search.searchTickets(query);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.MessageStore> messages() {
        return Optional.of(new fr.sharenum.spi.MessageStore() {
            @Override
            public void append(Message message) {
                JdbcTransaction.this.appendMessage(message);
            }

            @Override
            public List<Message> after(TicketId ticket, long afterSeq, int limit) {
                return JdbcTransaction.this.messages(ticket, afterSeq, limit);
            }

            @Override
            public long lastSeq(TicketId ticket) {
                return JdbcTransaction.this.lastMessageSeq(ticket);
            }

            @Override
            public void redact(Message redacted) {
                JdbcTransaction.this.redactMessage(redacted);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.AvailabilityStore> availability() {
        return Optional.of(new fr.sharenum.spi.AvailabilityStore() {
            @Override
            public Optional<Availability> get(MemberId member) {
                return JdbcTransaction.this.availability(member);
            }

            @Override
            public void put(MemberId member, Availability availability) {
                JdbcTransaction.this.putAvailability(member, availability);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.EventStore> events() {
        return Optional.of(new fr.sharenum.spi.EventStore() {
            @Override
            public Optional<Event> get(EventId id) {
                return JdbcTransaction.this.event(id);
            }

            @Override
            public void insert(Event event) {
                JdbcTransaction.this.insertEvent(event);
            }

            @Override
            public void update(Event event, long expectedVersion) {
                JdbcTransaction.this.updateEvent(event, expectedVersion);
            }

            @Override
            public List<Event> overlapping(Instant from, Instant to) {
                return JdbcTransaction.this.eventsOverlapping(from, to);
            }

            @Override
            public List<Event> search(fr.sharenum.spi.EventQuery query) {
                return JdbcTransaction.this.search.searchEvents(query);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.FeedbackStore> feedback() {
        return Optional.of(new fr.sharenum.spi.FeedbackStore() {
            @Override
            public void insert(Feedback feedback) {
                JdbcTransaction.this.insertFeedback(feedback);
            }

            @Override
            public List<Feedback> on(EventId event) {
                return JdbcTransaction.this.feedbackOn(event);
            }

            @Override
            public void redact(Feedback redacted) {
                JdbcTransaction.this.redactFeedback(redacted);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.BusStore> buses() {
        return Optional.of(new fr.sharenum.spi.BusStore() {
            @Override
            public Optional<Bus> get(BusId id) {
                return JdbcTransaction.this.bus(id);
            }

            @Override
            public void insert(Bus bus) {
                JdbcTransaction.this.insertBus(bus);
            }

            @Override
            public void update(Bus bus, long expectedVersion) {
                JdbcTransaction.this.updateBus(bus, expectedVersion);
            }

            @Override
            public List<Bus> all() {
                return JdbcTransaction.this.allBuses();
            }

            @Override
            public List<BusBooking> bookings(BusId bus, Instant from, Instant to) {
                return JdbcTransaction.this.bookings(bus, from, to);
            }

            @Override
            public void insertBooking(BusBooking booking) {
                JdbcTransaction.this.insertBooking(booking);
            }

            @Override
            public void deleteBooking(BusId bus, EventId event) {
                JdbcTransaction.this.deleteBooking(bus, event);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.OutboxStore> outbox() {
        return Optional.of(new fr.sharenum.spi.OutboxStore() {
            @Override
            public void enqueue(OutboxEntry entry) {
                JdbcTransaction.this.enqueue(entry);
            }

            @Override
            public Optional<OutboxEntry> get(String notificationId) {
                return JdbcTransaction.this.outboxEntry(notificationId);
            }

            @Override
            public List<OutboxEntry> due(Instant now, int limit) {
                return JdbcTransaction.this.dueNotifications(now, limit);
            }

            @Override
            public List<OutboxEntry> claimable(Instant now, int limit) {
                return JdbcTransaction.this.claimableNotifications(now, limit);
            }

            @Override
            public void update(OutboxEntry entry, long expectedVersion) {
                JdbcTransaction.this.updateOutbox(entry, expectedVersion);
            }

            @Override
            public void delete(String notificationId) {
                JdbcTransaction.this.deleteOutbox(notificationId);
            }

            @Override
            public List<OutboxEntry> dead(int limit) {
                return JdbcTransaction.this.deadLetters(limit);
            }

            @Override
            public fr.sharenum.spi.OutboxBacklog backlog() {
                return JdbcTransaction.this.outboxBacklog();
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.AlertStore> alerts() {
        return Optional.of(new fr.sharenum.spi.AlertStore() {
            @Override
            public Optional<AlertPreferences> preferences(MemberId member) {
                return JdbcTransaction.this.alertPreferences(member);
            }

            @Override
            public void putPreferences(MemberId member, AlertPreferences preferences) {
                JdbcTransaction.this.putAlertPreferences(member, preferences);
            }

            @Override
            public Map<MemberId, AlertPreferences> preferencesOf(Collection<MemberId> members) {
                return JdbcTransaction.this.alertPreferencesOf(members);
            }

            @Override
            public void record(Collection<AlertRecord> alerts) {
                JdbcTransaction.this.recordAlerts(alerts);
            }

            @Override
            public Map<MemberId, fr.sharenum.spi.AlertStore.AlertStats> stats(Collection<MemberId> helpers, Instant since) {
                return JdbcTransaction.this.alertStats(helpers, since);
            }

            @Override
            public Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since) {
                return JdbcTransaction.this.alertedBy(requester, tool, since);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.TrainingStore> trainings() {
        return Optional.of(new fr.sharenum.spi.TrainingStore() {
            @Override
            public void insert(Training training) {
                JdbcTransaction.this.insertTraining(training);
            }

            @Override
            public List<Training> published(Instant from, Instant to) {
                return JdbcTransaction.this.publishedTrainings(from, to);
            }

            @Override
            public List<Training> search(fr.sharenum.spi.TrainingQuery query) {
                return JdbcTransaction.this.trainingSearch.search(query);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.BadgeStore> badges() {
        return Optional.of(new fr.sharenum.spi.BadgeStore() {
            @Override
            public void insert(BadgeAward award) {
                JdbcTransaction.this.insertBadge(award);
            }

            @Override
            public List<BadgeAward> of(MemberId member) {
                return JdbcTransaction.this.badgesOf(member);
            }
        });
    }

    @Override
    public Optional<fr.sharenum.spi.CampaignStore> campaigns() {
        return Optional.of(new fr.sharenum.spi.CampaignStore() {
            @Override
            public Optional<Campaign> get(CampaignId id) {
                return JdbcTransaction.this.campaign(id);
            }

            @Override
            public void insert(Campaign campaign) {
                JdbcTransaction.this.insertCampaign(campaign);
            }

            @Override
            public void update(Campaign campaign, long expectedVersion) {
                JdbcTransaction.this.updateCampaign(campaign, expectedVersion);
            }
        });
    }
}
