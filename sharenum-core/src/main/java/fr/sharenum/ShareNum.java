package fr.sharenum;

import fr.sharenum.core.internal.BusRules;
import fr.sharenum.core.internal.Engine;
import fr.sharenum.core.internal.InMemoryStore;
import fr.sharenum.core.internal.Settings;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Guide;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Training;
import fr.sharenum.spi.ClosedDays;
import fr.sharenum.spi.GuideCatalog;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.TrainingCatalog;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

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
     * Stops this instance's background work (following the change feed). The store, notifier and catalogues are
     * the host's and stay open. Calls made after closing still work, catching up with the feed as they go; closing
     * twice does nothing more.
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
            public <T> T inTransaction(java.util.function.Function<fr.sharenum.spi.StoreTransaction, T> work) {
                return store.inTransaction(t -> work.apply(fr.sharenum.core.internal.kernel.KernelAggregates.complete(t)));
            }

            @Override
            public <T> T inSnapshot(java.util.function.Function<fr.sharenum.spi.StoreTransaction, T> work) {
                return store.inSnapshot(t -> work.apply(fr.sharenum.core.internal.kernel.KernelAggregates.complete(t)));
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
     * @throws fr.sharenum.model.NotAllowedException for anyone else
     */
    public MatchingEngine matchingEngine(fr.sharenum.model.Actor actor) {
        return engine.matchingEngine(actor);
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
        private fr.sharenum.spi.ModerationQueue moderationQueue;
        private boolean showHelperRatings;
        private List<BadgeRule> badgeRules = BadgeRule.defaults();
        private int announcementsPerWeek = 5;
        private Duration reminderPoll = Duration.ofMinutes(1);
        private java.util.function.Function<fr.sharenum.model.BadgeAward, java.net.URI> badgeAssertions;
        private int deliveryAttempts = 8;
        private Duration firstRetry = Duration.ofSeconds(30);
        private Duration longestRetry = Duration.ofHours(6);
        private boolean staffAddressMustMatchAcademie = true;
        private Duration feedPollInterval = Duration.ofMillis(250);
        private Duration deliveryLease = Duration.ofMinutes(2);
        private boolean automaticDelivery = true;
        private java.util.concurrent.Executor deliveryExecutor;
        private Duration deliveryPollInterval = Duration.ofSeconds(1);
        private Duration feedRetention = Duration.ofDays(1);

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
         * @throws IllegalArgumentException when the interval is negative
         */
        public Builder notificationDelivery(java.util.concurrent.Executor executor, Duration pollInterval) {
            if (pollInterval == null || pollInterval.isNegative()) {
                throw new IllegalArgumentException("pollInterval must be zero or positive");
            }
            this.automaticDelivery = true;
            this.deliveryExecutor = executor;
            this.deliveryPollInterval = pollInterval;
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
         * @throws IllegalArgumentException when shorter than a second
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
         * @throws IllegalArgumentException when a duration is out of range
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

        /** Persistence; default {@link ShareNum#inMemoryStore()}. */
    /**
         * Persistence; default {@link ShareNum#inMemoryStore()}.
         *
         * @param store the host's store (e.g. a {@code JdbcStore})
         * @return this builder
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
         */
        public Builder trainings(List<Training> trainings) {
            return trainingCatalog(fr.sharenum.core.internal.InMemoryCatalogs.trainings(trainings));
        }

        /**
         * Guide documents; default none.
         *
         * @param catalog where guide documents come from
         * @return this builder
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
         */
        public Builder guides(List<Guide> guides) {
            return guideCatalog(fr.sharenum.core.internal.InMemoryCatalogs.guides(guides));
        }

        /**
         * The matching engine, overriding discovery. Default: the highest-priority
         * {@link fr.sharenum.spi.MatchingEngineProvider} found, else {@link MatchingEngines#reference()}.
         * Give a new, empty engine: ShareNum fills it from the store.
         *
         * @param engine a new, empty engine
         * @return this builder
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
         */
        public Builder radiusKm(double min, double max, double byDefault) {
            if (!(min > 0) || !(max >= min) || Double.isInfinite(max) || !(byDefault >= min && byDefault <= max)) {
                throw new IllegalArgumentException("need 0 < min <= default <= max < infinity, got "
                        + min + ", " + byDefault + ", " + max);
            }
            this.minRadiusKm = min;
            this.maxRadiusKm = max;
            this.defaultRadiusKm = byDefault;
            return this;
        }

        /**
         * How long a ticket waits for a helper; default 30 days.
         *
         * @param lifetime how long an open ticket waits before it expires, positive
         * @return this builder
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
         * Daily hours, local at the venue, within which a BusNum is set up, used and torn down; default 07:00–20:00.
         *
         * @param start earliest set-up, local time at the venue
         * @param end latest end of tear-down, after {@code start}
         * @return this builder
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
         */
        public Builder alertLimits(int perHelperPerWeek, int minimumPerTicket, Duration coolDown, int ticketsPerDay) {
            if (perHelperPerWeek < 1 || minimumPerTicket < 1 || ticketsPerDay < 1) {
                throw new IllegalArgumentException("alert limits must be at least 1");
            }
            if (coolDown == null || coolDown.isNegative()) {
                throw new IllegalArgumentException("coolDown must be zero or positive");
            }
            this.alertsPerHelperPerWeek = perHelperPerWeek;
            this.minimumAlertsPerTicket = minimumPerTicket;
            this.alertCoolDown = coolDown;
            this.ticketsPerDay = ticketsPerDay;
            return this;
        }

        /**
         * Quiet hours, in each helper's local time: an alert that falls in them is delivered when they end.
         * Default 20:00–07:00; equal times disable them.
         *
         * @param start start of the quiet hours, helper's local time
         * @param end end of the quiet hours (the next day when before {@code start}); equal to {@code start} to turn them off
         * @return this builder
         */
        public Builder quietHours(LocalTime start, LocalTime end) {
            this.quietStart = Objects.requireNonNull(start, "start");
            this.quietEnd = Objects.requireNonNull(end, "end");
            return this;
        }

        /**
         * Which badges helpers earn, and when; default {@link BadgeRule#defaults()} (pass an empty list for none).
         *
         * @param rules the host's badge rules
         * @return this builder
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
         */
        public Builder moderationQueue(fr.sharenum.spi.ModerationQueue queue) {
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
        public Builder openBadgesBase(java.net.URI base) {
            Objects.requireNonNull(base, "base");
            String b = base.toString().replaceAll("/+$", "");
            this.badgeAssertions = award -> java.net.URI.create(b + "/assertions/" + award.id());
            return this;
        }

        /**
         * Builds the {@code ShareNum}.
         *
         * @return the instance, its matching engine loaded with the store's active members
         */
        public ShareNum build() {
            Settings settings = new Settings(emailPolicy, tools, clock, minimumHelperLevel, minRadiusKm, maxRadiusKm,
                    defaultRadiusKm, ticketLifetime, verificationValidity, trainingHorizon, maxAlertsPerTicket,
                    closedDays, broadcastRadiusKm, new BusRules(busSpeedKmh, busSetUp, busTearDown, busDayStart, busDayEnd),
                    invitationSender, new fr.sharenum.core.internal.Dispatcher.DeliveryPolicy(deliveryAttempts, firstRetry,
                    longestRetry, deliveryLease), new Settings.AlertLimits(alertsPerHelperPerWeek, minimumAlertsPerTicket,
                    alertCoolDown, ticketsPerDay, quietStart, quietEnd), moderationQueue, showHelperRatings,
                    badgeRules, staffAddressMustMatchAcademie, new Settings.Feed(feedPollInterval, feedRetention,
                    min(Duration.ofHours(1), feedRetention.dividedBy(4))),
                    new fr.sharenum.core.internal.Dispatcher.Worker(automaticDelivery, deliveryExecutor, deliveryPollInterval),
                    new Settings.Gatherings(announcementsPerWeek, reminderPoll, badgeAssertions));
            return new ShareNum(new Engine(settings,
                    store != null ? store : new InMemoryStore(),
                    notifier != null ? notifier : new OutboxNotifier(),
                    trainingCatalog != null ? trainingCatalog : fr.sharenum.core.internal.InMemoryCatalogs.trainings(List.of()),
                    guideCatalog != null ? guideCatalog : fr.sharenum.core.internal.InMemoryCatalogs.guides(List.of()),
                    matchingEngine != null ? matchingEngine : MatchingEngines.discover()));
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration");
            }
            return d;
        }
    }
}
