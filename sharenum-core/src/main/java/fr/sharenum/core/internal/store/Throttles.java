package fr.sharenum.core.internal.store;

import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sliding-window counters kept in the store, so that every instance sees the same count: taking a slot is
 * a compare-and-set on the counter's document, and of two concurrent takers one retries.
 */
public final class Throttles {

    /**
     * The times a counter was taken within its window.
     *
     * @param key   what is counted, e.g. {@code resend-member|<id>}
     * @param taken when, oldest first
     */
    public record Counter(String key, List<Instant> taken) {
        public Counter {
            taken = List.copyOf(taken);
        }
    }

    static final DocCollection<Counter> COUNTERS = new DocCollection<>("throttle", Counter.class, Counter::key, c -> Map.of());

    private Throttles() {
    }

    /**
     * Takes one slot of {@code key}, at most {@code max} within {@code window} before {@code now}.
     *
     * @param d       the transaction's kernel
     * @param key     what is counted
     * @param max     slots per window
     * @param window  the sliding window
     * @param now     the time of the call
     * @param refusal builds the exception thrown when no slot is left, given when the oldest slot frees up
     * @throws fr.sharenum.model.VersionConflictException when a concurrent caller took a slot at the same time
     */
    public static void take(Documents d, String key, int max, Duration window, Instant now,
                            Function<Instant, RuntimeException> refusal) {
        Optional<Doc> doc = COUNTERS.doc(d, key);
        List<Instant> recent = new ArrayList<>();
        if (doc.isPresent()) {
            for (Instant t : Codec.read(doc.get().body(), Counter.class).taken()) {
                if (t.isAfter(now.minus(window))) {
                    recent.add(t);
                }
            }
        }
        if (recent.size() >= max) {
            throw refusal.apply(recent.get(0).plus(window));
        }
        recent.add(now);
        Counter next = new Counter(key, recent);
        if (doc.isPresent()) {
            COUNTERS.replace(d, next, doc.get().version());
        } else {
            try {
                COUNTERS.insert(d, next);
            } catch (DuplicateException e) {
                // a concurrent caller took the first slot: retried like any conflict
                throw new VersionConflictException("counter " + key + " was created concurrently");
            }
        }
    }

    /**
     * Refuses, without taking anything, when no slot of {@code key} is left (an early check before work that
     * {@link #take} will then guard).
     *
     * @param d       the transaction's kernel
     * @param key     what is counted
     * @param max     slots per window
     * @param window  the sliding window
     * @param now     the time of the call
     * @param refusal builds the exception thrown when no slot is left, given when the oldest slot frees up
     */
    public static void check(Documents d, String key, int max, Duration window, Instant now,
                             Function<Instant, RuntimeException> refusal) {
        Optional<Doc> doc = COUNTERS.doc(d, key);
        if (doc.isEmpty()) {
            return;
        }
        List<Instant> recent = Codec.read(doc.get().body(), Counter.class).taken().stream()
                .filter(t -> t.isAfter(now.minus(window))).toList();
        if (recent.size() >= max) {
            throw refusal.apply(recent.get(0).plus(window));
        }
    }

    /**
     * Forgets a counter (the member it counts for was erased).
     *
     * @param d   the transaction's kernel
     * @param key what was counted
     */
    public static void forget(Documents d, String key) {
        COUNTERS.delete(d, key);
    }
}
