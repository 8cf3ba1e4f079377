package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.model.CompetenceLevel;
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

import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Event broadcast fan-out: members within 30 km following the event's tool or theme (4,096 venues drawn like query centres). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class FanOutBenchmark {

    @Param({"1000000"})
    public int members;

    private GeoMatchingEngine engine;
    private FollowersQuery[] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticFrance data = Datasets.get("france", members);
        engine = GeoMatchingEngine.create();
        engine.upsertAll(data.candidates());
        Queries mix = new Queries(data, "mixed", 30, CompetenceLevel.EXPERIENCED, 13);
        queries = new FollowersQuery[4096];
        for (int i = 0; i < queries.length; i++) {
            QualifiedQuery q = mix.next();
            queries[i] = new FollowersQuery(q.center(), 30, Set.of(q.tool()), Set.of(data.themes[i % SyntheticFrance.THEMES]), Set.of());
        }
    }

    @Benchmark
    public Object fanOut() {
        return engine.followers(queries[next++ & 4095]);
    }
}
