package fr.sharenum.core.internal;

import fr.sharenum.model.VersionConflictException;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Retries of workflow steps that lost a race on a record they re-read (offers, registrations, expiry): a conflict
 * there is not the caller's fault. Exponential backoff with full jitter — a random wait up to 1, 2, 4 … 64 ms — so
 * that writers colliding on one record spread out instead of colliding again in step, for as long as
 * {@link #BUDGET} allows: a crowd of N writers on one record needs about N rounds, so the budget is in time, not in
 * attempts. Past it (a record changed without pause for that long) the conflict reaches the caller.
 */
final class Backoff {
    /** How long a step keeps retrying before the conflict is handed to the caller. */
    static final Duration BUDGET = Duration.ofSeconds(15);
    private static final long FIRST_NANOS = 1_000_000;
    private static final long LONGEST_NANOS = 64_000_000;

    private Backoff() {
    }

    static <T> T retrying(Supplier<T> work) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        long ceiling = FIRST_NANOS;
        while (true) {
            try {
                return work.get();
            } catch (VersionConflictException e) {
                if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(ceiling));
            ceiling = Math.min(LONGEST_NANOS, ceiling * 2);
        }
    }
}
