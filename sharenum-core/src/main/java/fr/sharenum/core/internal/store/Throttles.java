package fr.sharenum.core.internal.store;

import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Sliding-window counters kept in the store, so that every instance sees the same count: taking a slot is
 * a compare-and-set on the counter's document, and of two concurrent takers one retries.
 *
 * <p>A counter's document (collection {@code throttle}, keyed by what is counted) holds the times its slots were taken
 * within the window, in microseconds since the epoch, oldest first: {@code {"us":[1788253200000000,…]}} — read and
 * written without a JSON library, since an event's announcement takes one slot for each of thousands of members. The
 * first form, {@code {"key":…,"taken":["2026-09-01T08:00:00Z",…]}} ({@link Counter}), is still read; a counter is
 * rewritten in the compact form the next time a slot is taken.
 */
public final class Throttles {

    /**
     * The first form of a counter's document, still read (counters written before the compact form).
     *
     * @param key   what is counted, e.g. {@code resend-member|<id>}
     * @param taken when, oldest first
     */
    public record Counter(String key, List<Instant> taken) {
        /**
         * @param key   what is counted, e.g. {@code resend-member|<id>}
         * @param taken when, oldest first
         */
        public Counter {
            taken = List.copyOf(taken);
        }
    }

    static final String COLLECTION = "throttle";
    private static final String COMPACT = "{\"us\":[";

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
        Optional<Doc> doc = d.get(COLLECTION, key);
        long[] recent = recent(doc.orElse(null), window, now);
        if (recent.length >= max) {
            throw refusal.apply(freesAt(recent, window));
        }
        write(d, key, doc.orElse(null), recent, now);
    }

    /**
     * Reads every counter of {@code keys} in one batched read ({@link Documents#getAll}) and keeps those with a slot
     * left, so that a caller checks something else before taking a slot ({@link Open#take}) — taking the slots of some
     * of them is the same as {@link #take} called once for each of those.
     *
     * @param d      the transaction's kernel
     * @param keys   what is counted, one counter per key (duplicates counted once)
     * @param max    slots per window
     * @param window the sliding window
     * @param now    the time of the call
     * @return the counters with a slot left
     */
    public static Open open(Documents d, Collection<String> keys, int max, Duration window, Instant now) {
        Collection<String> unique = keys instanceof Set<String> set ? set : new LinkedHashSet<>(keys);
        Map<String, Doc> stored = d.getAll(COLLECTION, unique);
        Map<String, long[]> open = new LinkedHashMap<>();
        for (String key : unique) {
            if (!open.containsKey(key)) {
                long[] recent = recent(stored.get(key), window, now);
                if (recent.length < max) {
                    open.put(key, recent);
                }
            }
        }
        return new Open(d, stored, open, now);
    }

    /** Counters read by {@link #open} with a slot left, in the order of their keys. */
    public static final class Open {
        private final Documents d;
        private final Map<String, Doc> stored;
        private final Map<String, long[]> recent;
        private final Instant now;

        private Open(Documents d, Map<String, Doc> stored, Map<String, long[]> recent, Instant now) {
            this.d = d;
            this.stored = stored;
            this.recent = recent;
            this.now = now;
        }

        /** @return the keys of the counters that had a slot left when read, in the order given (those taken since included) */
        public Set<String> keys() {
            return Collections.unmodifiableSet(recent.keySet());
        }

        /**
         * Takes a slot of one of them, once.
         *
         * @param key one of {@link #keys()}
         * @throws IllegalArgumentException when {@code key} has no slot left or was taken already
         * @throws fr.sharenum.model.VersionConflictException when a concurrent caller took a slot of it
         */
        public void take(String key) {
            long[] slots = recent.get(key);
            if (slots == null) {
                throw new IllegalArgumentException("no slot left to take for " + key);
            }
            recent.put(key, null);
            write(d, key, stored.get(key), slots, now);
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
        long[] recent = recent(d.get(COLLECTION, key).orElse(null), window, now);
        if (recent.length >= max) {
            throw refusal.apply(freesAt(recent, window));
        }
    }

    /**
     * Forgets a counter (the member it counts for was erased).
     *
     * @param d   the transaction's kernel
     * @param key what was counted
     */
    public static void forget(Documents d, String key) {
        d.delete(COLLECTION, key);
    }

    /** When the oldest of {@code recent} frees up. */
    private static Instant freesAt(long[] recent, Duration window) {
        return instant(recent[0]).plus(window);
    }

    /** The slots of a counter's document still within {@code window} before {@code now}, oldest first. */
    static long[] recent(Doc doc, Duration window, Instant now) {
        if (doc == null) {
            return new long[0];
        }
        long[] all = times(doc.body());
        long after = micros(now.minus(window));
        int first = 0;
        while (first < all.length && all[first] <= after) {
            first++;
        }
        return first == 0 ? all : Arrays.copyOfRange(all, first, all.length);
    }

    /** Writes {@code recent} and {@code now} as the counter's new version. */
    private static void write(Documents d, String key, Doc doc, long[] recent, Instant now) {
        long[] next = Arrays.copyOf(recent, recent.length + 1);
        next[recent.length] = micros(now);
        String body = body(next);
        if (doc != null) {
            d.replace(COLLECTION, doc.next(Map.of(), body), doc.version());
        } else {
            try {
                d.insert(COLLECTION, Doc.of(key, Map.of(), body));
            } catch (DuplicateException e) {
                // a concurrent caller took the first slot: retried like any conflict
                throw new VersionConflictException("counter " + key + " was created concurrently");
            }
        }
    }

    /** The compact body: {@code {"us":[t1,t2,…]}}. */
    static String body(long[] micros) {
        StringBuilder b = new StringBuilder(COMPACT.length() + 18 * micros.length + 2).append(COMPACT);
        for (int i = 0; i < micros.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(micros[i]);
        }
        return b.append("]}").toString();
    }

    /** The times of a counter's body, in either form, oldest first. */
    static long[] times(String body) {
        if (!body.startsWith(COMPACT)) {
            List<Instant> taken = Codec.read(body, Counter.class).taken();
            long[] out = new long[taken.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = micros(taken.get(i));
            }
            return out;
        }
        int end = body.indexOf(']', COMPACT.length());
        if (end < 0) {
            throw new IllegalStateException("a stored counter cannot be read back: " + body);
        }
        long[] out = new long[8];
        int n = 0;
        int i = COMPACT.length();
        while (i < end) {
            int comma = body.indexOf(',', i);
            int stop = comma < 0 || comma > end ? end : comma;
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = Long.parseLong(body, i, stop, 10);
            i = stop + 1;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** Microseconds since the epoch (a time is kept to the microsecond: finer is dropped). */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
