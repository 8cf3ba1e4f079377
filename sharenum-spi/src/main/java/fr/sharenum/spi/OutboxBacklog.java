package fr.sharenum.spi;

import fr.sharenum.model.InvalidValueException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How much the outbox holds, counted by the store (for health checks and gauges, without reading the notifications).
 *
 * @param waiting       entries waiting for a delivery or being delivered (PENDING and SENDING), held ones included
 * @param dead          dead letters
 * @param oldestWaiting when the oldest waiting entry was recorded, or {@code null} when none waits
 */
public record OutboxBacklog(long waiting, long dead, Instant oldestWaiting) {

    /** Nothing in the outbox. */
    public static final OutboxBacklog EMPTY = new OutboxBacklog(0, 0, null);

    /**
     * Checks the counts.
     *
     * @param waiting       entries waiting for a delivery or being delivered
     * @param dead          dead letters
     * @param oldestWaiting when the oldest waiting entry was recorded, or {@code null} when none waits
     */
    public OutboxBacklog {
        if (waiting < 0 || dead < 0) {
            throw new InvalidValueException("outbox", "counts must be zero or more");
        }
        if ((waiting == 0) != (oldestWaiting == null)) {
            throw new InvalidValueException("oldestWaiting", "is given exactly when something waits");
        }
    }

    /**
     * How long the oldest waiting entry has waited.
     *
     * @param now the current instant
     * @return its age (zero if recorded after {@code now}), or empty when nothing waits
     */
    public Optional<Duration> oldestAge(Instant now) {
        if (oldestWaiting == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(oldestWaiting, now);
        return Optional.of(age.isNegative() ? Duration.ZERO : age);
    }
}
