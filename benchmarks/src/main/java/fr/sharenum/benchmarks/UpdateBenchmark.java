package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.MatchCandidate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Level changes per second on the loaded national engine while another thread queries it (fresh 30 km
 * queries, common and rare tools): one updater thread, one query thread, on the 2-core machine.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class UpdateBenchmark {

    @Param({"1000000"})
    public int members;

    private GeoMatchingEngine engine;
    private MatchCandidate[] changes;
    private Queries queries;
    private int nextChange;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticFrance data = Datasets.get("france", members);
        engine = GeoMatchingEngine.create();
        engine.upsertAll(data.candidates());
        queries = new Queries(data, "mixed", 30, CompetenceLevel.EXPERIENCED, 11);
        // 4096 prepared level changes: a member moves one of their tools one level up or down
        SplittableRandom r = new SplittableRandom(5);
        changes = new MatchCandidate[4096];
        for (int i = 0; i < changes.length; i++) {
            MatchCandidate c = data.candidates().get(r.nextInt(data.memberCount));
            Map<ToolId, CompetenceLevel> levels = new HashMap<>(c.levels());
            ToolId tool = List.copyOf(levels.keySet()).get(r.nextInt(levels.size()));
            levels.put(tool, CompetenceLevel.values()[(levels.get(tool).ordinal() + 1 + r.nextInt(2)) % 3]);
            changes[i] = new MatchCandidate(c.member(), c.establishment(), c.location(), levels, c.followedTools(), c.followedThemes());
        }
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(1)
    public void levelChange() {
        engine.upsert(changes[nextChange++ & 4095]);
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(1)
    public Object query() {
        return engine.qualified(queries.next());
    }
}
