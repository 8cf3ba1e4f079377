package fr.sharenum.core.internal;

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
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.AlertRecord;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import fr.sharenum.spi.VerificationRecord;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final java.util.TreeMap<TimeKey, Event> eventsByStart = new java.util.TreeMap<>();
    private final Map<BusId, Bus> buses = new java.util.TreeMap<>();
    private final Map<BusId, java.util.TreeMap<TimeKey, BusBooking>> bookingsByBus = new HashMap<>();
    private final Map<String, OutboxEntry> outbox = new java.util.LinkedHashMap<>();
    private final Map<MemberId, AlertPreferences> alertPreferences = new HashMap<>();
    private final Map<EventId, List<fr.sharenum.model.Feedback>> feedback = new HashMap<>();
    private final Map<String, fr.sharenum.model.Training> trainings = new HashMap<>();
    private final Map<MemberId, List<fr.sharenum.model.BadgeAward>> badges = new HashMap<>();
    private final Map<fr.sharenum.model.CampaignId, fr.sharenum.model.Campaign> campaigns = new HashMap<>();
    private final Map<MemberId, List<AlertRecord>> alertsByHelper = new HashMap<>();
    private final Map<MemberId, List<AlertRecord>> alertsByRequester = new HashMap<>();
    /** Longest event ever stored: bounds the look-back of overlap queries. */
    private java.time.Duration longestEvent = java.time.Duration.ZERO;
    private java.time.Duration longestBooking = java.time.Duration.ZERO;
    private final DocumentTables documentTables = new DocumentTables();

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
        private final fr.sharenum.spi.Documents docs = documentTables.documents(undo, this::check);

        @Override
        public Optional<fr.sharenum.spi.Doc> get(String collection, String key) {
            return docs.get(collection, key);
        }

        @Override
        public void insert(String collection, fr.sharenum.spi.Doc doc) {
            docs.insert(collection, doc);
        }

        @Override
        public void replace(String collection, fr.sharenum.spi.Doc doc, long expectedVersion) {
            docs.replace(collection, doc, expectedVersion);
        }

        @Override
        public boolean delete(String collection, String key) {
            return docs.delete(collection, key);
        }

        @Override
        public List<fr.sharenum.spi.Doc> range(String collection, String index, String from, String to, int limit) {
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

        @Override
        public Optional<Establishment> establishment(Uai uai) {
            check();
            return Optional.ofNullable(establishments.get(uai));
        }

        @Override
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

        @Override
        public void forEachEstablishment(Consumer<? super Establishment> action) {
            check();
            List.copyOf(establishments.values()).forEach(action);
        }

        @Override
        public Optional<Member> member(MemberId id) {
            check();
            return Optional.ofNullable(members.get(id));
        }

        @Override
        public Optional<Member> memberByEmail(Email email) {
            check();
            return Optional.ofNullable(memberByEmail.get(email)).map(members::get);
        }

        @Override
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

        @Override
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

        @Override
        public List<Member> membersAt(Uai establishment) {
            check();
            return membersByEstablishment.getOrDefault(establishment, Set.of()).stream().map(members::get).toList();
        }

        @Override
        public void forEachMember(Consumer<? super Member> action) {
            check();
            List.copyOf(members.values()).forEach(action);
        }

        @Override
        public Optional<VerificationRecord> verification(MemberId member) {
            check();
            return Optional.ofNullable(verifications.get(member));
        }

        @Override
        public void putVerification(VerificationRecord record) {
            check();
            VerificationRecord old = verifications.put(record.member(), record);
            undo.push(() -> restore(verifications, record.member(), old));
        }

        @Override
        public void deleteVerification(MemberId member) {
            check();
            VerificationRecord old = verifications.remove(member);
            undo.push(() -> restore(verifications, member, old));
        }

        @Override
        public Optional<TicketNum> ticket(TicketId id) {
            check();
            return Optional.ofNullable(tickets.get(id));
        }

        @Override
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

        @Override
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
        }

        private void unindexTicket(TicketNum t) {
            tickets.remove(t.id());
            awaitingByExpiry.remove(t);
        }

        @Override
        public List<TicketNum> ticketsOf(MemberId requester) {
            check();
            return ticketsByRequester.getOrDefault(requester, List.of()).stream().map(tickets::get).toList();
        }

        @Override
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

        @Override
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

        @Override
        public List<Message> messages(TicketId ticket, long afterSeq, int limit) {
            check();
            List<Message> list = messages.getOrDefault(ticket, List.of());
            int from = (int) Math.min(Math.max(afterSeq, 0), list.size());
            int to = (int) Math.min((long) from + Math.max(limit, 0), list.size());
            return List.copyOf(list.subList(from, to));
        }

        @Override
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

        @Override
        public long lastMessageSeq(TicketId ticket) {
            check();
            return messages.getOrDefault(ticket, List.of()).size();
        }

        @Override
        public Optional<Availability> availability(MemberId member) {
            check();
            return Optional.ofNullable(availabilities.get(member));
        }

        @Override
        public void putAvailability(MemberId member, Availability availability) {
            check();
            java.util.Objects.requireNonNull(availability, "availability");
            Availability old = availabilities.put(java.util.Objects.requireNonNull(member, "member"), availability);
            undo.push(() -> restore(availabilities, member, old));
        }

        @Override
        public Optional<Event> event(EventId id) {
            check();
            return Optional.ofNullable(events.get(id));
        }

        @Override
        public void insertEvent(Event e) {
            check();
            if (events.containsKey(e.id())) {
                throw new DuplicateException("an event with id " + e.id() + " already exists");
            }
            java.time.Duration longest = longestEvent;
            indexEvent(e);
            undo.push(() -> {
                unindexEvent(e);
                longestEvent = longest;
            });
        }

        @Override
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
            java.time.Duration longest = longestEvent;
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
            eventsByStart.put(TimeKey.of(e), e);
            if (e.duration().compareTo(longestEvent) > 0) {
                longestEvent = e.duration();
            }
        }

        private void unindexEvent(Event e) {
            events.remove(e.id());
            eventsByStart.remove(TimeKey.of(e));
        }

        @Override
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

        @Override
        public Optional<fr.sharenum.model.Campaign> campaign(fr.sharenum.model.CampaignId id) {
            check();
            return Optional.ofNullable(campaigns.get(id));
        }

        @Override
        public void insertCampaign(fr.sharenum.model.Campaign c) {
            check();
            if (campaigns.putIfAbsent(c.id(), c) != null) {
                throw new DuplicateException("a campaign with id " + c.id() + " already exists");
            }
            undo.push(() -> campaigns.remove(c.id()));
        }

        @Override
        public void updateCampaign(fr.sharenum.model.Campaign c, long expectedVersion) {
            check();
            fr.sharenum.model.Campaign old = campaigns.get(c.id());
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

        @Override
        public void insertBadge(fr.sharenum.model.BadgeAward award) {
            check();
            List<fr.sharenum.model.BadgeAward> list = badges.computeIfAbsent(award.recipient(), k -> new ArrayList<>());
            if (list.stream().anyMatch(b -> b.badge().equals(award.badge()))) {
                throw new DuplicateException("member " + award.recipient() + " already holds badge " + award.badge());
            }
            list.add(award);
            undo.push(() -> list.remove(list.size() - 1));
        }

        @Override
        public List<fr.sharenum.model.BadgeAward> badgesOf(MemberId member) {
            check();
            return List.copyOf(badges.getOrDefault(member, List.of()));
        }

        @Override
        public void insertTraining(fr.sharenum.model.Training training) {
            check();
            if (trainings.putIfAbsent(training.id(), training) != null) {
                throw new DuplicateException("a training with id " + training.id() + " already exists");
            }
            undo.push(() -> trainings.remove(training.id()));
        }

        @Override
        public List<fr.sharenum.model.Training> publishedTrainings(Instant from, Instant to) {
            check();
            return trainings.values().stream().filter(x -> !x.start().isBefore(from) && x.start().isBefore(to))
                    .sorted(Comparator.comparing(fr.sharenum.model.Training::start).thenComparing(fr.sharenum.model.Training::id))
                    .toList();
        }

        @Override
        public void insertFeedback(fr.sharenum.model.Feedback f) {
            check();
            List<fr.sharenum.model.Feedback> list = feedback.computeIfAbsent(f.event(), k -> new ArrayList<>());
            if (list.stream().anyMatch(x -> x.member().equals(f.member()))) {
                throw new DuplicateException("member " + f.member() + " already gave feedback on event " + f.event());
            }
            list.add(f);
            undo.push(() -> list.remove(list.size() - 1));
        }

        @Override
        public List<fr.sharenum.model.Feedback> feedbackOn(EventId event) {
            check();
            return List.copyOf(feedback.getOrDefault(event, List.of()));
        }

        @Override
        public void redactFeedback(fr.sharenum.model.Feedback redacted) {
            check();
            List<fr.sharenum.model.Feedback> list = feedback.getOrDefault(redacted.event(), List.of());
            for (int i = 0; i < list.size(); i++) {
                fr.sharenum.model.Feedback old = list.get(i);
                if (old.member().equals(redacted.member())) {
                    int at = i;
                    list.set(at, redacted);
                    undo.push(() -> list.set(at, old));
                    return;
                }
            }
            throw new NotFoundException("feedback", redacted.member() + " on event " + redacted.event());
        }

        @Override
        public Optional<Bus> bus(BusId id) {
            check();
            return Optional.ofNullable(buses.get(id));
        }

        @Override
        public void insertBus(Bus bus) {
            check();
            if (buses.containsKey(bus.id())) {
                throw new DuplicateException("a bus with id " + bus.id() + " already exists");
            }
            buses.put(bus.id(), bus);
            undo.push(() -> buses.remove(bus.id()));
        }

        @Override
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

        @Override
        public List<Bus> buses() {
            check();
            return List.copyOf(buses.values());
        }

        @Override
        public List<BusBooking> bookings(BusId bus, Instant from, Instant to) {
            check();
            List<BusBooking> out = new ArrayList<>();
            java.util.TreeMap<TimeKey, BusBooking> all = bookingsByBus.get(bus);
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

        @Override
        public void insertBooking(BusBooking booking) {
            check();
            if (!buses.containsKey(booking.bus())) {
                throw new NotFoundException("bus", booking.bus());
            }
            java.util.TreeMap<TimeKey, BusBooking> all = bookingsByBus.computeIfAbsent(booking.bus(), k -> new java.util.TreeMap<>());
            if (all.values().stream().anyMatch(b -> b.event().equals(booking.event()))) {
                throw new DuplicateException("event " + booking.event() + " already has a booking of bus " + booking.bus());
            }
            java.time.Duration longest = longestBooking;
            all.put(TimeKey.of(booking), booking);
            if (booking.onSite().duration().compareTo(longestBooking) > 0) {
                longestBooking = booking.onSite().duration();
            }
            undo.push(() -> {
                all.remove(TimeKey.of(booking));
                longestBooking = longest;
            });
        }

        @Override
        public void enqueue(OutboxEntry entry) {
            check();
            if (outbox.putIfAbsent(entry.id(), entry) == null) {
                undo.push(() -> outbox.remove(entry.id()));
            }
        }

        @Override
        public Optional<OutboxEntry> outboxEntry(String notificationId) {
            check();
            return Optional.ofNullable(outbox.get(notificationId));
        }

        @Override
        public List<OutboxEntry> dueNotifications(Instant now, int limit) {
            check();
            return outbox.values().stream()
                    .filter(e -> e.status() == OutboxEntry.Status.PENDING && !e.nextAttemptAt().isAfter(now))
                    .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::id))
                    .limit(Math.max(limit, 0)).toList();
        }

        @Override
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
            outbox.put(entry.id(), entry);
            undo.push(() -> outbox.put(old.id(), old));
        }

        @Override
        public void deleteOutbox(String notificationId) {
            check();
            OutboxEntry old = outbox.remove(notificationId);
            if (old != null) {
                undo.push(() -> outbox.put(old.id(), old));
            }
        }

        @Override
        public List<OutboxEntry> deadLetters(int limit) {
            check();
            return outbox.values().stream().filter(e -> e.status() == OutboxEntry.Status.DEAD)
                    .sorted(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id))
                    .limit(Math.max(limit, 0)).toList();
        }

        @Override
        public Optional<AlertPreferences> alertPreferences(MemberId member) {
            check();
            return Optional.ofNullable(alertPreferences.get(member));
        }

        @Override
        public void putAlertPreferences(MemberId member, AlertPreferences preferences) {
            check();
            java.util.Objects.requireNonNull(preferences, "preferences");
            AlertPreferences old = alertPreferences.put(java.util.Objects.requireNonNull(member, "member"), preferences);
            undo.push(() -> restore(alertPreferences, member, old));
        }

        @Override
        public void recordAlerts(java.util.Collection<AlertRecord> alerts) {
            check();
            for (AlertRecord a : alerts) {
                List<AlertRecord> byHelper = alertsByHelper.computeIfAbsent(a.helper(), k -> new ArrayList<>());
                List<AlertRecord> byRequester = alertsByRequester.computeIfAbsent(a.requester(), k -> new ArrayList<>());
                byHelper.add(a);
                byRequester.add(a);
                undo.push(() -> {
                    byHelper.remove(byHelper.size() - 1);
                    byRequester.remove(byRequester.size() - 1);
                });
            }
        }

        @Override
        public Map<MemberId, AlertStats> alertStats(java.util.Collection<MemberId> helpers, Instant since) {
            check();
            Map<MemberId, AlertStats> out = new HashMap<>();
            for (MemberId h : helpers) {
                List<AlertRecord> list = alertsByHelper.getOrDefault(h, List.of());
                int count = 0;
                Instant last = null;
                for (AlertRecord a : list) {
                    if (!a.at().isBefore(since)) {
                        count++;
                    }
                    if (last == null || a.at().isAfter(last)) {
                        last = a.at();
                    }
                }
                out.put(h, new AlertStats(count, last));
            }
            return out;
        }

        @Override
        public Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since) {
            check();
            Set<MemberId> out = new java.util.HashSet<>();
            for (AlertRecord a : alertsByRequester.getOrDefault(requester, List.of())) {
                if (a.tool().equals(tool) && !a.at().isBefore(since)) {
                    out.add(a.helper());
                }
            }
            return out;
        }

        @Override
        public void deleteBooking(BusId bus, EventId event) {
            check();
            java.util.TreeMap<TimeKey, BusBooking> all = bookingsByBus.get(bus);
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
    }

    /** Position of an event or booking on the time line: by start, then by event id. */
    private record TimeKey(Instant start, String event) implements Comparable<TimeKey> {
        static TimeKey of(Event e) {
            return new TimeKey(e.start(), e.id().value());
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
