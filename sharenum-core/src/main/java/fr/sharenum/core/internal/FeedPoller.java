package fr.sharenum.core.internal;

import fr.sharenum.core.internal.feed.ChangeFollower;
import fr.sharenum.spi.ShareNumStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps one instance's follower of the change feed caught up in the background: a poll every interval (the
 * catch-up after a lost connection or a restart), an immediate catch-up whenever the store signals a commit
 * (PostgreSQL {@code LISTEN}), and pruning of old changes now and then.
 *
 * <p>The tasks run on a few daemon threads shared by every instance in the JVM and hold their follower weakly: an
 * instance its host forgot without closing it stops being polled once collected.
 */
final class FeedPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
    private static final ScheduledExecutorService SHARED = Background.SHARED;

    private final ScheduledFuture<?> poll;
    private final ScheduledFuture<?> prune;
    private final AutoCloseable listening;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private volatile boolean failing;

    private FeedPoller(WeakReference<ChangeFollower> follower, ShareNumStore store, Duration interval, Duration pruneEvery) {
        long every = Math.max(1, interval.toMillis());
        this.poll = SHARED.scheduleWithFixedDelay(() -> catchUp(follower), every, every, TimeUnit.MILLISECONDS);
        long pruneMillis = Math.max(1, pruneEvery.toMillis());
        this.prune = SHARED.scheduleWithFixedDelay(() -> prune(follower), pruneMillis, pruneMillis, TimeUnit.MILLISECONDS);
        AutoCloseable l;
        try {
            l = store.listenForChanges(() -> {
                if (signalled.compareAndSet(false, true)) {
                    SHARED.execute(() -> {
                        signalled.set(false);
                        catchUp(follower);
                    });
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("change feed: the store cannot signal commits ({}); following by polling every {} ms", e.getMessage(), every);
            l = () -> { };
        }
        this.listening = l;
    }

    static FeedPoller start(ChangeFollower follower, ShareNumStore store, Duration interval, Duration pruneEvery) {
        return new FeedPoller(new WeakReference<>(follower), store, interval, pruneEvery);
    }

    private void catchUp(WeakReference<ChangeFollower> ref) {
        ChangeFollower follower = ref.get();
        if (follower == null) {
            close();
            return;
        }
        try {
            follower.catchUp();
            if (failing) {
                failing = false;
                LOG.info("change feed: following again, at {}", follower.applied());
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("change feed: cannot be read ({}); retrying at every poll", e.toString());
            }
        }
    }

    private void prune(WeakReference<ChangeFollower> ref) {
        ChangeFollower follower = ref.get();
        if (follower == null) {
            close();
            return;
        }
        try {
            follower.prune();
        } catch (RuntimeException e) {
            LOG.debug("change feed: pruning failed ({}); retried later", e.toString());
        }
    }

    @Override
    public void close() {
        poll.cancel(false);
        prune.cancel(false);
        try {
            listening.close();
        } catch (Exception e) {
            LOG.debug("change feed: closing the commit signal failed", e);
        }
    }
}
