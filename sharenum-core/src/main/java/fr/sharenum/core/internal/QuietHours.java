package fr.sharenum.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When the quiet hours that {@code now} falls in end, in a helper's time zone. */
final class QuietHours {
    private QuietHours() {
    }

    /** The end of the quiet period containing {@code now}, or empty when {@code now} is not quiet. */
    static Optional<Instant> end(Settings.AlertLimits limits, ZoneId zone, Instant now) {
        LocalTime start = limits.quietStart();
        LocalTime end = limits.quietEnd();
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean overnight = start.isAfter(end);
        boolean quiet = overnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        LocalDate endDay = overnight && !t.isBefore(start) ? day.plusDays(1) : day;
        return Optional.of(ZonedDateTime.of(endDay, end, zone).toInstant());
    }

    /** The next digest time after {@code now}: 17:00 local, every day or on Mondays. */
    static Instant nextDigest(fr.sharenum.model.AlertPreferences.Digest digest, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime at = local.toLocalDate().atTime(DIGEST_TIME).atZone(zone);
        if (!at.isAfter(local)) {
            at = at.plusDays(1);
        }
        if (digest == fr.sharenum.model.AlertPreferences.Digest.WEEKLY) {
            while (at.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
                at = at.plusDays(1);
            }
        }
        return at.toInstant();
    }

    private static final LocalTime DIGEST_TIME = LocalTime.of(17, 0);
}
