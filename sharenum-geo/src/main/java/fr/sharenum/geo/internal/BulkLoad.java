package fr.sharenum.geo.internal;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;
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

    private static final int CHUNK = 1 << 14;

    private final GeoIndex engine;

    BulkLoad(GeoIndex engine) {
        this.engine = engine;
    }

    void load(Collection<MatchCandidate> candidates) {
        MatchCandidate[] cands = candidates.toArray(new MatchCandidate[0]);
        int n = cands.length;
        // ---- one pass in input order (the order the candidates lie in memory): everything the
        //      load needs from them, into flat arrays
        MemberId[] idOf = new MemberId[n];
        Uai[] estOf = new Uai[n];
        long[] keyOf = new long[n];
        int[] hashOf = new int[n];
        double[] latOf = new double[n];
        double[] lonOf = new double[n];
        int[] codeStart = new int[n + 1];
        int chunks = (n + CHUNK - 1) / CHUNK;
        final MatchCandidate[] all = cands;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            for (int i = chunk * CHUNK, end = Math.min(all.length, i + CHUNK); i < end; i++) {
                MatchCandidate c = all[i];
                MemberId id = c.member();
                idOf[i] = id;
                estOf[i] = c.establishment();
                String value = id.value();
                keyOf[i] = prefixKey(value);
                hashOf[i] = value.hashCode();
                latOf[i] = c.location().latitude();
                lonOf[i] = c.location().longitude();
                codeStart[i + 1] = GeoIndex.postingCount(c);
            }
        });
        for (int i = 0; i < n; i++) {
            codeStart[i + 1] += codeStart[i];
        }
        int w = codeStart[n];
        int[] codes = new int[w];
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            for (int i = chunk * CHUNK, end = Math.min(all.length, i + CHUNK); i < end; i++) {
                engine.codesInto(all[i], codes, codeStart[i]);
            }
        });
        int[] posOf = new int[n];
        double[] lats = new double[Math.max(16, n / 8)];
        double[] lons = new double[lats.length];
        int positions = 0;
        int[] posTable = new int[tableSize(n)];
        int[] idTable = new int[tableSize(n)];
        int mask = posTable.length - 1;
        boolean duplicates = false;
        for (int i = 0; i < n; i++) {
            MemberId id = idOf[i];
            int h = mix(hashOf[i]) & mask;
            while (idTable[h] != 0 && !Slots.same(id, idOf[idTable[h] - 1])) {
                h = (h + 1) & mask;
            }
            duplicates |= idTable[h] != 0;
            idTable[h] = i + 1;
            double la = latOf[i];
            double lo = lonOf[i];
            h = mix(Double.doubleToLongBits(la + 0.0) * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(lo + 0.0)) & mask;
            while (true) {
                int v = posTable[h];
                if (v == 0) {
                    if (positions == lats.length) {
                        lats = Arrays.copyOf(lats, positions * 2);
                        lons = Arrays.copyOf(lons, positions * 2);
                    }
                    lats[positions] = la;
                    lons[positions] = lo;
                    posTable[h] = ++positions;
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
        posTable = null;
        cands = null;
        // the last candidate of each member wins
        boolean[] dropped = null;
        if (duplicates) {
            dropped = new boolean[n];
            Arrays.fill(dropped, true);
            for (int v : idTable) {
                if (v != 0) {
                    dropped[v - 1] = false;
                }
            }
        }
        idTable = null;
        // ---- sites: distinct positions, registered in Morton order
        Sites sites = engine.sites();
        int[] siteOfPos = sites.appendAll(lats, lons, positions);
        int siteCount = sites.count();
        // ---- members: by site, then by id
        int[] siteStart = new int[siteCount + 1];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (dropped == null || !dropped[i]) {
                siteStart[siteOfPos[posOf[i]] + 1]++;
                kept++;
            }
        }
        for (int s = 0; s < siteCount; s++) {
            siteStart[s + 1] += siteStart[s];
        }
        int[] order = new int[kept];
        int[] fill = Arrays.copyOf(siteStart, siteCount);
        for (int i = 0; i < n; i++) {
            if (dropped == null || !dropped[i]) {
                order[fill[siteOfPos[posOf[i]]]++] = i;
            }
        }
        fill = null;
        posOf = null;
        for (int s = 0; s < siteCount; s++) {
            sortById(order, siteStart[s], siteStart[s + 1], keyOf, idOf);
        }
        Slots slots = engine.slots();
        slots.ensureCapacity(kept);
        int[] siteOfSlot = new int[kept];
        for (int s = 0; s < siteCount; s++) {
            for (int k = siteStart[s]; k < siteStart[s + 1]; k++) {
                MemberId id = idOf[order[k]];
                slots.addNew(id, hashOf[order[k]], estOf[order[k]], s);
                siteOfSlot[k] = s;
            }
        }
        n = kept;
        int topics = engine.topicCount();
        // ---- the sites in contiguous ranges, one task each: a task counts its ranges' pairs and postings per topic,
        //      then writes them where the ranges before it leave off (every topic's pairs stay in site order)
        int tasks = Math.max(1, Math.min(siteCount / 16 + 1, 4 * Runtime.getRuntime().availableProcessors()));
        int[] rangeStart = new int[tasks + 1];
        for (int r = 0; r <= tasks; r++) {
            rangeStart[r] = (int) ((long) siteCount * r / tasks);
        }
        int[][] pairsBefore = new int[tasks][];
        int[][] postingsBefore = new int[tasks][];
        IntStream.range(0, tasks).parallel().forEach(r -> {
            int[] pairsOfRange = new int[topics];
            int[] postingsOfRange = new int[topics];
            int[] lastSite = new int[topics];
            Arrays.fill(lastSite, -1);
            for (int s = rangeStart[r]; s < rangeStart[r + 1]; s++) {
                for (int slot = siteStart[s]; slot < siteStart[s + 1]; slot++) {
                    int c = order[slot];
                    for (int k = codeStart[c]; k < codeStart[c + 1]; k++) {
                        int t = codes[k] >>> 2;
                        postingsOfRange[t]++;
                        if (lastSite[t] != s) {
                            lastSite[t] = s;
                            pairsOfRange[t]++;
                        }
                    }
                }
            }
            pairsBefore[r] = pairsOfRange;
            postingsBefore[r] = postingsOfRange;
        });
        // counts per range into offsets per range (exclusive prefix sums), totals per topic
        int[] pairs = new int[topics];
        int[] postings = new int[topics];
        for (int r = 0; r < tasks; r++) {
            for (int t = 0; t < topics; t++) {
                int p = pairsBefore[r][t];
                int m = postingsBefore[r][t];
                pairsBefore[r][t] = pairs[t];
                postingsBefore[r][t] = postings[t];
                pairs[t] += p;
                postings[t] += m;
            }
        }
        // ---- every topic's pairs written by the ranges, in parallel
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
        char[][] siteTopics = new char[Math.max(siteCount, 256)][];
        IntStream.range(0, tasks).parallel().forEach(r -> {
            int[] pc = pairsBefore[r];
            int[] mc = postingsBefore[r];
            int[][] lists = new int[topics * 3][];
            int[] counts = new int[topics * 3];
            int[] touched = new int[topics];
            boolean[] isTouched = new boolean[topics];
            for (int s = rangeStart[r]; s < rangeStart[r + 1]; s++) {
                int nt = 0;
                for (int slot = siteStart[s]; slot < siteStart[s + 1]; slot++) {
                    int c = order[slot];
                    long topicsOfSlot = 0;
                    for (int k = codeStart[c]; k < codeStart[c + 1]; k++) {
                        int t = codes[k] >>> 2;
                        topicsOfSlot |= Slots.topicBit(t);
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
                    slots.topicMask(slot, topicsOfSlot);
                }
                Arrays.sort(touched, 0, nt);
                char[] present = new char[nt];
                for (int x = 0; x < nt; x++) {
                    present[x] = (char) touched[x];
                }
                siteTopics[s] = present;
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
        });
        Sites.Snapshot snapshot = sites.snapshot();
        IntStream.range(0, topics).parallel().forEach(t -> {
            tStart[t][pairs[t]] = postings[t];
            engine.topicById(t).install(Topic.pack(leveled[t], pairs[t], tSite[t], tStart[t], tCuts[t], tMembers[t], snapshot));
        });
        engine.setSiteTopics(siteTopics);
    }

    private static int tableSize(int n) {
        return Integer.highestOneBit(Math.max(16, n) * 2) * 2;
    }

    private static int mix(long h) {
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * The first 8 characters of an id as an unsigned big-endian number: ids (printable ASCII) compare
     * like their keys, unless the keys are equal.
     */
    static long prefixKey(String id) {
        long key = 0;
        int n = Math.min(8, id.length());
        for (int i = 0; i < n; i++) {
            key |= (long) (id.charAt(i) & 0xFF) << (56 - 8 * i);
        }
        return key;
    }

    /** Sorts {@code order[from..to)} (candidate indexes) by member id: by prefix key, then by id on equal keys. */
    private static void sortById(int[] order, int from, int to, long[] keyOf, MemberId[] idOf) {
        if (to - from > 64) {
            Integer[] boxed = new Integer[to - from];
            for (int i = from; i < to; i++) {
                boxed[i - from] = order[i];
            }
            Arrays.sort(boxed, (a, b) -> {
                int c = Long.compareUnsigned(keyOf[a], keyOf[b]);
                return c != 0 ? c : idOf[a].compareTo(idOf[b]);
            });
            for (int i = from; i < to; i++) {
                order[i] = boxed[i - from];
            }
            return;
        }
        for (int i = from + 1; i < to; i++) {
            int x = order[i];
            long kx = keyOf[x];
            int j = i - 1;
            while (j >= from && greater(order[j], kx, x, keyOf, idOf)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = x;
        }
    }

    private static boolean greater(int a, long kb, int b, long[] keyOf, MemberId[] idOf) {
        int c = Long.compareUnsigned(keyOf[a], kb);
        return c > 0 || (c == 0 && idOf[a].compareTo(idOf[b]) > 0);
    }
}
