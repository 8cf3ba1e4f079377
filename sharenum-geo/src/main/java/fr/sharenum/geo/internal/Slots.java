package fr.sharenum.geo.internal;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.MemberSlots;

import java.util.Arrays;

/**
 * Members interned to int slots. A slot stands for one member at one establishment and one site, for
 * good: the member id and establishment of a slot never change, so a query that read a slot in a
 * bucket can always name it. A member who changes establishment or site gets a new slot (the old one
 * is retired); a member who leaves keeps theirs, inactive, and gets it back if they return unchanged.
 *
 * <p>Readers see {@link #ids()} and {@link #establishments()} (volatile arrays, read after the buckets
 * that name the slots); everything else is the writer's (engine write lock).
 */
final class Slots implements MemberSlots {

    private volatile MemberId[] ids = new MemberId[256];
    private volatile Uai[] establishments = new Uai[256];
    private int[] siteOf = new int[256];
    /**
     * Per slot, a 64-bit filter of the topics it is posted under (bit {@code topic & 63}): the writer
     * looks for a member's postings only in the topics whose bit is set (writer only).
     */
    private long[] topicMask = new long[256];
    private boolean[] active = new boolean[256];
    private int count;
    private int activeCount;
    /** Open addressing: latest slot of a member id + 1, 0 when free. */
    private volatile int[] table = new int[1024];

    MemberId[] ids() {
        return ids;
    }

    Uai[] establishments() {
        return establishments;
    }

    int count() {
        return count;
    }

    @Override
    public MemberId member(int slot) {
        return ids[slot];
    }

    @Override
    public Uai establishment(int slot) {
        return establishments[slot];
    }

    int activeCount() {
        return activeCount;
    }

    // ------------------------------------------------------------- reader side (any thread)

    /**
     * The latest slot of {@code id}, or -1. Safe from any thread; a slot being created concurrently
     * may be missed (queries detect that through the engine's change counter).
     */
    int lookup(MemberId id) {
        int[] t = table;
        MemberId[] names = ids;
        int mask = t.length - 1;
        for (int i = spread(id.value().hashCode()) & mask; ; i = (i + 1) & mask) {
            int v = t[i];
            if (v == 0) {
                return -1;
            }
            int slot = v - 1;
            if (slot < names.length && same(id, names[slot])) {
                return slot;
            }
        }
    }

    // ------------------------------------------------------------- writer side

    boolean isActive(int slot) {
        return active[slot];
    }

    int siteOf(int slot) {
        return siteOf[slot];
    }

    Uai establishmentOf(int slot) {
        return establishments[slot];
    }

    long topicMask(int slot) {
        return topicMask[slot];
    }

    void topicMask(int slot, long mask) {
        topicMask[slot] = mask;
    }

    static long topicBit(int topic) {
        return 1L << (topic & 63);
    }

    void deactivate(int slot) {
        if (active[slot]) {
            active[slot] = false;
            activeCount--;
        }
    }

    void activate(int slot) {
        if (!active[slot]) {
            active[slot] = true;
            activeCount++;
        }
    }

    /** A new active slot, now the latest of {@code id}. */
    int add(MemberId id, Uai establishment, int site) {
        int slot = count;
        if (slot == siteOf.length) {
            grow(slot * 2);
        }
        ids[slot] = id;
        establishments[slot] = establishment;
        siteOf[slot] = site;
        active[slot] = true;
        count = slot + 1;
        activeCount++;
        point(id, slot);
        return slot;
    }

    /** Room for {@code capacity} slots (bulk load). */
    void ensureCapacity(int capacity) {
        if (capacity > siteOf.length) {
            grow(capacity);
        }
        int size = Integer.highestOneBit(Math.max(512, capacity) * 2) * 2;
        if (size > table.length) {
            rehash(size);
        }
    }

    /**
     * A new active slot for a member known to have none (bulk load into an empty engine, ids
     * distinct): no comparison of ids.
     */
    int addNew(MemberId id, int hash, Uai establishment, int site) {
        int slot = count;
        ids[slot] = id;
        establishments[slot] = establishment;
        siteOf[slot] = site;
        active[slot] = true;
        count = slot + 1;
        activeCount++;
        int[] t = table;
        int mask = t.length - 1;
        int i = spread(hash) & mask;
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        t[i] = slot + 1;
        return slot;
    }

    static boolean same(MemberId a, MemberId b) {
        return a == b || (b != null && a.value().equals(b.value()));
    }

    private void grow(int capacity) {
        siteOf = Arrays.copyOf(siteOf, capacity);
        topicMask = Arrays.copyOf(topicMask, capacity);
        active = Arrays.copyOf(active, capacity);
        // readers may hold the old arrays: they only read slots that existed when they read them
        establishments = Arrays.copyOf(establishments, capacity);
        ids = Arrays.copyOf(ids, capacity);
    }

    /** Makes {@code slot} the latest slot of {@code id}. */
    private void point(MemberId id, int slot) {
        int[] t = table;
        if ((count + 1) * 2 > t.length) {
            t = rehash(t.length * 2);
        }
        MemberId[] names = ids;
        int mask = t.length - 1;
        int i = spread(id.value().hashCode()) & mask;
        while (t[i] != 0 && !same(id, names[t[i] - 1])) {
            i = (i + 1) & mask;
        }
        t[i] = slot + 1;
    }

    private int[] rehash(int capacity) {
        int[] old = table;
        int[] t = new int[capacity];
        MemberId[] names = ids;
        int mask = capacity - 1;
        for (int v : old) {
            if (v != 0) {
                int i = spread(names[v - 1].value().hashCode()) & mask;
                while (t[i] != 0) {
                    i = (i + 1) & mask;
                }
                t[i] = v;
            }
        }
        table = t;
        return t;
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
