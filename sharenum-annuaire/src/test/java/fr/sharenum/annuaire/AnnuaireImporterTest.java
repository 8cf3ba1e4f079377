package fr.sharenum.annuaire;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnuaireImporterTest {

    private static final String HEADER = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Code_commune;"
            + "Code_academie;latitude;longitude;libelle_nature\n";

    private final List<Establishment> imported = new ArrayList<>();

    private ImportReport run(String csv, boolean strict) {
        return AnnuaireImporter.builder().strict(strict).build().importFrom(new StringReader(csv), imported::add);
    }

    @Test
    void annuaire_rows_become_establishments_with_bom_or_without() {
        String body = "0311131L;Lycée polyvalent privé Sainte-Thérèse;Lycée;31483;16;43.1050;0.7220;LYCEE POLYVALENT\n"
                + "0301326D;Collège André Chamson;Collège;30350;11;43.9898;3.6006;COLLEGE\n";
        ImportReport withBom = run("\uFEFF" + HEADER + body, false);
        ImportReport without = run(HEADER + body, false);

        assertThat(withBom).isEqualTo(without);
        assertThat(withBom.rows()).isEqualTo(2);
        assertThat(withBom.imported()).isEqualTo(2);
        Establishment lycee = imported.get(0);
        assertThat(lycee.uai().value()).isEqualTo("0311131L");
        assertThat(lycee.name()).isEqualTo("Lycée polyvalent privé Sainte-Thérèse");
        assertThat(lycee.type()).isEqualTo(EstablishmentType.LYCEE);
        assertThat(lycee.academie()).isEqualTo(Academie.TOULOUSE);
        assertThat(lycee.communeCode()).isEqualTo("31483");
        assertThat(lycee.location().latitude()).isEqualTo(43.1050);
        assertThat(imported.get(1).type()).isEqualTo(EstablishmentType.COLLEGE);
        assertThat(imported.get(1).academie()).isEqualTo(Academie.MONTPELLIER);
    }

    @Test
    void bad_rows_are_reported_with_line_and_reason_and_the_import_goes_on() {
        String csv = HEADER
                + "0311131X;Mauvaise clé;Lycée;31483;16;43.1;0.7;LYCEE\n"          // line 2: wrong check letter
                + "0301326D;Collège sans position;Collège;30350;11;;;COLLEGE\n"     // line 3: not located
                + "0090038T;Collège du Sacré-Coeur;Collège;09261;16;42.98;1.14;COLLEGE\n"  // line 4: fine
                + "0090038T;Annexe;Collège;09261;16;42.99;1.15;COLLEGE\n"          // line 5: duplicate UAI
                + "0311132M;Loin;Lycée;31483;16;143.1;0.7;LYCEE\n"                 // line 6: latitude out of range
                + "0311133N;;Lycée;31483;16;43.1;0.7;LYCEE\n"                      // line 7: no name
                + "0311134P;Virgule;Lycée;31483;16;43,5;1,25;LYCEE\n";             // line 8: decimal comma, fine

        ImportReport report = run(csv, false);

        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).extracting(Rejection::line).containsExactly(2L, 3L, 5L, 6L, 7L);
        assertThat(report.rejected().get(0).reason()).contains("check letter");
        assertThat(report.rejected().get(1).reason()).contains("not located");
        assertThat(report.rejected().get(2).reason()).contains("already imported from line 4");
        assertThat(report.rejected().get(3).reason()).contains("latitude");
        assertThat(report.rejected().get(4).reason()).contains("no name");
        assertThat(imported).extracting(e -> e.uai().value()).containsExactly("0090038T", "0311134P");
        assertThat(imported.get(1).location().longitude()).isEqualTo(1.25);
    }

    @Test
    void strict_mode_stops_at_the_first_bad_row_and_imports_nothing() {
        String csv = HEADER + "0090038T;Collège du Sacré-Coeur;Collège;09261;16;42.98;1.14;COLLEGE\n"
                + "0301326D;Collège sans position;Collège;30350;11;;;COLLEGE\n";

        assertThatThrownBy(() -> run(csv, true)).isInstanceOf(AnnuaireImportException.class)
                .hasMessageContaining("line 3")
                .satisfies(e -> assertThat(((AnnuaireImportException) e).rejection()).hasValueSatisfying(
                        r -> assertThat(r.uai()).isEqualTo("0301326D")));
        assertThat(imported).isEmpty();
    }

    @Test
    void the_geolocation_export_header_is_understood_too() {
        String csv = "numero_uai;appellation_officielle;nature_uai_libe;code_commune;code_academie;latitude;longitude\n"
                + "0071245R;Collège de Jastres;COLLEGE;07019;08;44.6170;4.3966\n";

        ImportReport report = run(csv, false);

        assertThat(report.imported()).isEqualTo(1);
        assertThat(imported.get(0).academie()).isEqualTo(Academie.GRENOBLE);
        assertThat(imported.get(0).type()).isEqualTo(EstablishmentType.COLLEGE);
    }

    @Test
    void a_file_without_the_needed_columns_or_not_csv_is_refused() {
        assertThatThrownBy(() -> run("uai;nom\n0090038T;x\n", false)).isInstanceOf(AnnuaireImportException.class)
                .hasMessageContaining("no uai column");
        assertThatThrownBy(() -> run(HEADER + "\"0090038T;unterminated quote\n", false))
                .isInstanceOf(AnnuaireImportException.class);
        assertThat(imported).isEmpty();
        assertThat(run(HEADER, false).rows()).isZero();
    }

    @Test
    void the_real_occitanie_extract_imports_when_present() {
        Path file = Path.of(System.getProperty("sharenum.shared.dir", "../../shared"), "data",
                "fr_annuaire_education_occitanie_2024-11.csv");
        Assumptions.assumeTrue(Files.isReadable(file), "shared open data not present: " + file);

        ImportReport report = AnnuaireImporter.builder().build().importFile(file, imported::add);

        assertThat(report.rows()).isEqualTo(6240);
        assertThat(report.imported() + report.rejected().size()).isEqualTo(6240);
        assertThat(report.rejected()).filteredOn(r -> r.reason().contains("not located")).hasSize(31);
        assertThat(report.rejected()).filteredOn(r -> r.reason().contains("already imported")).hasSize(3);
        assertThat(imported).allSatisfy(e -> {
            assertThat(e.academie()).isIn(Academie.TOULOUSE, Academie.MONTPELLIER);
            assertThat(e.location().latitude()).isBetween(42.3, 47.1);   // 47.06: a known wrong-homonym geocoding
            assertThat(e.location().longitude()).isBetween(-0.4, 4.9);
        });
        assertThat(imported).filteredOn(e -> e.type() == EstablishmentType.ECOLE).hasSizeGreaterThan(4000);
    }
}
