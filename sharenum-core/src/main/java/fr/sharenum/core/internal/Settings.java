package fr.sharenum.core.internal;

import fr.sharenum.EmailPolicy;
import fr.sharenum.ToolCatalog;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.spi.ClosedDays;

import java.time.Clock;
import java.time.Duration;

/** The host's configuration, as built by {@code ShareNum.Builder}. */
public record Settings(EmailPolicy emailPolicy, ToolCatalog tools, Clock clock, CompetenceLevel minimumHelperLevel,
                       double minRadiusKm, double maxRadiusKm, double defaultRadiusKm, Duration ticketLifetime,
                       Duration verificationValidity, Duration trainingHorizon, int maxAlertsPerTicket,
                       ClosedDays closedDays, double broadcastRadiusKm, BusRules busRules, Email invitationSender,
                       Dispatcher.DeliveryPolicy delivery, AlertLimits alertLimits,
                       fr.sharenum.spi.ModerationQueue moderationQueue, boolean showHelperRatings,
                       java.util.List<fr.sharenum.BadgeRule> badgeRules, boolean staffAddressMustMatchAcademie,
                       Feed feed, Dispatcher.Worker deliveryWorker, Gatherings gatherings) {

    /**
     * Around events (issue 16): at most {@code announcementsPerWeek} event announcements per member over 7 days;
     * reminders and feedback prompts looked for every {@code reminderPoll} in the background (zero: only when the
     * host calls {@code events().sendReminders}); where the host publishes each badge award as an Open Badges
     * assertion ({@code badgeAssertions}, {@code null}: no link in the notification).
     */
    public record Gatherings(int announcementsPerWeek, Duration reminderPoll,
                             java.util.function.Function<fr.sharenum.model.BadgeAward, java.net.URI> badgeAssertions) {
    }

    /**
     * How an instance follows the change feed: a poll every {@code pollInterval} (zero: no background poll, only the
     * catch-ups after each write and before each read of derived state), changes kept {@code retention} and pruned
     * every {@code pruneInterval}.
     */
    public record Feed(Duration pollInterval, Duration retention, Duration pruneInterval) {
    }

    /**
     * Bounds on alerts: at most {@code perHelperPerWeek} alerts per helper over 7 days (helpers over it
     * are skipped unless too few remain), at least {@code minimumPerTicket} helpers alerted when that
     * many qualify, no re-alert of helpers the same requester alerted for the same tool within
     * {@code coolDown}, at most {@code ticketsPerDay} tickets per requester per 24 h, and alerts falling
     * in {@code quietStart}–{@code quietEnd} (helper's local time) delivered when the quiet hours end.
     */
    public record AlertLimits(int perHelperPerWeek, int minimumPerTicket, Duration coolDown, int ticketsPerDay,
                              java.time.LocalTime quietStart, java.time.LocalTime quietEnd) {
    }
}
