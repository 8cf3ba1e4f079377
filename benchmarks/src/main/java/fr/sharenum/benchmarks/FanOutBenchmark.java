package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.spi.FollowersQuery;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Event broadcast fan-out: members within 30 km following the event's tool or theme. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class FanOutBenchmark {

    @Param({"1000000"})
    public int members;

    private GeoMatchingEngine engine;
    private FollowersQuery[] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticFrance data = Datasets.national(members);
        engine = GeoMatchingEngine.create();
        engine.upsertAll(data.candidates());
        List<QualifiedQuery> mix = data.queryMix(30, 64, 13);
        queries = new FollowersQuery[mix.size()];
        for (int i = 0; i < queries.length; i++) {
            GeoPoint c = mix.get(i).center();
            queries[i] = new FollowersQuery(c, 30, Set.of(mix.get(i).tool()), Set.of(data.themes[i % SyntheticFrance.THEMES]), Set.of());
        }
    }

    @Benchmark
    public Object fanOut() {
        return engine.followers(queries[next++ & 63]);
    }
}
