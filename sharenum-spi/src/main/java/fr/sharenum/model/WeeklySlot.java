package fr.sharenum.model;

import java.time.DayOfWeek;

/**
 * A recurring weekly availability: every {@code day}, during {@code range} (wall-clock time of the
 * member's establishment).
 *
 * @param day   day of the week
 * @param range time of day
 */
public record WeeklySlot(DayOfWeek day, TimeRange range) {
    /**
     * Checks and normalises the components.
     *
     * @param day day of the week
     * @param range time of day
     */
    public WeeklySlot {
        InvalidValueException.requireNonNull("day", day);
        InvalidValueException.requireNonNull("range", range);
    }
}
