package fr.sharenum.geo.internal;

/**
 * Sites within a radius, nearest first (ties by slot), with their exact great-circle distances.
 * Immutable once built; shared through the site cache.
 */
final class SiteHits {
    static final SiteHits NONE = new SiteHits(new int[0], new double[0], 0);

    final int[] slots;
    final double[] distances;
    final int size;

    SiteHits(int[] slots, double[] distances, int size) {
        this.slots = slots;
        this.distances = distances;
        this.size = size;
    }

    /** Sorts the first {@code size} entries by distance then slot (quicksort on the two arrays). */
    static SiteHits sorted(int[] slots, double[] distances, int size) {
        sort(slots, distances, 0, size - 1);
        return new SiteHits(slots, distances, size);
    }

    private static boolean less(int[] s, double[] d, int i, int j) {
        return d[i] < d[j] || (d[i] == d[j] && s[i] < s[j]);
    }

    private static void swap(int[] s, double[] d, int i, int j) {
        int ts = s[i];
        s[i] = s[j];
        s[j] = ts;
        double td = d[i];
        d[i] = d[j];
        d[j] = td;
    }

    private static void sort(int[] s, double[] d, int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            // median of three into position hi
            if (less(s, d, mid, lo)) {
                swap(s, d, mid, lo);
            }
            if (less(s, d, hi, lo)) {
                swap(s, d, hi, lo);
            }
            if (less(s, d, mid, hi)) {
                swap(s, d, mid, hi);
            }
            int store = lo;
            for (int i = lo; i < hi; i++) {
                if (less(s, d, i, hi)) {
                    swap(s, d, i, store++);
                }
            }
            swap(s, d, store, hi);
            if (store - lo < hi - store) {
                sort(s, d, lo, store - 1);
                lo = store + 1;
            } else {
                sort(s, d, store + 1, hi);
                hi = store - 1;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            for (int j = i; j > lo && less(s, d, j, j - 1); j--) {
                swap(s, d, j, j - 1);
            }
        }
    }
}
