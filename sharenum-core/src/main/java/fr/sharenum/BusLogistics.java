package fr.sharenum;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * How BusNum bookings are spaced: the bus's average driving speed between venues, its set-up before and tear-down
 * after each event, and the daily hours (local at the venue) within which it is set up, used and torn down. Given
 * to {@link ShareNum.Builder#busLogistics(BusLogistics)}.
 *
 * <pre>{@code
 * BusLogistics.builder().averageSpeedKmh(45).setUp(Duration.ofHours(1)).operatingHours(LocalTime.of(8, 0), LocalTime.of(19, 0)).build();
 * }</pre>
 *
 * @param averageSpeedKmh average driving speed between venues, in km/h, positive and finite
 * @param setUp           time to set the bus up before each event, zero or positive
 * @param tearDown        time to pack it after each event, zero or positive
 * @param dayStart        earliest set-up, local time at the venue
 * @param dayEnd          latest end of tear-down, local time at the venue; after {@code dayStart} by at least
 *                        set-up, tear-down and the shortest event ({@code Event.MIN_DURATION}, 15 minutes)
 */
public record BusLogistics(double averageSpeedKmh, Duration setUp, Duration tearDown, LocalTime dayStart,
                           LocalTime dayEnd) {

    /** The shortest event a bus day must leave room for, with set-up and tear-down. */
    private static final Duration SHORTEST_EVENT = Duration.ofMinutes(15);

    /**
     * Checks each value, and that a day leaves room for one event.
     *
     * @param averageSpeedKmh average driving speed, in km/h, positive and finite
     * @param setUp           set-up before each event, zero or positive
     * @param tearDown        tear-down after each event, zero or positive
     * @param dayStart        earliest set-up, local time
     * @param dayEnd          latest end of tear-down, local time, after {@code dayStart}
     * @throws IllegalArgumentException naming the value out of range, or naming the operating hours and the set-up
     *                                  and tear-down when together they leave no room for a 15-minute event
     */
    public BusLogistics {
        if (!(averageSpeedKmh > 0) || Double.isInfinite(averageSpeedKmh)) {
            throw new IllegalArgumentException("bus logistics: averageSpeedKmh must be positive, was " + averageSpeedKmh);
        }
        if (setUp == null || setUp.isNegative() || tearDown == null || tearDown.isNegative()) {
            throw new IllegalArgumentException("bus logistics: set-up and tear-down must be zero or positive durations, were "
                    + setUp + " and " + tearDown);
        }
        if (dayStart == null || dayEnd == null || !dayEnd.isAfter(dayStart)) {
            throw new IllegalArgumentException("bus logistics: operating hours need a start before their end, got "
                    + dayStart + "–" + dayEnd);
        }
        Duration day = Duration.between(dayStart, dayEnd);
        if (day.compareTo(setUp.plus(tearDown).plus(SHORTEST_EVENT)) < 0) {
            throw new IllegalArgumentException("bus logistics: the operating hours " + dayStart + "–" + dayEnd + " (busOperatingHours)"
                    + " leave no room for a 15-minute event with " + setUp.toMinutes() + " min of set-up and "
                    + tearDown.toMinutes() + " min of tear-down (busLogistics): every booking would be refused");
        }
    }

    /**
     * ShareNum's defaults: 50 km/h, 45 minutes of set-up, 30 of tear-down, 07:00–20:00.
     *
     * @return the default logistics
     */
    public static BusLogistics defaults() {
        return new BusLogistics(50, Duration.ofMinutes(45), Duration.ofMinutes(30), LocalTime.of(7, 0), LocalTime.of(20, 0));
    }

    /**
     * A builder starting from {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /**
     * A builder starting from these values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Driving time for {@code km} kilometres, rounded up to the second.
     *
     * @param km a distance, in km
     * @return how long the bus drives it
     */
    public Duration travel(double km) {
        return Duration.ofSeconds((long) Math.ceil(km / averageSpeedKmh * 3600.0));
    }

    /** Builds {@link BusLogistics} by name; every value is checked by {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private double averageSpeedKmh;
        private Duration setUp;
        private Duration tearDown;
        private LocalTime dayStart;
        private LocalTime dayEnd;

        private Builder(BusLogistics from) {
            averageSpeedKmh = from.averageSpeedKmh;
            setUp = from.setUp;
            tearDown = from.tearDown;
            dayStart = from.dayStart;
            dayEnd = from.dayEnd;
        }

        /**
         * Average driving speed between venues; default 50 km/h.
         *
         * @param kmh positive and finite (checked by {@link #build()})
         * @return this builder
         */
        public Builder averageSpeedKmh(double kmh) {
            this.averageSpeedKmh = kmh;
            return this;
        }

        /**
         * Time to set the bus up before each event; default 45 minutes.
         *
         * @param setUp zero or positive (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException when null
         */
        public Builder setUp(Duration setUp) {
            this.setUp = Objects.requireNonNull(setUp, "setUp");
            return this;
        }

        /**
         * Time to pack the bus after each event; default 30 minutes.
         *
         * @param tearDown zero or positive (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException when null
         */
        public Builder tearDown(Duration tearDown) {
            this.tearDown = Objects.requireNonNull(tearDown, "tearDown");
            return this;
        }

        /**
         * Daily hours, local at the venue, within which the bus is set up, used and torn down; default 07:00–20:00.
         *
         * @param start earliest set-up
         * @param end   latest end of tear-down, after {@code start} (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException when null
         */
        public Builder operatingHours(LocalTime start, LocalTime end) {
            this.dayStart = Objects.requireNonNull(start, "start");
            this.dayEnd = Objects.requireNonNull(end, "end");
            return this;
        }

        /**
         * The logistics.
         *
         * @return the logistics
         * @throws IllegalArgumentException as {@link BusLogistics#BusLogistics}
         */
        public BusLogistics build() {
            return new BusLogistics(averageSpeedKmh, setUp, tearDown, dayStart, dayEnd);
        }
    }
}
