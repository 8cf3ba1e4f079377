package fr.sharenum.annuaire;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.Uai;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real open data of {@code ../shared/data}, when present; skipped otherwise. */
class RealDataTest {

    static Path shared(String file) {
        Path p = Path.of(System.getProperty("sharenum.shared.dir", "../../shared"), "data", file);
        Assumptions.assumeTrue(Files.isReadable(p), "shared open data not present: " + p);
        return p;
    }

    @Test
    void the_occitanie_extract_imports_with_its_cites_scolaires_and_annexes_merged() {
        Path file = shared("fr_annuaire_education_occitanie_2024-11.csv");
        List<Establishment> imported = new ArrayList<>();

        ImportReport report = AnnuaireImporter.builder().build().importFile(file, imported::add);

        assertThat(report.headerVersion()).isEqualTo("annuaire-2024");
        assertThat(report.rows()).isEqualTo(6240);
        assertThat(report.annexes()).isEqualTo(3);
        assertThat(report.rejected()).hasSize(31).allSatisfy(r -> assertThat(r.code()).isEqualTo(Rejection.Code.NOT_LOCATED));
        assertThat(imported).hasSize(6206);
        Map<Uai, Establishment> byUai = imported.stream().collect(Collectors.toMap(Establishment::uai, Function.identity()));
        assertThat(byUai.get(Uai.of("0311631E")).name()).isEqualTo("Collège Michelet");
        assertThat(byUai.get(Uai.of("0311631E")).annexes()).singleElement()
                .satisfies(a -> assertThat(a.name()).isEqualTo("Collège Michelet - annexe"));
        Establishment cite = byUai.get(Uai.of("0342266D"));
        assertThat(cite.name()).isEqualTo("Cité scolaire Françoise Combes (collège)");
        assertThat(cite.type()).isEqualTo(EstablishmentType.COLLEGE);
        assertThat(cite.annexes()).singleElement().satisfies(a -> assertThat(a.type()).isEqualTo(EstablishmentType.LYCEE));
        assertThat(imported).allSatisfy(e -> {
            assertThat(e.academie()).isIn(Academie.TOULOUSE, Academie.MONTPELLIER);
            assertThat(e.status()).isEqualTo(EstablishmentStatus.OPEN);
        });
        Map<EstablishmentType, Long> types = imported.stream()
                .collect(Collectors.groupingBy(Establishment::type, Collectors.counting()));
        assertThat(types.get(EstablishmentType.EREA)).isEqualTo(5);
        assertThat(types.get(EstablishmentType.ECOLE)).isBetween(4500L, 4579L);
        assertThat(imported).filteredOn(e -> e.name().startsWith("EREA") || e.name().contains("enseignement adapté"))
                .allSatisfy(e -> assertThat(e.type()).isEqualTo(EstablishmentType.EREA));
    }

    @Test
    void strict_mode_accepts_the_genuine_export_tolerating_what_it_has_not_located_yet() {
        Path file = shared("fr_annuaire_education_occitanie_2024-11.csv");
        List<Establishment> imported = new ArrayList<>();

        ImportReport report = AnnuaireImporter.builder().strict(true).tolerate(Rejection.Code.NOT_LOCATED).build()
                .importFile(file, imported::add);

        assertThat(imported).hasSize(6206);
        assertThat(report.annexes()).isEqualTo(3);
        assertThat(report.rejected()).hasSize(31);
        // without the tolerance, the first unlocated row refuses the file — not the rows sharing a UAI
        assertThatThrownBy(() -> AnnuaireImporter.builder().strict(true).build().importFile(file, e -> { }))
                .isInstanceOfSatisfying(AnnuaireImportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AnnuaireImportException.Code.INVALID_ROW);
                    assertThat(e.rejection()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(Rejection.Code.NOT_LOCATED));
                    assertThat(e.handed()).isZero();
                });
    }

    @Test
    void the_national_colleges_file_imports_as_collèges() {
        Path file = shared("fr_colleges_adresse_geolocalisation_national.csv");
        List<Establishment> imported = new ArrayList<>();

        ImportReport report = AnnuaireImporter.builder().build().importFile(file, imported::add);

        assertThat(report.headerVersion()).isEqualTo("geolocalisation-2024");
        assertThat(report.rows()).isEqualTo(7654);
        assertThat(imported).allSatisfy(e -> assertThat(e.type()).isEqualTo(EstablishmentType.COLLEGE));
        assertThat(imported).filteredOn(e -> e.status() == EstablishmentStatus.OPENING).isNotEmpty();
        assertThat(report.rejected()).allSatisfy(r -> assertThat(r.code()).isIn(Rejection.Code.NOT_LOCATED,
                Rejection.Code.NO_NAME));   // 147 rows have no coordinates, three new collèges no name yet
        assertThat(imported.size() + report.rejected().size()).isEqualTo(7654);
    }
}
