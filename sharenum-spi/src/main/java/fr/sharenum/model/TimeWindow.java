package fr.sharenum.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A span of time {@code [start, end)} on the global time line.
 *
 * @param start first instant
 * @param end   end, exclusive, after {@code start}
 */
public record TimeWindow(Instant start, Instant end) implements Comparable<TimeWindow> {

    /**
     * Checks and normalises the components.
     *
     * @param start first instant
     * @param end end, exclusive, after {@code start}
     */
    public TimeWindow {
        InvalidValueException.requireNonNull("start", start);
        InvalidValueException.requireNonNull("end", end);
        if (!end.isAfter(start)) {
            throw new InvalidValueException("end", "must be after start " + start + ", was " + end);
        }
    }

    /**
     * The {@code TimeWindow} of the given values.
     *
     * @param start the start
     * @param duration the duration
     * @return the {@code TimeWindow}
     */
    public static TimeWindow of(Instant start, Duration duration) {
        InvalidValueException.requireNonNull("duration", duration);
        return new TimeWindow(start, start.plus(duration));
    }

    /**
     * The duration.
     *
     * @return the duration
     */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * Whether the two windows share at least one instant.
     *
     * @param other the other one
     * @return whether the two windows share at least one instant
     */
    public boolean overlaps(TimeWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /**
     * Whether {@code other} lies entirely inside this window.
     *
     * @param other the other one
     * @return whether {@code other} lies entirely inside this window
     */
    public boolean contains(TimeWindow other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    @Override
    public int compareTo(TimeWindow o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
