package fr.sharenum.core.internal;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The few daemon threads every instance in the JVM shares for its periodic work (following the change feed,
 * looking for due notifications, renewing delivery leases). A task holds its owner weakly: an instance its host
 * forgot without closing it stops being served once it is collected.
 */
final class Background {
    private static final AtomicInteger THREADS = new AtomicInteger();
    static final ScheduledExecutorService SHARED = Executors.newScheduledThreadPool(
            Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors())), r -> {
                Thread t = new Thread(r, "sharenum-background-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private Background() {
    }

    /**
     * Runs {@code task} on {@code owner} every {@code period} (the first time after one period), as long as the owner
     * is reachable and the returned future is not cancelled.
     */
    static <T> ScheduledFuture<?> every(Duration period, T owner, Consumer<T> task) {
        WeakReference<T> ref = new WeakReference<>(owner);
        long millis = Math.max(1, period.toMillis());
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        ScheduledFuture<?> f = SHARED.scheduleWithFixedDelay(() -> {
            T o = ref.get();
            if (o == null) {
                ScheduledFuture<?> me = self.get();
                if (me != null) {
                    me.cancel(false);
                }
                return;
            }
            task.accept(o);
        }, millis, millis, TimeUnit.MILLISECONDS);
        self.set(f);
        return f;
    }
}
