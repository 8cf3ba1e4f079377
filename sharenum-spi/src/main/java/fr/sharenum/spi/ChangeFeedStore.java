package fr.sharenum.spi;

import java.util.List;

/**
 * The change feed: every state change that derived state depends on (matching engines, indicator aggregates,
 * caches), written by ShareNum in the transaction of the change, read back in commit order by every instance.
 * Part of a {@link StoreTransaction}.
 *
 * <p>Contract: sequence numbers grow with commit order — a change that becomes visible has a higher number than
 * every change visible before it — so a reader that remembers the last number it applied misses nothing.
 */
public interface ChangeFeedStore {

    /**
     * Appends changes, numbering them after every change committed before this transaction commits.
     *
     * @param changes the changes, in order (their {@code seq} is ignored)
     * @return the numbers given, in order
     */
    List<Long> append(List<Change> changes);

    /**
     * @param seq   the last number the reader applied
     * @param limit at most this many
     * @return changes numbered after {@code seq}, in order
     */
    List<Change> after(long seq, int limit);

    /** @return the highest number committed, 0 when the feed is empty */
    long head();

    /**
     * Forgets the changes numbered {@code upTo} and below (readers that fell further behind reload from the store).
     *
     * @param upTo the last number to forget
     * @return how many were removed
     */
    int prune(long upTo);
}
