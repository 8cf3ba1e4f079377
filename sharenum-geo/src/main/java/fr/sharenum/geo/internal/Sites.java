package fr.sharenum.geo.internal;

import java.util.Arrays;

/**
 * The positions members are located at ("sites"): one per distinct (latitude, longitude), shared by
 * every establishment at that point. Sites are append-only — a site's coordinates never change — so
 * readers use the arrays of a {@link Snapshot} without locks. Each site keeps what the distance test
 * needs precomputed ({@code toRadians(lat)} and its cosine, exactly as
 * {@link fr.sharenum.model.GeoPoint#haversineKm} computes them) and its Morton code, the order in which
 * every topic lists its sites.
 *
 * <p>Writers (holding the engine's write lock) append; a reader reads {@link #snapshot()} once, after
 * the topic state it walks, so that every site that state names is in the arrays.
 */
final class Sites {

    /** The arrays readers see; {@code count} sites are valid. */
    static final class Snapshot {
        final double[] lat;
        final double[] lon;
        /** {@code Math.toRadians(lat)}. */
        final double[] phi;
        /** {@code Math.cos(Math.toRadians(lat))}. */
        final double[] cosPhi;
        final long[] morton;
        final int count;

        Snapshot(double[] lat, double[] lon, double[] phi, double[] cosPhi, long[] morton, int count) {
            this.lat = lat;
            this.lon = lon;
            this.phi = phi;
            this.cosPhi = cosPhi;
            this.morton = morton;
            this.count = count;
        }
    }

    private volatile Snapshot snapshot = new Snapshot(new double[256], new double[256], new double[256],
            new double[256], new long[256], 0);
    /** Open addressing: site + 1, 0 when free; keyed by the coordinates' bits. Writer only. */
    private int[] table = new int[512];

    Snapshot snapshot() {
        return snapshot;
    }

    int count() {
        return snapshot.count;
    }

    /** The site at (lat, lon), or -1. Writer only. */
    int find(double lat, double lon) {
        Snapshot s = snapshot;
        int mask = table.length - 1;
        for (int i = hash(lat, lon) & mask; ; i = (i + 1) & mask) {
            int v = table[i];
            if (v == 0) {
                return -1;
            }
            int site = v - 1;
            if (s.lat[site] == lat && s.lon[site] == lon) {
                return site;
            }
        }
    }

    /** The site at (lat, lon), appended when new. Writer only. */
    int siteFor(double lat, double lon) {
        int site = find(lat, lon);
        return site >= 0 ? site : append(lat, lon);
    }

    private int append(double lat, double lon) {
        Snapshot s = snapshot;
        int n = s.count;
        double[] la = s.lat;
        double[] lo = s.lon;
        double[] ph = s.phi;
        double[] co = s.cosPhi;
        long[] mo = s.morton;
        if (n == la.length) {
            int cap = n * 2;
            la = Arrays.copyOf(la, cap);
            lo = Arrays.copyOf(lo, cap);
            ph = Arrays.copyOf(ph, cap);
            co = Arrays.copyOf(co, cap);
            mo = Arrays.copyOf(mo, cap);
        }
        la[n] = lat;
        lo[n] = lon;
        ph[n] = Math.toRadians(lat);
        co[n] = Math.cos(ph[n]);
        mo[n] = morton(lat, lon);
        if ((n + 1) * 2 > table.length) {
            rehash(la, lo, n, table.length * 2);
        }
        insert(table, hash(lat, lon), n);
        snapshot = new Snapshot(la, lo, ph, co, mo, n + 1);
        return n;
    }

    /**
     * Registers many new positions at once in Morton order, so that sites close on the ground get
     * close numbers (and members, numbered by site, close slots). Writer only, into an empty set of sites.
     *
     * @return the site of each input position
     */
    int[] appendAll(double[] lats, double[] lons, int n) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = morton(lats[i], lons[i]);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Long.compareUnsigned(keys[a], keys[b]);
            return c != 0 ? c : a - b;
        });
        int[] siteOf = new int[n];
        for (int i : order) {
            siteOf[i] = siteFor(lats[i], lons[i]);
        }
        return siteOf;
    }

    private void rehash(double[] la, double[] lo, int n, int capacity) {
        int[] t = new int[capacity];
        for (int site = 0; site < n; site++) {
            insert(t, hash(la[site], lo[site]), site);
        }
        table = t;
    }

    private static void insert(int[] t, int hash, int site) {
        int mask = t.length - 1;
        int i = hash & mask;
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        t[i] = site + 1;
    }

    private static int hash(double lat, double lon) {
        // + 0.0 turns -0.0 into 0.0: equal coordinates hash alike
        long h = Double.doubleToLongBits(lat + 0.0) * 0x9E3779B97F4A7C15L + Double.doubleToLongBits(lon + 0.0);
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }

    /** Interleaves 32 bits of latitude and 32 bits of longitude (compare unsigned). */
    static long morton(double lat, double lon) {
        long y = (long) ((lat + 90) / 180 * 0xFFFFFFFFL);
        long x = (long) ((lon + 180) / 360 * 0xFFFFFFFFL);
        return spread(x) | (spread(y) << 1);
    }

    private static long spread(long v) {
        v &= 0xFFFFFFFFL;
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        v = (v | (v << 1)) & 0x5555555555555555L;
        return v;
    }
}
