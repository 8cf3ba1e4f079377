package fr.sharenum.geo.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Buckets of one topic, indexed by site slot. Readers get the current array with one volatile read
 * and each bucket with one volatile read; writers (holding the engine's write lock) replace buckets
 * and grow the array by copying it.
 */
final class Postings {
    final boolean leveled;
    private volatile AtomicReferenceArray<Bucket> buckets;

    Postings(boolean leveled, int capacity) {
        this.leveled = leveled;
        this.buckets = new AtomicReferenceArray<>(Math.max(16, capacity));
    }

    /** The current buckets; a query reads this once. */
    AtomicReferenceArray<Bucket> buckets() {
        return buckets;
    }

    // --- writer side (engine write lock held)

    void add(int slot, MemberRef ref, int level) {
        AtomicReferenceArray<Bucket> b = ensure(slot);
        b.set(slot, Bucket.with(b.get(slot), ref, level, leveled));
    }

    void remove(int slot, MemberRef ref) {
        AtomicReferenceArray<Bucket> b = buckets;
        if (slot < b.length()) {
            b.set(slot, Bucket.without(b.get(slot), ref));
        }
    }

    void set(int slot, Bucket bucket) {
        ensure(slot).set(slot, bucket);
    }

    private AtomicReferenceArray<Bucket> ensure(int slot) {
        AtomicReferenceArray<Bucket> b = buckets;
        if (slot < b.length()) {
            return b;
        }
        AtomicReferenceArray<Bucket> grown = new AtomicReferenceArray<>(Math.max(slot + 1, b.length() * 2));
        for (int i = 0; i < b.length(); i++) {
            grown.lazySet(i, b.get(i));
        }
        buckets = grown;
        return grown;
    }
}
