package fr.sharenum.core.internal;

import fr.sharenum.core.internal.feed.EventFacts;
import fr.sharenum.core.internal.feed.FeedbackFacts;
import fr.sharenum.core.internal.feed.MemberFacts;
import fr.sharenum.core.internal.feed.TicketFacts;
import fr.sharenum.core.internal.kernel.KernelAggregates;
import fr.sharenum.core.internal.store.BadgeTallies;
import fr.sharenum.core.internal.store.Codec;
import fr.sharenum.spi.Change;
import fr.sharenum.spi.MemberProjection;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.Availability;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Campaign;
import fr.sharenum.model.CampaignId;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.AlertRecord;
import fr.sharenum.spi.AlertStore;
import fr.sharenum.spi.AvailabilityStore;
import fr.sharenum.spi.BadgeStore;
import fr.sharenum.spi.BusStore;
import fr.sharenum.spi.CampaignStore;
import fr.sharenum.spi.ChangeFeedStore;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;
import fr.sharenum.spi.EstablishmentStore;
import fr.sharenum.spi.EventQuery;
import fr.sharenum.spi.EventStore;
import fr.sharenum.spi.FeedbackStore;
import fr.sharenum.spi.MemberStore;
import fr.sharenum.spi.MessageStore;
import fr.sharenum.spi.OutboxBacklog;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.OutboxStore;
import fr.sharenum.spi.StoreTransaction;
import fr.sharenum.spi.TicketQuery;
import fr.sharenum.spi.TicketStore;
import fr.sharenum.spi.TrainingQuery;
import fr.sharenum.spi.TrainingStore;
import fr.sharenum.spi.VerificationRecord;
import fr.sharenum.spi.VerificationStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * One store transaction as the workflows see it: every aggregate, native when the store provides it, built on
 * the storage kernel otherwise ({@link KernelAggregates}), behind one flat set of methods; and the kernel itself
 * ({@link Documents}) for what only core keeps (grants, audit, counters). Only valid during the transaction.
 */
public final class Tx implements Documents {
    /** Change kinds: a member's {@link MemberFacts}. */
    public static final String KIND_MEMBER = "member";
    /** Change kinds: an {@link Establishment}. */
    public static final String KIND_ESTABLISHMENT = "establishment";
    /** Change kinds: a ticket's {@link TicketFacts}. */
    public static final String KIND_TICKET = "ticket";
    /** Change kinds: an event's {@link EventFacts}. */
    public static final String KIND_EVENT = "event";
    /** Change kinds: a rating's {@link FeedbackFacts}. */
    public static final String KIND_FEEDBACK = "feedback";
    /** Change kinds: a dated level change ({@code LevelChangeFacts}), after only. */
    public static final String KIND_LEVEL = "level";
    /** Change kinds: a training chosen or attended ({@code TrainingFacts}). */
    public static final String KIND_TRAINING = "training";
    /** Change kinds: attendance marked at an event ({@code AttendanceFacts}). */
    public static final String KIND_ATTENDANCE = "attendance";
    /** Change kinds: a badge awarded ({@code BadgeFacts}), after only. */
    public static final String KIND_BADGE = "badge";
    /** Change kinds: a member listed in (after) or taken out of (before) the directory of ex-pairs; facts are the id. */
    public static final String KIND_LISTING = "listing";

    private final StoreTransaction t;
    private EstablishmentStore establishments;
    private MemberStore members;
    private VerificationStore verifications;
    private TicketStore tickets;
    private MessageStore messages;
    private AvailabilityStore availability;
    private EventStore events;
    private FeedbackStore feedback;
    private BusStore buses;
    private OutboxStore outbox;
    private AlertStore alerts;
    private TrainingStore trainings;
    private BadgeStore badges;
    private CampaignStore campaigns;
    private ChangeFeedStore changes;

    private final Clock clock;
    /** Records read or written in this transaction, by id: the "before" of the changes it writes. */
    private final Map<Object, Object> seen = new HashMap<>();
    /** Changes written so far, appended to the feed by {@link #flushChanges()}. */
    private final List<Change> pending = new ArrayList<>();

    Tx(StoreTransaction t, Clock clock) {
        this.t = t;
        this.clock = clock;
    }

    /**
     * A read-only view of a transaction (what it writes through this view reaches the change feed only if
     * {@link #flushChanges()} is called before it commits — ShareNum's own transactions always do).
     *
     * @param t a transaction of any store
     * @return the workflows' view of it
     */
    public static Tx of(StoreTransaction t) {
        return new Tx(t, Clock.systemUTC());
    }

    /** What to do once this transaction has committed (metrics of what it wrote); null until asked. */
    private List<Runnable> afterCommit;

    /**
     * Runs {@code action} once this transaction has committed — when it runs inside ShareNum's own transactions
     * ({@code Engine.tx}); never if it rolls back or is retried.
     *
     * @param action what to do, cheap and not failing
     */
    void afterCommit(Runnable action) {
        if (afterCommit == null) {
            afterCommit = new ArrayList<>();
        }
        afterCommit.add(action);
    }

    /** Runs what was asked to run after the commit (called by {@code Engine.tx} once committed). */
    void committed() {
        if (afterCommit != null) {
            afterCommit.forEach(Runnable::run);
            afterCommit = null;
        }
    }

    // --- the change feed: every write that derived state depends on leaves its facts before and after

    private void emit(String kind, String key, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return;
        }
        pending.add(new Change(0, clock.instant(), kind, key, before == null ? null : Codec.write(before),
                after == null ? null : Codec.write(after)));
    }

    /** Records facts of a kind of its own (research and the académie's view: {@link ResearchFacts}). */
    void emitFacts(String kind, String key, Object before, Object after) {
        emit(kind, key, before, after);
    }

    /** @return the instant this transaction's changes are dated */
    Instant now() {
        return clock.instant();
    }

    /**
     * Appends the changes this transaction wrote to the feed; called once, last, before the transaction commits.
     *
     * @return the number of the last change appended, 0 when none
     */
    long flushChanges() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<Long> numbers = changesStore().append(List.copyOf(pending));
        pending.clear();
        return numbers.get(numbers.size() - 1);
    }

    /** @return the feed's last number as this transaction sees it */
    public long feedHead() {
        return changesStore().head();
    }

    /**
     * @param after the last number read
     * @param limit at most this many
     * @return the changes after it
     */
    public List<Change> changesAfter(long after, int limit) {
        return changesStore().after(after, limit);
    }

    /**
     * @param upTo the last number to forget
     * @return how many changes were removed
     */
    public int pruneChanges(long upTo) {
        return changesStore().prune(upTo);
    }

    // facts come from the record alone (and a bus's fixed home), never from another record a concurrent
    // transaction could be changing: an instance applying the feed in commit order then always agrees with the store

    private static MemberFacts factsOf(Member m) {
        return MemberFacts.of(m);
    }

    private static TicketFacts factsOf(TicketNum ticket) {
        return TicketFacts.of(ticket);
    }

    private EventFacts factsOf(Event e) {
        return EventFacts.of(e, e.bus() == null ? Optional.empty() : bus(e.bus()));
    }

    /** The stored record {@code id} at {@code expectedVersion}: as read in this transaction, else read now. */
    @SuppressWarnings("unchecked")
    private <V> V previous(Object id, long expectedVersion, ToLongFunction<V> version,
                           Supplier<Optional<V>> read) {
        Object known = seen.get(id);
        if (known != null && version.applyAsLong((V) known) == expectedVersion) {
            return (V) known;
        }
        return read.get().orElse(null);
    }

    private <V> Optional<V> remember(Object id, Optional<V> value) {
        value.ifPresent(v -> seen.put(id, v));
        return value;
    }

    /** @return the time of this transaction's clock */
    Instant clockNow() {
        return clock.instant();
    }

    /** @return the store's transaction underneath */
    StoreTransaction raw() {
        return t;
    }

    private EstablishmentStore establishmentsStore() {
        if (establishments == null) {
            establishments = t.establishments().orElseGet(() -> KernelAggregates.establishments(t));
        }
        return establishments;
    }

    private MemberStore membersStore() {
        if (members == null) {
            members = t.members().orElseGet(() -> KernelAggregates.members(t));
        }
        return members;
    }

    private VerificationStore verificationsStore() {
        if (verifications == null) {
            verifications = t.verifications().orElseGet(() -> KernelAggregates.verifications(t));
        }
        return verifications;
    }

    private TicketStore ticketsStore() {
        if (tickets == null) {
            tickets = t.tickets().orElseGet(() -> KernelAggregates.tickets(t));
        }
        return tickets;
    }

    private MessageStore messagesStore() {
        if (messages == null) {
            messages = t.messages().orElseGet(() -> KernelAggregates.messages(t));
        }
        return messages;
    }

    private AvailabilityStore availabilityStore() {
        if (availability == null) {
            availability = t.availability().orElseGet(() -> KernelAggregates.availability(t));
        }
        return availability;
    }

    private EventStore eventsStore() {
        if (events == null) {
            events = t.events().orElseGet(() -> KernelAggregates.events(t));
        }
        return events;
    }

    private FeedbackStore feedbackStore() {
        if (feedback == null) {
            feedback = t.feedback().orElseGet(() -> KernelAggregates.feedback(t));
        }
        return feedback;
    }

    private BusStore busesStore() {
        if (buses == null) {
            buses = t.buses().orElseGet(() -> KernelAggregates.buses(t));
        }
        return buses;
    }

    private OutboxStore outboxStore() {
        if (outbox == null) {
            outbox = t.outbox().orElseGet(() -> KernelAggregates.outbox(t));
        }
        return outbox;
    }

    private AlertStore alertsStore() {
        if (alerts == null) {
            alerts = t.alerts().orElseGet(() -> KernelAggregates.alerts(t));
        }
        return alerts;
    }

    private TrainingStore trainingsStore() {
        if (trainings == null) {
            trainings = t.trainings().orElseGet(() -> KernelAggregates.trainings(t));
        }
        return trainings;
    }

    private BadgeStore badgesStore() {
        if (badges == null) {
            badges = t.badges().orElseGet(() -> KernelAggregates.badges(t));
        }
        return badges;
    }

    private CampaignStore campaignsStore() {
        if (campaigns == null) {
            campaigns = t.campaigns().orElseGet(() -> KernelAggregates.campaigns(t));
        }
        return campaigns;
    }

    /** @return the change feed, native or kernel-based */
    private ChangeFeedStore changesStore() {
        if (changes == null) {
            changes = t.changes().orElseGet(() -> KernelAggregates.changes(t));
        }
        return changes;
    }

    public Optional<Establishment> establishment(Uai uai) {
        return establishmentsStore().get(uai);
    }

    /**
     * Stores an establishment; instances place its members anew when its position changed (they keep where
     * every establishment stands, from this change).
     */
    public void putEstablishment(Establishment establishment) {
        Optional<Establishment> before = establishmentsStore().get(establishment.uai());
        establishmentsStore().put(establishment);
        emit(KIND_ESTABLISHMENT, establishment.uai().value(), before.orElse(null), establishment);
    }

    public void forEachEstablishment(Consumer<? super Establishment> action) {
        establishmentsStore().forEach(action);
    }

    public Optional<Member> member(MemberId id) {
        return remember(id, membersStore().get(id));
    }

    public Optional<Member> memberByEmail(Email email) {
        return membersStore().byEmail(email);
    }

    public void insertMember(Member member) {
        membersStore().insert(member);
        seen.put(member.id(), member);
        emit(KIND_MEMBER, member.id().value(), null, factsOf(member));
        ResearchFacts.levels(this, null, factsOf(member), member.version());
    }

    public void updateMember(Member member, long expectedVersion) {
        Member before = previous(member.id(), expectedVersion, Member::version, () -> membersStore().get(member.id()));
        membersStore().update(member, expectedVersion);
        seen.put(member.id(), member);
        emit(KIND_MEMBER, member.id().value(), before == null ? null : factsOf(before), factsOf(member));
        ResearchFacts.levels(this, before == null ? null : factsOf(before), factsOf(member), member.version());
    }

    public List<Member> membersAt(Uai establishment) {
        return membersStore().at(establishment);
    }

    public void forEachMember(Consumer<? super Member> action) {
        membersStore().forEach(action);
    }

    /** Visits every member as derived state needs them (rebuilding it: only these fields are read when the store can). */
    public void forEachMemberProjection(Consumer<? super MemberProjection> action) {
        membersStore().forEachProjection(action);
    }

    public Optional<VerificationRecord> verification(MemberId member) {
        return verificationsStore().get(member);
    }

    public void putVerification(VerificationRecord record) {
        verificationsStore().put(record);
    }

    public void deleteVerification(MemberId member) {
        verificationsStore().delete(member);
    }

    public Optional<TicketNum> ticket(TicketId id) {
        return remember(id, ticketsStore().get(id));
    }

    public void insertTicket(TicketNum ticket) {
        ticketsStore().insert(ticket);
        seen.put(ticket.id(), ticket);
        emit(KIND_TICKET, ticket.id().value(), null, factsOf(ticket));
    }

    public void updateTicket(TicketNum ticket, long expectedVersion) {
        TicketNum before = previous(ticket.id(), expectedVersion, TicketNum::version, () -> ticketsStore().get(ticket.id()));
        ticketsStore().update(ticket, expectedVersion);
        seen.put(ticket.id(), ticket);
        emit(KIND_TICKET, ticket.id().value(), before == null ? null : factsOf(before), factsOf(ticket));
    }

    public List<TicketNum> ticketsOf(MemberId requester) {
        return ticketsStore().openedBy(requester);
    }

    public void forEachTicket(Consumer<? super TicketNum> action) {
        ticketsStore().forEach(action);
    }

    public List<TicketNum> ticketsExpiringBy(Instant instant, int limit) {
        return ticketsStore().expiringBy(instant, limit);
    }

    public void appendMessage(Message message) {
        messagesStore().append(message);
    }

    public List<Message> messages(TicketId ticket, long afterSeq, int limit) {
        return messagesStore().after(ticket, afterSeq, limit);
    }

    public long lastMessageSeq(TicketId ticket) {
        return messagesStore().lastSeq(ticket);
    }

    public void redactMessage(Message redacted) {
        messagesStore().redact(redacted);
    }

    public Optional<Availability> availability(MemberId member) {
        return availabilityStore().get(member);
    }

    public void putAvailability(MemberId member, Availability availability) {
        availabilityStore().put(member, availability);
    }

    public Optional<Event> event(EventId id) {
        return remember(id, eventsStore().get(id));
    }

    public void insertEvent(Event event) {
        tallyBadges(null, event);
        eventsStore().insert(event);
        seen.put(event.id(), event);
        emit(KIND_EVENT, event.id().value(), null, factsOf(event));
    }

    public void updateEvent(Event event, long expectedVersion) {
        Event before = previous(event.id(), expectedVersion, Event::version, () -> eventsStore().get(event.id()));
        tallyBadges(before, event);
        eventsStore().update(event, expectedVersion);
        seen.put(event.id(), event);
        emit(KIND_EVENT, event.id().value(), before == null ? null : factsOf(before), factsOf(event));
    }

    /**
     * Brings the badge tallies of the event's members in step with the write of {@code after} over {@code before}
     * (called before the event itself is written, so that a first computation of every tally reads the events as they
     * were).
     */
    private void tallyBadges(Event before, Event after) {
        Map<MemberId, BadgeTallies.Tally> changes = BadgeTallies.difference(before, after);
        if (!changes.isEmpty()) {
            ensureBadgeTallies();
            BadgeTallies.apply(this, changes);
        }
    }

    /** Whether this transaction found (or wrote) every badge tally computed. */
    private boolean badgeTalliesReady;

    /** Computes every badge tally from every event, once per store ({@link BadgeTallies#backfill}), if not done yet. */
    private void ensureBadgeTallies() {
        if (!badgeTalliesReady) {
            if (!BadgeTallies.backfilled(this)) {
                BadgeTallies.backfill(this, Engine.allEvents(this));
            }
            badgeTalliesReady = true;
        }
    }

    /**
     * The badge tallies of {@code members} as stored, read at once (computing every tally first when the store holds
     * events from before tallies).
     *
     * @param members the members
     * @return member → tally, one for each
     */
    Map<MemberId, BadgeTallies.Tally> badgeTallies(Collection<MemberId> members) {
        ensureBadgeTallies();
        return BadgeTallies.of(this, members);
    }

    public List<Event> eventsOverlapping(Instant from, Instant to) {
        return eventsStore().overlapping(from, to);
    }

    public List<Event> searchEvents(EventQuery query) {
        return eventsStore().search(query);
    }

    public List<TicketNum> searchTickets(TicketQuery query) {
        return ticketsStore().search(query);
    }

    /**
     * Records a member's choice to be listed in the directory of ex-pairs (or not): instances keep who is listed,
     * from this change.
     */
    public void putListing(MemberId member, boolean listed) {
        Optional<Doc> before = t.get(LISTINGS, member.value());
        boolean was = before.isPresent();
        if (was == listed) {
            return;
        }
        if (listed) {
            t.insert(LISTINGS, Doc.of(member.value(), Map.of(), "{}"));
        } else {
            t.delete(LISTINGS, member.value());
        }
        emit(KIND_LISTING, member.value(), was ? member.value() : null, listed ? member.value() : null);
    }

    /** @return whether the member chose to be listed in the directory */
    public boolean listed(MemberId member) {
        return t.get(LISTINGS, member.value()).isPresent();
    }

    /** Visits every member listed in the directory (rebuilding derived state). */
    public void forEachListed(Consumer<MemberId> action) {
        String lower = "";
        while (true) {
            List<Doc> page = t.range(LISTINGS, Documents.BY_KEY, lower, "\u007f", 500);
            page.forEach(d -> action.accept(MemberId.of(d.key())));
            if (page.size() < 500) {
                return;
            }
            lower = page.get(page.size() - 1).key() + "\u0001";
        }
    }

    /** The kernel collection of members listed in the directory of ex-pairs (key: the member). */
    static final String LISTINGS = "directory-listing";

    public void insertFeedback(Feedback feedback) {
        feedbackStore().insert(feedback);
        Object known = seen.get(feedback.event());
        Optional<Event> event = known instanceof Event e ? Optional.of(e) : event(feedback.event());
        event.ifPresent(e -> emit(KIND_FEEDBACK, feedback.event().value() + "|" + feedback.member().value(), null,
                FeedbackFacts.of(factsOf(e), feedback.usefulness())));
    }

    public List<Feedback> feedbackOn(EventId event) {
        return feedbackStore().on(event);
    }

    public void redactFeedback(Feedback redacted) {
        feedbackStore().redact(redacted);
    }

    public Optional<Bus> bus(BusId id) {
        return busesStore().get(id);
    }

    public void insertBus(Bus bus) {
        busesStore().insert(bus);
    }

    public void updateBus(Bus bus, long expectedVersion) {
        busesStore().update(bus, expectedVersion);
    }

    public List<Bus> buses() {
        return busesStore().all();
    }

    public List<BusBooking> bookings(BusId bus, Instant from, Instant to) {
        return busesStore().bookings(bus, from, to);
    }

    public void insertBooking(BusBooking booking) {
        busesStore().insertBooking(booking);
    }

    public void deleteBooking(BusId bus, EventId event) {
        busesStore().deleteBooking(bus, event);
    }

    public void enqueue(OutboxEntry entry) {
        outboxStore().enqueue(entry);
    }

    public Optional<OutboxEntry> outboxEntry(String notificationId) {
        return outboxStore().get(notificationId);
    }

    public List<OutboxEntry> dueNotifications(Instant now, int limit) {
        return outboxStore().due(now, limit);
    }

    public List<OutboxEntry> claimableNotifications(Instant now, int limit) {
        return outboxStore().claimable(now, limit);
    }

    public void updateOutbox(OutboxEntry entry, long expectedVersion) {
        outboxStore().update(entry, expectedVersion);
    }

    public void deleteOutbox(String notificationId) {
        outboxStore().delete(notificationId);
    }

    public OutboxBacklog outboxBacklog() {
        return outboxStore().backlog();
    }

    public List<OutboxEntry> deadLetters(int limit) {
        return outboxStore().dead(limit);
    }

    public Optional<AlertPreferences> alertPreferences(MemberId member) {
        return alertsStore().preferences(member);
    }

    public void putAlertPreferences(MemberId member, AlertPreferences preferences) {
        alertsStore().putPreferences(member, preferences);
    }

    public Map<MemberId, AlertPreferences> alertPreferencesOf(Collection<MemberId> members) {
        return alertsStore().preferencesOf(members);
    }

    public void recordAlerts(Collection<AlertRecord> alerts) {
        alertsStore().record(alerts);
    }

    public Map<MemberId, AlertStore.AlertStats> alertStats(Collection<MemberId> helpers, Instant since) {
        return alertsStore().stats(helpers, since);
    }

    public Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since) {
        return alertsStore().alertedBy(requester, tool, since);
    }

    public void insertTraining(Training training) {
        trainingsStore().insert(training);
    }

    public List<Training> publishedTrainings(Instant from, Instant to) {
        return trainingsStore().published(from, to);
    }

    public List<Training> searchTrainings(TrainingQuery query) {
        return trainingsStore().search(query);
    }

    public void insertBadge(BadgeAward award) {
        badgesStore().insert(award);
        ResearchFacts.badge(this, award);
    }

    public List<BadgeAward> badgesOf(MemberId member) {
        return badgesStore().of(member);
    }

    public Optional<Campaign> campaign(CampaignId id) {
        return campaignsStore().get(id);
    }

    public void insertCampaign(Campaign campaign) {
        campaignsStore().insert(campaign);
    }

    public void updateCampaign(Campaign campaign, long expectedVersion) {
        campaignsStore().update(campaign, expectedVersion);
    }

    // --- the kernel

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
    public List<Doc> range(String collection, String index, String fromInclusive, String toExclusive, int limit) {
        return t.range(collection, index, fromInclusive, toExclusive, limit);
    }
}
