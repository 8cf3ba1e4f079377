package fr.sharenum.benchmarks;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.QualifiedQuery;

import java.util.SplittableRandom;

/**
 * Queries as real demand makes them, drawn afresh one by one: a member is drawn at random (so
 * establishments weigh by their staff and dense areas dominate) and the query is centred on their
 * establishment; the tool is drawn among the 5 most declared ({@code common}) or among popularity ranks
 * 40–59 ({@code rare}), or either ({@code mixed}). Nothing repeats but what chance repeats.
 */
final class Queries {

    /** The kinds of query the benchmarks report separately. */
    static final String COMMON = "common";
    static final String RARE = "rare";

    private final SyntheticFrance d;
    private final ToolId[] pool;
    private final double radiusKm;
    private final CompetenceLevel level;
    private final SplittableRandom random;

    Queries(SyntheticFrance d, String kind, double radiusKm, CompetenceLevel level, long seed) {
        this.d = d;
        this.radiusKm = radiusKm;
        this.level = level;
        this.random = new SplittableRandom(seed);
        switch (kind) {
            case COMMON:
                pool = range(d, 0, SyntheticFrance.COMMON_TOOLS);
                break;
            case RARE:
                pool = range(d, SyntheticFrance.RARE_FROM, SyntheticFrance.TOOLS);
                break;
            case "mixed":
                ToolId[] common = range(d, 0, SyntheticFrance.COMMON_TOOLS);
                ToolId[] rare = range(d, SyntheticFrance.RARE_FROM, SyntheticFrance.TOOLS);
                pool = new ToolId[common.length * 4];
                for (int i = 0; i < pool.length; i++) {
                    pool[i] = i % 2 == 0 ? common[(i / 2) % common.length] : rare[(i * 7) % rare.length];
                }
                break;
            default:
                throw new IllegalArgumentException("unknown query kind " + kind + " (common, rare or mixed)");
        }
    }

    private static ToolId[] range(SyntheticFrance d, int from, int to) {
        ToolId[] out = new ToolId[to - from];
        System.arraycopy(d.tools, from, out, 0, out.length);
        return out;
    }

    /** The next query: a fresh member's establishment, a tool of the kind. */
    QualifiedQuery next() {
        int m = random.nextInt(d.memberCount);
        return QualifiedQuery.within(d.estPoint[d.memberEst[m]], radiusKm, pool[random.nextInt(pool.length)], level);
    }
}
