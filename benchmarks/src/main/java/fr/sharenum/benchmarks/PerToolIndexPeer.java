package fr.sharenum.benchmarks;

import fr.sharenum.geo.SphericalCaps;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.QualifiedQuery;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The simplest strong design, the bar ShareNum must beat: for each tool, one JTS {@code STRtree} of the
 * establishments having a member with that tool; each entry holds those members (int indexes) sorted
 * by level, highest first, then by id. A query walks the tool's tree with the cap's boxes, skips
 * entries without a member at the wanted level, computes each remaining establishment's exact distance
 * ({@link GeoPoint#haversineKm}), sorts them by distance and copies the members out into reused
 * primitive arrays (member index, distance, level) — no object per hit. Establishments at exactly the
 * same distance are merged by level then id, so the answers are exactly ShareNum's (checked before
 * timing).
 */
final class PerToolIndexPeer implements Peers.Peer {

    private static final CompetenceLevel[] LEVELS = CompetenceLevel.values();

    /** An establishment's members with one tool: EXPERIENCED {@code [0, exp)}, INTERMEDIATE {@code [exp, inter)}, NOVICE after. */
    static final class Entry {
        final int est;
        final double lat;
        final double lon;
        final int[] members;
        final int exp;
        final int inter;

        Entry(int est, double lat, double lon, int[] members, int exp, int inter) {
            this.est = est;
            this.lat = lat;
            this.lon = lon;
            this.members = members;
            this.exp = exp;
            this.inter = inter;
        }

        int count(int minLevel) {
            return minLevel == 2 ? exp : minLevel == 1 ? inter : members.length;
        }
    }

    private final SyntheticFrance d;
    private final STRtree[] trees = new STRtree[SyntheticFrance.TOOLS];
    private final double[] box = new double[8];
    // reused per query
    private Entry[] found = new Entry[1024];
    private double[] foundDist = new double[1024];
    private int[] order = new int[1024];
    private int foundCount;
    private int[] hitMember = new int[4096];
    private double[] hitDist = new double[4096];
    private byte[] hitLevel = new byte[4096];
    private int hits;
    private final int[] rank;

    PerToolIndexPeer(SyntheticFrance d) {
        this.d = d;
        // member ids in string order, so that ties sort like MemberId.compareTo
        Integer[] byId = new Integer[d.memberCount];
        for (int m = 0; m < byId.length; m++) {
            byId[m] = m;
        }
        MemberId[] ids = d.memberIds;
        Arrays.sort(byId, Comparator.comparing(m -> ids[m]));
        rank = new int[d.memberCount];
        for (int i = 0; i < byId.length; i++) {
            rank[byId[i]] = i;
        }
        // members per (tool, establishment): counting sort by tool, then establishment
        int[] perTool = new int[SyntheticFrance.TOOLS + 1];
        for (int k = 0; k < d.skillEntries(); k++) {
            perTool[d.skillTool[k] + 1]++;
        }
        for (int t = 0; t < SyntheticFrance.TOOLS; t++) {
            perTool[t + 1] += perTool[t];
        }
        long[] keys = new long[d.skillEntries()];
        int[] fill = Arrays.copyOf(perTool, SyntheticFrance.TOOLS);
        for (int m = 0; m < d.memberCount; m++) {
            for (int k = d.skillStart[m]; k < d.skillStart[m + 1]; k++) {
                // establishment, then level (highest first), then id rank
                keys[fill[d.skillTool[k]]++] = ((long) d.memberEst[m] << 34) | ((long) (2 - d.skillLevel[k]) << 32) | rank[m];
            }
        }
        int[] memberOfRank = new int[d.memberCount];
        for (int m = 0; m < d.memberCount; m++) {
            memberOfRank[rank[m]] = m;
        }
        for (int t = 0; t < SyntheticFrance.TOOLS; t++) {
            Arrays.sort(keys, perTool[t], perTool[t + 1]);
            STRtree tree = new STRtree();
            for (int i = perTool[t]; i < perTool[t + 1]; ) {
                int est = (int) (keys[i] >>> 34);
                int j = i;
                int exp = 0;
                int inter = 0;
                while (j < perTool[t + 1] && (int) (keys[j] >>> 34) == est) {
                    int level = 2 - (int) ((keys[j] >>> 32) & 3);
                    exp += level == 2 ? 1 : 0;
                    inter += level >= 1 ? 1 : 0;
                    j++;
                }
                int[] members = new int[j - i];
                for (int x = i; x < j; x++) {
                    members[x - i] = memberOfRank[(int) (keys[x] & 0xFFFFFFFFL)];
                }
                double la = d.estLat[est];
                double lo = d.estLon[est];
                tree.insert(new Envelope(lo, lo, la, la), new Entry(est, la, lo, members, exp, inter));
                i = j;
            }
            tree.build();
            trees[t] = tree;
        }
    }

    @Override
    public int timed(QualifiedQuery q) {
        return run(q);
    }

    @Override
    public List<Match> qualified(QualifiedQuery q) {
        int n = run(q);
        List<Match> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int m = hitMember[i];
            out.add(new Match(d.memberIds[m], d.estUai[d.memberEst[m]], LEVELS[hitLevel[i]], hitDist[i]));
        }
        return out;
    }

    /** The query into the primitive arrays; returns the number of hits. */
    private int run(QualifiedQuery q) {
        STRtree tree = trees[SyntheticFrance.toolIndex(q.tool())];
        double lat0 = q.center().latitude();
        double lon0 = q.center().longitude();
        double radius = q.radiusKm();
        int min = q.minLevel().ordinal();
        foundCount = 0;
        hits = 0;
        int boxes = SphericalCaps.boxes(lat0, lon0, radius, box);
        for (int b = 0; b < boxes; b++) {
            tree.query(new Envelope(box[4 * b + 2], box[4 * b + 3], box[4 * b], box[4 * b + 1]), item -> {
                Entry e = (Entry) item;
                if (e.count(min) == 0) {
                    return;
                }
                double dist = GeoPoint.haversineKm(lat0, lon0, e.lat, e.lon);
                if (dist <= radius) {
                    if (foundCount == found.length) {
                        found = Arrays.copyOf(found, foundCount * 2);
                        foundDist = Arrays.copyOf(foundDist, foundCount * 2);
                    }
                    found[foundCount] = e;
                    foundDist[foundCount++] = dist;
                }
            });
        }
        // establishments by distance
        if (order.length < foundCount) {
            order = new int[found.length];
        }
        for (int i = 0; i < foundCount; i++) {
            order[i] = i;
        }
        sort(order, foundDist, 0, foundCount - 1);
        int limit = q.limit();
        for (int i = 0; i < foundCount && hits < limit; ) {
            double dist = foundDist[order[i]];
            int j = i + 1;
            while (j < foundCount && foundDist[order[j]] == dist) {
                j++;
            }
            int from = hits;
            for (int k = i; k < j; k++) {
                Entry e = found[order[k]];
                int n = e.count(min);
                for (int x = 0; x < n; x++) {
                    int m = e.members[x];
                    if (!q.excluded().isEmpty() && q.excluded().contains(d.memberIds[m])) {
                        continue;
                    }
                    add(m, dist, x < e.exp ? 2 : x < e.inter ? 1 : 0);
                }
            }
            if (j - i > 1) {
                sortTies(from, hits);
            }
            i = j;
        }
        return Math.min(hits, limit);
    }

    /** Sorts indexes {@code o[lo..hi]} by {@code d} (quicksort, insertion sort for short runs). */
    static void sort(int[] o, double[] d, int lo, int hi) {
        while (hi - lo > 24) {
            int mid = (lo + hi) >>> 1;
            if (d[o[mid]] < d[o[lo]]) {
                swap(o, mid, lo);
            }
            if (d[o[hi]] < d[o[lo]]) {
                swap(o, hi, lo);
            }
            if (d[o[hi]] < d[o[mid]]) {
                swap(o, hi, mid);
            }
            double pivot = d[o[mid]];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (d[o[i]] < pivot) {
                    i++;
                }
                while (d[o[j]] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(o, i++, j--);
                }
            }
            if (j - lo < hi - i) {
                sort(o, d, lo, j);
                lo = i;
            } else {
                sort(o, d, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            int x = o[i];
            double dx = d[x];
            int j = i - 1;
            while (j >= lo && d[o[j]] > dx) {
                o[j + 1] = o[j];
                j--;
            }
            o[j + 1] = x;
        }
    }

    private static void swap(int[] o, int i, int j) {
        int t = o[i];
        o[i] = o[j];
        o[j] = t;
    }

    private void add(int m, double dist, int level) {
        if (hits == hitMember.length) {
            int n = hits * 2;
            hitMember = Arrays.copyOf(hitMember, n);
            hitDist = Arrays.copyOf(hitDist, n);
            hitLevel = Arrays.copyOf(hitLevel, n);
        }
        hitMember[hits] = m;
        hitDist[hits] = dist;
        hitLevel[hits++] = (byte) level;
    }

    /** Hits {@code [from, to)} are at one distance: level (highest first), then id. */
    private void sortTies(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int m = hitMember[i];
            byte l = hitLevel[i];
            int j = i - 1;
            while (j >= from && (hitLevel[j] < l || (hitLevel[j] == l && rank[hitMember[j]] > rank[m]))) {
                hitMember[j + 1] = hitMember[j];
                hitLevel[j + 1] = hitLevel[j];
                j--;
            }
            hitMember[j + 1] = m;
            hitLevel[j + 1] = l;
        }
    }
}
