package fr.sharenum.geo.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What a query reads of one topic (a tool's skills, a followed tool or a theme), published whole by
 * one volatile write ({@link Topic#state}):
 *
 * <ul>
 *   <li>a packed base: the topic's <em>pairs</em> (a site where someone is posted under the topic)
 *       in Morton order of their sites; pair {@code p}'s members are
 *       {@code members[start[p] .. start[p+1])}, EXPERIENCED first, then INTERMEDIATE, then NOVICE
 *       (for a skill), each section sorted by member id, so a pair read front to back is already in
 *       {@code Match.ORDER}; {@code cuts[2p]} and {@code cuts[2p+1]} end the first two sections;</li>
 *   <li>one {@link PackedTree} per minimum level ({@code trees[L]} holds the pairs with a member at
 *       level ≥ L, listed by {@code items[L]}; {@code items[0]} is every pair), so that a query for
 *       experienced members never visits a site that has none;</li>
 *   <li>the changes since the base was packed: {@code overrides[p]}, when set, replaces pair
 *       {@code p}'s members (a bucket: {@code {nExperienced, nIntermediate, slots…}}); pairs
 *       {@code n .. n+newCount-1} are sites that got their first member since (their buckets are
 *       in {@code overrides}, their sites in {@code newSite}); {@code extra[L]} lists base pairs that
 *       gained a member at level ≥ L they had none of.</li>
 * </ul>
 *
 * Everything here is immutable but the contents of {@code overrides}, which only the writer sets (a
 * volatile store), before publishing any state that needs them.
 */
final class TopicState {

    static final int LEVELS = 3;
    static final int SAMPLE_SHIFT = 5;
    static final int SAMPLE = 1 << SAMPLE_SHIFT;

    final boolean leveled;
    final int n;
    final int[] site;
    final int[] start;
    /**
     * Section ends: narrow (one int per pair, {@code nExperienced << 16 | (nExperienced + nIntermediate)}
     * relative to {@code start[p]}) unless a pair holds 65,536 members or more at those levels, then
     * wide (two absolute offsets per pair); null for an unleveled topic. Read through {@link #cutE}.
     */
    final int[] cuts;
    final boolean wide;
    final int[] members;
    final PackedTree[] trees;
    final int[][] items;
    final AtomicReferenceArray<int[]> overrides;
    /** Every {@value #SAMPLE}th pair's Morton key and site, so that the writer finds a pair in cache. */
    final long[] sampleKey;
    final int[] sampleSite;
    final int newCount;
    final int[] newSite;
    final int[][] extra;
    final int[] extraCount;

    TopicState(boolean leveled, int n, int[] site, int[] start, int[] cuts, boolean wide, int[] members,
               PackedTree[] trees, int[][] items, AtomicReferenceArray<int[]> overrides, long[] sampleKey,
               int[] sampleSite, int newCount, int[] newSite, int[][] extra, int[] extraCount) {
        this.sampleKey = sampleKey;
        this.sampleSite = sampleSite;
        this.leveled = leveled;
        this.n = n;
        this.site = site;
        this.start = start;
        this.cuts = cuts;
        this.wide = wide;
        this.members = members;
        this.trees = trees;
        this.items = items;
        this.overrides = overrides;
        this.newCount = newCount;
        this.newSite = newSite;
        this.extra = extra;
        this.extraCount = extraCount;
    }

    static TopicState empty(boolean leveled) {
        PackedTree[] trees = new PackedTree[leveled ? LEVELS : 1];
        java.util.Arrays.fill(trees, PackedTree.EMPTY);
        return new TopicState(leveled, 0, new int[0], new int[] {0}, leveled ? new int[0] : null, false, new int[0], trees,
                new int[trees.length][], null, new long[0], new int[0], 0, new int[0], new int[LEVELS][], new int[LEVELS]);
    }

    /** The site of pair {@code p} (base or new). */
    int siteOf(int p) {
        return p < n ? site[p] : newSite[p - n];
    }

    /** The bucket replacing pair {@code p}, or null when its base members stand. */
    int[] override(int p) {
        return overrides == null ? null : overrides.get(p);
    }

    /**
     * The pair of {@code s}, or -1: binary search of the base by (Morton code, site), then the new
     * pairs. Writer only (readers never look pairs up).
     */
    int find(int s, long[] morton) {
        long key = morton[s];
        // the block: the last sample not after (key, s)
        int lo = 0;
        int hi = sampleKey.length - 1;
        int block = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compareUnsigned(sampleKey[mid], key);
            if (c == 0) {
                c = Integer.compare(sampleSite[mid], s);
            }
            if (c <= 0) {
                block = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        lo = block < 0 ? n : block << SAMPLE_SHIFT;
        hi = block < 0 ? n - 1 : Math.min(n, lo + SAMPLE) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int ms = site[mid];
            int c = Long.compareUnsigned(morton[ms], key);
            if (c == 0) {
                c = Integer.compare(ms, s);
            }
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        for (int i = 0; i < newCount; i++) {
            if (newSite[i] == s) {
                return n + i;
            }
        }
        return -1;
    }

    /** End of the EXPERIENCED section of base pair {@code p} (leveled topics). */
    int cutE(int p) {
        return wide ? cuts[2 * p] : start[p] + (cuts[p] >>> 16);
    }

    /** End of the INTERMEDIATE section of base pair {@code p} (leveled topics). */
    int cutI(int p) {
        return wide ? cuts[2 * p + 1] : start[p] + (cuts[p] & 0xFFFF);
    }

    /** Members of pair {@code p} at level ≥ {@code level} in its base segment. */
    int baseCount(int p, int level) {
        if (!leveled || level == 0) {
            return start[p + 1] - start[p];
        }
        return (level == 2 ? cutE(p) : cutI(p)) - start[p];
    }

    /** The current members of pair {@code p} as a new bucket {@code {nExp, nInt, slots…}}. Writer only. */
    int[] bucketCopy(int p) {
        int[] o = override(p);
        if (o != null) {
            return o.clone();
        }
        if (p >= n) {
            return new int[] {0, 0};
        }
        int from = start[p];
        int to = start[p + 1];
        int[] b = new int[2 + to - from];
        if (leveled) {
            b[0] = cutE(p) - from;
            b[1] = cutI(p) - cutE(p);
        }
        System.arraycopy(members, from, b, 2, to - from);
        return b;
    }
}
