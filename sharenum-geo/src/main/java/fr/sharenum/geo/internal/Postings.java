package fr.sharenum.geo.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The buckets of one topic, indexed by site slot. Readers get the current array with one volatile
 * read and each bucket with one volatile read; writers (holding the engine's write lock) replace
 * buckets and grow the array by copying it.
 */
final class Postings {
    final boolean leveled;
    private volatile AtomicReferenceArray<MemberNode[]> buckets;

    Postings(boolean leveled, int capacity) {
        this.leveled = leveled;
        this.buckets = new AtomicReferenceArray<>(Math.max(16, capacity));
    }

    /** The current buckets; a query reads this once. */
    AtomicReferenceArray<MemberNode[]> buckets() {
        return buckets;
    }

    MemberNode[] get(int slot) {
        AtomicReferenceArray<MemberNode[]> b = buckets;
        return slot < b.length() ? b.get(slot) : null;
    }

    // --- writer side (engine write lock held)

    void add(int slot, MemberNode node, int level) {
        AtomicReferenceArray<MemberNode[]> b = ensure(slot);
        MemberNode[] current = b.get(slot);
        b.set(slot, leveled ? Buckets.withLeveled(current, node, level) : Buckets.with(current, node));
    }

    /** Removes the node if present; returns whether it was. */
    boolean remove(int slot, MemberNode node) {
        AtomicReferenceArray<MemberNode[]> b = buckets;
        if (slot >= b.length()) {
            return false;
        }
        MemberNode[] current = b.get(slot);
        MemberNode[] next = Buckets.without(current, node, leveled);
        if (next == current) {
            return false;
        }
        b.set(slot, next);
        return true;
    }

    /** Sets a whole bucket (bulk load; the array must already be large enough, see {@link #ensureCapacity}). */
    void set(int slot, MemberNode[] bucket) {
        buckets.set(slot, bucket);
    }

    void ensureCapacity(int sites) {
        if (sites > 0) {
            ensure(sites - 1);
        }
    }

    private AtomicReferenceArray<MemberNode[]> ensure(int slot) {
        AtomicReferenceArray<MemberNode[]> b = buckets;
        if (slot < b.length()) {
            return b;
        }
        AtomicReferenceArray<MemberNode[]> grown = new AtomicReferenceArray<>(Math.max(slot + 1, b.length() * 2));
        for (int i = 0; i < b.length(); i++) {
            grown.lazySet(i, b.get(i));
        }
        buckets = grown;
        return grown;
    }
}
