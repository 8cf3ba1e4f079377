package fr.sharenum.benchmarks;

import fr.sharenum.annuaire.AnnuaireImporter;
import fr.sharenum.annuaire.ChangeSet;
import fr.sharenum.annuaire.DirectorySync;
import fr.sharenum.annuaire.ImportReport;
import fr.sharenum.annuaire.NationalSample;
import fr.sharenum.model.Establishment;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The establishment directory at national size: a {@code rows}-row Annuaire de l'éducation generated
 * from the real extracts of {@code ../shared/data} ({@link NationalSample}: the Occitanie rows dealt
 * over every département, synthetic UAIs, moved positions, annexes), and the next day's with 1 % moves,
 * 0.5 % renamings, 0.2 % closings, 0.2 % disappearances and 0.3 % new establishments. Generated in the
 * set-up into a temporary directory, deleted afterwards.
 *
 * <ul>
 *   <li>{@code importFile}: the whole file read into establishments (checking pass and handing pass);</li>
 *   <li>{@code synchronise}: the next day's file compared with a store holding the day before (import
 *       of the new file included), giving the change set;</li>
 *   <li>{@code importThenSynchronise}: both, as a platform does the first day then the next.</li>
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar AnnuaireBenchmark -jvmArgsAppend -Dsharenum.shared.dir=../shared
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AnnuaireBenchmark {

    @Param({"70000"})
    public int rows;

    private Path dir;
    private Path day0;
    private Path day1;
    private List<Establishment> store;
    private final AnnuaireImporter importer = AnnuaireImporter.builder().build();
    private final DirectorySync sync = DirectorySync.builder().build();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        NationalSample.Sources sources = NationalSample.Sources.shared().orElseThrow(() -> new IllegalStateException(
                "AnnuaireBenchmark needs the real extracts in ../shared/data (or -Dsharenum.shared.dir=...)"));
        NationalSample sample = new NationalSample(sources);
        dir = Files.createTempDirectory("sharenum-annuaire-bench");
        day0 = dir.resolve("annuaire-j0.csv");
        day1 = dir.resolve("annuaire-j1.csv");
        NationalSample.Changes base = sample.write(day0, rows, 0);
        NationalSample.Changes next = sample.write(day1, rows, 1);
        store = new ArrayList<>();
        ImportReport report = importer.importFile(day0, store::add);
        ChangeSet changes = sync.diff(day1, store);
        System.out.printf("%nannuaire: %d rows (%d MB), %d establishments; next day: %s -> %s%n", report.rows(),
                Files.size(day0) >> 20, store.size(), next, changes.counts());
        if (changes.moved().size() != next.moved() || changes.added().size() != next.added() || base.rows() == 0) {
            throw new IllegalStateException("the change set does not match the generated changes");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(day0);
        Files.deleteIfExists(day1);
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public ImportReport importFile(Blackhole bh) {
        return importer.importFile(day0, bh::consume);
    }

    @Benchmark
    public ChangeSet synchronise() {
        return sync.diff(day1, store);
    }

    @Benchmark
    public ChangeSet importThenSynchronise() {
        List<Establishment> fresh = new ArrayList<>(rows);
        importer.importFile(day0, fresh::add);
        return sync.diff(day1, fresh);
    }
}
