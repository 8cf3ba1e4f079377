package fr.sharenum.spi;

import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Notification;

import java.time.Instant;

/**
 * A notification in the transactional outbox: recorded in the same transaction as the state change
 * that caused it, delivered after the commit, retried with backoff until the notifier takes it, kept
 * as a dead letter when it never does. Its key is {@link Notification#id()}, the idempotency key.
 *
 * @param notification  what to deliver
 * @param status        {@link Status#PENDING} until claimed, {@link Status#SENDING} while a deliverer holds it, removed
 *                      once delivered, {@link Status#DEAD} when given up
 * @param attempts      deliveries that failed so far
 * @param nextAttemptAt when it may be tried (again); while {@link Status#SENDING}, the end of the deliverer's lease
 * @param lastError     why the last attempt failed (the exception's kind and message), or {@code null}
 * @param createdAt     when the state change was committed
 * @param version       optimistic-concurrency version, from 1: a deliverer claims an entry by bumping it
 */
public record OutboxEntry(Notification notification, Status status, int attempts, Instant nextAttemptAt,
                          String lastError, Instant createdAt, long version) {

    /** Where an entry is in its life. */
    public enum Status {
        /** Waiting for its (next) delivery. */
        PENDING,
        /**
         * Claimed by a deliverer, which renews its lease while the send runs; claimable again only once the lease
         * has ended (the deliverer died).
         */
        SENDING,
        /** Given up: a permanent failure, or too many transient ones. Inspect and retry by hand. */
        DEAD
    }

    /**
     * Checks and normalises the components.
     *
     * @param notification what to deliver
     * @param status {@link Status#PENDING} until delivered (then removed) or {@link Status#DEAD}
     * @param attempts deliveries tried so far
     * @param nextAttemptAt when it may be tried (again); while a delivery is in flight, the end of its lease
     * @param lastError why the last attempt failed (the exception's kind and message), or {@code null}
     * @param createdAt when the state change was committed
     * @param version optimistic-concurrency version, from 1: a deliverer claims an entry by bumping it
     */
    public OutboxEntry {
        if (notification == null) {
            throw new InvalidValueException("notification", "is required");
        }
        if (status == null || nextAttemptAt == null || createdAt == null) {
            throw new InvalidValueException("outbox", "status, nextAttemptAt and createdAt are required");
        }
        if (attempts < 0 || version < 1) {
            throw new InvalidValueException("outbox", "attempts must be >= 0 and version >= 1");
        }
    }

    /**
     * A new pending entry, first tried at {@code firstAttemptAt}.
     *
     * @param notification the notification
     * @param createdAt the created at
     * @param firstAttemptAt the first attempt at
     * @return a new pending entry, first tried at {@code firstAttemptAt}
     */
    public static OutboxEntry pending(Notification notification, Instant createdAt, Instant firstAttemptAt) {
        return new OutboxEntry(notification, Status.PENDING, 0, firstAttemptAt, null, createdAt, 1);
    }

    /**
     * The idempotency key.
     *
     * @return the idempotency key
     */
    public String id() {
        return notification.id();
    }

    /**
     * This entry claimed (or its claim renewed) for a delivery until {@code leaseEnd} (next version).
     *
     * @param leaseEnd the lease end
     * @return this entry claimed for a delivery until {@code leaseEnd} (next version)
     */
    public OutboxEntry claimedUntil(Instant leaseEnd) {
        return new OutboxEntry(notification, Status.SENDING, attempts, leaseEnd, lastError, createdAt, version + 1);
    }

    /**
     * This entry, waiting for a retry, made due now (an operator's "retry now").
     *
     * @param now the moment it becomes due
     * @return the entry, PENDING and due at {@code now} (next version)
     */
    public OutboxEntry dueAt(Instant now) {
        return new OutboxEntry(notification, Status.PENDING, attempts, now, lastError, createdAt, version + 1);
    }

    /**
     * After a failed attempt: retried at {@code next}, or dead (next version).
     *
     * @param error the error
     * @param next the next
     * @param dead whether dead
     * @return the failed
     */
    public OutboxEntry failed(String error, Instant next, boolean dead) {
        return new OutboxEntry(notification, dead ? Status.DEAD : Status.PENDING, attempts + 1, next, error, createdAt,
                version + 1);
    }

    /**
     * A dead letter given another chance now (next version, attempts reset).
     *
     * @param now the current instant
     * @return a dead letter given another chance now (next version, attempts reset)
     */
    public OutboxEntry revived(Instant now) {
        return new OutboxEntry(notification, Status.PENDING, 0, now, lastError, createdAt, version + 1);
    }
}
