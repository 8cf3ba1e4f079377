package fr.sharenum.benchmarks;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.spi.Match;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one qualified query ("members at level ≥ {@code level} in tool T within R km"), each
 * invocation a fresh query as real demand makes them ({@link Queries}: the establishment of a member
 * drawn at random, a common or a rare tool) — no centre repeats but by chance, so nothing can be
 * served from a cache of past answers. Before timing, every engine is checked to return exactly
 * ShareNum's hits, in ShareNum's order, on 200 such queries (and ShareNum itself against a brute-force
 * scan on 20); a mismatch aborts the run. The mean number of hits is recorded, so cost can be read
 * against output size. Run with {@code -prof gc} for the allocation per query ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class MatchingBenchmark {

    @Param({"france"})
    public String dataset;

    @Param({"1000000"})
    public int members;

    @Param({"5", "30", "100"})
    public double radiusKm;

    @Param({"common", "rare"})
    public String query;

    @Param({"EXPERIENCED"})
    public CompetenceLevel level;

    @Param({"sharenum", "sharenum-list", "per-tool"})
    public String engine;

    private Queries queries;
    private Peers.Peer peer;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticFrance data = Datasets.get(dataset, members);
        peer = Peers.create(engine, data);
        Peers.Peer truth = engine.equals("sharenum-list") ? peer : Peers.create("sharenum-list", data);
        Queries check = new Queries(data, query, radiusKm, level, 7);
        long hits = 0;
        int checked = 200;
        Peers.Peer scan = engine.equals("sharenum") ? new Peers.Scan(data) : null;
        for (int i = 0; i < checked; i++) {
            QualifiedQuery q = check.next();
            List<Match> expected = truth.qualified(q);
            List<Match> actual = peer.qualified(q);
            if (!expected.equals(actual) || peer.timed(q) != expected.size()) {
                throw new IllegalStateException(engine + " disagrees with ShareNum on " + q + ": "
                        + actual.size() + " hits instead of " + expected.size());
            }
            if (scan != null && i < 20 && !scan.qualified(q).equals(expected)) {
                throw new IllegalStateException("ShareNum disagrees with a brute-force scan on " + q);
            }
            hits += expected.size();
        }
        System.out.printf("%n%s, %s (%d establishments), %d members, %.0f km, %s, level >= %s: %.1f hits per query (%d checked)%n",
                engine, data.name, data.establishmentCount, members, radiusKm, query, level, (double) hits / checked, checked);
        Report.recordHits(dataset, members, radiusKm, query, (double) hits / checked);
        long seed = System.nanoTime();
        queries = new Queries(data, query, radiusKm, level, seed);
    }

    @Benchmark
    public int query() {
        return peer.timed(queries.next());
    }
}
