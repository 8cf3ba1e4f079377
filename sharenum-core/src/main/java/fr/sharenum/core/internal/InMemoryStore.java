package fr.sharenum.core.internal;
import java.time.Duration;
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
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.Uai;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.Offer;
import fr.sharenum.model.ToolId;
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
import fr.sharenum.spi.FeedbackStore;
import fr.sharenum.spi.GeoGrid;
import fr.sharenum.spi.MemberStore;
import fr.sharenum.spi.MessageStore;
import fr.sharenum.spi.OutboxBacklog;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.OutboxStore;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import fr.sharenum.spi.TicketQuery;
import fr.sharenum.spi.TicketStore;
import fr.sharenum.spi.TrainingQuery;
import fr.sharenum.spi.TrainingStore;
import fr.sharenum.spi.VerificationRecord;
import fr.sharenum.spi.VerificationStore;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The default store: everything in memory. Transactions are serialised by one lock and undone from
 * an undo log when their work throws, so they are atomic and isolated. Thread-safe.
 */
public final class InMemoryStore implements ShareNumStore {

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Uai, Establishment> establishments = new HashMap<>();
    private final Map<MemberId, Member> members = new HashMap<>();
    private final Map<Email, MemberId> memberByEmail = new HashMap<>();
    private final Map<Uai, Set<MemberId>> membersByEstablishment = new HashMap<>();
    private final Map<MemberId, VerificationRecord> verifications = new HashMap<>();
    private final Map<TicketId, TicketNum> tickets = new HashMap<>();
    private final Map<MemberId, List<TicketId>> ticketsByRequester = new HashMap<>();
    private final TreeSet<TicketNum> awaitingByExpiry = new TreeSet<>(
            Comparator.comparing(TicketNum::expiresAt).thenComparing(TicketNum::id));
    private final Map<TicketId, List<Message>> messages = new HashMap<>();
    private final Map<MemberId, Availability> availabilities = new HashMap<>();
    private final Map<EventId, Event> events = new HashMap<>();
    private final TreeMap<TimeKey, Event> eventsByStart = new TreeMap<>();
    private final Map<BusId, Bus> buses = new TreeMap<>();
    private final Map<BusId, TreeMap<TimeKey, BusBooking>> bookingsByBus = new HashMap<>();
    private final Map<String, OutboxEntry> outbox = new LinkedHashMap<>();
    /** The entries not dead, in the order they fall due: a claim reads the head, not the whole outbox. */
    private void outboxPut(OutboxEntry e) {
        OutboxEntry old = outbox.put(e.id(), e);
        if (old != null) {
            outboxByDue.remove(old);
        }
        if (e.status() != OutboxEntry.Status.DEAD) {
            outboxByDue.add(e);
        }
    }

    private OutboxEntry outboxRemove(String id) {
        OutboxEntry old = outbox.remove(id);
        if (old != null) {
            outboxByDue.remove(old);
        }
        return old;
    }

    private final TreeSet<OutboxEntry> outboxByDue = new TreeSet<>(
            Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::id));
    private final Map<MemberId, AlertPreferences> alertPreferences = new HashMap<>();
    private final Map<EventId, List<Feedback>> feedback = new HashMap<>();
    private final Map<String, Training> trainings = new HashMap<>();
    /** Published trainings in (start, id) order: a catalogue page starts at its key, never at the period's start. */
    private final TreeMap<TimeKey, Training> trainingsByStart = new TreeMap<>();
    private final Map<MemberId, List<BadgeAward>> badges = new HashMap<>();
    private final Map<CampaignId, Campaign> campaigns = new HashMap<>();
    private final Map<MemberId, List<AlertRecord>> alertsByHelper = new HashMap<>();
    private final Map<MemberId, List<AlertRecord>> alertsByRequester = new HashMap<>();
    /** Events by the grid cell of their venue ({@link fr.sharenum.spi.GeoGrid}), in (start, id) order. */
    private final Map<Integer, TreeMap<TimeKey, Event>> eventsByCell = new HashMap<>();
    /** Online and hybrid events, in (start, id) order. */
    private final TreeMap<TimeKey, Event> onlineEvents = new TreeMap<>();
    /** Events by organiser, registrant and waiting member, in (start, id) order. */
    private final Map<MemberId, TreeMap<TimeKey, Event>> eventsByMember = new HashMap<>();
    /** Tickets in (opening, id) order. */
    private final TreeMap<TimeKey, TicketNum> ticketsByOpening = new TreeMap<>();
    /** Tickets accepting offers by the grid cell of their origin, in (opening, id) order. */
    private final Map<Integer, TreeMap<TimeKey, TicketNum>> awaitingByCell = new HashMap<>();
    /** Tickets by the grid cell of their origin, in (opening, id) order. */
    private final Map<Integer, TreeMap<TimeKey, TicketNum>> ticketsByCell = new HashMap<>();
    /** Tickets by helper who offered, in (opening, id) order. */
    private final Map<MemberId, TreeMap<TimeKey, TicketNum>> ticketsByHelper = new HashMap<>();
    /** Longest event ever stored: bounds the look-back of overlap queries. */
    private Duration longestEvent = Duration.ZERO;
    private Duration longestBooking = Duration.ZERO;
    private final DocumentTables documentTables = new DocumentTables();
    /** The change feed: numbered in commit order, since transactions are serialised. */
    private final TreeMap<Long, Change> changes = new TreeMap<>();
    private long changeHead;

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        lock.lock();
        Tx tx = new Tx();
        try {
            T result = work.apply(tx);
            tx.open = false;
            return result;
        } catch (RuntimeException | Error e) {
            tx.rollback();
            throw e;
        } finally {
            tx.open = false;
            lock.unlock();
        }
    }

    private final class Tx implements StoreTransaction {
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private boolean open = true;
        private final Documents docs = documentTables.documents(undo, this::check);

        @Override
        public Optional<Doc> get(String collection, String key) {
            return docs.get(collection, key);
        }

        @Override
        public Map<String, Doc> getAll(String collection, Collection<String> keys) {
            return docs.getAll(collection, keys);
        }

        @Override
        public void insert(String collection, Doc doc) {
            docs.insert(collection, doc);
        }

        @Override
        public void replace(String collection, Doc doc, long expectedVersion) {
            docs.replace(collection, doc, expectedVersion);
        }

        @Override
        public boolean delete(String collection, String key) {
            return docs.delete(collection, key);
        }

        @Override
        public List<Doc> range(String collection, String index, String from, String to, int limit) {
            return docs.range(collection, index, from, to, limit);
        }

        private void check() {
            if (!open) {
                throw new IllegalStateException("this transaction is over");
            }
        }

        void rollback() {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }

        public Optional<Establishment> establishment(Uai uai) {
            check();
            return Optional.ofNullable(establishments.get(uai));
        }

        public void putEstablishment(Establishment e) {
            check();
            Establishment old = establishments.put(e.uai(), e);
            undo.push(() -> {
                if (old == null) {
                    establishments.remove(e.uai());
                } else {
                    establishments.put(old.uai(), old);
                }
            });
        }

        public void forEachEstablishment(Consumer<? super Establishment> action) {
            check();
            List.copyOf(establishments.values()).forEach(action);
        }

        public Optional<Member> member(MemberId id) {
            check();
            return Optional.ofNullable(members.get(id));
        }

        public Optional<Member> memberByEmail(Email email) {
            check();
            return Optional.ofNullable(memberByEmail.get(email)).map(members::get);
        }

        public void insertMember(Member m) {
            check();
            if (members.containsKey(m.id())) {
                throw new DuplicateException("a member with id " + m.id() + " already exists");
            }
            if (memberByEmail.containsKey(m.email())) {
                throw new DuplicateException("the address " + m.email() + " is already registered");
            }
            index(m);
            undo.push(() -> unindex(m));
        }

        public void updateMember(Member m, long expectedVersion) {
            check();
            Member old = members.get(m.id());
            if (old == null) {
                throw new NotFoundException("member", m.id());
            }
            if (old.version() != expectedVersion) {
                throw new VersionConflictException("member", m.id(), expectedVersion, old.version());
            }
            requireNextVersion(m.version(), expectedVersion);
            if (!old.email().equals(m.email()) && memberByEmail.containsKey(m.email())) {
                throw new DuplicateException("the address " + m.email() + " is already registered");
            }
            unindex(old);
            index(m);
            undo.push(() -> {
                unindex(m);
                index(old);
            });
        }

        private void index(Member m) {
            members.put(m.id(), m);
            memberByEmail.put(m.email(), m.id());
            membersByEstablishment.computeIfAbsent(m.establishment(), k -> new LinkedHashSet<>()).add(m.id());
        }

        private void unindex(Member m) {
            members.remove(m.id());
            memberByEmail.remove(m.email());
            Set<MemberId> at = membersByEstablishment.get(m.establishment());
            if (at != null) {
                at.remove(m.id());
                if (at.isEmpty()) {
                    membersByEstablishment.remove(m.establishment());
                }
            }
        }

        public List<Member> membersAt(Uai establishment) {
            check();
            return membersByEstablishment.getOrDefault(establishment, Set.of()).stream().map(members::get).toList();
        }

        public void forEachMember(Consumer<? super Member> action) {
            check();
            List.copyOf(members.values()).forEach(action);
        }

        public Optional<VerificationRecord> verification(MemberId member) {
            check();
            return Optional.ofNullable(verifications.get(member));
        }

        public void putVerification(VerificationRecord record) {
            check();
            VerificationRecord old = verifications.put(record.member(), record);
            undo.push(() -> restore(verifications, record.member(), old));
        }

        public void deleteVerification(MemberId member) {
            check();
            VerificationRecord old = verifications.remove(member);
            undo.push(() -> restore(verifications, member, old));
        }

        public Optional<TicketNum> ticket(TicketId id) {
            check();
            return Optional.ofNullable(tickets.get(id));
        }

        public void insertTicket(TicketNum t) {
            check();
            if (tickets.containsKey(t.id())) {
                throw new DuplicateException("a ticket with id " + t.id() + " already exists");
            }
            indexTicket(t);
            ticketsByRequester.computeIfAbsent(t.requester(), k -> new ArrayList<>()).add(t.id());
            undo.push(() -> {
                unindexTicket(t);
                List<TicketId> mine = ticketsByRequester.get(t.requester());
                mine.remove(mine.size() - 1);
                if (mine.isEmpty()) {
                    ticketsByRequester.remove(t.requester());
                }
            });
        }

        public void updateTicket(TicketNum t, long expectedVersion) {
            check();
            TicketNum old = tickets.get(t.id());
            if (old == null) {
                throw new NotFoundException("ticket", t.id());
            }
            if (old.version() != expectedVersion) {
                throw new VersionConflictException("ticket", t.id(), expectedVersion, old.version());
            }
            requireNextVersion(t.version(), expectedVersion);
            if (!old.requester().equals(t.requester())) {
                throw new IllegalArgumentException("a ticket's requester cannot change");
            }
            unindexTicket(old);
            indexTicket(t);
            undo.push(() -> {
                unindexTicket(t);
                indexTicket(old);
            });
        }

        private void indexTicket(TicketNum t) {
            tickets.put(t.id(), t);
            if (t.status().acceptsOffers()) {
                awaitingByExpiry.add(t);
            }
            TimeKey k = TimeKey.of(t);
            int cell = GeoGrid.cell(t.origin());
            ticketsByOpening.put(k, t);
            ticketsByCell.computeIfAbsent(cell, c -> new TreeMap<>()).put(k, t);
            if (t.status().acceptsOffers()) {
                awaitingByCell.computeIfAbsent(cell, c -> new TreeMap<>()).put(k, t);
            }
            for (Offer o : t.offers()) {
                ticketsByHelper.computeIfAbsent(o.helper(), h -> new TreeMap<>()).put(k, t);
            }
        }

        private void unindexTicket(TicketNum t) {
            tickets.remove(t.id());
            awaitingByExpiry.remove(t);
            TimeKey k = TimeKey.of(t);
            int cell = GeoGrid.cell(t.origin());
            ticketsByOpening.remove(k);
            removeFrom(ticketsByCell, cell, k);
            removeFrom(awaitingByCell, cell, k);
            for (Offer o : t.offers()) {
                removeFrom(ticketsByHelper, o.helper(), k);
            }
        }

        public List<TicketNum> searchTickets(TicketQuery q) {
            check();
            TimeKey lower = q.afterOpenedAt() == null ? null : new TimeKey(q.afterOpenedAt(), q.afterId().value());
            List<NavigableMap<TimeKey, TicketNum>> sources = new ArrayList<>();
            if (q.requester() != null) {
                TreeMap<TimeKey, TicketNum> mine = new TreeMap<>();
                for (TicketId id : ticketsByRequester.getOrDefault(q.requester(), List.of())) {
                    TicketNum t = tickets.get(id);
                    mine.put(TimeKey.of(t), t);
                }
                sources.add(mine);
            } else if (q.offeredBy() != null) {
                sources.add(ticketsByHelper.getOrDefault(q.offeredBy(), new TreeMap<>()));
            } else if (q.near() != null && !GeoGrid.cellsCovering(q.near(), q.radiusKm()).isEmpty()) {
                boolean awaiting = !q.statuses().isEmpty() && q.statuses().stream().allMatch(st -> st.acceptsOffers());
                for (int c : GeoGrid.cellsCovering(q.near(), q.radiusKm())) {
                    TreeMap<TimeKey, TicketNum> m = (awaiting ? awaitingByCell : ticketsByCell).get(c);
                    if (m != null) {
                        sources.add(m);
                    }
                }
            } else {
                sources.add(ticketsByOpening);
            }
            List<TicketNum> found = new ArrayList<>();
            for (NavigableMap<TimeKey, TicketNum> source : sources) {
                int taken = 0;
                for (TicketNum t : (lower == null ? source : source.tailMap(lower, false)).values()) {
                    if (q.matches(t)) {
                        found.add(t);
                        if (++taken == q.limit()) {
                            break;
                        }
                    }
                }
            }
            return firstInOrder(found, TicketQuery.ORDER, q.limit());
        }

        public List<TicketNum> ticketsOf(MemberId requester) {
            check();
            return ticketsByRequester.getOrDefault(requester, List.of()).stream().map(tickets::get).toList();
        }

        public void forEachTicket(Consumer<? super TicketNum> action) {
            check();
            List.copyOf(tickets.values()).forEach(action);
        }

        public List<TicketNum> ticketsExpiringBy(Instant instant, int limit) {
            check();
            List<TicketNum> due = new ArrayList<>();
            for (TicketNum t : awaitingByExpiry) {
                if (t.expiresAt().isAfter(instant) || due.size() >= limit) {
                    break;
                }
                due.add(t);
            }
            return due;
        }

        public void appendMessage(Message m) {
            check();
            if (!tickets.containsKey(m.ticket())) {
                throw new NotFoundException("ticket", m.ticket());
            }
            List<Message> list = messages.computeIfAbsent(m.ticket(), k -> new ArrayList<>());
            if (m.seq() != list.size() + 1) {
                throw new VersionConflictException("conversation", m.ticket(), m.seq() - 1, list.size());
            }
            list.add(m);
            undo.push(() -> {
                list.remove(list.size() - 1);
                if (list.isEmpty()) {
                    messages.remove(m.ticket());
                }
            });
        }

        public List<Message> messages(TicketId ticket, long afterSeq, int limit) {
            check();
            List<Message> list = messages.getOrDefault(ticket, List.of());
            int from = (int) Math.min(Math.max(afterSeq, 0), list.size());
            int to = (int) Math.min((long) from + Math.max(limit, 0), list.size());
            return List.copyOf(list.subList(from, to));
        }

        public void redactMessage(Message redacted) {
            check();
            List<Message> list = messages.get(redacted.ticket());
            if (list == null || redacted.seq() > list.size()) {
                throw new NotFoundException("message", redacted.ticket() + "#" + redacted.seq());
            }
            int index = (int) redacted.seq() - 1;
            Message old = list.set(index, redacted);
            undo.push(() -> list.set(index, old));
        }

        public long lastMessageSeq(TicketId ticket) {
            check();
            return messages.getOrDefault(ticket, List.of()).size();
        }

        public Optional<Availability> availability(MemberId member) {
            check();
            return Optional.ofNullable(availabilities.get(member));
        }

        public void putAvailability(MemberId member, Availability availability) {
            check();
            Objects.requireNonNull(availability, "availability");
            Availability old = availabilities.put(Objects.requireNonNull(member, "member"), availability);
            undo.push(() -> restore(availabilities, member, old));
        }

        public Optional<Event> event(EventId id) {
            check();
            return Optional.ofNullable(events.get(id));
        }

        public void insertEvent(Event e) {
            check();
            if (events.containsKey(e.id())) {
                throw new DuplicateException("an event with id " + e.id() + " already exists");
            }
            Duration longest = longestEvent;
            indexEvent(e);
            undo.push(() -> {
                unindexEvent(e);
                longestEvent = longest;
            });
        }

        public void updateEvent(Event e, long expectedVersion) {
            check();
            Event old = events.get(e.id());
            if (old == null) {
                throw new NotFoundException("event", e.id());
            }
            if (old.version() != expectedVersion) {
                throw new VersionConflictException("event", e.id(), expectedVersion, old.version());
            }
            requireNextVersion(e.version(), expectedVersion);
            Duration longest = longestEvent;
            unindexEvent(old);
            indexEvent(e);
            undo.push(() -> {
                unindexEvent(e);
                indexEvent(old);
                longestEvent = longest;
            });
        }

        private void indexEvent(Event e) {
            events.put(e.id(), e);
            TimeKey k = TimeKey.of(e);
            eventsByStart.put(k, e);
            if (e.duration().compareTo(longestEvent) > 0) {
                longestEvent = e.duration();
            }
            e.location().ifPresent(p -> eventsByCell.computeIfAbsent(GeoGrid.cell(p),
                    c -> new TreeMap<>()).put(k, e));
            if (e.isOnline()) {
                onlineEvents.put(k, e);
            }
            for (MemberId m : parties(e)) {
                eventsByMember.computeIfAbsent(m, x -> new TreeMap<>()).put(k, e);
            }
        }

        private void unindexEvent(Event e) {
            events.remove(e.id());
            TimeKey k = TimeKey.of(e);
            eventsByStart.remove(k);
            e.location().ifPresent(p -> removeFrom(eventsByCell, GeoGrid.cell(p), k));
            onlineEvents.remove(k);
            for (MemberId m : parties(e)) {
                removeFrom(eventsByMember, m, k);
            }
        }

        public List<Event> searchEvents(EventQuery q) {
            check();
            boolean after = q.afterStart() != null && !q.afterStart().isBefore(q.from());
            TimeKey lower = after ? new TimeKey(q.afterStart(), q.afterId().value()) : TimeKey.first(q.from());
            TimeKey upper = TimeKey.first(q.to());
            List<NavigableMap<TimeKey, Event>> sources = new ArrayList<>();
            if (q.participant() != null) {
                sources.add(eventsByMember.getOrDefault(q.participant(), new TreeMap<>()));
            } else if (q.placed()) {
                if (q.near() != null) {
                    List<Integer> cells = GeoGrid.cellsCovering(q.near(), q.radiusKm());
                    if (cells.isEmpty()) {
                        sources.add(eventsByStart);
                    }
                    for (int c : cells) {
                        TreeMap<TimeKey, Event> m = eventsByCell.get(c);
                        if (m != null) {
                            sources.add(m);
                        }
                    }
                }
                if (q.academie() != null) {
                    sources.add(onlineEvents);
                }
            } else {
                sources.add(eventsByStart);
            }
            List<Event> found = new ArrayList<>();
            if (lower.compareTo(upper) >= 0) {
                return found;
            }
            for (NavigableMap<TimeKey, Event> source : sources) {
                int taken = 0;
                for (Event e : source.subMap(lower, !after, upper, false).values()) {
                    if (q.matches(e)) {
                        found.add(e);
                        if (++taken == q.limit()) {
                            break;
                        }
                    }
                }
            }
            return firstInOrder(found, EventQuery.ORDER, q.limit());
        }

        public List<Event> eventsOverlapping(Instant from, Instant to) {
            check();
            List<Event> out = new ArrayList<>();
            if (!to.isAfter(from)) {
                return out;
            }
            for (Event e : eventsByStart.tailMap(TimeKey.first(from.minus(longestEvent)), true).values()) {
                if (!e.start().isBefore(to)) {
                    break;
                }
                if (e.end().isAfter(from)) {
                    out.add(e);
                }
            }
            return out;
        }

        public Optional<Campaign> campaign(CampaignId id) {
            check();
            return Optional.ofNullable(campaigns.get(id));
        }

        public void insertCampaign(Campaign c) {
            check();
            if (campaigns.putIfAbsent(c.id(), c) != null) {
                throw new DuplicateException("a campaign with id " + c.id() + " already exists");
            }
            undo.push(() -> campaigns.remove(c.id()));
        }

        public void updateCampaign(Campaign c, long expectedVersion) {
            check();
            Campaign old = campaigns.get(c.id());
            if (old == null) {
                throw new NotFoundException("campaign", c.id());
            }
            if (old.version() != expectedVersion) {
                throw new VersionConflictException("campaign", c.id(), expectedVersion, old.version());
            }
            requireNextVersion(c.version(), expectedVersion);
            campaigns.put(c.id(), c);
            undo.push(() -> campaigns.put(old.id(), old));
        }

        public void insertBadge(BadgeAward award) {
            check();
            List<BadgeAward> list = badges.computeIfAbsent(award.recipient(), k -> new ArrayList<>());
            if (list.stream().anyMatch(b -> b.badge().equals(award.badge()))) {
                throw new DuplicateException("member " + award.recipient() + " already holds badge " + award.badge());
            }
            list.add(award);
            undo.push(() -> list.remove(list.size() - 1));
        }

        public List<BadgeAward> badgesOf(MemberId member) {
            check();
            return List.copyOf(badges.getOrDefault(member, List.of()));
        }

        public void insertTraining(Training training) {
            check();
            if (trainings.putIfAbsent(training.id(), training) != null) {
                throw new DuplicateException("a training with id " + training.id() + " already exists");
            }
            TimeKey k = new TimeKey(training.start(), training.id());
            trainingsByStart.put(k, training);
            undo.push(() -> {
                trainings.remove(training.id());
                trainingsByStart.remove(k);
            });
        }

        public List<Training> publishedTrainings(Instant from, Instant to) {
            check();
            return List.copyOf(trainingsByStart.subMap(TimeKey.first(from), true, TimeKey.first(to), false).values());
        }

        public List<Training> searchTrainings(TrainingQuery q) {
            check();
            TimeKey lower = TimeKey.first(q.from());
            boolean inclusive = true;
            if (q.afterStart() != null && !q.afterStart().isBefore(q.from())) {
                lower = new TimeKey(q.afterStart(), q.afterId());
                inclusive = false;
            }
            if (lower.compareTo(TimeKey.first(q.to())) >= 0) {
                return List.of();
            }
            List<Training> out = new ArrayList<>();
            for (Training t : trainingsByStart.subMap(lower, inclusive, TimeKey.first(q.to()), false).values()) {
                if (q.matches(t)) {
                    out.add(t);
                    if (out.size() == q.limit()) {
                        break;
                    }
                }
            }
            return out;
        }

        public void insertFeedback(Feedback f) {
            check();
            List<Feedback> list = feedback.computeIfAbsent(f.event(), k -> new ArrayList<>());
            if (list.stream().anyMatch(x -> x.member().equals(f.member()))) {
                throw new DuplicateException("member " + f.member() + " already gave feedback on event " + f.event());
            }
            list.add(f);
            undo.push(() -> list.remove(list.size() - 1));
        }

        public List<Feedback> feedbackOn(EventId event) {
            check();
            return List.copyOf(feedback.getOrDefault(event, List.of()));
        }

        public void redactFeedback(Feedback redacted) {
            check();
            List<Feedback> list = feedback.getOrDefault(redacted.event(), List.of());
            for (int i = 0; i < list.size(); i++) {
                Feedback old = list.get(i);
                if (old.member().equals(redacted.member())) {
                    int at = i;
                    list.set(at, redacted);
                    undo.push(() -> list.set(at, old));
                    return;
                }
            }
            throw new NotFoundException("feedback", redacted.member() + " on event " + redacted.event());
        }

        public Optional<Bus> bus(BusId id) {
            check();
            return Optional.ofNullable(buses.get(id));
        }

        public void insertBus(Bus bus) {
            check();
            if (buses.containsKey(bus.id())) {
                throw new DuplicateException("a bus with id " + bus.id() + " already exists");
            }
            buses.put(bus.id(), bus);
            undo.push(() -> buses.remove(bus.id()));
        }

        public void updateBus(Bus bus, long expectedVersion) {
            check();
            Bus old = buses.get(bus.id());
            if (old == null) {
                throw new NotFoundException("bus", bus.id());
            }
            if (old.version() != expectedVersion) {
                throw new VersionConflictException("bus", bus.id(), expectedVersion, old.version());
            }
            requireNextVersion(bus.version(), expectedVersion);
            buses.put(bus.id(), bus);
            undo.push(() -> buses.put(old.id(), old));
        }

        public List<Bus> allBuses() {
            check();
            return List.copyOf(buses.values());
        }

        public List<BusBooking> bookings(BusId bus, Instant from, Instant to) {
            check();
            List<BusBooking> out = new ArrayList<>();
            TreeMap<TimeKey, BusBooking> all = bookingsByBus.get(bus);
            if (all == null || !to.isAfter(from)) {
                return out;
            }
            for (BusBooking b : all.tailMap(TimeKey.first(from.minus(longestBooking)), true).values()) {
                if (!b.onSite().start().isBefore(to)) {
                    break;
                }
                if (b.onSite().end().isAfter(from)) {
                    out.add(b);
                }
            }
            return out;
        }

        public void insertBooking(BusBooking booking) {
            check();
            if (!buses.containsKey(booking.bus())) {
                throw new NotFoundException("bus", booking.bus());
            }
            TreeMap<TimeKey, BusBooking> all = bookingsByBus.computeIfAbsent(booking.bus(), k -> new TreeMap<>());
            if (all.values().stream().anyMatch(b -> b.event().equals(booking.event()))) {
                throw new DuplicateException("event " + booking.event() + " already has a booking of bus " + booking.bus());
            }
            Duration longest = longestBooking;
            all.put(TimeKey.of(booking), booking);
            if (booking.onSite().duration().compareTo(longestBooking) > 0) {
                longestBooking = booking.onSite().duration();
            }
            undo.push(() -> {
                all.remove(TimeKey.of(booking));
                longestBooking = longest;
            });
        }

        public void enqueue(OutboxEntry entry) {
            check();
            if (!outbox.containsKey(entry.id())) {
                outboxPut(entry);
                undo.push(() -> outboxRemove(entry.id()));
            }
        }

        public Optional<OutboxEntry> outboxEntry(String notificationId) {
            check();
            return Optional.ofNullable(outbox.get(notificationId));
        }

        public List<OutboxEntry> dueNotifications(Instant now, int limit) {
            check();
            List<OutboxEntry> due = new ArrayList<>();
            for (OutboxEntry e : outboxByDue) {
                if (due.size() >= limit || e.nextAttemptAt().isAfter(now)) {
                    break;
                }
                due.add(e);
            }
            return due;
        }

        public void updateOutbox(OutboxEntry entry, long expectedVersion) {
            check();
            OutboxEntry old = outbox.get(entry.id());
            if (old == null) {
                throw new NotFoundException("outbox entry", entry.id());
            }
            if (old.version() != expectedVersion) {
                throw new VersionConflictException("outbox entry", entry.id(), expectedVersion, old.version());
            }
            requireNextVersion(entry.version(), expectedVersion);
            outboxPut(entry);
            undo.push(() -> outboxPut(old));
        }

        public void deleteOutbox(String notificationId) {
            check();
            OutboxEntry old = outboxRemove(notificationId);
            if (old != null) {
                undo.push(() -> outboxPut(old));
            }
        }

        public OutboxBacklog outboxBacklog() {
            check();
            long waiting = 0;
            long dead = 0;
            Instant oldest = null;
            for (OutboxEntry e : outbox.values()) {
                if (e.status() == OutboxEntry.Status.DEAD) {
                    dead++;
                } else {
                    waiting++;
                    oldest = oldest == null || e.createdAt().isBefore(oldest) ? e.createdAt() : oldest;
                }
            }
            return new OutboxBacklog(waiting, dead, oldest);
        }

        public List<OutboxEntry> deadLetters(int limit) {
            check();
            return outbox.values().stream().filter(e -> e.status() == OutboxEntry.Status.DEAD)
                    .sorted(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id))
                    .limit(Math.max(limit, 0)).toList();
        }

        public Optional<AlertPreferences> alertPreferences(MemberId member) {
            check();
            return Optional.ofNullable(alertPreferences.get(member));
        }

        public void putAlertPreferences(MemberId member, AlertPreferences preferences) {
            check();
            Objects.requireNonNull(preferences, "preferences");
            AlertPreferences old = alertPreferences.put(Objects.requireNonNull(member, "member"), preferences);
            undo.push(() -> restore(alertPreferences, member, old));
        }

        public void recordAlerts(Collection<AlertRecord> alerts) {
            check();
            for (AlertRecord a : alerts) {
                List<AlertRecord> byHelper = alertsByHelper.computeIfAbsent(a.helper(), k -> new ArrayList<>());
                List<AlertRecord> byRequester = alertsByRequester.computeIfAbsent(a.requester(), k -> new ArrayList<>());
                // a helper's alerts kept in time order (nearly always an append), so their stats are two lookups
                int at = byHelper.size();
                while (at > 0 && byHelper.get(at - 1).at().isAfter(a.at())) {
                    at--;
                }
                int index = at;
                byHelper.add(index, a);
                byRequester.add(a);
                undo.push(() -> {
                    byHelper.remove(index);
                    byRequester.remove(byRequester.size() - 1);
                });
            }
        }

        public Map<MemberId, AlertStore.AlertStats> alertStats(Collection<MemberId> helpers, Instant since) {
            check();
            Map<MemberId, AlertStore.AlertStats> out = new HashMap<>();
            for (MemberId h : helpers) {
                List<AlertRecord> list = alertsByHelper.getOrDefault(h, List.of());
                // in time order: the first alert at or after `since` by binary search, the last one at the end
                int low = 0;
                int high = list.size();
                while (low < high) {
                    int mid = (low + high) >>> 1;
                    if (list.get(mid).at().isBefore(since)) {
                        low = mid + 1;
                    } else {
                        high = mid;
                    }
                }
                out.put(h, new AlertStore.AlertStats(list.size() - low, list.isEmpty() ? null : list.get(list.size() - 1).at()));
            }
            return out;
        }

        public Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since) {
            check();
            Set<MemberId> out = new HashSet<>();
            for (AlertRecord a : alertsByRequester.getOrDefault(requester, List.of())) {
                if (a.tool().equals(tool) && !a.at().isBefore(since)) {
                    out.add(a.helper());
                }
            }
            return out;
        }

        public void deleteBooking(BusId bus, EventId event) {
            check();
            TreeMap<TimeKey, BusBooking> all = bookingsByBus.get(bus);
            if (all == null) {
                return;
            }
            for (BusBooking b : List.copyOf(all.values())) {
                if (b.event().equals(event)) {
                    all.remove(TimeKey.of(b));
                    undo.push(() -> all.put(TimeKey.of(b), b));
                }
            }
        }
        // --- the store SPI's native aggregates, over the methods above

        @Override
        public Optional<ChangeFeedStore> changes() {
            return Optional.of(new ChangeFeedStore() {
                @Override
                public List<Long> append(List<Change> batch) {
                    check();
                    List<Long> numbers = new ArrayList<>();
                    for (Change c : batch) {
                        long n = ++changeHead;
                        changes.put(n, c.numbered(n));
                        numbers.add(n);
                        undo.push(() -> {
                            changes.remove(n);
                            changeHead = n - 1;
                        });
                    }
                    return numbers;
                }

                @Override
                public List<Change> after(long seq, int limit) {
                    check();
                    return changes.tailMap(seq, false).values().stream().limit(limit).toList();
                }

                @Override
                public long head() {
                    check();
                    return changeHead;
                }

                @Override
                public int prune(long upTo) {
                    check();
                    NavigableMap<Long, Change> gone = new TreeMap<>(changes.headMap(upTo, true));
                    changes.headMap(upTo, true).clear();
                    undo.push(() -> changes.putAll(gone));
                    return gone.size();
                }
            });
        }

        @Override
        public Optional<EstablishmentStore> establishments() {
            return Optional.of(new EstablishmentStore() {
                @Override
                public Optional<Establishment> get(Uai uai) {
                    return Tx.this.establishment(uai);
                }

                @Override
                public void put(Establishment establishment) {
                    Tx.this.putEstablishment(establishment);
                }

                @Override
                public void forEach(Consumer<? super Establishment> action) {
                    Tx.this.forEachEstablishment(action);
                }
            });
        }

        @Override
        public Optional<MemberStore> members() {
            return Optional.of(new MemberStore() {
                @Override
                public Optional<Member> get(MemberId id) {
                    return Tx.this.member(id);
                }

                @Override
                public Optional<Member> byEmail(Email email) {
                    return Tx.this.memberByEmail(email);
                }

                @Override
                public void insert(Member member) {
                    Tx.this.insertMember(member);
                }

                @Override
                public void update(Member member, long expectedVersion) {
                    Tx.this.updateMember(member, expectedVersion);
                }

                @Override
                public List<Member> at(Uai establishment) {
                    return Tx.this.membersAt(establishment);
                }

                @Override
                public void forEach(Consumer<? super Member> action) {
                    Tx.this.forEachMember(action);
                }
            });
        }

        @Override
        public Optional<VerificationStore> verifications() {
            return Optional.of(new VerificationStore() {
                @Override
                public Optional<VerificationRecord> get(MemberId member) {
                    return Tx.this.verification(member);
                }

                @Override
                public void put(VerificationRecord record) {
                    Tx.this.putVerification(record);
                }

                @Override
                public void delete(MemberId member) {
                    Tx.this.deleteVerification(member);
                }
            });
        }

        @Override
        public Optional<TicketStore> tickets() {
            return Optional.of(new TicketStore() {
                @Override
                public Optional<TicketNum> get(TicketId id) {
                    return Tx.this.ticket(id);
                }

                @Override
                public void insert(TicketNum ticket) {
                    Tx.this.insertTicket(ticket);
                }

                @Override
                public void update(TicketNum ticket, long expectedVersion) {
                    Tx.this.updateTicket(ticket, expectedVersion);
                }

                @Override
                public List<TicketNum> openedBy(MemberId requester) {
                    return Tx.this.ticketsOf(requester);
                }

                @Override
                public void forEach(Consumer<? super TicketNum> action) {
                    Tx.this.forEachTicket(action);
                }

                @Override
                public List<TicketNum> expiringBy(Instant instant, int limit) {
                    return Tx.this.ticketsExpiringBy(instant, limit);
                }

                @Override
                public List<TicketNum> search(TicketQuery query) {
                    return Tx.this.searchTickets(query);
                }
            });
        }

        @Override
        public Optional<MessageStore> messages() {
            return Optional.of(new MessageStore() {
                @Override
                public void append(Message message) {
                    Tx.this.appendMessage(message);
                }

                @Override
                public List<Message> after(TicketId ticket, long afterSeq, int limit) {
                    return Tx.this.messages(ticket, afterSeq, limit);
                }

                @Override
                public long lastSeq(TicketId ticket) {
                    return Tx.this.lastMessageSeq(ticket);
                }

                @Override
                public void redact(Message redacted) {
                    Tx.this.redactMessage(redacted);
                }
            });
        }

        @Override
        public Optional<AvailabilityStore> availability() {
            return Optional.of(new AvailabilityStore() {
                @Override
                public Optional<Availability> get(MemberId member) {
                    return Tx.this.availability(member);
                }

                @Override
                public void put(MemberId member, Availability availability) {
                    Tx.this.putAvailability(member, availability);
                }
            });
        }

        @Override
        public Optional<EventStore> events() {
            return Optional.of(new EventStore() {
                @Override
                public Optional<Event> get(EventId id) {
                    return Tx.this.event(id);
                }

                @Override
                public void insert(Event event) {
                    Tx.this.insertEvent(event);
                }

                @Override
                public void update(Event event, long expectedVersion) {
                    Tx.this.updateEvent(event, expectedVersion);
                }

                @Override
                public List<Event> overlapping(Instant from, Instant to) {
                    return Tx.this.eventsOverlapping(from, to);
                }

                @Override
                public List<Event> search(EventQuery query) {
                    return Tx.this.searchEvents(query);
                }
            });
        }

        @Override
        public Optional<FeedbackStore> feedback() {
            return Optional.of(new FeedbackStore() {
                @Override
                public void insert(Feedback feedback) {
                    Tx.this.insertFeedback(feedback);
                }

                @Override
                public List<Feedback> on(EventId event) {
                    return Tx.this.feedbackOn(event);
                }

                @Override
                public void redact(Feedback redacted) {
                    Tx.this.redactFeedback(redacted);
                }
            });
        }

        @Override
        public Optional<BusStore> buses() {
            return Optional.of(new BusStore() {
                @Override
                public Optional<Bus> get(BusId id) {
                    return Tx.this.bus(id);
                }

                @Override
                public void insert(Bus bus) {
                    Tx.this.insertBus(bus);
                }

                @Override
                public void update(Bus bus, long expectedVersion) {
                    Tx.this.updateBus(bus, expectedVersion);
                }

                @Override
                public List<Bus> all() {
                    return Tx.this.allBuses();
                }

                @Override
                public List<BusBooking> bookings(BusId bus, Instant from, Instant to) {
                    return Tx.this.bookings(bus, from, to);
                }

                @Override
                public void insertBooking(BusBooking booking) {
                    Tx.this.insertBooking(booking);
                }

                @Override
                public void deleteBooking(BusId bus, EventId event) {
                    Tx.this.deleteBooking(bus, event);
                }
            });
        }

        @Override
        public Optional<OutboxStore> outbox() {
            return Optional.of(new OutboxStore() {
                @Override
                public void enqueue(OutboxEntry entry) {
                    Tx.this.enqueue(entry);
                }

                @Override
                public Optional<OutboxEntry> get(String notificationId) {
                    return Tx.this.outboxEntry(notificationId);
                }

                @Override
                public List<OutboxEntry> due(Instant now, int limit) {
                    return Tx.this.dueNotifications(now, limit);
                }

                @Override
                public void update(OutboxEntry entry, long expectedVersion) {
                    Tx.this.updateOutbox(entry, expectedVersion);
                }

                @Override
                public void delete(String notificationId) {
                    Tx.this.deleteOutbox(notificationId);
                }

                @Override
                public List<OutboxEntry> dead(int limit) {
                    return Tx.this.deadLetters(limit);
                }

                @Override
                public OutboxBacklog backlog() {
                    return Tx.this.outboxBacklog();
                }
            });
        }

        @Override
        public Optional<AlertStore> alerts() {
            return Optional.of(new AlertStore() {
                @Override
                public Optional<AlertPreferences> preferences(MemberId member) {
                    return Tx.this.alertPreferences(member);
                }

                @Override
                public void putPreferences(MemberId member, AlertPreferences preferences) {
                    Tx.this.putAlertPreferences(member, preferences);
                }

                @Override
                public void record(Collection<AlertRecord> alerts) {
                    Tx.this.recordAlerts(alerts);
                }

                @Override
                public Map<MemberId, AlertStore.AlertStats> stats(Collection<MemberId> helpers, Instant since) {
                    return Tx.this.alertStats(helpers, since);
                }

                @Override
                public Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since) {
                    return Tx.this.alertedBy(requester, tool, since);
                }
            });
        }

        @Override
        public Optional<TrainingStore> trainings() {
            return Optional.of(new TrainingStore() {
                @Override
                public void insert(Training training) {
                    Tx.this.insertTraining(training);
                }

                @Override
                public List<Training> published(Instant from, Instant to) {
                    return Tx.this.publishedTrainings(from, to);
                }

                @Override
                public List<Training> search(TrainingQuery query) {
                    return Tx.this.searchTrainings(query);
                }
            });
        }

        @Override
        public Optional<BadgeStore> badges() {
            return Optional.of(new BadgeStore() {
                @Override
                public void insert(BadgeAward award) {
                    Tx.this.insertBadge(award);
                }

                @Override
                public List<BadgeAward> of(MemberId member) {
                    return Tx.this.badgesOf(member);
                }
            });
        }

        @Override
        public Optional<CampaignStore> campaigns() {
            return Optional.of(new CampaignStore() {
                @Override
                public Optional<Campaign> get(CampaignId id) {
                    return Tx.this.campaign(id);
                }

                @Override
                public void insert(Campaign campaign) {
                    Tx.this.insertCampaign(campaign);
                }

                @Override
                public void update(Campaign campaign, long expectedVersion) {
                    Tx.this.updateCampaign(campaign, expectedVersion);
                }
            });
        }
    }

    /** Everyone who organises, holds a seat at or waits for {@code e}. */
    private static Set<MemberId> parties(Event e) {
        Set<MemberId> out = new LinkedHashSet<>(e.organisers());
        e.registered().forEach(r -> out.add(r.member()));
        e.waitlist().forEach(r -> out.add(r.member()));
        return out;
    }

    private static <K, V> void removeFrom(Map<K, TreeMap<TimeKey, V>> index, K key, TimeKey k) {
        TreeMap<TimeKey, V> m = index.get(key);
        if (m != null) {
            m.remove(k);
            if (m.isEmpty()) {
                index.remove(key);
            }
        }
    }

    /** The first {@code limit} distinct values (sources may overlap) in {@code order}. */
    private static <T> List<T> firstInOrder(List<T> found, Comparator<T> order, int limit) {
        found.sort(order);
        List<T> out = new ArrayList<>(Math.min(limit, found.size()));
        Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (T v : found) {
            if (out.size() == limit) {
                break;
            }
            if (seen.add(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Position of an event or booking on the time line: by start, then by event id. */
    private record TimeKey(Instant start, String event) implements Comparable<TimeKey> {
        static TimeKey of(Event e) {
            return new TimeKey(e.start(), e.id().value());
        }

        static TimeKey of(TicketNum t) {
            return new TimeKey(t.openedAt(), t.id().value());
        }

        static TimeKey of(BusBooking b) {
            return new TimeKey(b.onSite().start(), b.event().value());
        }

        /** Sorts before every key starting at {@code start}. */
        static TimeKey first(Instant start) {
            return new TimeKey(start, "");
        }

        @Override
        public int compareTo(TimeKey o) {
            int c = start.compareTo(o.start);
            return c != 0 ? c : event.compareTo(o.event);
        }
    }

    private static void requireNextVersion(long newVersion, long expectedVersion) {
        if (newVersion != expectedVersion + 1) {
            throw new IllegalArgumentException("the new version must be " + (expectedVersion + 1) + ", was " + newVersion);
        }
    }

    private static <K, V> void restore(Map<K, V> map, K key, V old) {
        if (old == null) {
            map.remove(key);
        } else {
            map.put(key, old);
        }

    }
}
