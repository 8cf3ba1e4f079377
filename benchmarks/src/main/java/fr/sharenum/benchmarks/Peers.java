package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.geo.SphericalCaps;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.spi.Match;
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

    /** Something that answers a qualified query. */
    interface Peer {
        List<Match> qualified(QualifiedQuery q);
    }

    static Peer create(String name, SyntheticFrance data) {
        switch (name) {
            case "sharenum":
                return loaded(GeoMatchingEngine.create(), data)::qualified;
            case "sharenum-nocache":
                return loaded(GeoMatchingEngine.builder().siteCacheWeight(0).build(), data)::qualified;
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

    static MatchingEngine loaded(MatchingEngine engine, SyntheticFrance data) {
        engine.upsertAll(data.candidates());
        return engine;
    }

    /** The member's level on the queried tool, or -1. */
    private static int level(SyntheticFrance d, int m, int tool) {
        for (int k = d.skillStart[m]; k < d.skillStart[m + 1]; k++) {
            if (d.skillTool[k] == tool) {
                return d.skillLevel[k];
            }
        }
        return -1;
    }

    static int toolIndex(QualifiedQuery q) {
        return Integer.parseInt(q.tool().value().substring(5));
    }

    /** Adds member {@code m} to {@code hits} when qualified and within the radius. */
    static void consider(SyntheticFrance d, QualifiedQuery q, int tool, int m, List<Match> hits) {
        int level = level(d, m, tool);
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
