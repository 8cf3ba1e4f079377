package fr.sharenum.benchmarks;

import com.github.davidmoten.rtree2.Entries;
import com.github.davidmoten.rtree2.Entry;
import com.github.davidmoten.rtree2.RTree;
import com.github.davidmoten.rtree2.geometry.Geometries;
import com.github.davidmoten.rtree2.geometry.Point;
import fr.sharenum.geo.SphericalCaps;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.QualifiedQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * davidmoten rtree2: an immutable R-tree bulk-loaded (STR) with every member's point, searched with
 * the same exact spherical-cap envelopes as ShareNum, then filtered on tool, level and distance.
 */
final class RTree2Peer implements Peers.Peer {
    private final SyntheticFrance d;
    private final RTree<Integer, Point> tree;

    RTree2Peer(SyntheticFrance d) {
        this.d = d;
        List<Entry<Integer, Point>> entries = new ArrayList<>(d.memberCount);
        for (int m = 0; m < d.memberCount; m++) {
            int e = d.memberEst[m];
            entries.add(Entries.entry(m, Geometries.point(d.estLon[e], d.estLat[e])));
        }
        this.tree = RTree.create(entries);
    }

    @Override
    public List<Match> qualified(QualifiedQuery q) {
        int tool = Peers.toolIndex(q);
        List<Match> hits = new ArrayList<>();
        for (double[] box : SphericalCaps.boxes(q.center().latitude(), q.center().longitude(), q.radiusKm())) {
            for (Entry<Integer, Point> entry : tree.search(Geometries.rectangle(box[2], box[0], box[3], box[1]))) {
                Peers.consider(d, q, tool, entry.value(), hits);
            }
        }
        return Peers.finish(hits, q.limit());
    }
}
