package fr.sharenum.geo.internal;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An immutable R-tree over site points, packed by JTS's {@link STRtree} (Sort-Tile-Recursive) and
 * then copied into flat arrays. Queries walk the arrays without any lock — unlike
 * {@code STRtree.query}, which enters a synchronized {@code build()} on every call — so any number
 * of threads can query one tree at once.
 */
final class FlatTree {

    static final int NODE_CAPACITY = 16;
    static final FlatTree EMPTY = new FlatTree(0, new double[0], new double[0], new double[0], new double[0],
            new int[0], new int[0], new int[0]); 

    /** Sites {@code 0 .. count-1} are in the tree. */
    final int count;
    // per node: bounds; children are [start, end) in `links`; a negative link -1-k is item k's slot
    private final double[] minLat;
    private final double[] maxLat;
    private final double[] minLon;
    private final double[] maxLon;
    private final int[] start;
    private final int[] end;
    private final int[] links;

    private FlatTree(int count, double[] minLat, double[] maxLat, double[] minLon, double[] maxLon, int[] start,
                     int[] end, int[] links) {
        this.count = count;
        this.minLat = minLat;
        this.maxLat = maxLat;
        this.minLon = minLon;
        this.maxLon = maxLon;
        this.start = start;
        this.end = end;
        this.links = links;
    }

    /** Packs sites {@code 0 .. count-1}. */
    static FlatTree build(double[] lat, double[] lon, int count) {
        if (count == 0) {
            return EMPTY;
        }
        STRtree tree = new STRtree(NODE_CAPACITY);
        for (int i = 0; i < count; i++) {
            tree.insert(new Envelope(lon[i], lon[i], lat[i], lat[i]), i);
        }
        tree.build();
        AbstractNode root = tree.getRoot();
        // breadth-first numbering of nodes
        List<AbstractNode> nodes = new ArrayList<>();
        Deque<AbstractNode> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            AbstractNode n = queue.poll();
            nodes.add(n);
            for (Object child : n.getChildBoundables()) {
                if (child instanceof AbstractNode) {
                    queue.add((AbstractNode) child);
                }
            }
        }
        int n = nodes.size();
        double[] minLat = new double[n];
        double[] maxLat = new double[n];
        double[] minLon = new double[n];
        double[] maxLon = new double[n];
        int[] start = new int[n];
        int[] end = new int[n];
        List<Integer> links = new ArrayList<>();
        java.util.IdentityHashMap<AbstractNode, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i), i);
        }
        for (int i = 0; i < n; i++) {
            AbstractNode node = nodes.get(i);
            Envelope e = (Envelope) node.getBounds();
            if (e == null || e.isNull()) {
                minLat[i] = 1;
                maxLat[i] = -1; // matches nothing
            } else {
                minLat[i] = e.getMinY();
                maxLat[i] = e.getMaxY();
                minLon[i] = e.getMinX();
                maxLon[i] = e.getMaxX();
            }
            start[i] = links.size();
            for (Object child : node.getChildBoundables()) {
                if (child instanceof ItemBoundable) {
                    links.add(-1 - (Integer) ((ItemBoundable) child).getItem());
                } else {
                    links.add(index.get((Boundable) child));
                }
            }
            end[i] = links.size();
        }
        return new FlatTree(count, minLat, maxLat, minLon, maxLon, start, end,
                links.stream().mapToInt(Integer::intValue).toArray());
    }

    interface SlotVisitor {
        void visit(int slot);
    }

    /** Visits every site whose point may lie in the box (callers test the exact distance). */
    void query(double qMinLat, double qMaxLat, double qMinLon, double qMaxLon, SlotVisitor visitor) {
        if (start.length == 0) {
            return;
        }
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (minLat[node] > qMaxLat || maxLat[node] < qMinLat || minLon[node] > qMaxLon || maxLon[node] < qMinLon) {
                continue;
            }
            for (int k = start[node]; k < end[node]; k++) {
                int link = links[k];
                if (link < 0) {
                    visitor.visit(-1 - link);
                } else {
                    if (top == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, top * 2);
                    }
                    stack[top++] = link;
                }
            }
        }
    }

    int nodeCount() {
        return start.length;
    }
}
