package fr.sharenum.benchmarks;

import fr.sharenum.geo.GeoMatchingEngine;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MemberProjection;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Building a ready index of every member of the national dataset, one shot per iteration:
 * {@code sharenumFromProjections} is what core does at start — each member as the store hands it over for derived
 * state ({@link MemberProjection}, levels already compact) turned into a {@link MatchCandidate} on every core, then
 * {@code upsertAll} into an empty engine; {@code sharenumFromMembers} the same from whole {@link Member}s
 * ({@link MatchCandidate#of}), as a store without a projection gives them;
 * {@code sharenumFromCandidates} the second half alone; {@code perToolIndex} the per-tool STRtree peer
 * from the dataset's arrays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class BuildBenchmark {

    @Param({"france"})
    public String dataset;

    @Param({"1000000"})
    public int members;

    private SyntheticFrance data;
    private List<Member> stored;
    private List<MemberProjection> projected;
    private Map<Uai, GeoPoint> locations;
    private List<MatchCandidate> candidates;

    @Setup(Level.Trial)
    public void setUp() {
        data = Datasets.get(dataset, members);
        stored = new ArrayList<>(members);
        for (int m = 0; m < members; m++) {
            stored.add(data.member(m));
        }
        projected = stored.stream().map(MemberProjection::of).toList();
        locations = new HashMap<>();
        for (int e = 0; e < data.establishmentCount; e++) {
            locations.put(data.estUai[e], data.estPoint[e]);
        }
        candidates = data.candidates();
    }

    /** The previous iteration's index is garbage: collect it outside the measured time. */
    @Setup(Level.Iteration)
    public void collectPreviousIndex() {
        System.gc();
    }

    @Benchmark
    public GeoMatchingEngine sharenumFromProjections() {
        // as core does at start: projections turned into candidates on every core
        List<MatchCandidate> made = projected.parallelStream().map(m -> new MatchCandidate(m.id(), m.establishment(),
                locations.get(m.establishment()), m.levels(), m.followedTools(), m.followedThemes())).toList();
        GeoMatchingEngine engine = GeoMatchingEngine.create();
        engine.upsertAll(made);
        return engine;
    }

    @Benchmark
    public GeoMatchingEngine sharenumFromMembers() {
        // as core does at start: members turned into candidates on every core
        List<MatchCandidate> made = stored.parallelStream().map(m -> MatchCandidate.of(m, locations.get(m.establishment())))
                .toList();
        GeoMatchingEngine engine = GeoMatchingEngine.create();
        engine.upsertAll(made);
        return engine;
    }

    @Benchmark
    public GeoMatchingEngine sharenumFromCandidates() {
        GeoMatchingEngine engine = GeoMatchingEngine.create();
        engine.upsertAll(candidates);
        return engine;
    }

    @Benchmark
    public Object perToolIndex() {
        return new PerToolIndexPeer(data);
    }
}
