package fr.sharenum.geo.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dense integer ids for topics (tools, themes) and their {@link Postings}. Writers assign ids and
 * publish postings before the id becomes visible; readers look up without locks.
 */
final class Topics<K> {
    private final boolean leveled;
    private final ConcurrentHashMap<K, Integer> ids = new ConcurrentHashMap<>();
    private final List<K> keys = new ArrayList<>();
    private volatile Postings[] postings = new Postings[0];

    Topics(boolean leveled) {
        this.leveled = leveled;
    }

    /** Reader: the postings of {@code key}, or {@code null} when nobody was ever posted under it. */
    Postings get(K key) {
        Integer id = ids.get(key);
        return id == null ? null : postings[id];
    }

    /** The id of {@code key}, or -1. Thread-safe. */
    int existingId(K key) {
        Integer id = ids.get(key);
        return id == null ? -1 : id;
    }

    /** The id of {@code key}, assigned if new; safe to call from several loading threads at once. */
    synchronized int idOf(K key, int capacity) {
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        Postings[] current = postings;
        int next = current.length;
        Postings[] grown = Arrays.copyOf(current, next + 1);
        grown[next] = new Postings(leveled, capacity);
        postings = grown;
        keys.add(key);
        ids.put(key, next);
        return next;
    }

    /** Writer: the key of an id. */
    K key(int id) {
        return keys.get(id);
    }

    /** Postings by id. */
    Postings byId(int id) {
        return postings[id];
    }

    int size() {
        return postings.length;
    }
}
