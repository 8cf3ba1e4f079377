package fr.sharenum.spi;

import java.util.function.Function;

/**
 * Persistence of everything ShareNum keeps: establishments, members, verifications, tickets and
 * their conversations. Implemented by the host (or the JDBC adapter); ShareNum's default keeps
 * everything in memory.
 *
 * <p>Contract (checked by the TCK in {@code sharenum-tck}, {@code ShareNumStoreContract}):
 * <ul>
 *   <li>{@link #inTransaction} runs {@code work} atomically: if it throws, nothing it wrote is
 *       visible afterwards, and the exception is rethrown unchanged;</li>
 *   <li>updates are optimistic: {@code update…(value, expectedVersion)} fails with
 *       {@link fr.sharenum.model.VersionConflictException} when the stored version differs, and the
 *       stored value then carries {@code expectedVersion + 1};</li>
 *   <li>the store is thread-safe: many transactions may run at once.</li>
 * </ul>
 *
 * <pre>{@code
 * ShareNum sharenum = ShareNum.builder().store(new MyJdbcStore(dataSource)).build();
 * }</pre>
 */
public interface ShareNumStore {

    /**
     * Runs {@code work} in one transaction and returns its result.
     *
     * @param <T> the type of t
     * @param work the work
     * @return the in transaction
     */
    <T> T inTransaction(Function<StoreTransaction, T> work);

    /**
     * Runs read-only {@code work} on one consistent snapshot: everything it reads is the state after the same set of
     * committed transactions (what an instance rebuilds its derived state from, with the change feed's head read
     * in the same snapshot). The default runs {@link #inTransaction}, which is enough for stores whose transactions
     * are serialised; a store with concurrent transactions overrides it (JDBC: REPEATABLE READ, read only).
     *
     * @param work what to read; it must not write
     * @param <T>  its result
     * @return its result
     */
    default <T> T inSnapshot(Function<StoreTransaction, T> work) {
        return inTransaction(work);
    }

    /**
     * Asks the store to call {@code onCommit} soon after any transaction, from any instance, appended to the change
     * feed — a hint for promptness only: ShareNum also polls the feed, so a store that cannot signal (the default)
     * or a signal lost with a connection delays changes by one poll at most. {@code onCommit} must return quickly.
     *
     * @param onCommit what to call; may be called from any thread, and spuriously
     * @return what stops the signals when closed
     */
    default AutoCloseable listenForChanges(Runnable onCommit) {
        return () -> { };
    }
}
