package fr.sharenum.geo.internal;

/**
 * An immutable packed R-tree over points given in spatial (Morton) order, in flat arrays: leaf node
 * {@code k} covers items {@code [k*B, (k+1)*B)}, node {@code k} of the next level covers nodes
 * {@code [k*B, (k+1)*B)} of the level below, up to a single root. Nothing but the bounding boxes is
 * stored (four doubles per node, about two bytes per item): the points themselves are the sites'
 * coordinates, read by the caller. Built in O(n); searched without locks or allocation by
 * {@link TopicSearch}.
 */
final class PackedTree {

    /** Children per node. */
    static final int B = 16;
    static final int SHIFT = 4;

    static final PackedTree EMPTY = new PackedTree(0, new float[0], new int[] {0});

    /** Number of items. */
    final int size;
    /**
     * Per node (levels concatenated, leaves first, root last): minLat, maxLat, minLon, maxLon, as
     * floats rounded outwards (half the memory; a box can only grow, never miss a point).
     */
    final float[] boxes;
    /** First node of each level; {@code levelStart[levels]} is the node count. */
    final int[] levelStart;

    private PackedTree(int size, float[] boxes, int[] levelStart) {
        this.size = size;
        this.boxes = boxes;
        this.levelStart = levelStart;
    }

    int levels() {
        return levelStart.length - 1;
    }

    /**
     * Packs {@code n} items whose coordinates are {@code lat[site[item(i)]]}, {@code lon[...]}, where
     * {@code item(i)} is {@code items[i]} or {@code i} when {@code items} is null.
     */
    static PackedTree build(int n, int[] items, int[] site, double[] lat, double[] lon) {
        if (n == 0) {
            return EMPTY;
        }
        int levels = 1;
        for (int c = (n + B - 1) >> SHIFT; c > 1; c = (c + B - 1) >> SHIFT) {
            levels++;
        }
        int[] levelStart = new int[levels + 1];
        int nodes = 0;
        int c = (n + B - 1) >> SHIFT;
        for (int l = 0; l < levels; l++) {
            levelStart[l] = nodes;
            nodes += c;
            c = (c + B - 1) >> SHIFT;
        }
        levelStart[levels] = nodes;
        float[] boxes = new float[nodes * 4];
        int leaves = levelStart[1];
        for (int k = 0; k < leaves; k++) {
            double minLat = Double.POSITIVE_INFINITY;
            double maxLat = Double.NEGATIVE_INFINITY;
            double minLon = Double.POSITIVE_INFINITY;
            double maxLon = Double.NEGATIVE_INFINITY;
            for (int i = k << SHIFT, end = Math.min(n, (k + 1) << SHIFT); i < end; i++) {
                int s = site[items == null ? i : items[i]];
                double la = lat[s];
                double lo = lon[s];
                minLat = Math.min(minLat, la);
                maxLat = Math.max(maxLat, la);
                minLon = Math.min(minLon, lo);
                maxLon = Math.max(maxLon, lo);
            }
            boxes[4 * k] = down(minLat);
            boxes[4 * k + 1] = up(maxLat);
            boxes[4 * k + 2] = down(minLon);
            boxes[4 * k + 3] = up(maxLon);
        }
        for (int l = 1; l < levels; l++) {
            int below = levelStart[l - 1];
            int belowCount = levelStart[l] - below;
            for (int k = 0; k < levelStart[l + 1] - levelStart[l]; k++) {
                float minLat = Float.POSITIVE_INFINITY;
                float maxLat = Float.NEGATIVE_INFINITY;
                float minLon = Float.POSITIVE_INFINITY;
                float maxLon = Float.NEGATIVE_INFINITY;
                for (int ch = k << SHIFT, end = Math.min(belowCount, (k + 1) << SHIFT); ch < end; ch++) {
                    int b = 4 * (below + ch);
                    minLat = Math.min(minLat, boxes[b]);
                    maxLat = Math.max(maxLat, boxes[b + 1]);
                    minLon = Math.min(minLon, boxes[b + 2]);
                    maxLon = Math.max(maxLon, boxes[b + 3]);
                }
                int node = 4 * (levelStart[l] + k);
                boxes[node] = minLat;
                boxes[node + 1] = maxLat;
                boxes[node + 2] = minLon;
                boxes[node + 3] = maxLon;
            }
        }
        return new PackedTree(n, boxes, levelStart);
    }

    /** The largest float not above {@code v}. */
    static float down(double v) {
        float f = (float) v;
        return f > v ? Math.nextDown(f) : f;
    }

    /** The smallest float not below {@code v}. */
    static float up(double v) {
        float f = (float) v;
        return f < v ? Math.nextUp(f) : f;
    }
}
