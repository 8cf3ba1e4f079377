package fr.sharenum;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox retries a notification the notifier refused, and how long one delivery attempt holds its entry:
 * at most {@code maxAttempts} attempts (then a dead letter), waiting {@code firstRetry} then doubling up to
 * {@code longestRetry}; an instance sending an entry holds it for {@code lease} (renewed every third of it while
 * the send runs), after which another instance may take it over — so an attempt whose instance died is retried
 * when its lease ends. Given to {@link ShareNum.Builder#notificationRetries(NotificationRetries)}.
 *
 * @param maxAttempts  attempts before a dead letter, 1–100
 * @param firstRetry   wait before the first retry, positive; doubled at each attempt
 * @param longestRetry longest wait between two attempts, at least {@code firstRetry}
 * @param lease        how long a deliverer holds an entry it is sending, at least one second and at most
 *                     {@code longestRetry}
 */
public record NotificationRetries(int maxAttempts, Duration firstRetry, Duration longestRetry, Duration lease) {

    /**
     * Checks each value and their combinations.
     *
     * @param maxAttempts  attempts before a dead letter, 1–100
     * @param firstRetry   wait before the first retry, positive
     * @param longestRetry longest wait between two attempts, at least {@code firstRetry}
     * @param lease        hold of an entry being sent, at least one second and at most {@code longestRetry}
     * @throws IllegalArgumentException naming the value out of range, or both values of a combination that does not
     *                                  hold ({@code longestRetry} shorter than {@code firstRetry}, {@code lease}
     *                                  longer than {@code longestRetry})
     */
    public NotificationRetries {
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("notification retries: maxAttempts must be between 1 and 100, was " + maxAttempts);
        }
        positive("firstRetry", firstRetry);
        positive("longestRetry", longestRetry);
        if (longestRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("notification retries: longestRetry (" + longestRetry
                    + ") must not be shorter than firstRetry (" + firstRetry + ")");
        }
        if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("notification retries: lease must be at least one second, was " + lease);
        }
        if (lease.compareTo(longestRetry) > 0) {
            throw new IllegalArgumentException("notification retries: lease (notificationLease, " + lease
                    + ") must not be longer than longestRetry (notificationRetries, " + longestRetry + "): an attempt whose"
                    + " instance died is retried only when its lease ends, later than the longest wait between attempts");
        }
    }

    /**
     * ShareNum's defaults: 8 attempts, 30 seconds then doubling up to 6 hours, a lease of 2 minutes.
     *
     * @return the default retries
     */
    public static NotificationRetries defaults() {
        return new NotificationRetries(8, Duration.ofSeconds(30), Duration.ofHours(6), Duration.ofMinutes(2));
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

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("notification retries: " + name + " must be a positive duration, was " + d);
        }
    }

    /** Builds {@link NotificationRetries} by name; every value is checked by {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts;
        private Duration firstRetry;
        private Duration longestRetry;
        private Duration lease;

        private Builder(NotificationRetries from) {
            maxAttempts = from.maxAttempts;
            firstRetry = from.firstRetry;
            longestRetry = from.longestRetry;
            lease = from.lease;
        }

        /**
         * Attempts before a dead letter; default 8.
         *
         * @param attempts 1–100 (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Wait before the first retry, doubled at each attempt; default 30 seconds.
         *
         * @param wait positive (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException when null
         */
        public Builder firstRetry(Duration wait) {
            this.firstRetry = Objects.requireNonNull(wait, "firstRetry");
            return this;
        }

        /**
         * Longest wait between two attempts; default 6 hours.
         *
         * @param wait at least the first retry (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException when null
         */
        public Builder longestRetry(Duration wait) {
            this.longestRetry = Objects.requireNonNull(wait, "longestRetry");
            return this;
        }

        /**
         * How long a deliverer holds an entry it is sending; default 2 minutes.
         *
         * @param lease at least one second, at most the longest retry (checked by {@link #build()})
         * @return this builder
         * @throws NullPointerException when null
         */
        public Builder lease(Duration lease) {
            this.lease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /**
         * The retries.
         *
         * @return the retries
         * @throws IllegalArgumentException as {@link NotificationRetries#NotificationRetries}
         */
        public NotificationRetries build() {
            return new NotificationRetries(maxAttempts, firstRetry, longestRetry, lease);
        }
    }
}
