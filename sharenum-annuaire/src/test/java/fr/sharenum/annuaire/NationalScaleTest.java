package fr.sharenum.annuaire;

import fr.sharenum.model.Establishment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * National size: a 70,000-row directory generated from the real extracts (skipped when they are absent)
 * is imported and synchronised with the next day's, and imported again in a JVM of 32 MB of heap —
 * the file as rows would take ten times that.
 */
class NationalScaleTest {
    @TempDir
    static Path dir;
    static Path day0;
    static Path day1;
    static NationalSample.Changes base;
    static NationalSample.Changes next;

    @BeforeAll
    static void generate() throws IOException {
        NationalSample.Sources sources = NationalSample.Sources.shared().orElse(null);
        Assumptions.assumeTrue(sources != null, "the real extracts of ../shared/data are not present");
        NationalSample sample = new NationalSample(sources);
        day0 = dir.resolve("annuaire-national-j0.csv");
        day1 = dir.resolve("annuaire-national-j1.csv");
        base = sample.write(day0, 70_000, 0);
        next = sample.write(day1, 70_000, 1);
    }

    @Test
    void seventy_thousand_rows_are_imported_and_synchronised_with_the_next_day() {
        List<Establishment> store = new ArrayList<>();
        long t0 = System.nanoTime();
        ImportReport report = AnnuaireImporter.builder().build().importFile(day0, store::add);
        long t1 = System.nanoTime();
        ChangeSet changes = DirectorySync.builder().build().diff(day1, store);
        long t2 = System.nanoTime();
        System.out.printf("national sample: import %d ms (%d rows), synchronisation %d ms (%d changes)%n",
                TimeUnit.NANOSECONDS.toMillis(t1 - t0), report.rows(), TimeUnit.NANOSECONDS.toMillis(t2 - t1),
                changes.changes().size());

        assertThat(report.rows()).isEqualTo(base.rows() + base.annexRows()).isGreaterThan(69_000);
        assertThat(report.annexes()).isEqualTo(base.annexRows()).isGreaterThan(100);
        assertThat(changes.moved()).hasSize((int) next.moved());
        assertThat(changes.renamed()).hasSize((int) next.renamed());
        assertThat(changes.closing()).hasSize((int) next.closing());
        assertThat(changes.closed()).hasSize((int) next.gone()).allMatch(c -> c.absentFromSource());
        assertThat(changes.added()).hasSize((int) next.added());
        assertThat(next.moved()).isGreaterThan(500);
        assertThat(changes.applyTo(store)).hasSize(store.size() + (int) next.added());
        // a smoke bound only: the figure to quote is the benchmark's (AnnuaireBenchmark)
        assertThat(TimeUnit.NANOSECONDS.toSeconds(t2 - t0)).isLessThan(30);
    }

    @Test
    void the_import_runs_in_32_megabytes_of_heap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                SmallHeapImport.class.getName(), day0.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        long expected = AnnuaireImporter.builder().build().importFile(day0, e -> { }).imported();
        assertThat(out).contains("file: " + expected + " establishments").contains("stream: " + expected + " establishments");
    }

    /** Imports a file without keeping what it reads: from the file (two passes), then from a stream, then strictly. */
    public static final class SmallHeapImport {
        /**
         * Imports the file twice and exits with 1 when the counts differ.
         *
         * @param args the file
         */
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            long[] count = new long[1];
            ImportReport r = AnnuaireImporter.builder().build().importFile(file, e -> count[0]++);
            System.out.println("file: " + count[0] + " establishments, max heap " + Runtime.getRuntime().maxMemory());
            count[0] = 0;
            try (var in = java.nio.file.Files.newInputStream(file)) {
                AnnuaireImporter.builder().build().importFrom(in, e -> count[0]++);
            }
            System.out.println("stream: " + count[0] + " establishments");
            if (count[0] != r.imported()) {
                System.exit(1);
            }
        }
    }
}
