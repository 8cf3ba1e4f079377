package fr.sharenum.core.internal.kernel;

import fr.sharenum.core.internal.store.Codec;
import fr.sharenum.core.internal.store.DocCollection;
import fr.sharenum.core.internal.store.Keys;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.Availability;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Campaign;
import fr.sharenum.model.CampaignId;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Offer;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.Uai;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.AlertRecord;
import fr.sharenum.spi.AlertStore;
import fr.sharenum.spi.AvailabilityStore;
import fr.sharenum.spi.BadgeStore;
import fr.sharenum.spi.BusStore;
import fr.sharenum.spi.CampaignStore;
import fr.sharenum.spi.Change;
import fr.sharenum.spi.ChangeFeedStore;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;
import fr.sharenum.spi.EstablishmentStore;
import fr.sharenum.spi.EventQuery;
import fr.sharenum.spi.EventStore;
import fr.sharenum.spi.GeoGrid;
import fr.sharenum.spi.TicketQuery;
import fr.sharenum.spi.FeedbackStore;
import fr.sharenum.spi.MemberStore;
import fr.sharenum.spi.MessageStore;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.OutboxStore;
import fr.sharenum.spi.StoreTransaction;
import fr.sharenum.spi.TicketStore;
import fr.sharenum.spi.TrainingQuery;
import fr.sharenum.spi.TrainingStore;
import fr.sharenum.spi.VerificationRecord;
import fr.sharenum.spi.VerificationStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every aggregate of the store SPI built on the storage kernel ({@link Documents}), for stores that implement only
 * the kernel (or some aggregates natively and the rest here). Each aggregate is a collection of JSON documents
 * keyed as the aggregate is, with the index values its queries range over; uniqueness (one address per member,
 * one message per seq, one booking per event) comes from keys, optimistic versions from the documents' versions.
 */
public final class KernelAggregates {
    private static final String END = "~";   // sorts after '|' and every character core writes in index values

    private KernelAggregates() {
    }

    /**
     * {@code t} with every aggregate: the store's own where it has one, built on its kernel otherwise.
     *
     * @param t a transaction of any store
     * @return the complete transaction
     */
    public static StoreTransaction complete(StoreTransaction t) {
        return new Complete(t);
    }

    /** A transaction that provides every aggregate. */
    private static final class Complete implements StoreTransaction {
        private final StoreTransaction t;

        Complete(StoreTransaction t) {
            this.t = t;
        }

        @Override
        public Optional<Doc> get(String collection, String key) {
            return t.get(collection, key);
        }

        @Override
        public Map<String, Doc> getAll(String collection, Collection<String> keys) {
            return t.getAll(collection, keys);
        }

        @Override
        public void insert(String collection, Doc doc) {
            t.insert(collection, doc);
        }

        @Override
        public void replace(String collection, Doc doc, long expectedVersion) {
            t.replace(collection, doc, expectedVersion);
        }

        @Override
        public boolean delete(String collection, String key) {
            return t.delete(collection, key);
        }

        @Override
        public List<Doc> range(String collection, String index, String from, String to, int limit) {
            return t.range(collection, index, from, to, limit);
        }

        @Override
        public Optional<EstablishmentStore> establishments() {
            return Optional.of(t.establishments().orElseGet(() -> KernelAggregates.establishments(t)));
        }

        @Override
        public Optional<MemberStore> members() {
            return Optional.of(t.members().orElseGet(() -> KernelAggregates.members(t)));
        }

        @Override
        public Optional<VerificationStore> verifications() {
            return Optional.of(t.verifications().orElseGet(() -> KernelAggregates.verifications(t)));
        }

        @Override
        public Optional<TicketStore> tickets() {
            return Optional.of(t.tickets().orElseGet(() -> KernelAggregates.tickets(t)));
        }

        @Override
        public Optional<MessageStore> messages() {
            return Optional.of(t.messages().orElseGet(() -> KernelAggregates.messages(t)));
        }

        @Override
        public Optional<AvailabilityStore> availability() {
            return Optional.of(t.availability().orElseGet(() -> KernelAggregates.availability(t)));
        }

        @Override
        public Optional<EventStore> events() {
            return Optional.of(t.events().orElseGet(() -> KernelAggregates.events(t)));
        }

        @Override
        public Optional<FeedbackStore> feedback() {
            return Optional.of(t.feedback().orElseGet(() -> KernelAggregates.feedback(t)));
        }

        @Override
        public Optional<BusStore> buses() {
            return Optional.of(t.buses().orElseGet(() -> KernelAggregates.buses(t)));
        }

        @Override
        public Optional<OutboxStore> outbox() {
            return Optional.of(t.outbox().orElseGet(() -> KernelAggregates.outbox(t)));
        }

        @Override
        public Optional<AlertStore> alerts() {
            return Optional.of(t.alerts().orElseGet(() -> KernelAggregates.alerts(t)));
        }

        @Override
        public Optional<TrainingStore> trainings() {
            return Optional.of(t.trainings().orElseGet(() -> KernelAggregates.trainings(t)));
        }

        @Override
        public Optional<BadgeStore> badges() {
            return Optional.of(t.badges().orElseGet(() -> KernelAggregates.badges(t)));
        }

        @Override
        public Optional<CampaignStore> campaigns() {
            return Optional.of(t.campaigns().orElseGet(() -> KernelAggregates.campaigns(t)));
        }

        @Override
        public Optional<ChangeFeedStore> changes() {
            return Optional.of(t.changes().orElseGet(() -> KernelAggregates.changes(t)));
        }
    }

    /** Documents of {@code T} with a version mirroring the record's own. */
    private static <T> DocCollection<T> coll(String name, Class<T> type, Function<T, String> key,
                                             Function<T, Map<String, String>> index) {
        return new DocCollection<>(name, type, key, index);
    }

    private static String seq(long n) {
        return String.format("%019d", n);
    }

    // --- establishments

    private static final DocCollection<Establishment> ESTABLISHMENTS = coll("establishment", Establishment.class,
            e -> e.uai().value(), e -> Map.of());

    /**
     * @param d the transaction's kernel
     * @return establishments on the kernel
     */
    public static EstablishmentStore establishments(Documents d) {
        return new EstablishmentStore() {
            @Override
            public Optional<Establishment> get(Uai uai) {
                return ESTABLISHMENTS.get(d, uai.value());
            }

            @Override
            public void put(Establishment e) {
                ESTABLISHMENTS.put(d, e);
            }

            @Override
            public void forEach(Consumer<? super Establishment> action) {
                ESTABLISHMENTS.between(d, Documents.BY_KEY, "", END).forEach(action);
            }
        };
    }

    // --- members

    private static final DocCollection<Member> MEMBERS = coll("member", Member.class, m -> m.id().value(),
            m -> Map.of("establishment", m.establishment().value()));
    /** One document per address: what makes addresses unique. */
    private static final DocCollection<MemberId> EMAILS = coll("member-email", MemberId.class, MemberId::value, m -> Map.of());

    /**
     * @param d the transaction's kernel
     * @return members on the kernel
     */
    public static MemberStore members(Documents d) {
        return new MemberStore() {
            @Override
            public Optional<Member> get(MemberId id) {
                return MEMBERS.get(d, id.value());
            }

            @Override
            public Optional<Member> byEmail(Email email) {
                return d.get("member-email", email.value()).flatMap(doc -> get(MemberId.of(doc.body())));
            }

            @Override
            public void insert(Member m) {
                if (MEMBERS.doc(d, m.id().value()).isPresent()) {
                    throw new DuplicateException("a member with id " + m.id() + " already exists");
                }
                claimEmail(m);
                MEMBERS.insert(d, m);
            }

            private void claimEmail(Member m) {
                try {
                    d.insert("member-email", Doc.of(m.email().value(), Map.of(), m.id().value()));
                } catch (DuplicateException e) {
                    throw new DuplicateException("the address " + m.email() + " is already registered");
                }
            }

            @Override
            public void update(Member m, long expectedVersion) {
                Member old = MEMBERS.get(d, m.id().value()).orElseThrow(() -> new NotFoundException("member", m.id()));
                if (old.version() != expectedVersion) {
                    throw new VersionConflictException("member", m.id(), expectedVersion, old.version());
                }
                requireNext(m.version(), expectedVersion);
                if (!old.email().equals(m.email())) {
                    claimEmail(m);
                    d.delete("member-email", old.email().value());
                }
                MEMBERS.replace(d, m, expectedVersion);
            }

            @Override
            public List<Member> at(Uai establishment) {
                return MEMBERS.all(d, "establishment", establishment.value());
            }

            @Override
            public void forEach(Consumer<? super Member> action) {
                MEMBERS.between(d, Documents.BY_KEY, "", END).forEach(action);
            }
        };
    }

    private static void requireNext(long newVersion, long expectedVersion) {
        if (newVersion != expectedVersion + 1) {
            throw new IllegalArgumentException("the new version must be " + (expectedVersion + 1) + ", was " + newVersion);
        }
    }

    // --- verifications

    private static final DocCollection<VerificationRecord> VERIFICATIONS = coll("verification", VerificationRecord.class,
            v -> v.member().value(), v -> Map.of());

    /**
     * @param d the transaction's kernel
     * @return pending verifications on the kernel
     */
    public static VerificationStore verifications(Documents d) {
        return new VerificationStore() {
            @Override
            public Optional<VerificationRecord> get(MemberId member) {
                return VERIFICATIONS.get(d, member.value());
            }

            @Override
            public void put(VerificationRecord record) {
                VERIFICATIONS.put(d, record);
            }

            @Override
            public void delete(MemberId member) {
                VERIFICATIONS.delete(d, member.value());
            }
        };
    }

    // --- tickets

    private static final DocCollection<TicketNum> TICKETS = coll("ticket", TicketNum.class, t -> t.id().value(), t -> {
        Map<String, String> ix = new HashMap<>();
        ix.put("requester", Keys.join(t.requester().value(), Keys.time(t.openedAt())));
        if (t.status().acceptsOffers()) {
            ix.put("awaiting", Keys.time(t.expiresAt()));
        }
        ix.put("opened", Keys.time(t.openedAt()));
        ix.put("cell", Keys.join(cell(GeoGrid.cell(t.origin())), Keys.time(t.openedAt())));
        return ix;
    });

    /** A helper's offer on a ticket: one document each, indexed by helper and the ticket's opening, for "my offers". */
    private record TicketOffer(TicketId ticket, MemberId helper, Instant openedAt) {
    }

    private static final DocCollection<TicketOffer> TICKET_OFFERS = coll("ticket-helper", TicketOffer.class,
            o -> Keys.join(o.ticket().value(), o.helper().value()),
            o -> Map.of("helper", Keys.join(o.helper().value(), Keys.time(o.openedAt()))));

    private static void indexOffers(Documents d, TicketNum before, TicketNum after) {
        for (Offer o : after.offers()) {
            if (before == null || before.offerOf(o.helper()).isEmpty()) {
                TICKET_OFFERS.insert(d, new TicketOffer(after.id(), o.helper(), after.openedAt()));
            }
        }
    }

    /** Up to {@code q.limit()} tickets of {@code index} in {@code [from, to)} that match {@code q}, in order. */
    private static List<TicketNum> matching(Documents d, String index, String from, String to, TicketQuery q) {
        List<TicketNum> out = new ArrayList<>();
        scan(d, TICKETS, TicketNum.class, index, from, to, t -> {
            if (q.matches(t)) {
                out.add(t);
            }
            return out.size() < q.limit();
        });
        return out;
    }

    /**
     * @param d the transaction's kernel
     * @return tickets on the kernel
     */
    public static TicketStore tickets(Documents d) {
        return new TicketStore() {
            @Override
            public Optional<TicketNum> get(TicketId id) {
                return TICKETS.get(d, id.value());
            }

            @Override
            public void insert(TicketNum t) {
                try {
                    TICKETS.insert(d, t);
                } catch (DuplicateException e) {
                    throw new DuplicateException("a ticket with id " + t.id() + " already exists");
                }
                indexOffers(d, null, t);
            }

            @Override
            public void update(TicketNum t, long expectedVersion) {
                requireNext(t.version(), expectedVersion);
                Optional<TicketNum> before = TICKETS.get(d, t.id().value());
                TICKETS.replace(d, t, expectedVersion);
                indexOffers(d, before.orElse(null), t);
            }

            @Override
            public List<TicketNum> search(TicketQuery q) {
                String from = q.afterOpenedAt() == null ? "" : Keys.time(q.afterOpenedAt());
                String to = END;
                List<TicketNum> found = new ArrayList<>();
                if (q.requester() != null) {
                    String r = q.requester().value();
                    found.addAll(matching(d, "requester", Keys.join(r, from), Keys.join(r, to), q));
                } else if (q.offeredBy() != null) {
                    String h = q.offeredBy().value();
                    scan(d, TICKET_OFFERS, TicketOffer.class, "helper", Keys.join(h, from), Keys.join(h, to), o -> {
                        TICKETS.get(d, o.ticket().value()).filter(q::matches).ifPresent(found::add);
                        return found.size() < q.limit();
                    });
                } else if (q.near() != null && !GeoGrid.cellsCovering(q.near(), q.radiusKm()).isEmpty()) {
                    for (int c : GeoGrid.cellsCovering(q.near(), q.radiusKm())) {
                        found.addAll(matching(d, "cell", Keys.join(cell(c), from), Keys.join(cell(c), to), q));
                    }
                } else {
                    found.addAll(matching(d, "opened", from, to, q));
                }
                return firstInOrder(found, TicketQuery.ORDER, TicketNum::id, q.limit());
            }

            @Override
            public List<TicketNum> openedBy(MemberId requester) {
                return TICKETS.all(d, "requester", requester.value());
            }

            @Override
            public List<TicketNum> expiringBy(Instant instant, int limit) {
                return TICKETS.range(d, "awaiting", "", Keys.time(instant) + END, limit);
            }

            @Override
            public void forEach(Consumer<? super TicketNum> action) {
                TICKETS.between(d, Documents.BY_KEY, "", END).forEach(action);
            }
        };
    }

    // --- conversations

    private static final DocCollection<Message> MESSAGES = coll("message", Message.class,
            m -> Keys.join(m.ticket().value(), seq(m.seq())), m -> Map.of());

    /**
     * @param d the transaction's kernel
     * @return conversations on the kernel
     */
    public static MessageStore messages(Documents d) {
        return new MessageStore() {
            @Override
            public void append(Message m) {
                long last = lastSeq(m.ticket());
                if (m.seq() != last + 1) {
                    throw new VersionConflictException("message", m.ticket() + "#" + m.seq(), last + 1, m.seq());
                }
                // the head is the conversation's version: of two writers of the same seq, one conflicts here
                Optional<Doc> head = d.get("message-head", m.ticket().value());
                if (head.isPresent()) {
                    d.replace("message-head", head.get().next(Map.of(), String.valueOf(m.seq())), head.get().version());
                } else {
                    try {
                        d.insert("message-head", Doc.of(m.ticket().value(), Map.of(), String.valueOf(m.seq())));
                    } catch (DuplicateException e) {
                        throw new VersionConflictException("message", m.ticket() + "#" + m.seq(), 0, 1);
                    }
                }
                MESSAGES.insert(d, m);
            }

            @Override
            public List<Message> after(TicketId ticket, long afterSeq, int limit) {
                String prefix = ticket.value();
                return MESSAGES.range(d, Documents.BY_KEY, Keys.join(prefix, seq(Math.max(0, afterSeq) + 1)),
                        Keys.after(Keys.join(prefix)), limit);
            }

            @Override
            public long lastSeq(TicketId ticket) {
                return d.get("message-head", ticket.value()).map(doc -> Long.parseLong(doc.body())).orElse(0L);
            }

            @Override
            public void redact(Message redacted) {
                String key = Keys.join(redacted.ticket().value(), seq(redacted.seq()));
                Doc doc = d.get("message", key).orElseThrow(() -> new NotFoundException("message", redacted.ticket() + "#" + redacted.seq()));
                d.replace("message", doc.next(doc.index(), Codec.write(redacted)), doc.version());
            }
        };
    }

    // --- availability

    private record Published(MemberId member, Availability availability) {
    }

    private static final DocCollection<Published> AVAILABILITY = coll("availability", Published.class,
            p -> p.member().value(), p -> Map.of());

    /**
     * @param d the transaction's kernel
     * @return availability on the kernel
     */
    public static AvailabilityStore availability(Documents d) {
        return new AvailabilityStore() {
            @Override
            public Optional<Availability> get(MemberId member) {
                return AVAILABILITY.get(d, member.value()).map(Published::availability);
            }

            @Override
            public void put(MemberId member, Availability availability) {
                AVAILABILITY.put(d, new Published(member, availability));
            }
        };
    }

    // --- events

    /** A member's part in an event: one document each, indexed by member and start, for "my events". */
    private record EventPart(EventId event, MemberId member, Instant start) {
    }

    private static final DocCollection<EventPart> EVENT_PARTS = coll("event-member", EventPart.class,
            p -> Keys.join(p.event().value(), p.member().value()),
            p -> Map.of("member", Keys.join(p.member().value(), Keys.time(p.start()))));

    private static final DocCollection<Event> EVENTS = coll("event", Event.class, e -> e.id().value(), e -> {
        Map<String, String> ix = new HashMap<>();
        ix.put("start", Keys.time(e.start()));
        e.location().ifPresent(p -> ix.put("cell", Keys.join(cell(GeoGrid.cell(p)), Keys.time(e.start()))));
        if (e.isOnline()) {
            ix.put("online", Keys.time(e.start()));
        }
        return ix;
    });

    private static String cell(int cell) {
        return String.format("%07d", cell);
    }

    /** Everyone who organises, holds a seat at or waits for {@code e}. */
    private static Set<MemberId> parties(Event e) {
        Set<MemberId> out = new LinkedHashSet<>(e.organisers());
        e.registered().forEach(r -> out.add(r.member()));
        e.waitlist().forEach(r -> out.add(r.member()));
        return out;
    }

    /** Keeps the event's part documents in step with the event (before: the stored version, or null). */
    private static void indexParts(Documents d, Event before, Event after) {
        Set<MemberId> old = before == null ? Set.of() : parties(before);
        Set<MemberId> now = parties(after);
        boolean moved = before != null && !before.start().equals(after.start());
        for (MemberId m : old) {
            if (!now.contains(m) || moved) {
                EVENT_PARTS.delete(d, Keys.join(after.id().value(), m.value()));
            }
        }
        for (MemberId m : now) {
            if (!old.contains(m) || moved) {
                EVENT_PARTS.insert(d, new EventPart(after.id(), m, after.start()));
            }
        }
    }

    /**
     * Visits the documents of {@code index} in {@code [from, to)} in order, page by page, while {@code visit} says
     * to go on.
     */
    private static <T> void scan(Documents d, DocCollection<T> c, Class<T> type, String index, String from, String to,
                                 Predicate<T> visit) {
        String lower = from;
        while (true) {
            List<Doc> page = d.range(c.name(), index, lower, to, 200);
            for (Doc doc : page) {
                if (!visit.test(Codec.read(doc.body(), type))) {
                    return;
                }
            }
            if (page.size() < 200) {
                return;
            }
            lower = page.get(page.size() - 1).index().get(index) + "\u0001";
        }
    }

    /** Up to {@code q.limit()} events of {@code index} in {@code [from, to)} that match {@code q}, in order. */
    private static List<Event> matching(Documents d, String index, String from, String to, EventQuery q) {
        List<Event> out = new ArrayList<>();
        scan(d, EVENTS, Event.class, index, from, to, e -> {
            if (q.matches(e)) {
                out.add(e);
            }
            return out.size() < q.limit();
        });
        return out;
    }

    /**
     * @param d the transaction's kernel
     * @return events on the kernel
     */
    public static EventStore events(Documents d) {
        return new EventStore() {
            @Override
            public Optional<Event> get(EventId id) {
                return EVENTS.get(d, id.value());
            }

            @Override
            public void insert(Event e) {
                try {
                    EVENTS.insert(d, e);
                } catch (DuplicateException x) {
                    throw new DuplicateException("an event with id " + e.id() + " already exists");
                }
                indexParts(d, null, e);
            }

            @Override
            public void update(Event e, long expectedVersion) {
                requireNext(e.version(), expectedVersion);
                Optional<Event> before = EVENTS.get(d, e.id().value());
                EVENTS.replace(d, e, expectedVersion);
                indexParts(d, before.orElse(null), e);
            }

            @Override
            public List<Event> overlapping(Instant from, Instant to) {
                Instant lookBack = from.minus(Event.MAX_DURATION);
                List<Event> out = new ArrayList<>();
                for (Event e : EVENTS.between(d, "start", Keys.time(lookBack), Keys.time(to))) {
                    if (e.end().isAfter(from) && e.start().isBefore(to)) {
                        out.add(e);
                    }
                }
                return out;
            }

            @Override
            public List<Event> search(EventQuery q) {
                Instant lower = q.afterStart() != null && q.afterStart().isAfter(q.from()) ? q.afterStart() : q.from();
                String from = Keys.time(lower);
                String to = Keys.time(q.to());
                List<Event> found = new ArrayList<>();
                if (q.participant() != null) {
                    String m = q.participant().value();
                    scan(d, EVENT_PARTS, EventPart.class, "member", Keys.join(m, from), Keys.join(m, to), p -> {
                        EVENTS.get(d, p.event().value()).filter(q::matches).ifPresent(found::add);
                        return found.size() < q.limit();
                    });
                } else if (q.placed()) {
                    if (q.near() != null) {
                        List<Integer> cells = GeoGrid.cellsCovering(q.near(), q.radiusKm());
                        if (cells.isEmpty()) {
                            found.addAll(matching(d, "start", from, to, q));
                        }
                        for (int c : cells) {
                            found.addAll(matching(d, "cell", Keys.join(cell(c), from), Keys.join(cell(c), to), q));
                        }
                    }
                    if (q.academie() != null) {
                        found.addAll(matching(d, "online", from, to, q));
                    }
                } else {
                    found.addAll(matching(d, "start", from, to, q));
                }
                return firstInOrder(found, EventQuery.ORDER, e -> e.id(), q.limit());
            }
        };
    }

    /** The first {@code limit} distinct values in {@code order}. */
    private static <T> List<T> firstInOrder(List<T> values, Comparator<T> order,
                                            Function<T, Object> id, int limit) {
        values.sort(order);
        List<T> out = new ArrayList<>(Math.min(limit, values.size()));
        Set<Object> seen = new HashSet<>();
        for (T v : values) {
            if (out.size() == limit) {
                break;
            }
            if (seen.add(id.apply(v))) {
                out.add(v);
            }
        }
        return out;
    }

    // --- feedback

    private static final DocCollection<Feedback> FEEDBACK = coll("feedback", Feedback.class,
            f -> Keys.join(f.event().value(), f.member().value()), f -> Map.of("event", Keys.join(f.event().value(), Keys.time(f.at()))));

    /**
     * @param d the transaction's kernel
     * @return feedback on the kernel
     */
    public static FeedbackStore feedback(Documents d) {
        return new FeedbackStore() {
            @Override
            public void insert(Feedback f) {
                try {
                    FEEDBACK.insert(d, f);
                } catch (DuplicateException e) {
                    throw new DuplicateException("member " + f.member() + " already gave feedback on event " + f.event());
                }
            }

            @Override
            public List<Feedback> on(EventId event) {
                return FEEDBACK.all(d, "event", event.value());
            }

            @Override
            public void redact(Feedback redacted) {
                String key = Keys.join(redacted.event().value(), redacted.member().value());
                Doc doc = d.get("feedback", key).orElseThrow(() -> new NotFoundException("feedback", redacted.member()
                        + " on event " + redacted.event()));
                FEEDBACK.replace(d, redacted, doc.version());
            }
        };
    }

    // --- the BusNum fleet

    private static final DocCollection<Bus> BUSES = coll("bus", Bus.class, b -> b.id().value(), b -> Map.of());
    private static final DocCollection<BusBooking> BOOKINGS = coll("booking", BusBooking.class, b -> b.event().value(),
            b -> Map.of("bus", Keys.join(b.bus().value(), Keys.time(b.onSite().start()))));
    /** Longest time a bus stays at one venue (an event of 12 hours, set-up and tear-down): bounds the look-back. */
    private static final Duration LONGEST_BOOKING = Duration.ofDays(1);

    /**
     * @param d the transaction's kernel
     * @return the fleet on the kernel
     */
    public static BusStore buses(Documents d) {
        return new BusStore() {
            @Override
            public Optional<Bus> get(BusId id) {
                return BUSES.get(d, id.value());
            }

            @Override
            public void insert(Bus bus) {
                try {
                    BUSES.insert(d, bus);
                } catch (DuplicateException e) {
                    throw new DuplicateException("a bus with id " + bus.id() + " already exists");
                }
            }

            @Override
            public void update(Bus bus, long expectedVersion) {
                requireNext(bus.version(), expectedVersion);
                BUSES.replace(d, bus, expectedVersion);
            }

            @Override
            public List<Bus> all() {
                return BUSES.between(d, Documents.BY_KEY, "", END);
            }

            @Override
            public List<BusBooking> bookings(BusId bus, Instant from, Instant to) {
                List<BusBooking> out = new ArrayList<>();
                for (BusBooking b : BOOKINGS.between(d, "bus", Keys.join(bus.value(), Keys.time(from.minus(LONGEST_BOOKING))),
                        Keys.join(bus.value(), Keys.time(to)))) {
                    if (b.onSite().end().isAfter(from) && b.onSite().start().isBefore(to)) {
                        out.add(b);
                    }
                }
                return out;
            }

            @Override
            public void insertBooking(BusBooking booking) {
                if (BUSES.doc(d, booking.bus().value()).isEmpty()) {
                    throw new NotFoundException("bus", booking.bus());
                }
                try {
                    BOOKINGS.insert(d, booking);
                } catch (DuplicateException e) {
                    throw new DuplicateException("event " + booking.event() + " already has a booking");
                }
            }

            @Override
            public void deleteBooking(BusId bus, EventId event) {
                BOOKINGS.get(d, event.value()).filter(b -> b.bus().equals(bus)).ifPresent(b -> BOOKINGS.delete(d, event.value()));
            }
        };
    }

    // --- the outbox

    private static final DocCollection<OutboxEntry> OUTBOX = coll("outbox", OutboxEntry.class, OutboxEntry::id,
            e -> Map.of("due", e.status() == OutboxEntry.Status.DEAD ? Keys.join("D", Keys.time(e.createdAt()))
                    : Keys.join("P", Keys.time(e.nextAttemptAt()))));

    /**
     * @param d the transaction's kernel
     * @return the outbox on the kernel
     */
    public static OutboxStore outbox(Documents d) {
        return new OutboxStore() {
            @Override
            public void enqueue(OutboxEntry entry) {
                if (OUTBOX.doc(d, entry.id()).isEmpty()) {
                    OUTBOX.insert(d, entry);
                }
            }

            @Override
            public Optional<OutboxEntry> get(String notificationId) {
                return OUTBOX.get(d, notificationId);
            }

            @Override
            public List<OutboxEntry> due(Instant now, int limit) {
                return OUTBOX.range(d, "due", "P|", Keys.join("P", Keys.time(now)) + END, limit);
            }

            @Override
            public void update(OutboxEntry entry, long expectedVersion) {
                requireNext(entry.version(), expectedVersion);
                OUTBOX.replace(d, entry, expectedVersion);
            }

            @Override
            public void delete(String notificationId) {
                OUTBOX.delete(d, notificationId);
            }

            @Override
            public List<OutboxEntry> dead(int limit) {
                return OUTBOX.range(d, "due", "D|", "D|" + END, limit);
            }
        };
    }

    // --- alerts

    private record Preferences(MemberId member, AlertPreferences preferences) {
    }

    private static final DocCollection<Preferences> PREFERENCES = coll("alert-preferences", Preferences.class,
            p -> p.member().value(), p -> Map.of());
    private static final DocCollection<AlertRecord> ALERTS = coll("alert", AlertRecord.class,
            a -> Keys.join(a.helper().value(), a.ticket().value(), a.tool().value(), Keys.time(a.at())),
            a -> Map.of("helper", Keys.join(a.helper().value(), Keys.time(a.at())),
                    "requester", Keys.join(a.requester().value(), a.tool().value(), Keys.time(a.at()))));

    /** The last alert a helper received, kept beside the alerts so that stats read one document. */
    private record LastAlert(MemberId helper, Instant at) {
    }

    private static final DocCollection<LastAlert> LAST = coll("alert-last", LastAlert.class, l -> l.helper().value(), l -> Map.of());

    /**
     * @param d the transaction's kernel
     * @return alert records and preferences on the kernel
     */
    public static AlertStore alerts(Documents d) {
        return new AlertStore() {
            @Override
            public Optional<AlertPreferences> preferences(MemberId member) {
                return PREFERENCES.get(d, member.value()).map(Preferences::preferences);
            }

            @Override
            public void putPreferences(MemberId member, AlertPreferences preferences) {
                PREFERENCES.put(d, new Preferences(member, preferences));
            }

            @Override
            public void record(Collection<AlertRecord> alerts) {
                for (AlertRecord a : alerts) {
                    ALERTS.insert(d, a);
                    Optional<LastAlert> last = LAST.get(d, a.helper().value());
                    if (last.isEmpty() || last.get().at().isBefore(a.at())) {
                        LAST.put(d, new LastAlert(a.helper(), a.at()));
                    }
                }
            }

            @Override
            public Map<MemberId, AlertStats> stats(Collection<MemberId> helpers, Instant since) {
                Map<MemberId, AlertStats> out = new HashMap<>();
                for (MemberId h : new HashSet<>(helpers)) {
                    int count = ALERTS.between(d, "helper", Keys.join(h.value(), Keys.time(since)), Keys.after(h.value())).size();
                    out.put(h, new AlertStats(count, LAST.get(d, h.value()).map(LastAlert::at).orElse(null)));
                }
                return out;
            }

            @Override
            public Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since) {
                Set<MemberId> out = new HashSet<>();
                for (AlertRecord a : ALERTS.between(d, "requester", Keys.join(requester.value(), tool.value(), Keys.time(since)),
                        Keys.after(Keys.join(requester.value(), tool.value())))) {
                    out.add(a.helper());
                }
                return out;
            }
        };
    }

    // --- trainings, badges, campaigns

    private static final DocCollection<Training> TRAININGS = coll("training", Training.class, Training::id,
            t -> Map.of("start", Keys.time(t.start())));

    /**
     * @param d the transaction's kernel
     * @return published trainings on the kernel
     */
    public static TrainingStore trainings(Documents d) {
        return new TrainingStore() {
            @Override
            public void insert(Training training) {
                try {
                    TRAININGS.insert(d, training);
                } catch (DuplicateException e) {
                    throw new DuplicateException("a training with id " + training.id() + " already exists");
                }
            }

            @Override
            public List<Training> published(Instant from, Instant to) {
                return TRAININGS.between(d, "start", Keys.time(from), Keys.time(to));
            }

            @Override
            public List<Training> search(TrainingQuery q) {
                // read from the page key on, by start, until the page is full or the period over
                Instant lower = q.afterStart() != null && q.afterStart().isAfter(q.from()) ? q.afterStart() : q.from();
                List<Training> out = new ArrayList<>();
                if (!lower.isBefore(q.to())) {
                    return out;
                }
                // ordered by (start, key): a full batch resumes at its last start, past its last key (starts repeat)
                String from = Keys.time(lower);
                String lastKey = null;
                while (true) {
                    List<Doc> batch = d.range(TRAININGS.name(), "start", from, Keys.time(q.to()), 200);
                    for (Doc doc : batch) {
                        if (lastKey != null && doc.index().get("start").equals(from) && doc.key().compareTo(lastKey) <= 0) {
                            continue;
                        }
                        Training t = Codec.read(doc.body(), Training.class);
                        if (q.matches(t)) {
                            out.add(t);
                            if (out.size() == q.limit()) {
                                return out;
                            }
                        }
                    }
                    if (batch.size() < 200) {
                        return out;
                    }
                    Doc last = batch.get(batch.size() - 1);
                    if (last.index().get("start").equals(from) && last.key().equals(lastKey)) {
                        return out;
                    }
                    from = last.index().get("start");
                    lastKey = last.key();
                }
            }
        };
    }

    private static final DocCollection<BadgeAward> BADGES = coll("badge", BadgeAward.class,
            b -> Keys.join(b.recipient().value(), b.badge()), b -> Map.of("member", Keys.join(b.recipient().value(), Keys.time(b.issuedOn()))));

    /**
     * @param d the transaction's kernel
     * @return badges on the kernel
     */
    public static BadgeStore badges(Documents d) {
        return new BadgeStore() {
            @Override
            public void insert(BadgeAward award) {
                try {
                    BADGES.insert(d, award);
                } catch (DuplicateException e) {
                    throw new DuplicateException("member " + award.recipient() + " already holds the badge " + award.badge());
                }
            }

            @Override
            public List<BadgeAward> of(MemberId member) {
                return BADGES.all(d, "member", member.value());
            }
        };
    }

    private static final DocCollection<Campaign> CAMPAIGNS = coll("campaign", Campaign.class, c -> c.id().value(), c -> Map.of());

    /**
     * @param d the transaction's kernel
     * @return campaigns on the kernel
     */
    public static CampaignStore campaigns(Documents d) {
        return new CampaignStore() {
            @Override
            public Optional<Campaign> get(CampaignId id) {
                return CAMPAIGNS.get(d, id.value());
            }

            @Override
            public void insert(Campaign c) {
                try {
                    CAMPAIGNS.insert(d, c);
                } catch (DuplicateException e) {
                    throw new DuplicateException("a campaign with id " + c.id() + " already exists");
                }
            }

            @Override
            public void update(Campaign c, long expectedVersion) {
                requireNext(c.version(), expectedVersion);
                CAMPAIGNS.replace(d, c, expectedVersion);
            }
        };
    }

    // --- the change feed

    private static final DocCollection<Change> CHANGES = coll("change", Change.class, c -> seq(c.seq()), c -> Map.of());

    /**
     * The change feed on the kernel: a head document holds the last number; appending replaces it at the version
     * read, so of two transactions appending at once one conflicts (and is retried) — numbers follow commit order.
     *
     * @param d the transaction's kernel
     * @return the feed on the kernel
     */
    public static ChangeFeedStore changes(Documents d) {
        return new ChangeFeedStore() {
            @Override
            public List<Long> append(List<Change> changes) {
                if (changes.isEmpty()) {
                    return List.of();
                }
                Optional<Doc> head = d.get("change-head", "head");
                long first = head.map(h -> Long.parseLong(h.body())).orElse(0L);
                long last = first + changes.size();
                // the head first: of two writers, the second conflicts here before writing any change
                if (head.isPresent()) {
                    d.replace("change-head", head.get().next(Map.of(), String.valueOf(last)), head.get().version());
                } else {
                    try {
                        d.insert("change-head", Doc.of("head", Map.of(), String.valueOf(last)));
                    } catch (DuplicateException e) {
                        throw new VersionConflictException("change feed", "head", 0, 1);
                    }
                }
                List<Long> numbers = new ArrayList<>();
                long n = first;
                for (Change c : changes) {
                    n++;
                    try {
                        CHANGES.insert(d, c.numbered(n));
                    } catch (DuplicateException e) {
                        throw new VersionConflictException("change feed", "change", n, n);
                    }
                    numbers.add(n);
                }
                return numbers;
            }

            @Override
            public List<Change> after(long seq, int limit) {
                return CHANGES.range(d, Documents.BY_KEY, seq(seq + 1), END, limit);
            }

            @Override
            public long head() {
                return d.get("change-head", "head").map(h -> Long.parseLong(h.body())).orElse(0L);
            }

            @Override
            public int prune(long upTo) {
                int n = 0;
                for (Doc doc : d.range("change", Documents.BY_KEY, "", seq(upTo + 1), Integer.MAX_VALUE)) {
                    if (d.delete("change", doc.key())) {
                        n++;
                    }
                }
                return n;
            }
        };
    }
}
