package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.spi.MatchCandidate;
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

/** Full build of the geo engine from every member of the national dataset (one shot per iteration). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class BuildBenchmark {

    @Param({"1000000"})
    public int members;

    private List<MatchCandidate> candidates;

    @Setup(Level.Trial)
    public void setUp() {
        candidates = Datasets.national(members).candidates();
    }

    /** The previous iteration's engine is garbage: collect it outside the measured time. */
    @Setup(Level.Iteration)
    public void collectPreviousEngine() {
        System.gc();
    }

    @Benchmark
    public GeoMatchingEngine build() {
        GeoMatchingEngine engine = GeoMatchingEngine.create();
        engine.upsertAll(candidates);
        return engine;
    }
}
