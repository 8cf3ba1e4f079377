package fr.sharenum.annuaire;

import fr.sharenum.annuaire.Fixtures.Collected;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A download cut five characters into the last row's longitude: the column count is checked per row. */
class TruncatedRowTest {

    private static final Path FIXTURE = Fixtures.path("annuaire-2024-truncated.csv");

    @Test
    void a_cut_last_row_is_rejected_in_lenient_mode_and_named() throws Exception {
        Collected imported = new Collected();

        ImportReport report = AnnuaireImporter.builder().build().importFile(FIXTURE, imported);

        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(Rejection.Code.COLUMN_COUNT);
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.uai()).isEqualTo("0314012T");
            assertThat(r.reason()).contains("53 colonnes au lieu des 72").contains("tronqué");
        });
        assertThat(imported.list).noneMatch(e -> e.uai().value().equals("0314012T"));
        Collected streamed = new Collected();
        try (InputStream in = Files.newInputStream(FIXTURE)) {
            assertThat(AnnuaireImporter.builder().build().importFrom(in, streamed)).isEqualTo(report);
        }
    }

    @Test
    void a_cut_last_row_refuses_a_strict_import_which_hands_nothing() {
        Collected imported = new Collected();

        assertThatThrownBy(() -> AnnuaireImporter.builder().strict(true).build().importFile(FIXTURE, imported))
                .isInstanceOfSatisfying(AnnuaireImportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AnnuaireImportException.Code.INVALID_ROW);
                    assertThat(e.line()).hasValue(4);
                    assertThat(e.rejection()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(Rejection.Code.COLUMN_COUNT));
                    assertThat(e.handed()).isZero();
                });
        assertThat(imported.list).isEmpty();
    }
}
