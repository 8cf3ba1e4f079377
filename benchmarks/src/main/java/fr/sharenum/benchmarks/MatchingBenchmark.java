package fr.sharenum.benchmarks;

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
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one qualified query ("members at level ≥ INTERMEDIATE in tool T within R km"),
 * averaged over 64 fixed queries of one kind ({@code query}: dense or rural centre, common or rare
 * tool; see {@link SyntheticFrance#queries}). Every engine is first checked to return exactly
 * ShareNum's hits, in ShareNum's order, on all 64; a mismatch aborts the run. The number of hits is
 * printed, so cost can be read against output size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class MatchingBenchmark {

    @Param({"synthetic"})
    public String dataset;

    @Param({"100000", "1000000"})
    public int members;

    @Param({"30"})
    public double radiusKm;

    @Param({"dense-common", "dense-rare", "rural-common", "rural-rare"})
    public String query;

    @Param({"sharenum", "sharenum-nocache", "strtree", "hprtree", "rtree2", "lucene", "h3", "scan"})
    public String engine;

    private QualifiedQuery[] queries;
    private Peers.Peer peer;
    private int next;
    private long hits;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticFrance data = Datasets.get(dataset, members);
        List<QualifiedQuery> mix = data.queries(query, radiusKm, 64, 7);
        queries = mix.toArray(new QualifiedQuery[0]);
        peer = Peers.create(engine, data);
        Peers.Peer truth = engine.equals("sharenum") ? peer : Peers.create("sharenum-nocache", data);
        for (QualifiedQuery q : queries) {
            List<Match> expected = truth.qualified(q);
            List<Match> actual = peer.qualified(q);
            if (!expected.equals(actual)) {
                throw new IllegalStateException(engine + " disagrees with ShareNum on " + q + ": "
                        + actual.size() + " hits instead of " + expected.size());
            }
            hits += expected.size();
        }
        System.out.printf("%n%s, %s, %d members, %.0f km, %s: %d hits over the %d queries (%.1f per query)%n",
                engine, dataset, members, radiusKm, query, hits, queries.length, (double) hits / queries.length);
        Report.recordHits(dataset, members, radiusKm, query, (double) hits / queries.length);
    }

    @Benchmark
    public void query(Blackhole bh) {
        bh.consume(peer.qualified(queries[next++ & 63]));
    }
}
