package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.postgis.PostgisMatchingEngine;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.QualifiedQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostGIS engine ({@code sharenum-postgis}, database on this machine, reached through a HikariCP pool)
 * against the in-memory {@link GeoMatchingEngine} as hosts get it, on {@link MatchingBenchmark}'s data and
 * queries: synthetic France, "level ≥ INTERMEDIATE in tool T within 30 km", 64 queries of each kind
 * (centred on a randomly drawn member's establishment, common or rare tool: {@link Queries}). Each fork of the {@code postgis} engine starts its own
 * throw-away PostgreSQL cluster ({@link PostgisDatabase}), loads the members with {@code upsertAll}
 * (load time printed), runs {@code VACUUM ANALYZE} as autovacuum would soon after, and checks that all 64
 * answers equal the geo engine's — members, distances, order — before timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class PostgisBenchmark {

    @Param({"100000", "1000000"})
    public int members;

    @Param({"30"})
    public double radiusKm;

    @Param({"common", "rare"})
    public String query;

    @Param({"postgis", "geo"})
    public String engine;

    private QualifiedQuery[] queries;
    private MatchingEngine peer;
    private PostgisDatabase database;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SyntheticFrance data = Datasets.get("synthetic", members);
        Queries drawn = new Queries(data, query, radiusKm, fr.sharenum.model.CompetenceLevel.INTERMEDIATE, 7);
        queries = new QualifiedQuery[64];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = drawn.next();
        }
        MatchingEngine geo = GeoMatchingEngine.create();
        geo.upsertAll(data.candidates());
        if (engine.equals("geo")) {
            peer = geo;
        } else if (engine.equals("postgis")) {
            database = PostgisDatabase.start();
            PostgisMatchingEngine postgis = database.engine("bench");
            long start = System.nanoTime();
            postgis.upsertAll(data.candidates());
            long loaded = System.nanoTime();
            database.vacuumAnalyze(postgis);
            System.out.printf("%npostgis: %d members loaded in %.1f s, VACUUM ANALYZE %.1f s, %d MB on disk%n", members,
                    (loaded - start) / 1e9, (System.nanoTime() - loaded) / 1e9, database.bytes(postgis) >> 20);
            peer = postgis;
        } else {
            throw new IllegalArgumentException("unknown engine " + engine + " (postgis or geo)");
        }
        long hits = 0;
        for (QualifiedQuery q : queries) {
            List<Match> expected = geo.qualified(q);
            List<Match> actual = peer.qualified(q);
            if (!expected.equals(actual)) {
                throw new IllegalStateException(engine + " disagrees with the geo engine on " + q + ": " + actual.size()
                        + " hits instead of " + expected.size());
            }
            hits += expected.size();
        }
        System.out.printf("%s, %d members, %.0f km, %s: %.1f hits per query%n", engine, members, radiusKm, query,
                (double) hits / queries.length);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Benchmark
    public void query(Blackhole bh) {
        bh.consume(peer.qualified(queries[next++ & 63]));
    }
}
