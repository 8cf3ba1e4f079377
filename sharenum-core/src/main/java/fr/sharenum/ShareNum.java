package fr.sharenum;

import fr.sharenum.core.internal.Dispatcher;
import fr.sharenum.core.internal.Engine;
import fr.sharenum.core.internal.InMemoryCatalogs;
import fr.sharenum.core.internal.InMemoryStore;
import fr.sharenum.core.internal.Settings;
import fr.sharenum.core.internal.kernel.KernelAggregates;
import fr.sharenum.core.internal.metrics.Metrics;
import fr.sharenum.model.Actor;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Guide;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Training;
import fr.sharenum.spi.ClosedDays;
import fr.sharenum.spi.GuideCatalog;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.ModerationQueue;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import fr.sharenum.spi.TrainingCatalog;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The entry point: one ShareNum instance per host application, shared by all its threads.
 *
 * <pre>{@code
 * ShareNum sharenum = ShareNum.builder()
 *         .store(myStore)                 // default: in memory
 *         .notifier(myNotifier)           // default: SLF4J log + outbox
 *         .trainingCatalog(myPafFeed)     // default: empty
 *         .build();                       // matching engine: found by ServiceLoader
 *
 * sharenum.establishments().put(lyceeCarnot);
 * Member claire = sharenum.members().register(NewMember.builder()...build());
 * sharenum.members().verify(claire.id(), tokenFromMail);
 * List<Training> shown = sharenum.trainings().forMember(claire.id(), Set.of(capytale));
 * TicketNum ticket = sharenum.tickets().open(TicketRequest.builder(claire.id(), capytale)
 *         .text("Démarrer Python en 2de").radiusKm(30)
 *         .declinedTrainings(shown.stream().map(Training::id).toList()).build());
 * }</pre>
 *
 * <p>Thread-safe. Everything it returns is immutable.
 */
public final class ShareNum implements AutoCloseable {

    private final Engine engine;

    private ShareNum(Engine engine) {
        this.engine = engine;
    }

    /**
     * Stops this instance's background work (following the change feed, the delivery worker — which finishes the
     * sends it started, up to 30 s —) and removes its gauges from the meter registry. The store, notifier and
     * catalogues are the host's and stay open. Calls made after closing still work, catching up with the feed as they
     * go; closing twice does nothing more.
     */
    @Override
    public void close() {
        engine.close();
    }

    /**
     * A builder with every setting at its default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A fresh in-memory store (the default), for hosts that wrap or share it.
     *
     * @return a new, empty in-memory store
     */
    public static ShareNumStore inMemoryStore() {
        return new InMemoryStore();
    }

    /**
     * {@code store} with every aggregate of the store SPI: its own where it provides them, built by ShareNum on its
     * storage kernel ({@link fr.sharenum.spi.Documents}) otherwise — what ShareNum itself uses. A host that writes a
     * kernel-only store runs {@code ShareNumStoreContract} on {@code ShareNum.completed(itsStore)} to check the whole
     * SPI on it.
     *
     * @param store a store, kernel-only or not
     * @return the same store, complete
     */
    public static ShareNumStore completed(ShareNumStore store) {
        Objects.requireNonNull(store, "store");
        return new ShareNumStore() {
            @Override
            public <T> T inTransaction(Function<StoreTransaction, T> work) {
                return store.inTransaction(t -> work.apply(KernelAggregates.complete(t)));
            }

            @Override
            public <T> T inSnapshot(Function<StoreTransaction, T> work) {
                return store.inSnapshot(t -> work.apply(KernelAggregates.complete(t)));
            }

            @Override
            public AutoCloseable listenForChanges(Runnable onCommit) {
                return store.listenForChanges(onCommit);
            }
        };
    }

    /**
     * The establishment directory: schools and services, their location and académie, put by the host.
     *
     * @return the establishments facade
     */
    public Establishments establishments() {
        return engine.establishments();
    }

    /**
     * Members: registration, verification, profiles and skills, alert preferences, RGPD export and erasure.
     *
     * @return the members facade
     */
    public Members members() {
        return engine.members();
    }

    /**
     * Institutional trainings shown before a ticket opens, and the ones coopératives and Canopé publish.
     *
     * @return the trainings facade
     */
    public Trainings trainings() {
        return engine.trainings();
    }

    /**
     * Offers of help published up front, found next to the trainings.
     *
     * @return the offers-of-help facade
     */
    public HelpOffers helpOffers() {
        return engine.helpOffers();
    }

    /**
     * Tickets (TicketNum): opening with its alerts, offers, acceptance, conversation, closing.
     *
     * @return the tickets facade
     */
    public Tickets tickets() {
        return engine.tickets();
    }

    /**
     * The shared agenda: members' weekly availability and common slots, a BusNum's free time included.
     *
     * @return the agenda facade
     */
    public Agenda agenda() {
        return engine.agenda();
    }

    /**
     * Events and workshops: creation, confirmation and announcement, registrations and waitlist, feedback.
     *
     * @return the events facade
     */
    public Events events() {
        return engine.events();
    }

    /**
     * The BusNums: fleet, bookings and their logistics.
     *
     * @return the BusNum facade
     */
    public BusNum busNum() {
        return engine.busNum();
    }

    /**
     * Reports of abuse, blocks and suspension.
     *
     * @return the moderation facade
     */
    public Moderation moderation() {
        return engine.moderation();
    }

    /**
     * Establishments' campaigns: concerns, workshop leaders nearby, experiments and their indicators.
     *
     * @return the campaigns facade
     */
    public Campaigns campaigns() {
        return engine.campaigns();
    }

    /**
     * Members' consent to research, for the exports researchers receive.
     *
     * @return the research facade
     */
    public Research research() {
        return engine.research();
    }

    /**
     * The académie's view: indicators per territory and period.
     *
     * @return the indicators facade
     */
    public Indicators indicators() {
        return engine.indicators();
    }

    /**
     * Granted privileges and the audit trail.
     *
     * @return the roles facade
     */
    public Roles roles() {
        return engine.roles();
    }

    /**
     * Operating the notification outbox: scheduled delivery, failures, dead letters.
     *
     * @return the outbox facade
     */
    public Outbox outbox() {
        return engine.outbox();
    }

    /**
     * The tool catalogue in use, given to the builder or the default one.
     *
     * @return the tool catalogue
     */
    public ToolCatalog tools() {
        return engine.settings().tools();
    }

    /**
     * The policy deciding which professional addresses may register.
     *
     * @return the e-mail policy
     */
    public EmailPolicy emailPolicy() {
        return engine.settings().emailPolicy();
    }

    /**
     * The matching engine in use (discovered, given, or the reference one). It answers who masters what
     * where, so only the host gets it.
     *
     * @param actor the host
     * @return the engine
     * @throws NotAllowedException for anyone else
     */
    public MatchingEngine matchingEngine(Actor actor) {
        return engine.matchingEngine(actor);
    }

    /**
     * Where this instance stands in the change feed: the last change it applied, the last one committed by any
     * instance, and when it last caught up — what a health check or a dashboard shows as the feed's lag. Reads the
     * feed's head (one small query).
     *
     * @param actor the host or a national administrator
     * @return the status now
     * @throws fr.sharenum.model.NotAllowedException for anyone else
     */
    public ChangeFeedStatus changeFeed(Actor actor) {
        return engine.changeFeed(actor);
    }

    /**
     * Configures and builds a {@link ShareNum}. Every setting has a default; {@link #build()} loads
     * the active members of the store into the matching engine. Not thread-safe.
     */
    public static final class Builder {
        private ShareNumStore store;
        private Notifier notifier;
        private TrainingCatalog trainingCatalog;
        private GuideCatalog guideCatalog;
        private MatchingEngine matchingEngine;
        private EmailPolicy emailPolicy = EmailPolicy.defaults();
        private ToolCatalog tools = ToolCatalog.defaults();
        private Clock clock = Clock.systemUTC();
        private CompetenceLevel minimumHelperLevel = CompetenceLevel.INTERMEDIATE;
        private double minRadiusKm = 1;
        private double maxRadiusKm = 200;
        private double defaultRadiusKm = 30;
        private Duration ticketLifetime = Duration.ofDays(30);
        private Duration verificationValidity = Duration.ofHours(72);
        private Duration trainingHorizon = Duration.ofDays(90);
        private int maxAlertsPerTicket = Integer.MAX_VALUE;
        private ClosedDays closedDays = SchoolCalendar.publicHolidaysOnly();
        private double broadcastRadiusKm = 30;
        private double busSpeedKmh = 50;
        private Duration busSetUp = Duration.ofMinutes(45);
        private Duration busTearDown = Duration.ofMinutes(30);
        private LocalTime busDayStart = LocalTime.of(7, 0);
        private LocalTime busDayEnd = LocalTime.of(20, 0);
        private Email invitationSender = Email.of("ne-pas-repondre@sharenum.invalid");
        private int alertsPerHelperPerWeek = 20;
        private int minimumAlertsPerTicket = 3;
        private Duration alertCoolDown = Duration.ofDays(7);
        private int ticketsPerDay = 5;
        private LocalTime quietStart = LocalTime.of(20, 0);
        private LocalTime quietEnd = LocalTime.of(7, 0);
        private ModerationQueue moderationQueue;
        private boolean showHelperRatings;
        private List<BadgeRule> badgeRules = BadgeRule.defaults();
        private int announcementsPerWeek = 5;
        private int maxAnnouncementsPerEvent = 5_000;
        private Duration reminderPoll = Duration.ofMinutes(1);
        private Function<BadgeAward, URI> badgeAssertions;
        private int deliveryAttempts = 8;
        private Duration firstRetry = Duration.ofSeconds(30);
        private Duration longestRetry = Duration.ofHours(6);
        private boolean staffAddressMustMatchAcademie = true;
        private Duration feedPollInterval = Duration.ofMillis(250);
        private Duration deliveryLease = Duration.ofMinutes(2);
        private boolean automaticDelivery = true;
        private Executor deliveryExecutor;
        private Duration deliveryPollInterval = Duration.ofSeconds(1);
        private Duration feedRetention = Duration.ofDays(1);
        private Metrics metrics = Metrics.NONE;

        private Builder() {
        }

        /**
         * Where and how often this instance delivers notifications: after each commit that enqueued some, the delivery
         * runs on {@code executor} (null: one thread of the instance's own, gone when idle) and the caller returns at
         * once; every {@code pollInterval} the instance also looks for entries that became due (retries, quiet hours,
         * digests, deliveries another instance left unfinished). Default: its own thread, every second. A zero
         * interval looks only after commits. {@code Runnable::run} delivers in the caller's thread, after the commit.
         *
         * @param executor     runs deliveries, or null for the instance's own thread
         * @param pollInterval how often to look for due entries, zero or positive
         * @return this builder
         * @throws IllegalArgumentException when the interval is missing or negative
         */
        public Builder notificationDelivery(Executor executor, Duration pollInterval) {
            if (pollInterval == null || pollInterval.isNegative()) {
                throw new IllegalArgumentException("pollInterval must be zero or positive");
            }
            this.automaticDelivery = true;
            this.deliveryExecutor = executor;
            this.deliveryPollInterval = pollInterval;
            return this;
        }

        /**
         * Where this instance records its metrics: a Micrometer {@code io.micrometer.core.instrument.MeterRegistry}
         * (typed {@code Object} so that ShareNum needs Micrometer only when a host uses it). Counters and timers of the
         * workflows (tickets opened, alerts chosen, held and sent, offers, events, registrations, every facade call by
         * operation and outcome, every refusal by its stable code), of delivery (by notification kind, latency from the
         * commit) and of matching queries; gauges of the outbox backlog, the matching engine's size and the change
         * feed's lag, read at each scrape. The names are listed in {@code docs/integration-guide.md}. Default: none,
         * nothing measured.
         *
         * @param registry a Micrometer {@code MeterRegistry}, or null for none
         * @return this builder
         * @throws IllegalArgumentException when Micrometer is not on the class path or {@code registry} is not a
         *                                  {@code MeterRegistry}
         */
        public Builder meterRegistry(Object registry) {
            this.metrics = Metrics.of(registry);
            return this;
        }

        /**
         * Leaves delivering to the host, which calls {@code outbox().deliverDue(actor)} on its own schedule (a cluster
         * scheduler, a batch job); nothing is sent by the instance itself.
         *
         * @return this builder
         */
        public Builder manualNotificationDelivery() {
            this.automaticDelivery = false;
            this.deliveryExecutor = null;
            return this;
        }

        /**
         * How long a deliverer holds a notification it is sending before another instance may take it over (when the
         * first one died): renewed every third of it while the send runs. Default 2 minutes.
         *
         * @param lease at least one second
         * @return this builder
         * @throws IllegalArgumentException when shorter than a second; {@link #build()} also refuses a lease longer than
         *                                  the longest retry of {@link #notificationRetries}
         */
        public Builder notificationLease(Duration lease) {
            if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("lease must be at least one second");
            }
            this.deliveryLease = lease;
            return this;
        }

        /**
         * How this instance follows the change feed, through which every instance on one store sees the others'
         * changes (see {@code docs/deployment.md}): it polls the feed every {@code pollInterval} (and at once when
         * the store signals a commit, as PostgreSQL does), and changes older than {@code retention} are pruned —
         * an instance stopped for longer rebuilds from the store when it comes back. Whatever the poll, an instance
         * catches up after each of its own writes and before each matching or indicator read. Default 250 ms and
         * 1 day; a zero poll interval turns the background poll off.
         *
         * @param pollInterval how often to poll, zero or positive
         * @param retention    how long changes are kept, at least one minute
         * @return this builder
         * @throws IllegalArgumentException when a duration is out of range; {@link #build()} also refuses a poll interval
         *                                  not shorter than the retention
         */
        public Builder changeFeed(Duration pollInterval, Duration retention) {
            if (pollInterval == null || pollInterval.isNegative()) {
                throw new IllegalArgumentException("pollInterval must be zero or positive");
            }
            if (retention == null || retention.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("retention must be at least one minute");
            }
            this.feedPollInterval = pollInterval;
            this.feedRetention = retention;
            return this;
        }

        /**
         * How this instance follows the change feed, both settings at once; default {@link ChangeFeed#defaults()}.
         *
         * @param feed the settings, checked as a whole when built
         * @return this builder
         * @throws NullPointerException when {@code feed} is null
         */
        public Builder changeFeed(ChangeFeed feed) {
            Objects.requireNonNull(feed, "feed");
            this.feedPollInterval = feed.pollInterval();
            this.feedRetention = feed.retention();
            return this;
        }

        /**
         * Persistence; default {@link ShareNum#inMemoryStore()}.
         *
         * @param store the host's store (e.g. a {@code JdbcStore})
         * @return this builder
         * @throws NullPointerException when {@code store} is null
         */
        public Builder store(ShareNumStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Notification delivery; default a new {@link OutboxNotifier}.
         *
         * @param notifier the host's notifier (e.g. a {@code MailNotifier}); it makes one attempt per notification
         * @return this builder
         * @throws NullPointerException when {@code notifier} is null
         */
        public Builder notifier(Notifier notifier) {
            this.notifier = Objects.requireNonNull(notifier, "notifier");
            return this;
        }

        /**
         * Institutional trainings; default none.
         *
         * @param catalog where the trainings of each académie come from
         * @return this builder
         * @throws NullPointerException when {@code catalog} is null
         */
        public Builder trainingCatalog(TrainingCatalog catalog) {
            this.trainingCatalog = Objects.requireNonNull(catalog, "trainingCatalog");
            return this;
        }

        /**
         * A fixed list of trainings, served by an in-memory catalogue.
         *
         * @param trainings every training to offer
         * @return this builder
         * @throws NullPointerException when {@code trainings} is null
         */
        public Builder trainings(List<Training> trainings) {
            return trainingCatalog(InMemoryCatalogs.trainings(trainings));
        }

        /**
         * Guide documents; default none.
         *
         * @param catalog where guide documents come from
         * @return this builder
         * @throws NullPointerException when {@code catalog} is null
         */
        public Builder guideCatalog(GuideCatalog catalog) {
            this.guideCatalog = Objects.requireNonNull(catalog, "guideCatalog");
            return this;
        }

        /**
         * A fixed list of guides, served by an in-memory catalogue.
         *
         * @param guides every guide document
         * @return this builder
         * @throws NullPointerException when {@code guides} is null
         */
        public Builder guides(List<Guide> guides) {
            return guideCatalog(InMemoryCatalogs.guides(guides));
        }

        /**
         * The matching engine, overriding discovery. Default: the highest-priority
         * {@link fr.sharenum.spi.MatchingEngineProvider} found, else {@link MatchingEngines#reference()}.
         * Give a new, empty engine: ShareNum fills it from the store.
         *
         * @param engine a new, empty engine
         * @return this builder
         * @throws NullPointerException when {@code engine} is null
         */
        public Builder matchingEngine(MatchingEngine engine) {
            this.matchingEngine = Objects.requireNonNull(engine, "matchingEngine");
            return this;
        }

        /**
         * Which addresses may register; default {@link EmailPolicy#defaults()}.
         *
         * @param policy which addresses may register
         * @return this builder
         * @throws NullPointerException when {@code policy} is null
         */
        public Builder emailPolicy(EmailPolicy policy) {
            this.emailPolicy = Objects.requireNonNull(policy, "emailPolicy");
            return this;
        }

        /**
         * The tool catalogue; default {@link ToolCatalog#defaults()}.
         *
         * @param tools the tools members may declare
         * @return this builder
         * @throws NullPointerException when {@code tools} is null
         */
        public Builder tools(ToolCatalog tools) {
            this.tools = Objects.requireNonNull(tools, "tools");
            return this;
        }

        /**
         * Time source; default the UTC system clock.
         *
         * @param clock the time source
         * @return this builder
         * @throws NullPointerException when {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Lowest level alerted for a ticket; default INTERMEDIATE.
         *
         * @param level the lowest level alerted
         * @return this builder
         * @throws NullPointerException when {@code level} is null
         */
        public Builder minimumHelperLevel(CompetenceLevel level) {
            this.minimumHelperLevel = Objects.requireNonNull(level, "minimumHelperLevel");
            return this;
        }

        /**
         * Radius bounds a requester may choose within, and the default radius; default 1, 200 and 30 km.
         *
         * @param min smallest radius a requester may choose, in km, above 0
         * @param max largest radius, in km, finite
         * @param byDefault radius of a ticket whose requester chooses none, in km, between {@code min} and {@code max}
         * @return this builder
         * @throws IllegalArgumentException unless {@code 0 < min <= byDefault <= max < infinity}
         */
        public Builder radiusKm(double min, double max, double byDefault) {
            return radiusKm(new RadiusBounds(min, max, byDefault));
        }

        /**
         * Radius bounds a requester may choose within, and the default radius; default {@link RadiusBounds#defaults()}
         * (1, 200 and 30 km). The largest radius also bounds the announcement radius of events.
         *
         * @param bounds the bounds
         * @return this builder
         * @throws NullPointerException when {@code bounds} is null
         */
        public Builder radiusKm(RadiusBounds bounds) {
            Objects.requireNonNull(bounds, "bounds");
            this.minRadiusKm = bounds.minKm();
            this.maxRadiusKm = bounds.maxKm();
            this.defaultRadiusKm = bounds.defaultKm();
            return this;
        }

        /**
         * How long a ticket waits for a helper; default 30 days.
         *
         * @param lifetime how long an open ticket waits before it expires, positive
         * @return this builder
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder ticketLifetime(Duration lifetime) {
            this.ticketLifetime = positive(lifetime, "ticketLifetime");
            return this;
        }

        /**
         * How long a verification token is valid; default 72 hours.
         *
         * @param validity how long a verification token works, positive
         * @return this builder
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder verificationValidity(Duration validity) {
            this.verificationValidity = positive(validity, "verificationValidity");
            return this;
        }

        /**
         * How far ahead trainings are searched; default 90 days.
         *
         * @param horizon how far ahead trainings are shown, positive
         * @return this builder
         * @throws IllegalArgumentException when null, zero or negative
         */
        public Builder trainingHorizon(Duration horizon) {
            this.trainingHorizon = positive(horizon, "trainingHorizon");
            return this;
        }

        /**
         * At most this many members alerted per ticket (nearest and most experienced kept); default unlimited.
         *
         * @param max most members alerted per ticket, at least 1
         * @return this builder
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxAlertsPerTicket(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxAlertsPerTicket must be at least 1");
            }
            this.maxAlertsPerTicket = max;
            return this;
        }

        /**
         * Days when establishments are closed (no common slot proposed, no BusNum booked); default
         * {@link SchoolCalendar#publicHolidaysOnly()}: French public holidays and Sundays.
         *
         * @param closedDays the host's calendar of closures
         * @return this builder
         * @throws NullPointerException when {@code closedDays} is null
         */
        public Builder closedDays(ClosedDays closedDays) {
            this.closedDays = Objects.requireNonNull(closedDays, "closedDays");
            return this;
        }

        /**
         * How far from its venue a confirmed event is announced to followers; default 30 km.
         *
         * @param km announcement radius around the venue, in km, positive and finite
         * @return this builder
         * @throws IllegalArgumentException when not a positive finite number; {@link #build()} also refuses it above the largest
         *                                  radius ({@link #radiusKm(double, double, double)})
         */
        public Builder broadcastRadiusKm(double km) {
            if (!(km > 0) || Double.isInfinite(km)) {
                throw new IllegalArgumentException("broadcastRadiusKm must be a positive finite number of km, was " + km);
            }
            this.broadcastRadiusKm = km;
            return this;
        }

        /**
         * BusNum logistics: average driving speed between venues (default 50 km/h), set-up before and
         * tear-down after each event (default 45 and 30 minutes).
         *
         * @param averageSpeedKmh average driving speed between venues, in km/h, positive
         * @param setUp time to set the bus up before each event, zero or positive
         * @param tearDown time to pack it after each event, zero or positive
         * @return this builder
         * @throws IllegalArgumentException when the speed is not positive and finite or a duration is missing or negative;
         *                                  {@link #build()} also refuses set-up and tear-down that leave no room for a
         *                                  15-minute event within {@link #busOperatingHours}
         */
        public Builder busLogistics(double averageSpeedKmh, Duration setUp, Duration tearDown) {
            if (!(averageSpeedKmh > 0) || Double.isInfinite(averageSpeedKmh)) {
                throw new IllegalArgumentException("averageSpeedKmh must be positive, was " + averageSpeedKmh);
            }
            if (setUp == null || setUp.isNegative() || tearDown == null || tearDown.isNegative()) {
                throw new IllegalArgumentException("set-up and tear-down must be zero or positive durations");
            }
            this.busSpeedKmh = averageSpeedKmh;
            this.busSetUp = setUp;
            this.busTearDown = tearDown;
            return this;
        }

        /**
         * Every BusNum setting at once: driving speed, set-up, tear-down and operating hours; default
         * {@link BusLogistics#defaults()}.
         *
         * @param logistics the logistics, checked as a whole when built
         * @return this builder
         * @throws NullPointerException when {@code logistics} is null
         */
        public Builder busLogistics(BusLogistics logistics) {
            Objects.requireNonNull(logistics, "logistics");
            this.busSpeedKmh = logistics.averageSpeedKmh();
            this.busSetUp = logistics.setUp();
            this.busTearDown = logistics.tearDown();
            this.busDayStart = logistics.dayStart();
            this.busDayEnd = logistics.dayEnd();
            return this;
        }

        /**
         * Daily hours, local at the venue, within which a BusNum is set up, used and torn down; default 07:00–20:00.
         *
         * @param start earliest set-up, local time at the venue
         * @param end latest end of tear-down, after {@code start}
         * @return this builder
         * @throws IllegalArgumentException when a bound is missing or {@code end} is not after {@code start}; {@link #build()}
         *                                  also refuses hours too short for the set-up and tear-down of {@link #busLogistics}
         */
        public Builder busOperatingHours(LocalTime start, LocalTime end) {
            if (start == null || end == null || !end.isAfter(start)) {
                throw new IllegalArgumentException("operating hours need a start before their end, got " + start + "–" + end);
            }
            this.busDayStart = start;
            this.busDayEnd = end;
            return this;
        }

        /**
         * Address shown as ORGANIZER in the iCalendar invitations (a no-reply address of the host: the
         * organisers' own addresses are never disclosed); its domain also ends every event's UID.
         * Default {@code ne-pas-repondre@sharenum.invalid}.
         *
         * @param sender the host's no-reply address, e.g. {@code ne-pas-repondre@ac-dijon.fr}; keep it once events exist
         * @return this builder
         * @throws NullPointerException when {@code sender} is null
         */
        public Builder invitationSender(Email sender) {
            this.invitationSender = Objects.requireNonNull(sender, "invitationSender");
            return this;
        }

        /**
         * How the outbox retries a notification the notifier refused: at most {@code maxAttempts}
         * attempts (then a dead letter), waiting {@code firstRetry} then doubling up to {@code longestRetry}.
         * Default 8 attempts, 30 s, 6 h. A permanent failure is a dead letter at once.
         *
         * @param maxAttempts attempts before a dead letter, 1–100
         * @param firstRetry wait before the first retry, positive; doubled at each attempt
         * @param longestRetry longest wait between two attempts, at least {@code firstRetry}
         * @return this builder
         * @throws IllegalArgumentException when a value is out of range or {@code longestRetry} is shorter than {@code firstRetry};
         *                                  {@link #build()} also refuses a {@link #notificationLease} longer than {@code longestRetry}
         */
        public Builder notificationRetries(int maxAttempts, Duration firstRetry, Duration longestRetry) {
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException("maxAttempts must be between 1 and 100, was " + maxAttempts);
            }
            this.firstRetry = positive(firstRetry, "firstRetry");
            this.longestRetry = positive(longestRetry, "longestRetry");
            if (longestRetry.compareTo(firstRetry) < 0) {
                throw new IllegalArgumentException("longestRetry must not be shorter than firstRetry");
            }
            this.deliveryAttempts = maxAttempts;
            return this;
        }

        /**
         * Every outbox retry setting at once: attempts, backoff and the lease of an attempt; default
         * {@link NotificationRetries#defaults()}.
         *
         * @param retries the retries, checked as a whole when built
         * @return this builder
         * @throws NullPointerException when {@code retries} is null
         */
        public Builder notificationRetries(NotificationRetries retries) {
            Objects.requireNonNull(retries, "retries");
            this.deliveryAttempts = retries.maxAttempts();
            this.firstRetry = retries.firstRetry();
            this.longestRetry = retries.longestRetry();
            this.deliveryLease = retries.lease();
            return this;
        }

        /**
         * Fair, bounded alerts: at most {@code perHelperPerWeek} alerts per helper over any 7 days (helpers
         * under it first, least recently alerted first among the nearest; helpers over it are still
         * alerted when fewer than {@code minimumPerTicket} would be), no re-alert of the helpers a
         * requester already alerted for the same tool within {@code coolDown}, and at most
         * {@code ticketsPerDay} tickets per requester over 24 h. Default 20, 3, 7 days, 5.
         *
         * @param perHelperPerWeek most alerts per helper over any 7 days, at least 1
         * @param minimumPerTicket helpers alerted per ticket even over their cap, when that many qualify, at least 1
         * @param coolDown time during which a requester does not re-alert the same helpers for the same tool; zero turns it off
         * @param ticketsPerDay most tickets per requester over 24 hours, at least 1
         * @return this builder
         * @throws IllegalArgumentException naming the limit below 1, or a cool-down missing or negative
         */
        public Builder alertLimits(int perHelperPerWeek, int minimumPerTicket, Duration coolDown, int ticketsPerDay) {
            AlertLimits checked = new AlertLimits(perHelperPerWeek, minimumPerTicket, maxAlertsPerTicket, coolDown, ticketsPerDay);
            this.alertsPerHelperPerWeek = checked.perHelperPerWeek();
            this.minimumAlertsPerTicket = checked.minimumPerTicket();
            this.alertCoolDown = checked.coolDown();
            this.ticketsPerDay = checked.ticketsPerDay();
            return this;
        }

        /**
         * Every alert limit at once, the cap per ticket included (it replaces {@link #maxAlertsPerTicket}); default
         * {@link AlertLimits#defaults()}.
         *
         * <pre>{@code
         * .alertLimits(AlertLimits.builder().perHelperPerWeek(10).coolDown(Duration.ofDays(3)).build())
         * }</pre>
         *
         * @param limits the limits
         * @return this builder
         * @throws NullPointerException when {@code limits} is null
         */
        public Builder alertLimits(AlertLimits limits) {
            Objects.requireNonNull(limits, "limits");
            this.alertsPerHelperPerWeek = limits.perHelperPerWeek();
            this.minimumAlertsPerTicket = limits.minimumPerTicket();
            this.maxAlertsPerTicket = limits.maxPerTicket();
            this.alertCoolDown = limits.coolDown();
            this.ticketsPerDay = limits.ticketsPerDay();
            return this;
        }

        /**
         * Quiet hours, in each helper's local time: an alert that falls in them is delivered when they end.
         * Default 20:00–07:00; equal times disable them.
         *
         * @param start start of the quiet hours, helper's local time
         * @param end end of the quiet hours (the next day when before {@code start}); equal to {@code start} to turn them off
         * @return this builder
         * @throws NullPointerException when a bound is null
         */
        public Builder quietHours(LocalTime start, LocalTime end) {
            return quietHours(new QuietHours(start, end));
        }

        /**
         * Quiet hours, in each helper's local time; default {@link QuietHours#defaults()} (20:00–07:00),
         * {@link QuietHours#OFF} for none.
         *
         * @param quietHours the quiet hours
         * @return this builder
         * @throws NullPointerException when {@code quietHours} is null
         */
        public Builder quietHours(QuietHours quietHours) {
            Objects.requireNonNull(quietHours, "quietHours");
            this.quietStart = quietHours.start();
            this.quietEnd = quietHours.end();
            return this;
        }

        /**
         * Which badges helpers earn, and when; default {@link BadgeRule#defaults()} (pass an empty list for none).
         *
         * @param rules the host's badge rules
         * @return this builder
         * @throws NullPointerException when {@code rules} is null
         */
        public Builder badgeRules(List<BadgeRule> rules) {
            this.badgeRules = List.copyOf(Objects.requireNonNull(rules, "rules"));
            return this;
        }

        /**
         * Whether members see other helpers' ratings ({@code events().helperRating}); default false.
         *
         * @param show whether ratings are shown
         * @return this builder
         */
        public Builder showHelperRatings(boolean show) {
            this.showHelperRatings = show;
            return this;
        }

        /**
         * Where members' reports go; default the store (every instance reads the same queue, with
         * {@code moderation().pendingReports()}).
         *
         * @param queue where reports go
         * @return this builder
         * @throws NullPointerException when {@code queue} is null
         */
        public Builder moderationQueue(ModerationQueue queue) {
            this.moderationQueue = Objects.requireNonNull(queue, "moderationQueue");
            return this;
        }

        /**
         * Whether granting {@code ACADEMIE_STAFF} for an académie requires a member whose address is of that
         * académie's mail domain ({@code ac-dijon.fr} for Dijon); default true. Turn it off only when the host
         * vouches for its staff otherwise (a national service, a rectorat using another domain).
         *
         * @param required whether the address must match
         * @return this builder
         */
        public Builder staffAddressMustMatchAcademie(boolean required) {
            this.staffAddressMustMatchAcademie = required;
            return this;
        }

        /**
         * At most this many event announcements reach one member over 7 days (default 5); members over it are not
         * told of further events until the week rolls on (they still find them by searching).
         *
         * @param perWeek at least 1
         * @return this builder
         */
        public Builder announcementsPerWeek(int perWeek) {
            if (perWeek < 1) {
                throw new IllegalArgumentException("announcementsPerWeek must be at least 1, was " + perWeek);
            }
            this.announcementsPerWeek = perWeek;
            return this;
        }

        /**
         * At most this many members are told of one event (default and most 5,000). The members an event may reach are
         * the 5,000 nearest to the venue who have one of its tools or follow one of its tools or themes (then, online,
         * the territory's members, its académies in turn); they are told nearest first, and those passed over by their
         * preferences or their weekly cap ({@link #announcementsPerWeek}) do not count: the next ones among them are
         * told instead. The others find the event by searching. A host sets it lower where a workshop of a dozen seats
         * should not be mailed to thousands (in dense areas, thousands of colleagues within the broadcast radius have
         * the event's tool).
         *
         * @param max from 1 to 5,000
         * @return this builder
         */
        public Builder maxAnnouncementsPerEvent(int max) {
            if (max < 1 || max > 5_000) {
                throw new IllegalArgumentException("maxAnnouncementsPerEvent must be from 1 to 5000, was " + max);
            }
            this.maxAnnouncementsPerEvent = max;
            return this;
        }

        /**
         * How often each instance looks for reminders to send (the day before and an hour before an event) and
         * feedback prompts, in the background; default one minute. {@link Duration#ZERO} turns the background off: the
         * host then calls {@code events().sendReminders(host)} from its own scheduler (several instances may: a reminder
         * goes once).
         *
         * @param poll the interval, or zero
         * @return this builder
         */
        public Builder reminderPoll(Duration poll) {
            if (poll == null || poll.isNegative()) {
                throw new IllegalArgumentException("reminderPoll must be zero or positive");
            }
            this.reminderPoll = poll;
            return this;
        }

        /**
         * Where the host publishes Open Badges assertions (with {@code sharenum-json}'s {@code OpenBadges} at the same
         * base): a member who earns a badge is told with the link {@code <base>/assertions/<award id>}. Without it the
         * notification carries no link.
         *
         * @param base the base URI given to {@code OpenBadges.builder}
         * @return this builder
         */
        public Builder openBadgesBase(URI base) {
            Objects.requireNonNull(base, "base");
            String b = base.toString().replaceAll("/+$", "");
            this.badgeAssertions = award -> URI.create(b + "/assertions/" + award.id());
            return this;
        }

        /**
         * Whether members who never answered consent to research ({@link Research}); default {@code false}: their
         * records stay out of research exports until they say yes. Set {@code true} only when the host's data
         * protection officer has recorded another legal basis (a public-interest research agreement) and members
         * are told they may refuse.
         *
         * @param byDefault the default
         * @return this builder
         */
        public Builder researchConsentByDefault(boolean byDefault) {
            this.researchConsentByDefault = byDefault;
            return this;
        }

        private boolean researchConsentByDefault;

        /**
         * Builds the {@code ShareNum}, once the settings that depend on each other agree.
         *
         * @return the instance, its matching engine loaded with the store's active members
         * @throws IllegalArgumentException naming both settings when two disagree: {@link #broadcastRadiusKm} above
         *                                  the largest radius of {@link #radiusKm(double, double, double)};
         *                                  {@link #busOperatingHours} too short for {@link #busLogistics}'s set-up and
         *                                  tear-down around a 15-minute event; {@link #notificationLease} longer than
         *                                  {@link #notificationRetries}' longest retry; a {@link #changeFeed} poll
         *                                  interval not shorter than its retention
         */
        public ShareNum build() {
            Settings settings = Settings.builder()
                    .emailPolicy(emailPolicy).tools(tools).clock(clock).minimumHelperLevel(minimumHelperLevel)
                    .radius(new RadiusBounds(minRadiusKm, maxRadiusKm, defaultRadiusKm))
                    .ticketLifetime(ticketLifetime).verificationValidity(verificationValidity).trainingHorizon(trainingHorizon)
                    .alertLimits(new AlertLimits(alertsPerHelperPerWeek, minimumAlertsPerTicket, maxAlertsPerTicket,
                            alertCoolDown, ticketsPerDay))
                    .quietHours(new QuietHours(quietStart, quietEnd))
                    .closedDays(closedDays)
                    .broadcastRadiusKm(broadcastRadiusKm)
                    .busLogistics(new BusLogistics(busSpeedKmh, busSetUp, busTearDown, busDayStart, busDayEnd))
                    .invitationSender(invitationSender)
                    .notificationRetries(new NotificationRetries(deliveryAttempts, firstRetry, longestRetry, deliveryLease))
                    .deliveryWorker(new Dispatcher.Worker(automaticDelivery, deliveryExecutor, deliveryPollInterval))
                    .changeFeed(new ChangeFeed(feedPollInterval, feedRetention))
                    .moderationQueue(moderationQueue)
                    .showHelperRatings(showHelperRatings)
                    .badgeRules(badgeRules)
                    .staffAddressMustMatchAcademie(staffAddressMustMatchAcademie)
                    .gatherings(new Settings.Gatherings(announcementsPerWeek, reminderPoll, badgeAssertions,
                            maxAnnouncementsPerEvent))
                    .build();
            Engine engine = new Engine(settings,
                    store != null ? store : new InMemoryStore(),
                    notifier != null ? notifier : new OutboxNotifier(),
                    trainingCatalog != null ? trainingCatalog : InMemoryCatalogs.trainings(List.of()),
                    guideCatalog != null ? guideCatalog : InMemoryCatalogs.guides(List.of()),
                    matchingEngine != null ? matchingEngine : MatchingEngines.discover(), metrics);
            engine.researchConsentByDefault(researchConsentByDefault);
            return new ShareNum(engine);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
            return d;
        }
    }
}
