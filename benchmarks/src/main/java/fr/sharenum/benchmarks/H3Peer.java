package fr.sharenum.benchmarks;

import com.uber.h3core.H3Core;
import com.uber.h3core.LengthUnit;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.QualifiedQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Uber H3: members bucketed by the resolution-5 cell of their establishment (hexagons of ~250 km²);
 * a query takes the grid disk around the centre's cell wide enough to cover the radius, then checks
 * tool, level and exact distance for every member of those cells.
 */
final class H3Peer implements Peers.Peer {
    private static final int RESOLUTION = 5;

    private final SyntheticFrance d;
    private final H3Core h3;
    private final Map<Long, int[]> cells = new HashMap<>();
    /** A conservative distance covered by each ring of the disk, in km. */
    private final double ringKm;

    H3Peer(SyntheticFrance d) {
        this.d = d;
        try {
            this.h3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // adjacent centres are √3 edges apart; halve it to absorb the icosahedron's distortion
        this.ringKm = Math.sqrt(3) * h3.getHexagonEdgeLengthAvg(RESOLUTION, LengthUnit.km) * 0.5;
        Map<Long, List<Integer>> lists = new HashMap<>();
        long[] cellOfEst = new long[d.estLat.length];
        for (int e = 0; e < cellOfEst.length; e++) {
            cellOfEst[e] = h3.latLngToCell(d.estLat[e], d.estLon[e], RESOLUTION);
        }
        for (int m = 0; m < d.memberCount; m++) {
            lists.computeIfAbsent(cellOfEst[d.memberEst[m]], k -> new ArrayList<>()).add(m);
        }
        lists.forEach((cell, members) -> cells.put(cell, members.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Override
    public List<Match> qualified(QualifiedQuery q) {
        int tool = Peers.toolIndex(q);
        long origin = h3.latLngToCell(q.center().latitude(), q.center().longitude(), RESOLUTION);
        int k = (int) Math.ceil(q.radiusKm() / ringKm) + 1;
        List<Match> hits = new ArrayList<>();
        for (long cell : h3.gridDisk(origin, k)) {
            int[] members = cells.get(cell);
            if (members != null) {
                for (int m : members) {
                    Peers.consider(d, q, tool, m, hits);
                }
            }
        }
        return Peers.finish(hits, q.limit());
    }
}
