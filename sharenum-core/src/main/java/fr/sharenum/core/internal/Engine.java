package fr.sharenum.core.internal;

import fr.sharenum.Agenda;
import fr.sharenum.BusNum;
import fr.sharenum.Campaigns;
import fr.sharenum.ChangeFeedStatus;
import fr.sharenum.Establishments;
import fr.sharenum.Events;
import fr.sharenum.HelpOffers;
import fr.sharenum.Indicators;
import fr.sharenum.Members;
import fr.sharenum.Moderation;
import fr.sharenum.Outbox;
import fr.sharenum.Research;
import fr.sharenum.Roles;
import fr.sharenum.Tickets;
import fr.sharenum.Trainings;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
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
import fr.sharenum.model.Actor;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.Uai;
import fr.sharenum.core.internal.metrics.Meters;
import fr.sharenum.core.internal.metrics.MeteredMatchingEngine;
import fr.sharenum.core.internal.metrics.Metrics;
import fr.sharenum.core.internal.metrics.ObservedFacades;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * Wiring of one ShareNum instance: settings, SPIs, services, and the follower of the change feed that keeps
 * what the instance derives from the store (matching engine, indicator aggregates) in step with every instance's
 * writes.
 */
public final class Engine implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Settings settings;
    private final ShareNumStore store;
    private final TrainingCatalog trainingCatalog;
    private final GuideCatalog guideCatalog;
    private final MatchingEngine matchingEngine;
    /** The engine as the workflows query it (timed when metrics are on). */
    private final MatchingEngine queried;
    private final Dispatcher dispatcher;
    private final Metrics metrics;
    /** The facades as the host calls them (measured when metrics are on). */
    private final Facades facades;

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
        this(settings, store, notifier, trainingCatalog, guideCatalog, matchingEngine, Metrics.NONE);
    }

    public Engine(Settings settings, ShareNumStore store, Notifier notifier, TrainingCatalog trainingCatalog,
                  GuideCatalog guideCatalog, MatchingEngine matchingEngine, Metrics metrics) {
        this.settings = settings;
        this.store = store;
        this.trainingCatalog = trainingCatalog;
        this.guideCatalog = guideCatalog;
        this.matchingEngine = matchingEngine;
        this.metrics = metrics;
        this.queried = MeteredMatchingEngine.of(matchingEngine, metrics);
        this.dispatcher = new Dispatcher(notifier, store, settings.clock(), settings.delivery(), settings.deliveryWorker(),
                new VerificationMails(settings.verificationValidity()), metrics);
        Map<Uai, Establishment> places = new ConcurrentHashMap<>();
        Map<Uai, Establishment> placesRead = Collections.unmodifiableMap(places);
        TrainingCatalog trainings = trainingCatalog();
        this.members = new MembersImpl(this, settings, dispatcher,
                new Directory(this, settings, queried, Collections.unmodifiableSet(listed)));
        this.establishments = new EstablishmentsImpl(this, dispatcher);
        this.helpOffers = new HelpOffersImpl(this, settings, placesRead);
        this.tickets = new TicketsImpl(this, dispatcher, queried, trainings, guideCatalog, settings,
                new TicketQueries(this, settings), helpOffers, metrics);
        this.busNum = new BusNumImpl(this, settings.busRules(), settings.closedDays());
        this.agenda = new AgendaImpl(this, settings.closedDays(), busNum);
        this.events = new EventsImpl(this, settings, dispatcher, busNum,
                new Announcements(settings, dispatcher, queried, placesRead));
        this.campaigns = new CampaignsImpl(this, settings, queried);
        this.indicators = new IndicatorsImpl(places::get);
        this.indicatorsFacade = new IndicatorsFacade(this, indicators);
        this.roles = new RolesImpl(this, settings);
        this.outbox = new OutboxImpl(this, dispatcher);
        this.moderation = new ModerationImpl(this, settings.clock(), settings.moderationQueue());
        this.trainings = new TrainingsImpl(this, settings, trainings, guideCatalog);
        this.derived = new Derived(matchingEngine, indicators, places, listed);
        this.follower = new ChangeFollower(new ChangeFollower.Feed() {
            @Override
            public <T> T read(Function<Tx, T> read) {
                return store.inTransaction(t -> read.apply(new Tx(t, settings.clock())));
            }

            @Override
            public <T> T snapshot(Function<Tx, T> work) {
                return store.inSnapshot(t -> work.apply(new Tx(t, settings.clock())));
            }
        }, derived, settings.clock(), settings.feed().retention());
        long started = System.nanoTime();
        follower.reload();
        LOG.info("matching engine {} loaded with {} active members in {} ms; following the change feed from {}",
                matchingEngine.getClass().getSimpleName(), matchingEngine.size(), (System.nanoTime() - started) / 1_000_000,
                follower.applied());
        this.poller = settings.feed().pollInterval().isZero() ? null
                : FeedPoller.start(follower, store, settings.feed().pollInterval(), settings.feed().pruneInterval());
        this.facades = new Facades(this, metrics);
        gauges();
        Duration remind = settings.gatherings().reminderPoll();
        this.reminders = remind.isZero() ? null : Background.every(remind, events, EventsImpl::remindInBackground);
    }

    /** The facades handed to the host: each measured at its boundary when metrics are on, else the implementation. */
    private record Facades(Members members, Establishments establishments, Tickets tickets, Trainings trainings,
                           Agenda agenda, Events events, BusNum busNum, Moderation moderation,
                           Campaigns campaigns, Indicators indicators, Roles roles,
                           Outbox outbox) {
        Facades(Engine e, Metrics m) {
            this(ObservedFacades.wrap(Members.class, e.members, m),
                    ObservedFacades.wrap(Establishments.class, e.establishments, m),
                    ObservedFacades.wrap(Tickets.class, e.tickets, m), ObservedFacades.wrap(Trainings.class, e.trainings, m),
                    ObservedFacades.wrap(Agenda.class, e.agenda, m), ObservedFacades.wrap(Events.class, e.events, m),
                    ObservedFacades.wrap(BusNum.class, e.busNum, m),
                    ObservedFacades.wrap(Moderation.class, e.moderation, m),
                    ObservedFacades.wrap(Campaigns.class, e.campaigns, m),
                    ObservedFacades.wrap(Indicators.class, e.indicatorsFacade, m),
                    ObservedFacades.wrap(Roles.class, e.roles, m),
                    ObservedFacades.wrap(Outbox.class, e.outbox, m));
        }
    }

    /** Gauges read at each scrape: the outbox (one count in the store, shared by the three), the engine, the feed. */
    private void gauges() {
        if (!metrics.enabled()) {
            return;
        }
        Duration fresh = Duration.ofMillis(100);   // one count for the three gauges of a scrape
        metrics.gauge(Meters.OUTBOX_PENDING, () -> dispatcher.backlog(fresh).waiting());
        metrics.gauge(Meters.OUTBOX_DEAD, () -> dispatcher.backlog(fresh).dead());
        metrics.gauge(Meters.OUTBOX_OLDEST_AGE, () -> dispatcher.backlog(fresh).oldestAge(now())
                .map(d -> d.toMillis() / 1000.0).orElse(0.0));
        metrics.gauge(Meters.MATCHING_SIZE, matchingEngine::size);
        metrics.gauge(Meters.FEED_LAG, () -> feedStatus().lag());
        metrics.gauge(Meters.FEED_SINCE_CATCH_UP, () -> follower.lastCaughtUp().equals(Instant.EPOCH) ? Double.NaN
                : Duration.between(follower.lastCaughtUp(), now()).toMillis() / 1000.0);
    }

    /** Where this instance stands in the change feed (reads the head: one small query). */
    ChangeFeedStatus feedStatus() {
        long applied = follower.applied();
        Instant caughtUp = follower.lastCaughtUp();
        long head = store.inTransaction(t -> new Tx(t, settings.clock()).feedHead());
        Duration since = Duration.between(caughtUp, now());
        return new ChangeFeedStatus(applied, head, caughtUp, since.isNegative() ? Duration.ZERO : since);
    }

    /**
     * Where this instance stands in the change feed, for the host and national administrators.
     *
     * @param actor who asks
     * @return the status
     */
    public ChangeFeedStatus changeFeed(Actor actor) {
        tx(t -> {
            Access.require(Operation.CHANGE_FEED,
                    Access.relations(Access.principal(t, actor), null));
            return null;
        });
        return feedStatus();
    }

    /** @return where this instance counts what it does ({@link Metrics#NONE} when the host gave no registry) */
    public Metrics metrics() {
        return metrics;
    }

    private final ChangeFollower follower;
    /** What this instance derives from the store (closed with it: a background load stops). */
    private final Derived derived;
    private final FeedPoller poller;
    private volatile Research research;

    /**
     * Sets whether members who never answered consent to research (the host's default; false until set).
     *
     * @param byDefault the default
     */
    public void researchConsentByDefault(boolean byDefault) {
        this.research = new ResearchImpl(this, settings.clock(), byDefault);
    }

    /** @return members' consent to research */
    public Research research() {
        Research r = research;
        if (r == null) {
            r = new ResearchImpl(this, settings.clock(), false);
            research = r;
        }
        return r;
    }

    /** Members listed in the directory of ex-pairs, as the change feed brought them. */
    private final Set<MemberId> listed = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> reminders;

    /** @return this instance's follower of the change feed */
    public ChangeFollower follower() {
        return follower;
    }

    /**
     * Applies what other instances committed so far before a read of derived state (matching, indicators), so
     * that an instance answers with everything committed when the call began; a feed that cannot be read now
     * leaves the answer as of the last catch-up (and is retried by the poller).
     */
    @Override
    public void freshen() {
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
        derived.close();
        if (reminders != null) {
            reminders.cancel(false);
        }
        dispatcher.close();
        metrics.close();
    }

    public Indicators indicators() {
        return facades.indicators();
    }

    public Roles roles() {
        return facades.roles();
    }

    public Outbox outbox() {
        return facades.outbox();
    }

    /**
     * The matching engine, for the host only.
     *
     * @param actor who asks
     * @return the engine
     */
    public MatchingEngine matchingEngine(Actor actor) {
        tx(t -> {
            Access.require(Operation.MATCHING_ENGINE,
                    Access.relations(Access.principal(t, actor), null));
            return null;
        });
        return matchingEngine;
    }

    public Settings settings() {
        return settings;
    }

    public MatchingEngine matchingEngine() {
        return queried;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public Members members() {
        return facades.members();
    }

    public Establishments establishments() {
        return facades.establishments();
    }

    public Tickets tickets() {
        return facades.tickets();
    }

    public Trainings trainings() {
        return facades.trainings();
    }

    public HelpOffers helpOffers() {
        return helpOffers;
    }

    public Agenda agenda() {
        return facades.agenda();
    }

    public Events events() {
        return facades.events();
    }

    public BusNum busNum() {
        return facades.busNum();
    }

    public Moderation moderation() {
        return facades.moderation();
    }

    public Campaigns campaigns() {
        return facades.campaigns();
    }

    /** The host's catalogue and the trainings published through ShareNum, together. */
    private TrainingCatalog trainingCatalog() {
        return new CombinedTrainings(trainingCatalog, this);
    }

    private Instant now() {
        return settings.clock().instant();
    }

    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * Runs {@code work} in one store transaction whose changes go to the change feed as it commits; once committed,
     * derived state (engine, indicators) has applied them, so the caller reads its own writes.
     */
    @Override
    public <T> T tx(Function<Tx, T> work) {
        long[] last = {0};
        int[] d = depth.get();
        d[0]++;
        T result;
        Tx[] committed = new Tx[1];
        try {
            result = store.inTransaction(t -> {
                Tx x = new Tx(t, settings.clock());
                T r = work.apply(x);
                last[0] = x.flushChanges();
                committed[0] = x;
                return r;
            });
        } finally {
            d[0]--;
        }
        committed[0].committed();
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
    @Override
    public <T> T retryingConflicts(Supplier<T> work) {
        return Backoff.retrying(work);
    }

    /** Far enough in the future to bound "every event ever" queries. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /** Every event the store holds, earliest first: for rebuilds, exports and the rare whole-history questions. */
    static List<Event> allEvents(Tx t) {
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
    record Versioned<V>(Function<Tx, Optional<V>> load, ToLongFunction<V> version,
                        UnaryOperator<V> nextVersion, Saver<V> save, Supplier<NotFoundException> notFound) {
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
    @Override
    public <V> V change(Versioned<V> record, Step<V> step) {
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
