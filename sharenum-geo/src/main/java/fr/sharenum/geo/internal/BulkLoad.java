package fr.sharenum.geo.internal;

import fr.sharenum.model.MemberId;
import fr.sharenum.spi.MatchCandidate;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.IntStream;

/**
 * Loads an empty engine in one go: positions numbered in Morton order, members given slots site by
 * site (by id within a site, so that a site's members are neighbours in memory and already in result
 * order), then every topic's pairs written in a single pass over the sites — exactly sized arrays, no
 * per-member object — and packed. If the same member comes more than once, the last one wins.
 */
final class BulkLoad {

    private final GeoIndex engine;

    BulkLoad(GeoIndex engine) {
        this.engine = engine;
    }

    void load(Collection<MatchCandidate> candidates) {
        MatchCandidate[] cands = lastOfEach(candidates.toArray(new MatchCandidate[0]));
        int n = cands.length;
        // ---- sites: distinct positions, registered in Morton order
        int[] posOf = new int[n];
        double[] lats = new double[Math.max(16, n / 8)];
        double[] lons = new double[lats.length];
        int positions = 0;
        int[] table = new int[tableSize(n)];
        int mask = table.length - 1;
        for (int i = 0; i < n; i++) {
            double la = cands[i].location().latitude();
            double lo = cands[i].location().longitude();
            int h = mix(Double.doubleToLongBits(la + 0.0) * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(lo + 0.0)) & mask;
            while (true) {
                int v = table[h];
                if (v == 0) {
                    if (positions == lats.length) {
                        lats = Arrays.copyOf(lats, positions * 2);
                        lons = Arrays.copyOf(lons, positions * 2);
                    }
                    lats[positions] = la;
                    lons[positions] = lo;
                    table[h] = ++positions;
                    posOf[i] = positions - 1;
                    break;
                }
                if (lats[v - 1] == la && lons[v - 1] == lo) {
                    posOf[i] = v - 1;
                    break;
                }
                h = (h + 1) & mask;
            }
        }
        table = null;
        Sites sites = engine.sites();
        int[] siteOfPos = sites.appendAll(lats, lons, positions);
        int siteCount = sites.count();
        // ---- members: by site, then by id
        int[] siteStart = new int[siteCount + 1];
        for (int i = 0; i < n; i++) {
            siteStart[siteOfPos[posOf[i]] + 1]++;
        }
        for (int s = 0; s < siteCount; s++) {
            siteStart[s + 1] += siteStart[s];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(siteStart, siteCount);
        for (int i = 0; i < n; i++) {
            order[fill[siteOfPos[posOf[i]]]++] = i;
        }
        fill = null;
        MemberId[] ids = new MemberId[n];
        for (int s = 0; s < siteCount; s++) {
            sortById(order, siteStart[s], siteStart[s + 1], cands, ids);
        }
        Slots slots = engine.slots();
        slots.ensureCapacity(n);
        int[] siteOfSlot = new int[n];
        for (int s = 0; s < siteCount; s++) {
            for (int k = siteStart[s]; k < siteStart[s + 1]; k++) {
                MatchCandidate c = cands[order[k]];
                slots.add(c.member(), c.establishment(), s);
                siteOfSlot[k] = s;
            }
        }
        // ---- posting codes per slot, counts per topic
        long total = 0;
        for (MatchCandidate c : cands) {
            total += GeoIndex.postingCount(c);
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too many postings for one engine: " + total);
        }
        int[] codes = new int[(int) total];
        int[] codeStart = new int[n + 1];
        int w = 0;
        for (int slot = 0; slot < n; slot++) {
            MatchCandidate c = cands[order[slot]];
            codeStart[slot] = w;
            engine.codesInto(c, codes, w);
            w += GeoIndex.postingCount(c);
        }
        codeStart[n] = w;
        cands = null;
        int topics = engine.topicCount();
        int[] pairs = new int[topics];
        int[] postings = new int[topics];
        int[] lastSite = new int[topics];
        Arrays.fill(lastSite, -1);
        for (int slot = 0; slot < n; slot++) {
            int s = siteOfSlot[slot];
            for (int k = codeStart[slot]; k < codeStart[slot + 1]; k++) {
                int t = codes[k] >>> 2;
                postings[t]++;
                if (lastSite[t] != s) {
                    lastSite[t] = s;
                    pairs[t]++;
                }
            }
        }
        // ---- one pass over the sites writes every topic's pairs
        boolean[] leveled = new boolean[topics];
        int[][] tSite = new int[topics][];
        int[][] tStart = new int[topics][];
        int[][] tCuts = new int[topics][];
        int[][] tMembers = new int[topics][];
        for (int t = 0; t < topics; t++) {
            leveled[t] = engine.topicById(t).leveled;
            tSite[t] = new int[pairs[t]];
            tStart[t] = new int[pairs[t] + 1];
            tCuts[t] = leveled[t] ? new int[2 * pairs[t]] : null;
            tMembers[t] = new int[postings[t]];
        }
        int[] pc = new int[topics];
        int[] mc = new int[topics];
        int[][] lists = new int[topics * 3][];
        int[] counts = new int[topics * 3];
        int[] touched = new int[topics];
        boolean[] isTouched = new boolean[topics];
        int[][] siteTopics = new int[Math.max(siteCount, 256)][];
        for (int s = 0; s < siteCount; s++) {
            int nt = 0;
            for (int slot = siteStart[s]; slot < siteStart[s + 1]; slot++) {
                for (int k = codeStart[slot]; k < codeStart[slot + 1]; k++) {
                    int t = codes[k] >>> 2;
                    int list = t * 3 + (codes[k] & 3);
                    if (!isTouched[t]) {
                        isTouched[t] = true;
                        touched[nt++] = t;
                    }
                    int[] l = lists[list];
                    if (l == null) {
                        l = lists[list] = new int[16];
                    } else if (counts[list] == l.length) {
                        l = lists[list] = Arrays.copyOf(l, l.length * 2);
                    }
                    l[counts[list]++] = slot;
                }
            }
            Arrays.sort(touched, 0, nt);
            siteTopics[s] = Arrays.copyOf(touched, nt);
            for (int x = 0; x < nt; x++) {
                int t = touched[x];
                isTouched[t] = false;
                int p = pc[t]++;
                int m = mc[t];
                tSite[t][p] = s;
                tStart[t][p] = m;
                int[] out = tMembers[t];
                for (int level = 2; level >= 0; level--) {
                    int list = t * 3 + level;
                    int c = counts[list];
                    if (c > 0) {
                        System.arraycopy(lists[list], 0, out, m, c);
                        m += c;
                        counts[list] = 0;
                    }
                    if (leveled[t] && level > 0) {
                        tCuts[t][2 * p + 2 - level] = m;
                    }
                }
                mc[t] = m;
            }
        }
        codes = null;
        Sites.Snapshot snapshot = sites.snapshot();
        IntStream.range(0, topics).parallel().forEach(t -> {
            tStart[t][pairs[t]] = postings[t];
            engine.topicById(t).install(Topic.pack(leveled[t], pairs[t], tSite[t], tStart[t], tCuts[t], tMembers[t], snapshot));
        });
        engine.setSiteTopics(siteTopics);
    }

    /** The candidates in input order, keeping only the last one of each member. */
    private static MatchCandidate[] lastOfEach(MatchCandidate[] cands) {
        int n = cands.length;
        int[] table = new int[tableSize(n)];
        int mask = table.length - 1;
        boolean duplicates = false;
        for (int i = 0; i < n; i++) {
            MemberId id = cands[i].member();
            int h = mix(id.hashCode()) & mask;
            while (table[h] != 0 && !cands[table[h] - 1].member().equals(id)) {
                h = (h + 1) & mask;
            }
            duplicates |= table[h] != 0;
            table[h] = i + 1;
        }
        if (!duplicates) {
            return cands;
        }
        MatchCandidate[] kept = new MatchCandidate[n];
        int k = 0;
        for (int v : table) {
            if (v != 0) {
                kept[k++] = cands[v - 1];
            }
        }
        return Arrays.copyOf(kept, k);
    }

    private static int tableSize(int n) {
        return Integer.highestOneBit(Math.max(16, n) * 2) * 2;
    }

    private static int mix(long h) {
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }

    /** Sorts {@code order[from..to)} (candidate indexes) by member id: insertion for small runs, else merge. */
    private static void sortById(int[] order, int from, int to, MatchCandidate[] cands, MemberId[] scratch) {
        if (to - from <= 32) {
            for (int i = from + 1; i < to; i++) {
                int x = order[i];
                MemberId id = cands[x].member();
                int j = i - 1;
                while (j >= from && cands[order[j]].member().compareTo(id) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = x;
            }
            return;
        }
        Integer[] boxed = new Integer[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = order[i];
        }
        Arrays.sort(boxed, (a, b) -> cands[a].member().compareTo(cands[b].member()));
        for (int i = from; i < to; i++) {
            order[i] = boxed[i - from];
        }
    }
}
