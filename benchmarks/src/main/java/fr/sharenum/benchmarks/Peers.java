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

    private static int toolIndex(SyntheticFrance d, QualifiedQuery q) {
        return Integer.parseInt(q.tool().value().substring(5));
    }

    private static List<Match> finish(List<Match> hits, int limit) {
        hits.sort(Match.ORDER);
        return hits.size() > limit ? new ArrayList<>(hits.subList(0, limit)) : hits;
    }

    private static final CompetenceLevel[] LEVELS = CompetenceLevel.values();

    /** Every member, every query: check the tool, then the distance. Primitive arrays only. */
    static final class Scan implements Peer {
        private final SyntheticFrance d;
        private final double[] lat;
        private final double[] lon;

        Scan(SyntheticFrance d) {
            this.d = d;
            lat = new double[d.memberCount];
            lon = new double[d.memberCount];
            for (int m = 0; m < d.memberCount; m++) {
                lat[m] = d.estLat[d.memberEst[m]];
                lon[m] = d.estLon[d.memberEst[m]];
            }
        }

        @Override
        public List<Match> qualified(QualifiedQuery q) {
            int tool = toolIndex(d, q);
            int min = q.minLevel().ordinal();
            double cLat = q.center().latitude();
            double cLon = q.center().longitude();
            List<Match> hits = new ArrayList<>();
            for (int m = 0; m < d.memberCount; m++) {
                int level = level(d, m, tool);
                if (level < min) {
                    continue;
                }
                double dist = GeoPoint.haversineKm(cLat, cLon, lat[m], lon[m]);
                if (dist <= q.radiusKm() && !q.excluded().contains(d.memberIds[m])) {
                    hits.add(new Match(d.memberIds[m], d.estUai[d.memberEst[m]], LEVELS[level], dist));
                }
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
            int tool = toolIndex(d, q);
            int min = q.minLevel().ordinal();
            double cLat = q.center().latitude();
            double cLon = q.center().longitude();
            List<Match> hits = new ArrayList<>();
            for (double[] box : SphericalCaps.boxes(cLat, cLon, q.radiusKm())) {
                tree.query(new Envelope(box[2], box[3], box[0], box[1]), item -> {
                    int m = (Integer) item;
                    int level = level(d, m, tool);
                    if (level < min) {
                        return;
                    }
                    int e = d.memberEst[m];
                    double dist = GeoPoint.haversineKm(cLat, cLon, d.estLat[e], d.estLon[e]);
                    if (dist <= q.radiusKm() && !q.excluded().contains(d.memberIds[m])) {
                        hits.add(new Match(d.memberIds[m], d.estUai[e], LEVELS[level], dist));
                    }
                });
            }
            return finish(hits, q.limit());
        }
    }
}
