package fr.sharenum.core.internal.feed;

import fr.sharenum.spi.Change;
import fr.sharenum.core.internal.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Follows the change feed for one instance: applies every change, in number order and exactly once, to what the
 * instance derives from the store (its matching engine, indicator aggregates, caches), and reloads them from one
 * consistent snapshot at start or when it fell behind the pruned part of the feed.
 *
 * <p>Thread-safe: one lock orders application; {@link #catchUpTo} returns once the given number is applied, so a
 * writer sees its own change in derived state when its call returns. Failures to read the feed (the database is
 * down) are left to the next call or the background poll, which re-reads from the last number applied.
 */
public final class ChangeFollower {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);
    private static final int PAGE = 1_000;

    /** Where derived state lives and how it is rebuilt; implemented by the engine's wiring. */
    public interface Target {
        /**
         * Forgets everything and rebuilds from the store.
         *
         * @param snapshot a read-only transaction on one consistent snapshot of the store
         */
        void reload(Tx snapshot);

        /**
         * Applies one change.
         *
         * @param change the change, numbered
         */
        void apply(Change change);

        /**
         * @return whether a change just applied needs derived state rebuilt from the store (asked after each page of
         *         changes; a rebuild happens at once)
         */
        default boolean rebuildNeeded() {
            return false;
        }
    }

    /** The store as the follower reads it: one transaction per call. */
    public interface Feed {
        /**
         * @param read what to read (or prune) in the feed
         * @param <T>  the result
         * @return the result, in one transaction of its own
         */
        <T> T read(Function<Tx, T> read);

        /**
         * @param work a read of the whole store
         * @param <T>  the result
         * @return its result, read on one consistent snapshot
         */
        <T> T snapshot(Function<Tx, T> work);
    }

    private final Feed feed;
    private final Target target;
    private final Clock clock;
    private final Duration retention;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long applied;
    private volatile Instant lastCaughtUp = Instant.EPOCH;
    /** Numbers applied with their time, oldest first, to know what is old enough to prune. */
    private final ArrayDeque<long[]> marks = new ArrayDeque<>();
    private long reloads;

    /**
     * @param feed      reads the feed and the store
     * @param target    what to keep in step
     * @param clock     the instance's clock
     * @param retention how long changes are kept in the feed before {@link #prune()} removes them
     */
    public ChangeFollower(Feed feed, Target target, Clock clock, Duration retention) {
        this.feed = feed;
        this.target = target;
        this.clock = clock;
        this.retention = retention;
    }

    /** Rebuilds derived state from the store and follows the feed from there. */
    public void reload() {
        lock.lock();
        try {
            rebuild();
            catchUpLocked();
        } finally {
            lock.unlock();
        }
    }

    /** @return the number of the last change applied */
    public long applied() {
        return applied;
    }

    /** @return how many times derived state was rebuilt (1 after start) */
    public long reloads() {
        return reloads;
    }

    /** @return when the follower last found nothing more to apply */
    public Instant lastCaughtUp() {
        return lastCaughtUp;
    }

    /**
     * Applies every change committed so far.
     *
     * @throws RuntimeException what reading the feed threw (nothing is lost: the next call resumes)
     */
    public void catchUp() {
        lock.lock();
        try {
            catchUpLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once the change numbered {@code seq} is applied (at once when it already is).
     *
     * @param seq a number returned by an append
     */
    public void catchUpTo(long seq) {
        if (applied >= seq) {
            return;
        }
        catchUp();
    }

    private void rebuild() {
        long head = feed.snapshot(t -> {
            long h = t.feedHead();
            target.reload(t);
            return h;
        });
        applied = head;
        marks.clear();
        reloads++;
    }

    private void catchUpLocked() {
        while (true) {
            if (target.rebuildNeeded()) {
                // asked by the target (a failed background load, an engine that cannot move members), even when the
                // feed is quiet
                rebuild();
            }
            long from = applied;
            List<Change> page = feed.read(t -> t.changesAfter(from, PAGE));
            if (page.isEmpty()) {
                lastCaughtUp = clock.instant();
                return;
            }
            if (page.get(0).seq() != from + 1) {
                // the changes we needed were pruned: we were away longer than the retention
                LOG.warn("change feed: changes {} to {} were pruned before this instance applied them; rebuilding from the store",
                        from + 1, page.get(0).seq() - 1);
                rebuild();
                continue;
            }
            for (Change c : page) {
                if (c.seq() != applied + 1) {
                    throw new IllegalStateException("change feed out of order: " + c.seq() + " after " + applied);
                }
                try {
                    target.apply(c);
                } catch (RuntimeException e) {
                    // a change this version cannot read must not stop the instance: log it and move on
                    LOG.error("change feed: change {} ({} {}) could not be applied", c.seq(), c.kind(), c.key(), e);
                }
                applied = c.seq();
                mark(c);
            }
            if (target.rebuildNeeded()) {
                rebuild();
            }
        }
    }

    private void mark(Change c) {
        long[] last = marks.peekLast();
        long minute = c.at().getEpochSecond() / 60;
        if (last != null && last[1] == minute) {
            last[0] = c.seq();
        } else {
            marks.addLast(new long[] {c.seq(), minute});
            if (marks.size() > 100_000) {
                marks.removeFirst();
            }
        }
    }

    /**
     * Removes from the feed the changes applied here that are older than the retention (every instance that
     * follows the feed applies them within seconds; one that was stopped longer rebuilds from the store).
     *
     * @return how many changes were removed
     */
    public int prune() {
        long upTo;
        lock.lock();
        try {
            long cutoff = clock.instant().minus(retention).getEpochSecond() / 60;
            upTo = 0;
            while (!marks.isEmpty() && marks.peekFirst()[1] < cutoff) {
                upTo = marks.removeFirst()[0];
            }
        } finally {
            lock.unlock();
        }
        if (upTo == 0) {
            return 0;
        }
        long last = upTo;
        int removed = feed.read(t -> t.pruneChanges(last));
        LOG.debug("change feed: {} changes up to {} pruned", removed, last);
        return removed;
    }
}
