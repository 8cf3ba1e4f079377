package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.geo.SphericalCaps;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchBuffer;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.QualifiedQuery;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.SpatialIndex;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.List;

/**
 * The engines a user would pick instead of ShareNum, answering the same "qualified in tool T at
 * level ≥ L within R km" query on the same data, with the same distance function and order.
 */
final class Peers {
    private Peers() {
    }

    /** Every peer, in the order of the tables. */
    static final List<String> ALL = List.of("sharenum", "sharenum-list", "per-tool", "strtree", "hprtree", "rtree2",
            "lucene", "h3", "scan");

    /** Something that answers a qualified query. */
    interface Peer {
        /** The hits as records (to check peers against each other). */
        List<Match> qualified(QualifiedQuery q);

        /** The query in the peer's own natural form, as timed; returns the number of hits. */
        default int timed(QualifiedQuery q) {
            return qualified(q).size();
        }
    }

    static Peer create(String name, SyntheticFrance data) {
        switch (name) {
            case "sharenum":
                return new ShareNum(loaded(GeoMatchingEngine.create(), data));
            case "sharenum-list":
                return loaded(GeoMatchingEngine.create(), data)::qualified;
            case "per-tool":
                return new PerToolIndexPeer(data);
            case "scan":
                return new Scan(data);
            case "strtree":
                return new TreeOverMembers(data, new STRtree());
            case "hprtree":
                return new TreeOverMembers(data, new HPRtree());
            case "lucene":
                return new LucenePeer(data);
            case "h3":
                return new H3Peer(data);
            case "rtree2":
                return new RTree2Peer(data);
            default:
                throw new IllegalArgumentException("unknown engine " + name);
        }
    }

    static <E extends MatchingEngine> E loaded(E engine, SyntheticFrance data) {
        engine.upsertAll(data.candidates());
        return engine;
    }

    /** ShareNum as core uses it: the streaming form into one reused {@link MatchBuffer}. */
    static final class ShareNum implements Peer {
        final GeoMatchingEngine engine;
        private final MatchBuffer buffer = new MatchBuffer();

        ShareNum(GeoMatchingEngine engine) {
            this.engine = engine;
        }

        @Override
        public List<Match> qualified(QualifiedQuery q) {
            MatchBuffer b = new MatchBuffer();
            engine.qualified(q, b);
            return b.toList();
        }

        @Override
        public int timed(QualifiedQuery q) {
            return engine.qualified(q, buffer.clear());
        }
    }

    /** Adds member {@code m} to {@code hits} when qualified and within the radius. */
    static void consider(SyntheticFrance d, QualifiedQuery q, int tool, int m, List<Match> hits) {
        int level = d.level(m, tool);
        if (level < q.minLevel().ordinal()) {
            return;
        }
        int e = d.memberEst[m];
        double dist = GeoPoint.haversineKm(q.center().latitude(), q.center().longitude(), d.estLat[e], d.estLon[e]);
        if (dist <= q.radiusKm() && !q.excluded().contains(d.memberIds[m])) {
            hits.add(new Match(d.memberIds[m], d.estUai[e], LEVELS[level], dist));
        }
    }

    static List<Match> finish(List<Match> hits, int limit) {
        hits.sort(Match.ORDER);
        return hits.size() > limit ? new ArrayList<>(hits.subList(0, limit)) : hits;
    }

    static int toolIndex(QualifiedQuery q) {
        return SyntheticFrance.toolIndex(q.tool());
    }

    private static final CompetenceLevel[] LEVELS = CompetenceLevel.values();

    /** Every member, every query: check the tool, then the distance. Primitive arrays only. */
    static final class Scan implements Peer {
        private final SyntheticFrance d;

        Scan(SyntheticFrance d) {
            this.d = d;
        }

        @Override
        public List<Match> qualified(QualifiedQuery q) {
            int tool = toolIndex(q);
            List<Match> hits = new ArrayList<>();
            for (int m = 0; m < d.memberCount; m++) {
                consider(d, q, tool, m, hits);
            }
            return finish(hits, q.limit());
        }
    }

    /** One JTS tree (STRtree or HPRtree) over every member's point, then filtering on tool and distance. */
    static final class TreeOverMembers implements Peer {
        private final SyntheticFrance d;
        private final SpatialIndex tree;

        TreeOverMembers(SyntheticFrance d, SpatialIndex tree) {
            this.d = d;
            this.tree = tree;
            for (int m = 0; m < d.memberCount; m++) {
                int e = d.memberEst[m];
                tree.insert(new Envelope(d.estLon[e], d.estLon[e], d.estLat[e], d.estLat[e]), m);
            }
            if (tree instanceof STRtree) {
                ((STRtree) tree).build();
            } else {
                ((HPRtree) tree).build();
            }
        }

        @Override
        public List<Match> qualified(QualifiedQuery q) {
            int tool = toolIndex(q);
            List<Match> hits = new ArrayList<>();
            for (double[] box : SphericalCaps.boxes(q.center().latitude(), q.center().longitude(), q.radiusKm())) {
                tree.query(new Envelope(box[2], box[3], box[0], box[1]), item -> consider(d, q, tool, (Integer) item, hits));
            }
            return finish(hits, q.limit());
        }
    }
}
