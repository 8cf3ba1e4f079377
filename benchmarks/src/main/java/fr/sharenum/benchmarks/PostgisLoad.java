package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.ToolId;
import fr.sharenum.postgis.PostgisMatchingEngine;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes of the PostGIS engine against the geo engine, one run each (single shots: read the orders of
 * magnitude), on synthetic France:
 * <ul>
 *   <li>load: {@code upsertAll} of every member into an empty engine (the first instance's start);</li>
 *   <li>reload: {@code upsertAll} of the same members again (every further instance's start: nothing written);</li>
 *   <li>upsert unchanged / changed: mean of 2,000 single upserts (the change feed applied by the N-th instance,
 *       then by the first), a level changed for the second;</li>
 *   <li>disk: tables and indexes after {@code VACUUM ANALYZE}.</li>
 * </ul>
 *
 * <pre>{@code java -Xmx8g -cp benchmarks/target/benchmarks.jar fr.sharenum.benchmarks.PostgisLoad 100000 1000000}</pre>
 */
public final class PostgisLoad {
    private PostgisLoad() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.println("| members | engine | load | reload unchanged | upsert unchanged | upsert changed | disk |");
        System.out.println("|---|---|---|---|---|---|---|");
        try (PostgisDatabase database = PostgisDatabase.start()) {
            for (int members : sizes) {
                SyntheticFrance data = SyntheticFrance.national(members);
                List<MatchCandidate> all = data.candidates();

                MatchingEngine geo = GeoMatchingEngine.create();
                long t0 = System.nanoTime();
                geo.upsertAll(all);
                double geoLoad = (System.nanoTime() - t0) / 1e9;
                double[] geoUpserts = upserts(geo, all);
                System.out.printf("| %,d | geo (memory) | %.2f s | – | %.1f µs | %.1f µs | – |%n", members, geoLoad,
                        geoUpserts[0], geoUpserts[1]);

                PostgisMatchingEngine postgis = database.engine("load_" + members);
                t0 = System.nanoTime();
                postgis.upsertAll(all);
                double load = (System.nanoTime() - t0) / 1e9;
                database.vacuumAnalyze(postgis);
                t0 = System.nanoTime();
                postgis.upsertAll(all);
                double reload = (System.nanoTime() - t0) / 1e9;
                double[] upserts = upserts(postgis, all);
                System.out.printf("| %,d | postgis | %.1f s | %.1f s | %.0f µs | %.0f µs | %,d MB |%n", members, load, reload,
                        upserts[0], upserts[1], database.bytes(postgis) >> 20);
            }
        }
    }

    /** Mean µs of 2,000 upserts of unchanged members, then of 2,000 with one level changed. */
    private static double[] upserts(MatchingEngine engine, List<MatchCandidate> all) {
        int n = 2_000;
        int stride = all.size() / n;
        for (int i = 0; i < 200; i++) {   // warm-up
            engine.upsert(all.get(i * stride + 1));
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            engine.upsert(all.get(i * stride));
        }
        double unchanged = (System.nanoTime() - t0) / 1e3 / n;
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            MatchCandidate c = all.get(i * stride);
            Map<ToolId, CompetenceLevel> levels = new HashMap<>(c.levels());
            ToolId tool = levels.keySet().iterator().next();
            levels.put(tool, levels.get(tool) == CompetenceLevel.EXPERIENCED ? CompetenceLevel.NOVICE : CompetenceLevel.EXPERIENCED);
            engine.upsert(new MatchCandidate(c.member(), c.establishment(), c.location(), levels, c.followedTools(),
                    c.followedThemes()));
        }
        double changed = (System.nanoTime() - t0) / 1e3 / n;
        for (int i = 0; i < n; i++) {   // back to the dataset
            engine.upsert(all.get(i * stride));
        }
        return new double[] {unchanged, changed};
    }
}
