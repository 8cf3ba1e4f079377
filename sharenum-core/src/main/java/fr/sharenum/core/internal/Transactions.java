package fr.sharenum.core.internal;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The unit of work a workflow runs in: store transactions whose changes reach the change feed, retried on
 * conflicts, and the catch-up with other instances before a read of derived state. {@link Engine} provides it.
 */
interface Transactions {

    /**
     * Applies what other instances committed so far, before a read of derived state (matching, indicators).
     */
    void freshen();

    /**
     * Runs {@code work} in one store transaction; once committed, derived state has applied its changes.
     *
     * @param work the transaction's work
     * @param <T>  what it returns
     * @return what {@code work} returned
     */
    <T> T tx(Function<Tx, T> work);

    /**
     * Retries {@code work} a few times when a concurrent writer changed the same record.
     *
     * @param work a transaction that re-reads what it changes
     * @param <T>  what it returns
     * @return what {@code work} returned
     */
    <T> T retryingConflicts(Supplier<T> work);

    /**
     * Reads, changes and stores a record in one transaction, retrying on conflicts; sends the notifications the step
     * collected once committed.
     *
     * @param record how the record is read and saved
     * @param step   the change
     * @param <V>    the record type
     * @return the record as saved
     */
    <V> V change(Engine.Versioned<V> record, Engine.Step<V> step);
}
