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
import fr.sharenum.core.internal.feed.ChangeFollower;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wiring of one ShareNum instance: settings, SPIs, services, and the follower of the change feed that keeps
 * what the instance derives from the store (matching engine, indicator aggregates) in step with every instance's
 * writes.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Settings settings;
    private final ShareNumStore store;
    private final TrainingCatalog trainingCatalog;
    private final GuideCatalog guideCatalog;
    private final MatchingEngine matchingEngine;
    private final Dispatcher dispatcher;

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
    private final HelpOffersImpl helpOffers;

    public Engine(Settings settings, ShareNumStore store, Notifier notifier, TrainingCatalog trainingCatalog,
                  GuideCatalog guideCatalog, MatchingEngine matchingEngine) {
        this.settings = settings;
        this.store = store;
        this.trainingCatalog = trainingCatalog;
        this.guideCatalog = guideCatalog;
        this.matchingEngine = matchingEngine;
        this.dispatcher = new Dispatcher(notifier, store, settings.clock(), settings.delivery(), settings.deliveryWorker());
        this.members = new MembersImpl(this);
        this.establishments = new EstablishmentsImpl(this);
        this.tickets = new TicketsImpl(this);
        this.busNum = new BusNumImpl(this);
        this.agenda = new AgendaImpl(this, busNum);
        this.events = new EventsImpl(this, busNum);
        this.campaigns = new CampaignsImpl(this);
        java.util.Map<fr.sharenum.model.Uai, fr.sharenum.model.Establishment> places = new java.util.concurrent.ConcurrentHashMap<>();
        this.indicators = new IndicatorsImpl(places::get);
        this.indicatorsFacade = new IndicatorsFacade(this, indicators);
        this.roles = new RolesImpl(this);
        this.outbox = new OutboxImpl(this);
        this.moderation = new ModerationImpl(this, settings.moderationQueue());
        this.trainings = new TrainingsImpl(this);
        this.helpOffers = new HelpOffersImpl(this);
        this.follower = new ChangeFollower(new ChangeFollower.Feed() {
            @Override
            public <T> T read(Function<Tx, T> read) {
                return store.inTransaction(t -> read.apply(new Tx(t, settings.clock())));
            }

            @Override
            public <T> T snapshot(Function<Tx, T> work) {
                return store.inSnapshot(t -> work.apply(new Tx(t, settings.clock())));
            }
        }, new Derived(matchingEngine, indicators, places, listed), settings.clock(), settings.feed().retention());
        this.places = places;
        long started = System.nanoTime();
        follower.reload();
        LOG.info("matching engine {} loaded with {} active members in {} ms; following the change feed from {}",
                matchingEngine.getClass().getSimpleName(), matchingEngine.size(), (System.nanoTime() - started) / 1_000_000,
                follower.applied());
        this.poller = settings.feed().pollInterval().isZero() ? null
                : FeedPoller.start(follower, store, settings.feed().pollInterval(), settings.feed().pruneInterval());
        Duration remind = settings.gatherings().reminderPoll();
        this.reminders = remind.isZero() ? null : Background.every(remind, events, EventsImpl::remindInBackground);
    }

    private final ChangeFollower follower;
    private final FeedPoller poller;
    /** Where every establishment stands, as the change feed brought them. */
    private final java.util.Map<fr.sharenum.model.Uai, fr.sharenum.model.Establishment> places;
    /** Members listed in the directory of ex-pairs, as the change feed brought them. */
    private final java.util.Set<MemberId> listed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private java.util.concurrent.ScheduledFuture<?> reminders;

    /** @return where every establishment stands (derived state: {@link #freshen()} first) */
    java.util.Map<fr.sharenum.model.Uai, fr.sharenum.model.Establishment> places() {
        return places;
    }

    /** @return the members listed in the directory of ex-pairs (derived state: {@link #freshen()} first) */
    java.util.Set<MemberId> listed() {
        return listed;
    }

    /** @return this instance's follower of the change feed */
    public ChangeFollower follower() {
        return follower;
    }

    /**
     * Applies what other instances committed so far before a read of derived state (matching, indicators), so
     * that an instance answers with everything committed when the call began; a feed that cannot be read now
     * leaves the answer as of the last catch-up (and is retried by the poller).
     */
    void freshen() {
        if (depth.get()[0] > 0) {
            return; // inside a transaction: catching up here could wait on this very transaction
        }
        try {
            follower.catchUp();
        } catch (RuntimeException e) {
            LOG.warn("change feed not read ({}); answering from derived state as of {}", e.getClass().getSimpleName(),
                    follower.lastCaughtUp());
        }
    }

    /** Stops following the feed (the store is the host's and stays open). */
    public void close() {
        if (poller != null) {
            poller.close();
        }
        if (reminders != null) {
            reminders.cancel(false);
        }
        dispatcher.close();
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

    public fr.sharenum.HelpOffers helpOffers() {
        return helpOffers;
    }

    HelpOffersImpl helpOffersImpl() {
        return helpOffers;
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

    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * Runs {@code work} in one store transaction whose changes go to the change feed as it commits; once committed,
     * derived state (engine, indicators) has applied them, so the caller reads its own writes.
     */
    <T> T tx(Function<Tx, T> work) {
        long[] last = {0};
        int[] d = depth.get();
        d[0]++;
        T result;
        try {
            result = store.inTransaction(t -> {
                Tx x = new Tx(t, settings.clock());
                T r = work.apply(x);
                last[0] = x.flushChanges();
                return r;
            });
        } finally {
            d[0]--;
        }
        if (last[0] > 0 && d[0] == 0) {
            try {
                follower.catchUpTo(last[0]);
            } catch (RuntimeException e) {
                // committed, but not applied here yet: the poller applies it as soon as the feed can be read
                LOG.warn("change {} committed but not applied yet ({}); the change feed poller will", last[0],
                        e.getClass().getSimpleName());
            }
        }
        return result;
    }

    /**
     * Retries {@code work} a few times when a concurrent writer changed the same record: for
     * workflow steps that re-read what they change (offers, expiry), a conflict is not the caller's
     * fault.
     */
    <T> T retryingConflicts(Supplier<T> work) {
        return Backoff.retrying(work);
    }

    /**
     * Runs {@code work}, a transaction changing member {@code id}; the engine and indicators follow through the
     * change feed. Not retried: a member's edits carry the version the caller read.
     */
    Member changeMember(MemberId id, Function<Tx, Member> work) {
        return tx(work);
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
                        java.util.function.UnaryOperator<V> nextVersion, Saver<V> save, Supplier<NotFoundException> notFound) {
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
        V saved = retryingConflicts(() -> tx(t -> {
            out.clear();
            V current = record.load().apply(t).orElseThrow(record.notFound());
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
        return saved;
    }
}
