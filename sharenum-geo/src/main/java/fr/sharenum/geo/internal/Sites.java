package fr.sharenum.geo.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import fr.sharenum.geo.SphericalCaps;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The sites members are located at: one per (establishment, position). Sites are append-only — a
 * slot's coordinates never change (an establishment that moves gets a new slot) — so readers can
 * use a snapshot's arrays without locks.
 *
 * <p>Spatial index: an immutable {@link FlatTree} over the first {@code tree.count} slots plus a
 * small delta of newer slots scanned linearly; when the delta grows past {@code max(64, count/64)}
 * the writer packs a new tree and publishes it with one volatile write.
 *
 * <p>Cache: "sites within r of p" answers are cached with Caffeine, keyed by the snapshot
 * generation, so a cached answer never misses a site added since (membership is not cached: the
 * buckets are read live).
 */
final class Sites {

    record Snapshot(double[] lat, double[] lon, int count, FlatTree tree, long generation) {
    }

    private record QueryKey(double lat, double lon, double radiusKm, long generation) {
    }

    /** The latest slot of each establishment; a new position gets a new slot. */
    private final Map<Uai, Integer> slots = new HashMap<>();
    private final Cache<QueryKey, SiteHits> cache;
    private volatile Snapshot snapshot = new Snapshot(new double[1024], new double[1024], 0, FlatTree.EMPTY, 0);

    Sites(long cacheWeight) {
        this.cache = cacheWeight <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(cacheWeight)
                .weigher((QueryKey k, SiteHits v) -> 8 + v.size)
                .recordStats()
                .build();
    }

    Snapshot snapshot() {
        return snapshot;
    }

    int count() {
        return snapshot.count;
    }

    // ------------------------------------------------------------ writer side (write lock held)

    /** The slot of the site, appended when new; rebuilds the tree when the delta is too large. */
    int slotFor(Uai uai, GeoPoint p, boolean deferTree) {
        Snapshot s = snapshot;
        Integer slot = slots.get(uai);
        if (slot != null && s.lat[slot] == p.latitude() && s.lon[slot] == p.longitude()) {
            return slot;
        }
        int n = s.count;
        double[] lat = s.lat;
        double[] lon = s.lon;
        if (n == lat.length) {
            lat = Arrays.copyOf(lat, n * 2);
            lon = Arrays.copyOf(lon, n * 2);
        }
        lat[n] = p.latitude();
        lon[n] = p.longitude();
        slots.put(uai, n);
        FlatTree tree = s.tree;
        if (!deferTree && n + 1 - tree.count > Math.max(64, (n + 1) >> 6)) {
            tree = FlatTree.build(lat, lon, n + 1);
        }
        snapshot = new Snapshot(lat, lon, n + 1, tree, s.generation + 1);
        return n;
    }

    /**
     * Registers many sites at once, in spatial order (Morton order of their coordinates), so that
     * sites close on the ground get close slots: a query then reads neighbouring memory. Returns
     * the slot of each input position.
     */
    int[] slotsForAll(Uai[] uais, double[] lats, double[] lons, int n) {
        Integer[] order = new Integer[n];
        long[] morton = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            morton[i] = morton(lats[i], lons[i]);
        }
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(morton[a], morton[b]));
        int[] slotOf = new int[n];
        for (int i : order) {
            slotOf[i] = slotFor(uais[i], GeoPoint.of(lats[i], lons[i]), true);
        }
        return slotOf;
    }

    /** Interleaves 32 bits of latitude and 32 bits of longitude. */
    private static long morton(double lat, double lon) {
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

    /** Packs every slot into the tree (after a bulk load). */
    void rebuildTree() {
        Snapshot s = snapshot;
        if (s.tree.count != s.count) {
            snapshot = new Snapshot(s.lat, s.lon, s.count, FlatTree.build(s.lat, s.lon, s.count), s.generation + 1);
        }
    }

    // ------------------------------------------------------------ reader side (no lock)

    /**
     * Sites within {@code radiusKm} (boundary included), nearest first. With the cache on, every site
     * in the radius is listed and the list is cached; with it off, only sites that have a bucket in
     * {@code onlyWith} are listed (their distance is not even computed otherwise).
     */
    SiteHits within(double lat, double lon, double radiusKm, AtomicReferenceArray<?> onlyWith) {
        Snapshot s = snapshot;
        if (cache == null) {
            return compute(s, lat, lon, radiusKm, onlyWith);
        }
        return cache.get(new QueryKey(lat, lon, radiusKm, s.generation), k -> compute(s, lat, lon, radiusKm, null));
    }

    boolean caching() {
        return cache != null;
    }

    private static SiteHits compute(Snapshot s, double lat, double lon, double radiusKm, AtomicReferenceArray<?> onlyWith) {
        if (s.count == 0) {
            return SiteHits.NONE;
        }
        Collector c = new Collector(s, lat, lon, radiusKm, onlyWith);
        for (double[] box : SphericalCaps.boxes(lat, lon, radiusKm)) {
            c.box = box;
            s.tree.query(box[0], box[1], box[2], box[3], c);
        }
        for (int slot = s.tree.count; slot < s.count; slot++) {
            c.consider(slot);
        }
        return SiteHits.sorted(c.slots, c.distances, c.size);
    }

    private static final class Collector implements FlatTree.SlotVisitor {
        private final double[] lat;
        private final double[] lon;
        private final double cLat;
        private final double cLon;
        private final double radius;
        private final AtomicReferenceArray<?> onlyWith;
        private final int onlyWithLength;
        double[] box;
        int[] slots = new int[64];
        double[] distances = new double[64];
        int size;

        Collector(Snapshot s, double cLat, double cLon, double radius, AtomicReferenceArray<?> onlyWith) {
            this.onlyWith = onlyWith;
            this.onlyWithLength = onlyWith == null ? 0 : onlyWith.length();
            this.lat = s.lat;
            this.lon = s.lon;
            this.cLat = cLat;
            this.cLon = cLon;
            this.radius = radius;
        }

        @Override
        public void visit(int slot) {
            double la = lat[slot];
            double lo = lon[slot];
            if (la < box[0] || la > box[1] || lo < box[2] || lo > box[3]) {
                return;
            }
            consider(slot);
        }

        void consider(int slot) {
            if (onlyWith != null && (slot >= onlyWithLength || onlyWith.get(slot) == null)) {
                return;
            }
            double d = GeoPoint.haversineKm(cLat, cLon, lat[slot], lon[slot]);
            if (d <= radius) {
                if (size == slots.length) {
                    slots = Arrays.copyOf(slots, size * 2);
                    distances = Arrays.copyOf(distances, size * 2);
                }
                slots[size] = slot;
                distances[size] = d;
                size++;
            }
        }
    }

    CacheStats cacheStats() {
        return cache == null ? CacheStats.empty() : cache.stats();
    }
}
