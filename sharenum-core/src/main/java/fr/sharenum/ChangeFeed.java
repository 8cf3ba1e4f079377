package fr.sharenum;

import java.time.Duration;

/**
 * How an instance follows the change feed, through which every instance on one store sees the others' changes
 * (see {@code docs/deployment.md}): it polls the feed every {@code pollInterval} (and at once when the store
 * signals a commit, as PostgreSQL does), and changes older than {@code retention} are pruned — an instance
 * stopped for longer rebuilds from the store when it comes back. Whatever the poll, an instance catches up after
 * each of its own writes and before each matching or indicator read. Given to
 * {@link ShareNum.Builder#changeFeed(ChangeFeed)}.
 *
 * @param pollInterval how often to poll, zero (no background poll) or positive, shorter than {@code retention}
 * @param retention    how long changes are kept, at least one minute
 */
public record ChangeFeed(Duration pollInterval, Duration retention) {

    /**
     * Checks each value and that a poll comes before the changes it reads are pruned.
     *
     * @param pollInterval how often to poll, zero or positive, shorter than {@code retention}
     * @param retention    how long changes are kept, at least one minute
     * @throws IllegalArgumentException naming the value out of range, or both when the poll interval is not shorter
     *                                  than the retention (every poll would find the changes pruned and rebuild)
     */
    public ChangeFeed {
        if (pollInterval == null || pollInterval.isNegative()) {
            throw new IllegalArgumentException("change feed: pollInterval must be zero or positive, was " + pollInterval);
        }
        if (retention == null || retention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("change feed: retention must be at least one minute, was " + retention);
        }
        if (pollInterval.compareTo(retention) >= 0) {
            throw new IllegalArgumentException("change feed: pollInterval (" + pollInterval + ") must be shorter than retention ("
                    + retention + "): changes would be pruned before an instance polls them");
        }
    }

    /**
     * ShareNum's defaults: a poll every 250 ms, changes kept 1 day.
     *
     * @return the default
     */
    public static ChangeFeed defaults() {
        return new ChangeFeed(Duration.ofMillis(250), Duration.ofDays(1));
    }

    /**
     * A feed polled every {@code pollInterval}, changes kept {@code retention}.
     *
     * @param pollInterval how often to poll, zero or positive
     * @param retention    how long changes are kept, at least one minute
     * @return the settings
     * @throws IllegalArgumentException as {@link ChangeFeed#ChangeFeed}
     */
    public static ChangeFeed of(Duration pollInterval, Duration retention) {
        return new ChangeFeed(pollInterval, retention);
    }
}
