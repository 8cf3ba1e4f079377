package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.Delay;
import fr.sharenum.QuietHours;
import fr.sharenum.model.AlertPreferences.Digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When an alert reaches a helper: with their next digest when they chose one (17:00 local, every day or on
 * Mondays), else when the quiet hours that the time of the alert falls in end, else now. Local times are the
 * helper's establishment's.
 */
public final class AlertTiming {

    /** When digests go out, local time. */
    static final LocalTime DIGEST_TIME = LocalTime.of(17, 0);

    private final QuietHours quietHours;

    /** @param quietHours the host's quiet hours */
    public AlertTiming(QuietHours quietHours) {
        this.quietHours = Objects.requireNonNull(quietHours, "quietHours");
    }

    /**
     * An alert held until a later time, and why.
     *
     * @param why   the digest or the quiet hours
     * @param until when it goes
     */
    public record Held(Delay why, Instant until) {
    }

    /**
     * @param digest how the helper reads alerts
     * @param zone   the helper's time zone
     * @param now    the time of the alert
     * @return when the alert is held until, or empty to send it now
     */
    public Optional<Held> hold(Digest digest, ZoneId zone, Instant now) {
        if (digest != Digest.NONE) {
            return Optional.of(new Held(Delay.DIGEST, nextDigest(digest, zone, now)));
        }
        return quietEnd(zone, now).map(end -> new Held(Delay.QUIET_HOURS, end));
    }

    /**
     * @param zone the helper's time zone
     * @param now  a time
     * @return the end of the quiet hours {@code now} falls in, or empty when it is not quiet
     */
    Optional<Instant> quietEnd(ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        if (!quietHours.contains(t)) {
            return Optional.empty();
        }
        LocalDate endDay = quietHours.spansMidnight() && !t.isBefore(quietHours.start())
                ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return Optional.of(ZonedDateTime.of(endDay, quietHours.end(), zone).toInstant());
    }

    /**
     * @param digest daily or weekly
     * @param zone   the helper's time zone
     * @param now    a time
     * @return the next digest time strictly after {@code now}
     */
    static Instant nextDigest(Digest digest, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime at = local.toLocalDate().atTime(DIGEST_TIME).atZone(zone);
        if (!at.isAfter(local)) {
            at = at.plusDays(1);
        }
        if (digest == Digest.WEEKLY) {
            while (at.getDayOfWeek() != DayOfWeek.MONDAY) {
                at = at.plusDays(1);
            }
        }
        return at.toInstant();
    }
}
