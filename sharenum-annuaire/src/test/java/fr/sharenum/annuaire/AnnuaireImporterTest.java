package fr.sharenum.annuaire;

import fr.sharenum.annuaire.AnnuaireImportException.Code;
import fr.sharenum.annuaire.Fixtures.Collected;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnuaireImporterTest {

    private final Collected imported = new Collected();

    @TempDir
    Path dir;

    private ImportReport run(String csv, boolean strict) {
        return Fixtures.compact().strict(strict).build().importFrom(new StringReader(csv), imported);
    }

    private Path file(String csv) throws Exception {
        Path f = Files.createTempFile(dir, "annuaire", ".csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void rows_become_establishments_with_bom_or_without() {
        String body = "0311131L;Lycée polyvalent privé Sainte-Thérèse;Lycée;31483;16;43.1050;0.7220;LYCEE POLYVALENT;OUVERT\n"
                + "0301326D;Collège André Chamson;Collège;30350;11;43.9898;3.6006;COLLEGE;OUVERT\n";
        ImportReport withBom = run("\uFEFF" + Fixtures.COMPACT_HEADER + body, false);
        ImportReport without = run(Fixtures.COMPACT_HEADER + body, false);

        assertThat(withBom).isEqualTo(without);
        assertThat(withBom.headerVersion()).isEqualTo("compact");
        assertThat(withBom.rows()).isEqualTo(2);
        assertThat(withBom.imported()).isEqualTo(2);
        Establishment lycee = imported.list.get(0);
        assertThat(lycee.uai().value()).isEqualTo("0311131L");
        assertThat(lycee.name()).isEqualTo("Lycée polyvalent privé Sainte-Thérèse");
        assertThat(lycee.type()).isEqualTo(EstablishmentType.LYCEE);
        assertThat(lycee.academie()).isEqualTo(Academie.TOULOUSE);
        assertThat(lycee.communeCode()).isEqualTo("31483");
        assertThat(lycee.location().latitude()).isEqualTo(43.1050);
        assertThat(imported.list.get(1).type()).isEqualTo(EstablishmentType.COLLEGE);
        assertThat(imported.list.get(1).academie()).isEqualTo(Academie.MONTPELLIER);
    }

    @Test
    void bad_rows_are_reported_with_line_code_and_reason_and_the_import_goes_on() {
        String csv = Fixtures.COMPACT_HEADER
                + "0311131X;Mauvaise clé;Lycée;31483;16;43.1;0.7;LYCEE;\n"          // line 2: wrong check letter
                + "0301326D;Collège sans position;Collège;30350;11;;;COLLEGE;\n"     // line 3: not located
                + "0090038T;Collège du Sacré-Coeur;Collège;09261;16;42.98;1.14;COLLEGE;\n"  // line 4: fine
                + "0311132M;Loin;Lycée;31483;16;143.1;0.7;LYCEE;\n"                 // line 5: latitude out of range
                + "\n"                                                              // line 6: empty, skipped
                + "0311133N;;Lycée;31483;16;43.1;0.7;LYCEE;\n"                      // line 7: no name
                + "0311134P;Virgule;Lycée;31483;16;43,5;1,25;LYCEE;\n"             // line 8: decimal comma, fine
                + "0311135R;Hexa;Lycée;31483;16;0x1p5;1.2;LYCEE;\n"                // line 9: not decimal degrees
                + "9990001X;Nulle part;Lycée;;99;43.1;1.2;LYCEE;\n"                // line 10: no académie
                + "0311136S;Trop;Lycée;31483;16;43.1;1.2;LYCEE;;en trop\n"         // line 11: one column too many
                + "\"0311137T\";\"Guillemets; point-virgule\";Lycée;31483;16;43.2;1.3;LYCEE;\n"; // line 12: quoted, fine

        ImportReport report = run(csv, false);

        assertThat(report.rows()).isEqualTo(10);
        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.rejected()).extracting(Rejection::line).containsExactly(2L, 3L, 5L, 7L, 9L, 10L, 11L);
        assertThat(report.rejected()).extracting(Rejection::code).containsExactly(Rejection.Code.BAD_UAI,
                Rejection.Code.NOT_LOCATED, Rejection.Code.BAD_COORDINATES, Rejection.Code.NO_NAME,
                Rejection.Code.BAD_COORDINATES, Rejection.Code.UNKNOWN_ACADEMIE, Rejection.Code.COLUMN_COUNT);
        assertThat(report.rejected().get(0).reason()).contains("la lettre clé devrait être L");
        assertThat(report.rejected().get(1).reason()).contains("pas localisé");
        assertThat(report.rejected().get(2).reason()).contains("latitude 143.1 hors de [-90, 90]");
        assertThat(report.rejected().get(4).reason()).contains("« 0x1p5 » n'est pas un nombre de degrés");
        assertThat(report.rejected().get(6).reason()).contains("10 colonnes au lieu des 9");
        assertThat(report.rejected().get(0).toString()).startsWith("ligne 2 (0311131X) : UAI « 0311131X » invalide");
        assertThat(imported.list).extracting(e -> e.uai().value()).containsExactly("0090038T", "0311134P", "0311137T");
        assertThat(imported.get("0311134P").location().longitude()).isEqualTo(1.25);
        assertThat(imported.get("0311137T").name()).isEqualTo("Guillemets; point-virgule");
    }

    @Test
    void strict_mode_stops_at_the_first_bad_row_and_hands_nothing_from_a_stream_or_a_file() throws Exception {
        String csv = Fixtures.COMPACT_HEADER + "0090038T;Collège du Sacré-Coeur;Collège;09261;16;42.98;1.14;COLLEGE;\n"
                + "0301326D;Collège sans position;Collège;30350;11;;;COLLEGE;\n";
        AnnuaireImporter strict = Fixtures.compact().strict(true).build();

        assertThatThrownBy(() -> strict.importFrom(new StringReader(csv), imported))
                .isInstanceOfSatisfying(AnnuaireImportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Code.INVALID_ROW);
                    assertThat(e.line()).hasValue(3);
                    assertThat(e.handed()).isZero();
                    assertThat(e.rejection()).hasValueSatisfying(r -> assertThat(r.uai()).isEqualTo("0301326D"));
                })
                .hasMessageContaining("ligne 3");
        Path f = file(csv);
        assertThatThrownBy(() -> strict.importFile(f, imported)).isInstanceOfSatisfying(AnnuaireImportException.class,
                e -> assertThat(e.kind()).isEqualTo(Code.INVALID_ROW));
        assertThat(imported.list).isEmpty();
    }

    @Test
    void strict_mode_reports_the_tolerated_kinds_and_still_refuses_the_others() throws Exception {
        String gap = Fixtures.COMPACT_HEADER + "0090038T;Collège du Sacré-Coeur;Collège;09261;16;42.98;1.14;COLLEGE;\n"
                + "0301326D;Collège sans position;Collège;30350;11;;;COLLEGE;\n";
        AnnuaireImporter tolerant = Fixtures.compact().strict(true).tolerate(Rejection.Code.NOT_LOCATED).build();

        ImportReport report = tolerant.importFile(file(gap), imported);

        assertThat(tolerant.tolerated()).containsExactly(Rejection.Code.NOT_LOCATED);
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).extracting(Rejection::code).containsExactly(Rejection.Code.NOT_LOCATED);
        Path defect = file(gap + "0311131X;Mauvaise clé;Lycée;31483;16;43.1;0.7;LYCEE;\n");
        imported.list.clear();
        assertThatThrownBy(() -> tolerant.importFile(defect, imported)).isInstanceOfSatisfying(AnnuaireImportException.class,
                e -> assertThat(e.rejection()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(Rejection.Code.BAD_UAI)));
        assertThatThrownBy(() -> tolerant.importFrom(new StringReader(gap + "0311131X;x;Lycée;31483;16;43.1;0.7;LYCEE;\n"),
                imported)).isInstanceOf(AnnuaireImportException.class);
        assertThat(imported.list).isEmpty();
    }

    @Test
    void empty_input_unclosed_quotes_and_header_only_files() throws Exception {
        assertThatThrownBy(() -> run("", false)).isInstanceOfSatisfying(AnnuaireImportException.class,
                e -> assertThat(e.kind()).isEqualTo(Code.EMPTY));
        assertThatThrownBy(() -> run(Fixtures.COMPACT_HEADER + "\"0090038T;unterminated quote\n", false))
                .isInstanceOfSatisfying(AnnuaireImportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Code.MALFORMED_CSV);
                    assertThat(e.line()).hasValue(2);
                })
                .hasMessageContaining("guillemet ouvert ligne 2 jamais fermé");
        assertThat(run(Fixtures.COMPACT_HEADER, false).rows()).isZero();
        assertThatThrownBy(() -> AnnuaireImporter.builder().build().importFile(dir.resolve("absent.csv"), imported))
                .isInstanceOfSatisfying(AnnuaireImportException.class, e -> assertThat(e.kind()).isEqualTo(Code.UNREADABLE))
                .hasMessageContaining("il n'existe pas");
        assertThat(imported.list).isEmpty();
    }

    @Test
    void a_lenient_stream_refused_midway_says_what_it_handed_and_a_file_hands_nothing() throws Exception {
        String csv = Fixtures.COMPACT_HEADER + "0090038T;Collège du Sacré-Coeur;Collège;09261;16;42.98;1.14;COLLEGE;\n"
                + "0311134P;Virgule;Lycée;31483;16;43,5;1,25;LYCEE;\n"
                + "0311137T;\"jamais fermé;Lycée;31483;16;43.2;1.3;LYCEE;\n";

        assertThatThrownBy(() -> run(csv, false)).isInstanceOfSatisfying(AnnuaireImportException.class, e -> {
            assertThat(e.kind()).isEqualTo(Code.MALFORMED_CSV);
            assertThat(e.handed()).isEqualTo(2).isEqualTo(imported.list.size());
        });
        imported.list.clear();
        Path f = file(csv);
        assertThatThrownBy(() -> Fixtures.compact().build().importFile(f, imported))
                .isInstanceOfSatisfying(AnnuaireImportException.class, e -> assertThat(e.handed()).isZero());
        assertThat(imported.list).isEmpty();
    }

    @Test
    void a_failing_consumer_stops_the_import_with_its_own_exception() {
        String csv = Fixtures.COMPACT_HEADER + "0090038T;Collège du Sacré-Coeur;Collège;09261;16;42.98;1.14;COLLEGE;\n";
        List<Establishment> none = new ArrayList<>();
        assertThatThrownBy(() -> Fixtures.compact().build().importFrom(new StringReader(csv), e -> {
            throw new IllegalStateException("store down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("store down");
        assertThat(none).isEmpty();
    }
}
