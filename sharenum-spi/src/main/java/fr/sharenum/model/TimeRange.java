package fr.sharenum.model;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * A range of wall-clock time within one day, {@code [start, end)}, in the time zone of whoever owns
 * it (a member's establishment, a venue). An {@code end} of {@code 00:00} means midnight at the end
 * of the day, so {@code 18:00–00:00} is the evening.
 *
 * <pre>{@code
 * TimeRange afternoon = TimeRange.of("13:30", "17:00");
 * }</pre>
 *
 * @param start first minute of the range
 * @param end   end of the range, exclusive; after {@code start}, or {@code 00:00} for midnight
 */
public record TimeRange(LocalTime start, LocalTime end) implements Comparable<TimeRange> {

    /**
     * Checks and normalises the components.
     *
     * @param start first minute of the range
     * @param end end of the range, exclusive; after {@code start}, or {@code 00:00} for midnight
     */
    public TimeRange {
        InvalidValueException.requireNonNull("start", start);
        InvalidValueException.requireNonNull("end", end);
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new InvalidValueException("end", "must be after start (" + start + "), was " + end);
        }
    }

    /**
     * A range from text such as {@code "09:00"} and {@code "12:30"}.
     *
     * @param start the start
     * @param end the end
     * @return a range from text such as {@code "09:00"} and {@code "12:30"}
     */
    public static TimeRange of(String start, String end) {
        return new TimeRange(parse("start", start), parse("end", end));
    }

    /**
     * Whether the range runs until midnight at the end of the day.
     *
     * @return whether the range runs until midnight at the end of the day
     */
    public boolean endsAtMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    @Override
    public int compareTo(TimeRange o) {
        int c = start.compareTo(o.start);
        if (c != 0) {
            return c;
        }
        return Integer.compare(endMinute(), o.endMinute());
    }

    private int endMinute() {
        return endsAtMidnight() ? 24 * 60 : end.getHour() * 60 + end.getMinute();
    }

    private static LocalTime parse(String field, String text) {
        InvalidValueException.requireNonNull(field, text);
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "'" + text + "' is not a time of day such as 09:30");
        }
    }

    @Override
    public String toString() {
        return start + "–" + (endsAtMidnight() ? "24:00" : end.toString());
    }
}
