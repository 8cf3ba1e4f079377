package fr.sharenum;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on alerts, so that helpers are not flooded and requesters do not spam: how often a helper is alerted,
 * how many helpers a ticket alerts at least and at most, how soon a requester may alert the same helpers again,
 * and how many tickets a requester opens a day. Given to {@link ShareNum.Builder#alertLimits(AlertLimits)}.
 *
 * <pre>{@code
 * AlertLimits limits = AlertLimits.builder()
 *         .perHelperPerWeek(20)            // a helper over it rests while others can answer
 *         .minimumPerTicket(3)             // ... unless fewer than 3 helpers would be alerted
 *         .maxPerTicket(15)                // the nearest 45 rotate, least recently alerted first
 *         .coolDown(Duration.ofDays(7))    // no re-alert of the same helpers for the same tool
 *         .ticketsPerDay(5)
 *         .build();
 * }</pre>
 *
 * @param perHelperPerWeek most alerts per helper over any 7 days (helpers over it are alerted only to reach
 *                         {@code minimumPerTicket}), at least 1
 * @param minimumPerTicket helpers alerted per ticket even over their weekly cap, when that many qualify (never
 *                         more than {@code maxPerTicket}), at least 1
 * @param maxPerTicket     most helpers alerted per ticket ({@link Integer#MAX_VALUE}: no cap); under a cap the
 *                         least recently alerted among the {@code 3 × maxPerTicket} nearest go first, at least 1
 * @param coolDown         time during which a requester does not re-alert the helpers they alerted for the same
 *                         tool; zero turns it off, never negative
 * @param ticketsPerDay    most tickets one requester opens over any 24 hours, at least 1
 */
public record AlertLimits(int perHelperPerWeek, int minimumPerTicket, int maxPerTicket, Duration coolDown,
                          int ticketsPerDay) {

    /**
     * Checks each limit.
     *
     * @param perHelperPerWeek most alerts per helper over any 7 days, at least 1
     * @param minimumPerTicket helpers alerted per ticket even over their weekly cap, at least 1
     * @param maxPerTicket     most helpers alerted per ticket, at least 1
     * @param coolDown         no re-alert of the same helpers for the same tool within it, zero or positive
     * @param ticketsPerDay    most tickets per requester over 24 hours, at least 1
     * @throws IllegalArgumentException naming the limit out of range
     */
    public AlertLimits {
        atLeastOne("perHelperPerWeek", perHelperPerWeek);
        atLeastOne("minimumPerTicket", minimumPerTicket);
        atLeastOne("maxPerTicket", maxPerTicket);
        atLeastOne("ticketsPerDay", ticketsPerDay);
        if (coolDown == null || coolDown.isNegative()) {
            throw new IllegalArgumentException("alert limits: coolDown must be zero or positive, was " + coolDown);
        }
    }

    /**
     * ShareNum's defaults: 20 alerts per helper per week, at least 3 and at most every qualified helper per ticket,
     * a cool-down of 7 days, 5 tickets per requester per day.
     *
     * @return the default limits
     */
    public static AlertLimits defaults() {
        return new AlertLimits(20, 3, Integer.MAX_VALUE, Duration.ofDays(7), 5);
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
     * A builder starting from these limits.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Whether the host caps the helpers alerted per ticket.
     *
     * @return false when {@link #maxPerTicket()} is {@link Integer#MAX_VALUE}
     */
    public boolean capsTickets() {
        return maxPerTicket != Integer.MAX_VALUE;
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("alert limits: " + name + " must be at least 1, was " + value);
        }
    }

    /** Builds {@link AlertLimits} by name; every value is checked by {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private int perHelperPerWeek;
        private int minimumPerTicket;
        private int maxPerTicket;
        private Duration coolDown;
        private int ticketsPerDay;

        private Builder(AlertLimits from) {
            perHelperPerWeek = from.perHelperPerWeek;
            minimumPerTicket = from.minimumPerTicket;
            maxPerTicket = from.maxPerTicket;
            coolDown = from.coolDown;
            ticketsPerDay = from.ticketsPerDay;
        }

        /**
         * Most alerts per helper over any 7 days; default 20.
         *
         * @param max at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder perHelperPerWeek(int max) {
            this.perHelperPerWeek = max;
            return this;
        }

        /**
         * Helpers alerted per ticket even over their weekly cap, when that many qualify; default 3.
         *
         * @param min at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder minimumPerTicket(int min) {
            this.minimumPerTicket = min;
            return this;
        }

        /**
         * Most helpers alerted per ticket; default {@link Integer#MAX_VALUE} (no cap).
         *
         * @param max at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxPerTicket(int max) {
            this.maxPerTicket = max;
            return this;
        }

        /**
         * Time during which a requester does not re-alert the same helpers for the same tool; default 7 days.
         *
         * @param coolDown zero (off) or positive (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException when null
         */
        public Builder coolDown(Duration coolDown) {
            this.coolDown = Objects.requireNonNull(coolDown, "coolDown");
            return this;
        }

        /**
         * Most tickets one requester opens over any 24 hours; default 5.
         *
         * @param max at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder ticketsPerDay(int max) {
            this.ticketsPerDay = max;
            return this;
        }

        /**
         * The limits.
         *
         * @return the limits
         * @throws IllegalArgumentException naming the limit out of range
         */
        public AlertLimits build() {
            return new AlertLimits(perHelperPerWeek, minimumPerTicket, maxPerTicket, coolDown, ticketsPerDay);
        }
    }
}
