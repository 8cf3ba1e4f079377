package fr.sharenum.geo.internal;

import fr.sharenum.model.MemberId;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One topic — a tool's skills (leveled), a followed tool or a theme — and its current
 * {@link TopicState}. Queries read {@link #state} once; the writer (engine write lock held) replaces
 * single pairs' buckets copy-on-write through {@link #put}, appends sites that get their first member,
 * and packs a new base when the changes grow past a fraction of it ({@link #rebuild}).
 */
final class Topic {

    final int id;
    final boolean leveled;
    volatile TopicState state;

    /** Base pairs that have an override (writer). */
    private int overridden;
    /** Whether a base pair is already in {@code extra[L]} (writer), by level; allocated on demand. */
    private boolean[][] inExtra = new boolean[TopicState.LEVELS][];

    Topic(int id, boolean leveled) {
        this.id = id;
        this.leveled = leveled;
        this.state = TopicState.empty(leveled);
    }

    // ================================================================= packing a base

    /**
     * A state over packed pairs (sites in Morton order) and no changes.
     *
     * @param cuts absolute section ends, two per pair; null for an unleveled topic
     */
    static TopicState pack(boolean leveled, int n, int[] site, int[] start, int[] cuts, int[] members,
                           Sites.Snapshot s) {
        int[] packedCuts = cuts;
        boolean wide = false;
        if (leveled) {
            for (int p = 0; p < n && !wide; p++) {
                wide = cuts[2 * p + 1] - start[p] > 0xFFFF;
            }
            if (!wide) {
                packedCuts = new int[n];
                for (int p = 0; p < n; p++) {
                    packedCuts[p] = (cuts[2 * p] - start[p]) << 16 | (cuts[2 * p + 1] - start[p]);
                }
            }
        }
        int levels = leveled ? TopicState.LEVELS : 1;
        PackedTree[] trees = new PackedTree[levels];
        int[][] items = new int[levels][];
        trees[0] = PackedTree.build(n, null, site, s.lat, s.lon);
        for (int level = 1; level < levels; level++) {
            int m = 0;
            for (int p = 0; p < n; p++) {
                if (cuts[2 * p + 2 - level] > start[p]) {
                    m++;
                }
            }
            int[] list = new int[m];
            m = 0;
            for (int p = 0; p < n; p++) {
                if (cuts[2 * p + 2 - level] > start[p]) {
                    list[m++] = p;
                }
            }
            items[level] = list;
            trees[level] = PackedTree.build(m, list, site, s.lat, s.lon);
        }
        int samples = (n + TopicState.SAMPLE - 1) >> TopicState.SAMPLE_SHIFT;
        long[] sampleKey = new long[samples];
        int[] sampleSite = new int[samples];
        for (int k = 0; k < samples; k++) {
            sampleSite[k] = site[k << TopicState.SAMPLE_SHIFT];
            sampleKey[k] = s.morton[sampleSite[k]];
        }
        return new TopicState(leveled, n, site, start, packedCuts, wide, members, trees, items, null, sampleKey, sampleSite, 0, new int[0],
                new int[TopicState.LEVELS][], new int[TopicState.LEVELS]);
    }

    /** Installs a freshly packed state (bulk load or rebuild). */
    void install(TopicState packed) {
        overridden = 0;
        inExtra = new boolean[TopicState.LEVELS][];
        state = packed;
    }

    // ================================================================= writer: buckets

    /** Number of members at level ≥ {@code level} in bucket {@code b}. */
    static int count(int[] b, int level) {
        return level == 2 ? b[0] : level == 1 ? b[0] + b[1] : b.length - 2;
    }

    /** The level of {@code slot} in bucket {@code b}, or -1. */
    static int levelIn(int[] b, int slot) {
        for (int i = 2; i < b.length; i++) {
            if (b[i] == slot) {
                return i < 2 + b[0] ? 2 : i < 2 + b[0] + b[1] ? 1 : 0;
            }
        }
        return -1;
    }

    /** The level of {@code slot} in pair {@code p} of {@code st}, or -1. */
    static int levelIn(TopicState st, int p, int slot) {
        int[] o = st.override(p);
        if (o != null) {
            return levelIn(o, slot);
        }
        if (p >= st.n) {
            return -1;
        }
        int[] m = st.members;
        for (int i = st.start[p], end = st.start[p + 1]; i < end; i++) {
            if (m[i] == slot) {
                if (!st.leveled) {
                    return 0;
                }
                return i < st.cutE(p) ? 2 : i < st.cutI(p) ? 1 : 0;
            }
        }
        return -1;
    }

    /** A copy of {@code b} without {@code slot} ({@code b} itself when absent). */
    static int[] without(int[] b, int slot) {
        for (int i = 2; i < b.length; i++) {
            if (b[i] == slot) {
                int[] out = new int[b.length - 1];
                System.arraycopy(b, 0, out, 0, i);
                System.arraycopy(b, i + 1, out, i, b.length - i - 1);
                if (i < 2 + b[0]) {
                    out[0]--;
                } else if (i < 2 + b[0] + b[1]) {
                    out[1]--;
                }
                return out;
            }
        }
        return b;
    }

    /** A copy of {@code b} with {@code slot} at {@code level}, in id order within its section. */
    static int[] with(int[] b, int slot, int level, MemberId[] ids) {
        int from = level == 2 ? 2 : level == 1 ? 2 + b[0] : 2 + b[0] + b[1];
        int to = level == 2 ? 2 + b[0] : level == 1 ? 2 + b[0] + b[1] : b.length;
        MemberId id = ids[slot];
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ids[b[mid]].compareTo(id) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int[] out = new int[b.length + 1];
        System.arraycopy(b, 0, out, 0, lo);
        out[lo] = slot;
        System.arraycopy(b, lo, out, lo + 1, b.length - lo);
        if (level == 2) {
            out[0]++;
        } else if (level == 1) {
            out[1]++;
        }
        return out;
    }

    /**
     * Sets the members of the pair at {@code site} to {@code bucket} (creating the pair if the site
     * has none), publishing before returning. Writer only.
     */
    void put(int site, int[] bucket, Sites.Snapshot sites) {
        TopicState st = state;
        int p = st.find(site, sites.morton);
        if (p < 0 && bucket.length == 2) {
            return; // nobody to post where nobody was
        }
        if (p < 0 && st.n + st.newCount >= capacity(st)) {
            rebuild(sites);
            st = state;
        }
        AtomicReferenceArray<int[]> ov = st.overrides;
        boolean republish = false;
        if (ov == null) {
            ov = new AtomicReferenceArray<>(st.n + spare(st.n));
            republish = true;
        }
        int newCount = st.newCount;
        int[] newSite = st.newSite;
        int[][] extra = st.extra;
        int[] extraCount = st.extraCount;
        if (p < 0) {
            p = st.n + newCount;
            if (newCount == newSite.length) {
                newSite = Arrays.copyOf(newSite, Math.max(8, newCount * 2));
            }
            newSite[newCount++] = site;
            republish = true;
        } else if (p < st.n) {
            if (ov.get(p) == null) {
                overridden++;
            }
            for (int level = 1; st.leveled && level < TopicState.LEVELS; level++) {
                if (count(bucket, level) > 0 && st.baseCount(p, level) == 0 && !inExtra(level, p, st.n)) {
                    if (extra == st.extra) {
                        extra = extra.clone();
                        extraCount = extraCount.clone();
                    }
                    int[] list = extra[level] == null ? new int[8] : extra[level];
                    if (extraCount[level] == list.length) {
                        list = Arrays.copyOf(list, list.length * 2);
                    }
                    list[extraCount[level]++] = p;
                    extra[level] = list;
                    inExtra[level][p] = true;
                    republish = true;
                }
            }
        }
        ov.set(p, bucket);
        if (republish) {
            state = new TopicState(st.leveled, st.n, st.site, st.start, st.cuts, st.wide, st.members, st.trees, st.items, ov,
                    st.sampleKey, st.sampleSite, newCount, newSite, extra, extraCount);
        }
        TopicState now = state;
        int delta = now.newCount + now.extraCount[1] + now.extraCount[2];
        if (delta > Math.max(32, now.n >> 4) || overridden > Math.max(64, now.n >> 1)) {
            rebuild(sites);
        }
    }

    private boolean inExtra(int level, int p, int n) {
        if (inExtra[level] == null) {
            inExtra[level] = new boolean[n];
        }
        return inExtra[level][p];
    }

    private static int spare(int n) {
        return Math.max(32, n >> 4) + 2;
    }

    private static int capacity(TopicState st) {
        return st.overrides == null ? st.n + spare(st.n) : st.overrides.length();
    }

    // ================================================================= writer: packing again

    /** Packs the current pairs (base with overrides, plus new pairs) into a new base, dropping empty ones. */
    void rebuild(Sites.Snapshot sites) {
        TopicState st = state;
        int total = st.n + st.newCount;
        // new pairs in (Morton, site) order, merged with the base which already is
        Integer[] fresh = new Integer[st.newCount];
        for (int i = 0; i < fresh.length; i++) {
            fresh[i] = st.n + i;
        }
        long[] morton = sites.morton;
        Arrays.sort(fresh, (a, b) -> compare(st.siteOf(a), st.siteOf(b), morton));
        int[] order = new int[total];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < st.n || j < fresh.length) {
            if (j == fresh.length || (i < st.n && compare(st.site[i], st.siteOf(fresh[j]), morton) < 0)) {
                order[k++] = i++;
            } else {
                order[k++] = fresh[j++];
            }
        }
        int pairs = 0;
        int postings = 0;
        for (int p : order) {
            int size = size(st, p);
            if (size > 0) {
                pairs++;
                postings += size;
            }
        }
        int[] site = new int[pairs];
        int[] start = new int[pairs + 1];
        int[] cuts = leveled ? new int[2 * pairs] : null;
        int[] members = new int[postings];
        int q = 0;
        int w = 0;
        for (int p : order) {
            if (size(st, p) == 0) {
                continue;
            }
            site[q] = st.siteOf(p);
            start[q] = w;
            int[] o = st.override(p);
            if (o != null) {
                System.arraycopy(o, 2, members, w, o.length - 2);
                if (leveled) {
                    cuts[2 * q] = w + o[0];
                    cuts[2 * q + 1] = w + o[0] + o[1];
                }
                w += o.length - 2;
            } else {
                int from = st.start[p];
                int len = st.start[p + 1] - from;
                System.arraycopy(st.members, from, members, w, len);
                if (leveled) {
                    cuts[2 * q] = w + st.cutE(p) - from;
                    cuts[2 * q + 1] = w + st.cutI(p) - from;
                }
                w += len;
            }
            q++;
        }
        start[pairs] = w;
        install(pack(leveled, pairs, site, start, cuts, members, sites));
    }

    private static int size(TopicState st, int p) {
        int[] o = st.override(p);
        if (o != null) {
            return o.length - 2;
        }
        return p < st.n ? st.start[p + 1] - st.start[p] : 0;
    }

    static int compare(int siteA, int siteB, long[] morton) {
        int c = Long.compareUnsigned(morton[siteA], morton[siteB]);
        return c != 0 ? c : Integer.compare(siteA, siteB);
    }
}
