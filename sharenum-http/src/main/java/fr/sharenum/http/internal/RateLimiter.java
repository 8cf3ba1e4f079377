package fr.sharenum.http.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a member, an address): {@code perMinute} requests a minute, in bursts of as many.
 * Thread-safe; at most 100,000 keys are tracked (full buckets are forgotten first).
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;
    private final double capacity;
    private final double perNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** @param perMinute requests allowed a minute, at least 1 */
    public RateLimiter(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1");
        }
        this.capacity = perMinute;
        this.perNano = perMinute / 60e9;
    }

    /**
     * Takes one token.
     *
     * @param key whose bucket
     * @return 0 when allowed, else the seconds to wait
     */
    public long acquire(String key) {
        long now = System.nanoTime();
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(b -> b.tokens + (now - b.at) * perNano >= capacity);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (b) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }
}
