package fr.sharenum.annuaire;

import fr.sharenum.annuaire.Fixtures.Collected;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentAnnex;
import fr.sharenum.model.EstablishmentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows sharing a UAI (cité scolaire, annexes) become one establishment, in both modes, from a file or a stream. */
class SharedUaiTest {

    private static final Path FIXTURE = Fixtures.path("annuaire-2024-shared-uai.csv");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rows_sharing_a_uai_are_merged_into_their_main_row_with_annexes_from_a_file(boolean strict) {
        Collected imported = new Collected();

        ImportReport report = AnnuaireImporter.builder().strict(strict).build().importFile(FIXTURE, imported);

        assertMerged(report, imported);
        // handed as each UAI's last row is read
        assertThat(imported.list).extracting(e -> e.uai().value())
                .containsExactly("0311002W", "0311001V", "0341003F", "0311005Z", "0311004Y");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void the_same_from_a_stream_by_the_multi_uai_column(boolean strict) throws Exception {
        Collected imported = new Collected();
        ImportReport report;
        try (InputStream in = Files.newInputStream(FIXTURE)) {
            report = AnnuaireImporter.builder().strict(strict).build().importFrom(in, imported);
        }
        assertMerged(report, imported);
    }

    private static void assertMerged(ImportReport report, Collected imported) {
        assertThat(report.rows()).isEqualTo(8);
        assertThat(report.imported()).isEqualTo(5);
        assertThat(report.annexes()).isEqualTo(3);
        assertThat(report.rejected()).isEmpty();
        assertThat(imported.list).hasSize(5);

        Establishment tilleuls = imported.get("0311001V");
        assertThat(tilleuls.name()).isEqualTo("Collège des Tilleuls");
        assertThat(tilleuls.location().latitude()).isEqualTo(43.6044);
        assertThat(tilleuls.annexes()).containsExactly(new EstablishmentAnnex("Collège des Tilleuls - annexe",
                EstablishmentType.COLLEGE, fr.sharenum.model.GeoPoint.of(43.6050, 1.4470), "31555"));

        Establishment cite = imported.get("0341003F");
        assertThat(cite.name()).isEqualTo("Cité scolaire des Arènes (collège)");
        assertThat(cite.type()).isEqualTo(EstablishmentType.COLLEGE);
        assertThat(cite.annexes()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Cité scolaire des Arènes (lycée)");
            assertThat(a.type()).isEqualTo(EstablishmentType.LYCEE);
        });

        // the site is listed first: the main row is the one not named as a site
        Establishment lac = imported.get("0311004Y");
        assertThat(lac.name()).isEqualTo("Collège du Lac");
        assertThat(lac.location().latitude()).isEqualTo(43.5200);
        assertThat(lac.annexes()).extracting(EstablishmentAnnex::name).containsExactly("Collège du Lac - site de Bel-Air");
        assertThat(imported.get("0311002W").annexes()).isEmpty();
    }

    @Test
    void without_a_multi_row_column_a_stream_rejects_the_repeat_and_a_file_merges_it() throws Exception {
        String csv = Fixtures.COMPACT_HEADER
                + "0311631E;Collège Michelet;Collège;31555;16;43.6044;1.4557;COLLEGE;\n"
                + "0090038T;Collège du Sacré-Coeur;Collège;09261;16;42.98;1.14;COLLEGE;\n"
                + "0311631E;Collège Michelet - annexe;Collège;31555;16;43.6046;1.4560;COLLEGE;\n";
        Collected streamed = new Collected();

        ImportReport fromStream = Fixtures.compact().build().importFrom(new StringReader(csv), streamed);

        assertThat(fromStream.rejected()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(Rejection.Code.DUPLICATE_UAI);
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.reason()).contains("déjà importé depuis la ligne 2");
        });
        Path file = dir.resolve("michelet.csv");
        Files.writeString(file, csv);
        Collected fromFile = new Collected();
        ImportReport report = Fixtures.compact().strict(true).build().importFile(file, fromFile);
        assertThat(report.annexes()).isEqualTo(1);
        assertThat(fromFile.get("0311631E").annexes()).extracting(EstablishmentAnnex::name)
                .containsExactly("Collège Michelet - annexe");
    }
}
