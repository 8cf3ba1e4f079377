package fr.sharenum.core.internal;

import fr.sharenum.Agenda;
import fr.sharenum.BusNum;
import fr.sharenum.Establishments;
import fr.sharenum.Events;
import fr.sharenum.Members;
import fr.sharenum.Tickets;
import fr.sharenum.Trainings;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberNotVerifiedException;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.GuideCatalog;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.TrainingCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wiring of one ShareNum instance: settings, SPIs, services, and the bookkeeping that keeps the
 * matching engine in step with the store.
 *
 * <p>Every change that affects matching runs under the member's lock stripe, stores first, then
 * updates the engine, so the engine always ends with the member's latest stored state.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final int STRIPES = 256;

    private final Settings settings;
    private final ShareNumStore store;
    private final TrainingCatalog trainingCatalog;
    private final GuideCatalog guideCatalog;
    private final MatchingEngine matchingEngine;
    private final Dispatcher dispatcher;
    private final Object[] stripes = new Object[STRIPES];

    private final MembersImpl members;
    private final EstablishmentsImpl establishments;
    private final TicketsImpl tickets;
    private final Trainings trainings;
    private final BusNumImpl busNum;
    private final AgendaImpl agenda;
    private final EventsImpl events;
    private final ModerationImpl moderation;
    private final CampaignsImpl campaigns;
    private final IndicatorsImpl indicators;
    private final IndicatorsFacade indicatorsFacade;
    private final RolesImpl roles;
    private final OutboxImpl outbox;

    public Engine(Settings settings, ShareNumStore store, Notifier notifier, TrainingCatalog trainingCatalog,
                  GuideCatalog guideCatalog, MatchingEngine matchingEngine) {
        this.settings = settings;
        this.store = store;
        this.trainingCatalog = trainingCatalog;
        this.guideCatalog = guideCatalog;
        this.matchingEngine = matchingEngine;
        this.dispatcher = new Dispatcher(notifier, store, settings.clock(), settings.delivery());
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        this.members = new MembersImpl(this);
        this.establishments = new EstablishmentsImpl(this);
        this.tickets = new TicketsImpl(this);
        this.busNum = new BusNumImpl(this);
        this.agenda = new AgendaImpl(this, busNum);
        this.events = new EventsImpl(this, busNum);
        this.campaigns = new CampaignsImpl(this);
        this.indicators = new IndicatorsImpl();
        this.indicatorsFacade = new IndicatorsFacade(this, indicators);
        this.roles = new RolesImpl(this);
        this.outbox = new OutboxImpl(this);
        this.moderation = new ModerationImpl(this, settings.moderationQueue() != null ? settings.moderationQueue()
                : new ModerationImpl.InMemoryQueue());
        this.trainings = new TrainingsImpl(this);
        loadMatchingEngine();
        loadIndicators();
    }

    /** Builds the indicator aggregates from what the store holds (once, at start). */
    private void loadIndicators() {
        tx(t -> {
            t.forEachEstablishment(indicators::establishment);
            t.buses().forEach(indicators::bus);
            t.forEachMember(m -> {
                indicators.member(null, m);
                t.ticketsOf(m.id()).forEach(ticket -> indicators.ticket(null, ticket));
            });
            allEvents(t).forEach(e -> {
                indicators.event(null, e);
                t.feedbackOn(e.id()).forEach(fb -> indicators.feedback(e, fb.usefulness()));
            });
            return null;
        });
    }

    IndicatorsImpl indicatorsAggregates() {
        return indicators;
    }

    public fr.sharenum.Indicators indicators() {
        return indicatorsFacade;
    }

    public fr.sharenum.Roles roles() {
        return roles;
    }

    public fr.sharenum.Outbox outbox() {
        return outbox;
    }

    /**
     * The matching engine, for the host only.
     *
     * @param actor who asks
     * @return the engine
     */
    public MatchingEngine matchingEngine(fr.sharenum.model.Actor actor) {
        tx(t -> {
            fr.sharenum.core.internal.access.Access.require(fr.sharenum.core.internal.access.Operation.MATCHING_ENGINE,
                    fr.sharenum.core.internal.access.Access.relations(fr.sharenum.core.internal.access.Access.principal(t, actor), null));
            return null;
        });
        return matchingEngine;
    }

    private void loadMatchingEngine() {
        List<MatchCandidate> candidates = tx(t -> {
            List<MatchCandidate> all = new ArrayList<>();
            t.forEachMember(m -> {
                if (m.isActive()) {
                    t.establishment(m.establishment()).ifPresent(e -> all.add(MatchCandidate.of(m, e.location())));
                }
            });
            return all;
        });
        matchingEngine.upsertAll(candidates);
        LOG.info("matching engine {} loaded with {} active members", matchingEngine.getClass().getSimpleName(), candidates.size());
    }

    public Settings settings() {
        return settings;
    }

    public MatchingEngine matchingEngine() {
        return matchingEngine;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public Members members() {
        return members;
    }

    public Establishments establishments() {
        return establishments;
    }

    public Tickets tickets() {
        return tickets;
    }

    public Trainings trainings() {
        return trainings;
    }

    public Agenda agenda() {
        return agenda;
    }

    public Events events() {
        return events;
    }

    public BusNum busNum() {
        return busNum;
    }

    public fr.sharenum.Moderation moderation() {
        return moderation;
    }

    ModerationImpl moderationImpl() {
        return moderation;
    }

    public fr.sharenum.Campaigns campaigns() {
        return campaigns;
    }

    /** The host's catalogue and the trainings published through ShareNum, together. */
    TrainingCatalog trainingCatalog() {
        return (academie, tools, from, to) -> {
            List<fr.sharenum.model.Training> all = new ArrayList<>(trainingCatalog.find(academie, tools, from, to));
            tx(t -> t.publishedTrainings(from, to)).stream()
                    .filter(x -> x.academie() == null || x.academie() == academie)
                    .filter(x -> x.tools().stream().anyMatch(tools::contains))
                    .filter(x -> all.stream().noneMatch(y -> y.id().equals(x.id())))
                    .forEach(all::add);
            all.sort(java.util.Comparator.comparing(fr.sharenum.model.Training::start).thenComparing(fr.sharenum.model.Training::id));
            return all;
        };
    }

    GuideCatalog guideCatalog() {
        return guideCatalog;
    }

    Instant now() {
        return settings.clock().instant();
    }

    <T> T tx(Function<Tx, T> work) {
        return store.inTransaction(t -> work.apply(new Tx(t)));
    }

    /** Runs {@code work} holding the lock stripe of {@code member}. */
    <T> T lockedFor(MemberId member, Supplier<T> work) {
        synchronized (stripes[Math.floorMod(member.hashCode(), STRIPES)]) {
            return work.get();
        }
    }

    /**
     * Retries {@code work} a few times when a concurrent writer changed the same record: for
     * workflow steps that re-read what they change (offers, expiry), a conflict is not the caller's
     * fault.
     */
    <T> T retryingConflicts(Supplier<T> work) {
        VersionConflictException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return work.get();
            } catch (VersionConflictException e) {
                last = e;
            }
        }
        throw last;
    }

    /** What the matching engine should hold for {@code id}, as the transaction {@code t} sees it. */
    static Optional<MatchCandidate> candidateOf(Tx t, MemberId id) {
        return t.member(id).filter(Member::isActive)
                .flatMap(m -> t.establishment(m.establishment()).map(e -> MatchCandidate.of(m, e.location())));
    }

    private void apply(MemberId id, Optional<MatchCandidate> candidate) {
        if (candidate.isPresent()) {
            matchingEngine.upsert(candidate.get());
        } else {
            matchingEngine.remove(id);
        }
    }

    /**
     * Runs {@code work}, a transaction changing member {@code id}, under the member's lock stripe, then
     * gives the matching engine what that same transaction committed — no second read, so the engine
     * cannot miss a change the store kept.
     */
    Member changeMember(MemberId id, Function<Tx, Member> work) {
        refreshPending();
        return lockedFor(id, () -> {
            List<Optional<MatchCandidate>> candidate = new ArrayList<>(1);
            List<Member> before = new ArrayList<>(1);
            Member saved = tx(t -> {
                candidate.clear();
                before.clear();
                before.add(t.member(id).orElse(null));
                Member m = work.apply(t);
                candidate.add(candidateOf(t, id));
                return m;
            });
            apply(id, candidate.get(0));
            indicators.member(before.get(0), saved);
            return saved;
        });
    }

    /**
     * Brings the engine in line with the stored state of members whose establishment moved, each under
     * its lock with a fresh read. A member whose read fails (the database is down) is remembered and
     * refreshed at the next change, so the engine catches up without the caller having to.
     */
    void reindexAll(List<MemberId> ids) {
        for (MemberId id : ids) {
            try {
                lockedFor(id, () -> {
                    apply(id, tx(t -> candidateOf(t, id)));
                    return null;
                });
            } catch (RuntimeException e) {
                pendingReindex.add(id);
                LOG.warn("matching engine not refreshed for a relocated member yet ({}); will retry", e.getClass().getSimpleName());
            }
        }
    }

    private final java.util.Queue<MemberId> pendingReindex = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Retries the refreshes {@link #reindexAll} could not do. */
    void refreshPending() {
        List<MemberId> retry = new ArrayList<>();
        for (MemberId id; (id = pendingReindex.poll()) != null; ) {
            retry.add(id);
        }
        if (!retry.isEmpty()) {
            reindexAll(retry);
        }
    }

    /** Far enough in the future to bound "every event ever" queries. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /** Every event the store holds, earliest first: for rebuilds, exports and the rare whole-history questions. */
    static List<fr.sharenum.model.Event> allEvents(Tx t) {
        return t.eventsOverlapping(Instant.EPOCH, END_OF_TIME);
    }

    /** The member, if active; refuses the unverified and the suspended. */
    static Member activeMember(Tx t, MemberId id) {
        Member m = t.member(id).orElseThrow(() -> new NotFoundException("member", id));
        switch (m.status()) {
            case ACTIVE:
                return m;
            case PENDING_VERIFICATION:
                throw new MemberNotVerifiedException(id);
            case ERASED:
                throw new NotAllowedException("member " + id + " was erased at their request");
            default:
                throw new NotAllowedException("member " + id + " is suspended");
        }
    }


    /** How one kind of versioned record is read and saved, for {@link #change}. */
    record Versioned<V>(Function<Tx, Optional<V>> load, java.util.function.ToLongFunction<V> version,
                        java.util.function.UnaryOperator<V> nextVersion, Saver<V> save, Supplier<NotFoundException> notFound,
                        java.util.function.BiConsumer<V, V> onCommit) {
    }

    /** Stores a record whose stored version is {@code expectedVersion}. */
    @FunctionalInterface
    interface Saver<V> {
        void save(Tx t, V next, long expectedVersion);
    }

    /** A workflow step on a record: returns the changed record (same version), or the same instance for no change. */
    @FunctionalInterface
    interface Step<V> {
        V apply(Tx t, V current, List<Notification> out);
    }

    /**
     * Reads, changes and stores a record in one transaction, retrying when a concurrent writer got there
     * first; sends the notifications the step collected once the transaction has committed.
     */
    <V> V change(Versioned<V> record, Step<V> step) {
        List<Notification> out = new ArrayList<>();
        List<V> before = new ArrayList<>(1);
        V saved = retryingConflicts(() -> tx(t -> {
            out.clear();
            before.clear();
            V current = record.load().apply(t).orElseThrow(record.notFound());
            before.add(current);
            V changed = step.apply(t, current, out);
            if (changed == current) {
                return current;
            }
            V next = record.nextVersion().apply(changed);
            record.save().save(t, next, record.version().applyAsLong(current));
            dispatcher.enqueue(t, out);
            return next;
        }));
        dispatcher.deliver(out);
        if (saved != before.get(0) && record.onCommit() != null) {
            record.onCommit().accept(before.get(0), saved);
        }
        return saved;
    }
}
