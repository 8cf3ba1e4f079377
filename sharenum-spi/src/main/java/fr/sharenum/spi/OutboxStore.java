package fr.sharenum.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The transactional outbox of notifications. Part of a {@link StoreTransaction}. */
public interface OutboxStore {

    /**
     * Records a notification to deliver once this transaction commits. An entry with the same notification id
     * already present is left as it is (the id is an idempotency key).
     *
     * @param entry the entry, at version 1
     */
    void enqueue(OutboxEntry entry);

    /**
     * @param notificationId an entry's id
     * @return the entry, if present
     */
    Optional<OutboxEntry> get(String notificationId);

    /**
     * @param now   the moment
     * @param limit at most this many
     * @return PENDING and SENDING entries with {@code nextAttemptAt} at or before {@code now} (for SENDING ones: whose
     *         lease has ended), earliest first (then by id)
     */
    List<OutboxEntry> due(Instant now, int limit);

    /**
     * Claims due entries for delivery: like {@link #due}, but entries another transaction is claiming at the same
     * time are skipped rather than waited for or conflicted on (PostgreSQL's {@code FOR UPDATE SKIP LOCKED}).
     * The default is {@link #due}: the claim itself ({@link #update}) decides between two deliverers.
     *
     * @param now   the moment
     * @param limit at most this many
     * @return the entries this transaction may claim
     */
    default List<OutboxEntry> claimable(Instant now, int limit) {
        return due(now, limit);
    }

    /**
     * Replaces an entry whose stored version is {@code expectedVersion}; {@code entry.version()} is
     * {@code expectedVersion + 1}.
     *
     * @param entry           the new version
     * @param expectedVersion the version read
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such entry
     */
    void update(OutboxEntry entry, long expectedVersion);

    /**
     * Removes a delivered entry; nothing when absent.
     *
     * @param notificationId the entry's id
     */
    void delete(String notificationId);

    /**
     * @param limit at most this many
     * @return DEAD entries, oldest first
     */
    List<OutboxEntry> dead(int limit);

    /**
     * Counts what the outbox holds. The default reads every entry ({@link #due} and {@link #dead}); a store that can
     * count without reading the notifications (one aggregate query) should.
     *
     * @return the waiting entries (PENDING and SENDING, due or not), the dead letters, and the oldest waiting entry's
     *         creation
     */
    default OutboxBacklog backlog() {
        List<OutboxEntry> waiting = due(Instant.MAX, Integer.MAX_VALUE);
        Instant oldest = waiting.stream().map(OutboxEntry::createdAt).min(Instant::compareTo).orElse(null);
        return new OutboxBacklog(waiting.size(), dead(Integer.MAX_VALUE).size(), oldest);
    }
}
