package fr.sharenum.core.internal;

import fr.sharenum.AlertLimits;
import fr.sharenum.BadgeRule;
import fr.sharenum.BusLogistics;
import fr.sharenum.ChangeFeed;
import fr.sharenum.EmailPolicy;
import fr.sharenum.NotificationRetries;
import fr.sharenum.QuietHours;
import fr.sharenum.RadiusBounds;
import fr.sharenum.ToolCatalog;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.spi.ClosedDays;
import fr.sharenum.spi.ModerationQueue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The host's configuration, as built by {@code ShareNum.Builder}: one value object per concept (alert limits, quiet
 * hours, radius bounds, bus logistics, notification retries, change feed), each checked on its own, and their
 * combinations checked by {@link Builder#build()}. Immutable.
 */
public final class Settings {
    private final EmailPolicy emailPolicy;
    private final ToolCatalog tools;
    private final Clock clock;
    private final CompetenceLevel minimumHelperLevel;
    private final RadiusBounds radius;
    private final Duration ticketLifetime;
    private final Duration verificationValidity;
    private final Duration trainingHorizon;
    private final AlertLimits alertLimits;
    private final QuietHours quietHours;
    private final ClosedDays closedDays;
    private final double broadcastRadiusKm;
    private final BusLogistics busLogistics;
    private final Email invitationSender;
    private final NotificationRetries retries;
    private final Dispatcher.Worker deliveryWorker;
    private final ChangeFeed changeFeed;
    private final ModerationQueue moderationQueue;
    private final boolean showHelperRatings;
    private final List<BadgeRule> badgeRules;
    private final boolean staffAddressMustMatchAcademie;
    private final Gatherings gatherings;

    private Settings(Builder b) {
        this.emailPolicy = Objects.requireNonNull(b.emailPolicy, "emailPolicy");
        this.tools = Objects.requireNonNull(b.tools, "tools");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.minimumHelperLevel = Objects.requireNonNull(b.minimumHelperLevel, "minimumHelperLevel");
        this.radius = Objects.requireNonNull(b.radius, "radius");
        this.ticketLifetime = Objects.requireNonNull(b.ticketLifetime, "ticketLifetime");
        this.verificationValidity = Objects.requireNonNull(b.verificationValidity, "verificationValidity");
        this.trainingHorizon = Objects.requireNonNull(b.trainingHorizon, "trainingHorizon");
        this.alertLimits = Objects.requireNonNull(b.alertLimits, "alertLimits");
        this.quietHours = Objects.requireNonNull(b.quietHours, "quietHours");
        this.closedDays = Objects.requireNonNull(b.closedDays, "closedDays");
        this.broadcastRadiusKm = b.broadcastRadiusKm;
        this.busLogistics = Objects.requireNonNull(b.busLogistics, "busLogistics");
        this.invitationSender = Objects.requireNonNull(b.invitationSender, "invitationSender");
        this.retries = Objects.requireNonNull(b.retries, "retries");
        this.deliveryWorker = Objects.requireNonNull(b.deliveryWorker, "deliveryWorker");
        this.changeFeed = Objects.requireNonNull(b.changeFeed, "changeFeed");
        this.moderationQueue = b.moderationQueue;
        this.showHelperRatings = b.showHelperRatings;
        this.badgeRules = List.copyOf(b.badgeRules);
        this.staffAddressMustMatchAcademie = b.staffAddressMustMatchAcademie;
        this.gatherings = Objects.requireNonNull(b.gatherings, "gatherings");
    }

    /** @return a builder with no value set: every one must be */
    public static Builder builder() {
        return new Builder();
    }

    /** @return which addresses may register */
    public EmailPolicy emailPolicy() {
        return emailPolicy;
    }

    /** @return the tools members may declare */
    public ToolCatalog tools() {
        return tools;
    }

    /** @return the time source */
    public Clock clock() {
        return clock;
    }

    /** @return the lowest level alerted for a ticket */
    public CompetenceLevel minimumHelperLevel() {
        return minimumHelperLevel;
    }

    /** @return the radius bounds a requester chooses within, and the default */
    public RadiusBounds radius() {
        return radius;
    }

    /** @return the smallest radius, in km */
    public double minRadiusKm() {
        return radius.minKm();
    }

    /** @return the largest radius, in km (tickets and event announcements) */
    public double maxRadiusKm() {
        return radius.maxKm();
    }

    /** @return the radius of a ticket whose requester chooses none, in km */
    public double defaultRadiusKm() {
        return radius.defaultKm();
    }

    /** @return how long an open ticket waits for a helper */
    public Duration ticketLifetime() {
        return ticketLifetime;
    }

    /** @return how long a verification token works */
    public Duration verificationValidity() {
        return verificationValidity;
    }

    /** @return how far ahead trainings are shown */
    public Duration trainingHorizon() {
        return trainingHorizon;
    }

    /** @return the bounds on alerts */
    public AlertLimits alertLimits() {
        return alertLimits;
    }

    /** @return the most members alerted per ticket ({@link Integer#MAX_VALUE}: no cap) */
    public int maxAlertsPerTicket() {
        return alertLimits.maxPerTicket();
    }

    /** @return the hours alerts wait out, in each helper's local time */
    public QuietHours quietHours() {
        return quietHours;
    }

    /** @return the days establishments are closed */
    public ClosedDays closedDays() {
        return closedDays;
    }

    /** @return how far from its venue an event is announced when its organisers choose no radius, in km */
    public double broadcastRadiusKm() {
        return broadcastRadiusKm;
    }

    /** @return how BusNum bookings are spaced */
    public BusLogistics busLogistics() {
        return busLogistics;
    }

    /** @return the booking arithmetic of {@link #busLogistics()} */
    public BusRules busRules() {
        return new BusRules(busLogistics.averageSpeedKmh(), busLogistics.setUp(), busLogistics.tearDown(),
                busLogistics.dayStart(), busLogistics.dayEnd());
    }

    /** @return the ORGANIZER of invitations */
    public Email invitationSender() {
        return invitationSender;
    }

    /** @return how the outbox retries */
    public NotificationRetries notificationRetries() {
        return retries;
    }

    /** @return the outbox's retry policy, as the dispatcher reads it */
    public Dispatcher.DeliveryPolicy delivery() {
        return new Dispatcher.DeliveryPolicy(retries.maxAttempts(), retries.firstRetry(), retries.longestRetry(),
                retries.lease());
    }

    /** @return who delivers notifications, and how often they look for due ones */
    public Dispatcher.Worker deliveryWorker() {
        return deliveryWorker;
    }

    /** @return how this instance follows the change feed */
    public ChangeFeed changeFeed() {
        return changeFeed;
    }

    /** @return how this instance follows the change feed, with how often it prunes (a quarter of the retention, at most an hour) */
    public Feed feed() {
        Duration quarter = changeFeed.retention().dividedBy(4);
        return new Feed(changeFeed.pollInterval(), changeFeed.retention(),
                quarter.compareTo(Duration.ofHours(1)) < 0 ? quarter : Duration.ofHours(1));
    }

    /** @return where reports go, or {@code null} for the store */
    public ModerationQueue moderationQueue() {
        return moderationQueue;
    }

    /** @return whether members see other helpers' ratings */
    public boolean showHelperRatings() {
        return showHelperRatings;
    }

    /** @return the host's badge rules */
    public List<BadgeRule> badgeRules() {
        return badgeRules;
    }

    /** @return whether a staff grant needs an address of the académie's domain */
    public boolean staffAddressMustMatchAcademie() {
        return staffAddressMustMatchAcademie;
    }

    /** @return the settings around events: announcements' weekly cap, reminders' poll, badge assertions */
    public Gatherings gatherings() {
        return gatherings;
    }

    /**
     * Around events (issue 16): at most {@code announcementsPerWeek} event announcements per member over 7 days, at
     * most {@code maxAnnouncementsPerEvent} members told of one event (nearest first);
     * reminders and feedback prompts looked for every {@code reminderPoll} in the background (zero: only when the
     * host calls {@code events().sendReminders}); where the host publishes each badge award as an Open Badges
     * assertion ({@code badgeAssertions}, {@code null}: no link in the notification).
     *
     * @param announcementsPerWeek     the most announcements a member gets over 7 days
     * @param reminderPoll             how often reminders are looked for in the background
     * @param badgeAssertions          where each badge award is published, or {@code null}
     * @param maxAnnouncementsPerEvent the most members told of one event
     */
    public record Gatherings(int announcementsPerWeek, Duration reminderPoll,
                             Function<BadgeAward, URI> badgeAssertions, int maxAnnouncementsPerEvent) {
    }

    /**
     * How an instance follows the change feed: a poll every {@code pollInterval} (zero: no background poll, only the
     * catch-ups after each write and before each read of derived state), changes kept {@code retention} and pruned
     * every {@code pruneInterval}.
     *
     * @param pollInterval  how often to poll
     * @param retention     how long changes are kept
     * @param pruneInterval how often old changes are pruned
     */
    public record Feed(Duration pollInterval, Duration retention, Duration pruneInterval) {
    }

    /**
     * Builds {@link Settings} by name; {@link #build()} checks the settings that depend on each other. The builder
     * setter names of {@code ShareNum.Builder} are the ones refusals name.
     */
    public static final class Builder {
        private EmailPolicy emailPolicy;
        private ToolCatalog tools;
        private Clock clock;
        private CompetenceLevel minimumHelperLevel;
        private RadiusBounds radius;
        private Duration ticketLifetime;
        private Duration verificationValidity;
        private Duration trainingHorizon;
        private AlertLimits alertLimits;
        private QuietHours quietHours;
        private ClosedDays closedDays;
        private double broadcastRadiusKm = Double.NaN;
        private BusLogistics busLogistics;
        private Email invitationSender;
        private NotificationRetries retries;
        private Dispatcher.Worker deliveryWorker;
        private ChangeFeed changeFeed;
        private ModerationQueue moderationQueue;
        private boolean showHelperRatings;
        private List<BadgeRule> badgeRules = List.of();
        private boolean staffAddressMustMatchAcademie;
        private Gatherings gatherings;

        private Builder() {
        }

        /** Sets which addresses may register. */
        public Builder emailPolicy(EmailPolicy v) {
            this.emailPolicy = v;
            return this;
        }

        /** Sets the tool catalogue. */
        public Builder tools(ToolCatalog v) {
            this.tools = v;
            return this;
        }

        /** Sets the time source. */
        public Builder clock(Clock v) {
            this.clock = v;
            return this;
        }

        /** Sets the lowest level alerted. */
        public Builder minimumHelperLevel(CompetenceLevel v) {
            this.minimumHelperLevel = v;
            return this;
        }

        /** Sets the radius bounds. */
        public Builder radius(RadiusBounds v) {
            this.radius = v;
            return this;
        }

        /** Sets how long a ticket waits for a helper. */
        public Builder ticketLifetime(Duration v) {
            this.ticketLifetime = v;
            return this;
        }

        /** Sets how long a verification token works. */
        public Builder verificationValidity(Duration v) {
            this.verificationValidity = v;
            return this;
        }

        /** Sets how far ahead trainings are shown. */
        public Builder trainingHorizon(Duration v) {
            this.trainingHorizon = v;
            return this;
        }

        /** Sets the bounds on alerts. */
        public Builder alertLimits(AlertLimits v) {
            this.alertLimits = v;
            return this;
        }

        /** Sets the quiet hours. */
        public Builder quietHours(QuietHours v) {
            this.quietHours = v;
            return this;
        }

        /** Sets the days establishments are closed. */
        public Builder closedDays(ClosedDays v) {
            this.closedDays = v;
            return this;
        }

        /** Sets the default announcement radius of events. */
        public Builder broadcastRadiusKm(double km) {
            this.broadcastRadiusKm = km;
            return this;
        }

        /** Sets BusNum logistics. */
        public Builder busLogistics(BusLogistics v) {
            this.busLogistics = v;
            return this;
        }

        /** Sets the ORGANIZER of invitations. */
        public Builder invitationSender(Email v) {
            this.invitationSender = v;
            return this;
        }

        /** Sets how the outbox retries. */
        public Builder notificationRetries(NotificationRetries v) {
            this.retries = v;
            return this;
        }

        /** Sets who delivers notifications. */
        public Builder deliveryWorker(Dispatcher.Worker v) {
            this.deliveryWorker = v;
            return this;
        }

        /** Sets how the change feed is followed. */
        public Builder changeFeed(ChangeFeed v) {
            this.changeFeed = v;
            return this;
        }

        /** Sets where reports go, or {@code null} for the store. */
        public Builder moderationQueue(ModerationQueue v) {
            this.moderationQueue = v;
            return this;
        }

        /** Sets whether ratings are shown. */
        public Builder showHelperRatings(boolean v) {
            this.showHelperRatings = v;
            return this;
        }

        /** Sets the badge rules. */
        public Builder badgeRules(List<BadgeRule> v) {
            this.badgeRules = v;
            return this;
        }

        /** Sets whether a staff grant needs an address of the académie's domain. */
        /** Sets the settings around events. */
        public Builder gatherings(Gatherings v) {
            this.gatherings = v;
            return this;
        }

        public Builder staffAddressMustMatchAcademie(boolean v) {
            this.staffAddressMustMatchAcademie = v;
            return this;
        }

        /**
         * The settings, once the settings that depend on each other agree.
         *
         * @return the settings
         * @throws NullPointerException     when a setting is missing
         * @throws IllegalArgumentException naming both settings when two disagree: the default announcement radius
         *                                  of events ({@code broadcastRadiusKm}) above the largest radius
         *                                  ({@code radiusKm}'s max), which every event would then be refused
         */
        public Settings build() {
            Objects.requireNonNull(radius, "radius");
            if (!(broadcastRadiusKm > 0) || Double.isInfinite(broadcastRadiusKm)) {
                throw new IllegalArgumentException("broadcastRadiusKm must be a positive finite number of km, was "
                        + broadcastRadiusKm);
            }
            if (broadcastRadiusKm > radius.maxKm()) {
                throw new IllegalArgumentException("broadcastRadiusKm (" + broadcastRadiusKm + " km) is above the largest"
                        + " radius allowed by radiusKm (" + radius.maxKm() + " km): every event announced on the default"
                        + " radius would be refused; lower broadcastRadiusKm or raise radiusKm's max");
            }
            return new Settings(this);
        }
    }
}
