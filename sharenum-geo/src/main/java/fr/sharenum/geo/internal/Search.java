package fr.sharenum.geo.internal;

import fr.sharenum.geo.SphericalCaps;
import fr.sharenum.model.GeoPoint;

import java.util.Arrays;

/**
 * One thread's working memory for a query, reused from query to query so that a query allocates
 * nothing in proportion to its size: the cap's boxes, the traversal stack, and the pairs found within
 * the radius with their exact distances and the buckets read for them.
 *
 * <p>The collect step visits the packed tree of the wanted level, tests each site in the boxes, and
 * computes its distance exactly as {@link GeoPoint#haversineKm} does — bit for bit, from the site's
 * precomputed {@code toRadians(lat)} and cosine — skipping the inverse sine for sites whose haversine
 * term is already clearly beyond the radius.
 */
final class Search {

    private static final double TWO_R = 2.0 * GeoPoint.EARTH_MEAN_RADIUS_KM;
    private static final int LEVEL_SHIFT = 27;
    private static final int NODE_MASK = (1 << LEVEL_SHIFT) - 1;
    private static final int RETAINED = 1 << 16;

    /** Whether a query of this thread is using it (a sink may query again: it then gets its own). */
    boolean busy;

    // the cap
    double lat0;
    double lon0;
    double phi1;
    double cos1;
    double radius;
    /** Haversine terms above this are beyond the radius whatever the rounding. */
    double hLimit;
    final double[] boxes = new double[8];
    int boxCount;

    // what was found: entry i is at dist[i]; its members at level >= the query's were copied, in the
    // order of the pair, into hits[seg[i] .. end[i]): experienced before cutE[i], intermediate before
    // cutI[i], novice after (a copy made while the pairs are read in memory order, so that handing
    // them over in distance order reads a small, hot array instead of the whole topic)
    int size;
    double[] dist = new double[256];
    int[] seg = new int[256];
    int[] cutE = new int[256];
    int[] cutI = new int[256];
    int[] end = new int[256];
    int[] hits = new int[1024];
    int hitCount;
    /** Entries in distance order, after {@link #sort}. */
    int[] order = new int[256];

    int[] stack = new int[512];
    private int[] bucketOf = new int[256];
    private int[] counts = new int[256];

    // tie groups and followers: (key, slot) scratch
    long[] keys = new long[64];
    int[] slots = new int[64];

    /** Prepares a search of the cap of {@code radiusKm} around (lat, lon). */
    void begin(double lat, double lon, double radiusKm) {
        lat0 = lat;
        lon0 = lon;
        phi1 = Math.toRadians(lat);
        cos1 = Math.cos(phi1);
        radius = radiusKm;
        boxCount = SphericalCaps.boxes(lat, lon, radiusKm, boxes);
        if (radiusKm >= SphericalCaps.MAX_DISTANCE_KM) {
            hLimit = Double.POSITIVE_INFINITY;
        } else {
            double s = Math.sin(radiusKm / TWO_R);
            hLimit = s * s * (1 + 1e-9) + 1e-300;
        }
        size = 0;
        hitCount = 0;
    }

    /** Shrinks oversized arrays and frees this search for the thread's next query. */
    void end() {
        if (dist.length > RETAINED) {
            dist = new double[256];
            seg = new int[256];
            cutE = new int[256];
            cutI = new int[256];
            end = new int[256];
            order = new int[256];
            bucketOf = new int[256];
            counts = new int[256];
        }
        if (hits.length > 4 * RETAINED) {
            hits = new int[1024];
        }
        if (keys.length > RETAINED) {
            keys = new long[64];
            slots = new int[64];
        }
        size = 0;
        hitCount = 0;
        busy = false;
    }

    // ================================================================= collect

    /**
     * Adds every pair of {@code st} within the radius that has a member at level ≥ {@code level}
     * (as far as the base tells; an override is read once and kept with the entry).
     */
    void collect(TopicState st, int level, Sites.Snapshot ss) {
        for (int b = 0; b < boxCount; b++) {
            walk(st, level, ss, boxes[4 * b], boxes[4 * b + 1], boxes[4 * b + 2], boxes[4 * b + 3]);
        }
        // changes since the base: sites new to the topic, base pairs that gained the level
        for (int i = 0; i < st.newCount; i++) {
            consider(st, st.n + i, level, ss);
        }
        if (level > 0) {
            int[] extra = st.extra[level];
            for (int i = 0, n = st.extraCount[level]; i < n; i++) {
                consider(st, extra[i], level, ss);
            }
        }
    }

    private void walk(TopicState st, int level, Sites.Snapshot ss, double minLat, double maxLat, double minLon, double maxLon) {
        PackedTree tree = st.trees[level];
        if (tree.size == 0) {
            return;
        }
        int[] items = st.items[level];
        int[] site = st.site;
        float[] box = tree.boxes;
        int[] levelStart = tree.levelStart;
        double[] lat = ss.lat;
        double[] lon = ss.lon;
        int size = tree.size;
        int[] stack = this.stack;
        int top = 0;
        int rootLevel = levelStart.length - 2;
        stack[top++] = (rootLevel << LEVEL_SHIFT) | levelStart[rootLevel];
        while (top > 0) {
            int e = stack[--top];
            int l = e >>> LEVEL_SHIFT;
            int node = e & NODE_MASK;
            int b = node << 2;
            if (box[b] > maxLat || box[b + 1] < minLat || box[b + 2] > maxLon || box[b + 3] < minLon) {
                continue;
            }
            if (l == 0) {
                for (int i = node << PackedTree.SHIFT, end = Math.min(size, i + PackedTree.B); i < end; i++) {
                    int p = items == null ? i : items[i];
                    int s = site[p];
                    double la = lat[s];
                    if (la < minLat || la > maxLat) {
                        continue;
                    }
                    double lo = lon[s];
                    if (lo < minLon || lo > maxLon) {
                        continue;
                    }
                    distance(st, p, s, lo, level, ss);
                }
            } else {
                int local = node - levelStart[l];
                int below = levelStart[l - 1];
                int belowCount = levelStart[l] - below;
                int from = local << PackedTree.SHIFT;
                int to = Math.min(belowCount, from + PackedTree.B);
                if (top + (to - from) > stack.length) {
                    stack = this.stack = Arrays.copyOf(stack, stack.length * 2);
                }
                for (int c = to - 1; c >= from; c--) {
                    stack[top++] = ((l - 1) << LEVEL_SHIFT) | (below + c);
                }
            }
        }
    }

    /** A pair listed outside the tree: tested against the boxes, then by distance. */
    private void consider(TopicState st, int p, int level, Sites.Snapshot ss) {
        int s = st.siteOf(p);
        double la = ss.lat[s];
        double lo = ss.lon[s];
        for (int b = 0; b < boxCount; b++) {
            if (la >= boxes[4 * b] && la <= boxes[4 * b + 1] && lo >= boxes[4 * b + 2] && lo <= boxes[4 * b + 3]) {
                distance(st, p, s, lo, level, ss);
                return;
            }
        }
    }

    private void distance(TopicState st, int p, int s, double lo, int level, Sites.Snapshot ss) {
        int[] o = st.overrides == null ? null : st.overrides.get(p);
        if (o != null ? Topic.count(o, level) == 0 : p >= st.n) {
            return;
        }
        // GeoPoint.haversineKm(lat0, lon0, lat[s], lon[s]), operation for operation
        double dPhi = ss.phi[s] - phi1;
        double dLambda = Math.toRadians(lo - lon0);
        double sinPhi = Math.sin(dPhi * 0.5);
        double sinLambda = Math.sin(dLambda * 0.5);
        double h = sinPhi * sinPhi + cos1 * ss.cosPhi[s] * sinLambda * sinLambda;
        if (h > hLimit) {
            return;
        }
        if (h > 1.0) {
            h = 1.0;
        }
        double d = TWO_R * Asin.asin(Math.sqrt(h));
        if (d <= radius) {
            add(st, p, d, o, level);
        }
    }

    /** Records an entry at distance {@code d}: copies the pair's members at level ≥ {@code level}. */
    private void add(TopicState st, int p, double d, int[] o, int level) {
        int i = size;
        if (i == dist.length) {
            int n = i * 2;
            dist = Arrays.copyOf(dist, n);
            seg = Arrays.copyOf(seg, n);
            cutE = Arrays.copyOf(cutE, n);
            cutI = Arrays.copyOf(cutI, n);
            end = Arrays.copyOf(end, n);
            order = new int[n];
        }
        int[] from;
        int a;
        int e;
        int m;
        int b;
        if (o != null) {
            from = o;
            a = 2;
            e = 2 + o[0];
            m = e + o[1];
            b = o.length;
        } else {
            from = st.members;
            a = st.start[p];
            b = st.start[p + 1];
            if (st.leveled) {
                e = st.cutE(p);
                m = st.cutI(p);
            } else {
                e = a;
                m = a;
            }
        }
        int last = level == 2 ? e : level == 1 ? m : b;
        int n = last - a;
        int w = hitCount;
        if (w + n > hits.length) {
            hits = Arrays.copyOf(hits, Math.max(w + n, hits.length * 2));
        }
        int[] h = hits;
        for (int k = 0; k < n; k++) {
            h[w + k] = from[a + k];
        }
        dist[i] = d;
        seg[i] = w;
        cutE[i] = w + (e - a);
        cutI[i] = w + Math.min(m - a, n);
        end[i] = w + n;
        hitCount = w + n;
        size = i + 1;
    }

    // ================================================================= order

    /**
     * Fills {@link #order} with the entries by increasing distance, in expected linear time: entries
     * are dealt into about n/2 buckets by squared distance (sites spread evenly over the disc fill
     * them evenly; floating-point multiplication is monotonic, so bucket order never contradicts
     * distance order), then each bucket is sorted on its own.
     */
    void sort() {
        int n = size;
        int[] o = order;
        double[] d = dist;
        if (n <= 48) {
            for (int i = 0; i < n; i++) {
                o[i] = i;
            }
            sort(o, d, 0, n - 1);
            return;
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, d[i]);
        }
        int buckets = Integer.highestOneBit(n) >> 1;
        if (bucketOf.length < n) {
            bucketOf = new int[Math.max(n, bucketOf.length * 2)];
        }
        if (counts.length < buckets + 1) {
            counts = new int[Math.max(buckets + 1, counts.length * 2)];
        }
        int[] b = bucketOf;
        int[] c = counts;
        Arrays.fill(c, 0, buckets + 1, 0);
        double scale = max > 0 ? buckets / (max * max) : 0;
        for (int i = 0; i < n; i++) {
            int k = Math.min(buckets - 1, (int) (d[i] * d[i] * scale));
            b[i] = k;
            c[k + 1]++;
        }
        for (int k = 0; k < buckets; k++) {
            c[k + 1] += c[k];
        }
        for (int i = 0; i < n; i++) {
            o[c[b[i]]++] = i;
        }
        // c[k] is now the end of bucket k
        int from = 0;
        for (int k = 0; k < buckets; k++) {
            int to = c[k];
            if (to - from > 1) {
                sort(o, d, from, to - 1);
            }
            from = to;
        }
    }

    private static void sort(int[] o, double[] d, int lo, int hi) {
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

    void ensureKeys(int n) {
        if (n > keys.length) {
            int c = Math.max(n, keys.length * 2);
            keys = new long[c];
            slots = new int[c];
        }
    }
}
