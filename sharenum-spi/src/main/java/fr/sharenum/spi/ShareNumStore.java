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
}
