package fr.sharenum.jdbc;

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

    JdbcTransaction(Connection c) {
        this.sql = new Sql(c);
        this.documents = new JdbcDocuments(sql);
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

    @Override
    public Optional<Establishment> establishment(Uai uai) {
        return one("SELECT doc FROM sn_establishment WHERE uai = ?", s -> s.setString(1, uai.value()), Establishment.class);
    }

    @Override
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

    @Override
    public void forEachEstablishment(Consumer<? super Establishment> action) {
        docs("SELECT doc FROM sn_establishment", s -> { }, Establishment.class).forEach(action);
    }

    // --- members

    @Override
    public Optional<Member> member(MemberId id) {
        return one("SELECT doc FROM sn_member WHERE id = ?", s -> s.setString(1, id.value()), Member.class);
    }

    @Override
    public Optional<Member> memberByEmail(Email email) {
        return one("SELECT doc FROM sn_member WHERE email = ?", s -> s.setString(1, email.value()), Member.class);
    }

    @Override
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

    @Override
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

    @Override
    public List<Member> membersAt(Uai establishment) {
        return docs("SELECT doc FROM sn_member WHERE establishment = ?", s -> s.setString(1, establishment.value()), Member.class);
    }

    @Override
    public void forEachMember(Consumer<? super Member> action) {
        sql.check();
        try (PreparedStatement s = sql.connection().prepareStatement("SELECT doc FROM sn_member")) {
            s.setFetchSize(1_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    action.accept(read(rs.getString(1), Member.class));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    // --- verifications

    @Override
    public Optional<VerificationRecord> verification(MemberId member) {
        return one("SELECT doc FROM sn_verification WHERE member = ?", s -> s.setString(1, member.value()), VerificationRecord.class);
    }

    @Override
    public void putVerification(VerificationRecord r) {
        deleteVerification(r.member());
        update("INSERT INTO sn_verification (member, doc) VALUES (?, ?)", s -> {
            s.setString(1, r.member().value());
            s.setString(2, write(r));
        });
    }

    @Override
    public void deleteVerification(MemberId member) {
        update("DELETE FROM sn_verification WHERE member = ?", s -> s.setString(1, member.value()));
    }

    // --- tickets

    @Override
    public Optional<TicketNum> ticket(TicketId id) {
        return one("SELECT doc FROM sn_ticket WHERE id = ?", s -> s.setString(1, id.value()), TicketNum.class);
    }

    @Override
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
    }

    @Override
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
    }

    @Override
    public List<TicketNum> ticketsOf(MemberId requester) {
        return docs("SELECT doc FROM sn_ticket WHERE requester = ? ORDER BY opened_at, id",
                s -> s.setString(1, requester.value()), TicketNum.class);
    }

    @Override
    public List<TicketNum> ticketsExpiringBy(Instant instant, int limit) {
        return docs("SELECT doc FROM sn_ticket WHERE awaiting = TRUE AND expires_at <= ? ORDER BY expires_at, id LIMIT ?", s -> {
            s.setLong(1, nanos(instant));
            s.setInt(2, Math.max(limit, 0));
        }, TicketNum.class);
    }

    // --- conversations

    @Override
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

    @Override
    public void redactMessage(Message m) {
        if (update("UPDATE sn_message SET doc = ? WHERE ticket = ? AND seq = ?", s -> {
            s.setString(1, write(m));
            s.setString(2, m.ticket().value());
            s.setLong(3, m.seq());
        }) == 0) {
            throw new NotFoundException("message", m.ticket() + "#" + m.seq());
        }
    }

    @Override
    public List<Message> messages(TicketId ticket, long afterSeq, int limit) {
        return docs("SELECT doc FROM sn_message WHERE ticket = ? AND seq > ? ORDER BY seq LIMIT ?", s -> {
            s.setString(1, ticket.value());
            s.setLong(2, afterSeq);
            s.setInt(3, Math.max(limit, 0));
        }, Message.class);
    }

    @Override
    public long lastMessageSeq(TicketId ticket) {
        return longValue("SELECT COALESCE(MAX(seq), 0) FROM sn_message WHERE ticket = ?", s -> s.setString(1, ticket.value()))
                .getAsLong();
    }

    // --- agenda

    @Override
    public Optional<Availability> availability(MemberId member) {
        return one("SELECT doc FROM sn_availability WHERE member = ?", s -> s.setString(1, member.value()), Availability.class);
    }

    @Override
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

    @Override
    public Optional<Event> event(EventId id) {
        return one("SELECT doc FROM sn_event WHERE id = ?", s -> s.setString(1, id.value()), Event.class);
    }

    @Override
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
    }

    @Override
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
    }

    @Override
    public List<Event> eventsOverlapping(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        return docs("SELECT doc FROM sn_event WHERE start_at < ? AND end_at > ? ORDER BY start_at, id", s -> {
            s.setLong(1, nanos(to));
            s.setLong(2, nanos(from));
        }, Event.class);
    }

    @Override
    public Optional<fr.sharenum.model.Campaign> campaign(fr.sharenum.model.CampaignId id) {
        return one("SELECT doc FROM sn_campaign WHERE id = ?", s -> s.setString(1, id.value()), fr.sharenum.model.Campaign.class);
    }

    @Override
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

    @Override
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

    @Override
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

    @Override
    public List<fr.sharenum.model.BadgeAward> badgesOf(MemberId member) {
        return docs("SELECT doc FROM sn_badge WHERE member = ? ORDER BY issued_at, id", s -> s.setString(1, member.value()),
                fr.sharenum.model.BadgeAward.class);
    }

    @Override
    public void insertTraining(fr.sharenum.model.Training training) {
        if (!query("SELECT id FROM sn_training WHERE id = ?", s -> s.setString(1, training.id()), rs -> 1).isEmpty()) {
            throw new DuplicateException("a training with id " + training.id() + " already exists");
        }
        update("INSERT INTO sn_training (id, start_at, doc) VALUES (?, ?, ?)", s -> {
            s.setString(1, training.id());
            s.setLong(2, nanos(training.start()));
            s.setString(3, write(training));
        });
    }

    @Override
    public List<fr.sharenum.model.Training> publishedTrainings(Instant from, Instant to) {
        return docs("SELECT doc FROM sn_training WHERE start_at >= ? AND start_at < ? ORDER BY start_at, id", s -> {
            s.setLong(1, nanos(from));
            s.setLong(2, nanos(to));
        }, fr.sharenum.model.Training.class);
    }

    @Override
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

    @Override
    public List<fr.sharenum.model.Feedback> feedbackOn(EventId event) {
        return docs("SELECT doc FROM sn_feedback WHERE event = ? ORDER BY at, member", s -> s.setString(1, event.value()),
                fr.sharenum.model.Feedback.class);
    }

    @Override
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

    @Override
    public Optional<Bus> bus(BusId id) {
        return one("SELECT doc FROM sn_bus WHERE id = ?", s -> s.setString(1, id.value()), Bus.class);
    }

    @Override
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

    @Override
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

    @Override
    public List<Bus> buses() {
        return docs("SELECT doc FROM sn_bus ORDER BY id", s -> { }, Bus.class);
    }

    @Override
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

    @Override
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

    @Override
    public void deleteBooking(BusId bus, EventId event) {
        update("DELETE FROM sn_booking WHERE bus = ? AND event = ?", s -> {
            s.setString(1, bus.value());
            s.setString(2, event.value());
        });
    }

    // --- notification outbox

    @Override
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

    @Override
    public Optional<OutboxEntry> outboxEntry(String notificationId) {
        return one("SELECT doc FROM sn_outbox WHERE id = ?", s -> s.setString(1, notificationId), OutboxEntry.class);
    }

    @Override
    public List<OutboxEntry> dueNotifications(Instant now, int limit) {
        return docs("SELECT doc FROM sn_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                s -> {
                    s.setLong(1, nanos(now));
                    s.setInt(2, Math.max(limit, 0));
                }, OutboxEntry.class);
    }

    @Override
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

    @Override
    public void deleteOutbox(String notificationId) {
        update("DELETE FROM sn_outbox WHERE id = ?", s -> s.setString(1, notificationId));
    }

    @Override
    public List<OutboxEntry> deadLetters(int limit) {
        return docs("SELECT doc FROM sn_outbox WHERE status = 'DEAD' ORDER BY created_at, id LIMIT ?",
                s -> s.setInt(1, Math.max(limit, 0)), OutboxEntry.class);
    }

    // --- alert bounds and preferences

    @Override
    public Optional<AlertPreferences> alertPreferences(MemberId member) {
        return one("SELECT doc FROM sn_alert_preferences WHERE member = ?", s -> s.setString(1, member.value()),
                AlertPreferences.class);
    }

    @Override
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

    @Override
    public java.util.Map<MemberId, AlertPreferences> alertPreferencesOf(java.util.Collection<MemberId> members) {
        java.util.Map<MemberId, AlertPreferences> out = new java.util.HashMap<>();
        forIdsIn("SELECT member, doc FROM sn_alert_preferences WHERE member IN (%s)", s -> { }, 0, members, rs -> {
            out.put(MemberId.of(rs.getString(1)), read(rs.getString(2), AlertPreferences.class));
            return null;
        });
        return out;
    }

    @Override
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

    @Override
    public java.util.Map<MemberId, AlertStats> alertStats(java.util.Collection<MemberId> helpers, Instant since) {
        java.util.Map<MemberId, AlertStats> out = new java.util.HashMap<>();
        forIdsIn("SELECT helper, SUM(CASE WHEN at >= ? THEN 1 ELSE 0 END), MAX(at) FROM sn_alert WHERE helper IN (%s)"
                + " GROUP BY helper", s -> s.setLong(1, nanos(since)), 1, helpers, rs -> {
                    long last = rs.getLong(3);
                    out.put(MemberId.of(rs.getString(1)), new AlertStats(rs.getInt(2),
                            Instant.ofEpochSecond(Math.floorDiv(last, 1_000_000_000L), Math.floorMod(last, 1_000_000_000L))));
                    return null;
                });
        for (MemberId h : helpers) {
            out.putIfAbsent(h, new AlertStats(0, null));
        }
        return out;
    }

    @Override
    public java.util.Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since) {
        return new java.util.HashSet<>(query("SELECT DISTINCT helper FROM sn_alert WHERE requester = ? AND tool = ? AND at >= ?", s -> {
            s.setString(1, requester.value());
            s.setString(2, tool.value());
            s.setLong(3, nanos(since));
        }, rs -> MemberId.of(rs.getString(1))));
    }
}
