package fr.sharenum.annuaire;

import fr.sharenum.annuaire.Fixtures.Collected;
import fr.sharenum.annuaire.HeaderVersion.Field;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.EstablishmentType;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official header versions are recognised; an unknown one is refused with what was expected. */
class HeaderVersionTest {

    @Test
    void the_known_versions_and_their_sizes() {
        assertThat(HeaderVersion.known()).extracting(HeaderVersion::id)
                .containsExactly("annuaire-2024", "annuaire-2026", "annuaire-2023", "geolocalisation-2024");
        assertThat(HeaderVersion.ANNUAIRE_2023.columns()).hasSize(69);
        assertThat(HeaderVersion.ANNUAIRE_2024.columns()).hasSize(72);
        assertThat(HeaderVersion.ANNUAIRE_2026.columns()).hasSize(71).doesNotContain("Nombre_d_eleves").contains("position");
        assertThat(HeaderVersion.GEOLOCALISATION_2024.columns()).hasSize(35);
        assertThat(HeaderVersion.byId("annuaire-2023")).containsSame(HeaderVersion.ANNUAIRE_2023);
        for (HeaderVersion v : HeaderVersion.known()) {
            List<String> shuffled = new ArrayList<>(v.columns());
            Collections.reverse(shuffled);
            assertThat(v.matches(shuffled)).as(v.id()).isTrue();
            assertThat(HeaderVersion.known().stream().filter(o -> o.matches(v.columns()))).as(v.id()).containsExactly(v);
        }
    }

    @Test
    void the_older_69_column_annuaire_with_its_multi_row_column_and_crlf() {
        Collected imported = new Collected();

        ImportReport report = AnnuaireImporter.builder().strict(true).build()
                .importFile(Fixtures.path("annuaire-2023.csv"), imported);

        assertThat(report.headerVersion()).isEqualTo("annuaire-2023");
        assertThat(report.annexes()).isEqualTo(1);
        assertThat(imported.list).hasSize(3).allSatisfy(e -> assertThat(e.academie()).isEqualTo(Academie.RENNES));
        assertThat(imported.get("0351002Z").type()).isEqualTo(EstablishmentType.LYCEE_PROFESSIONNEL);
        assertThat(imported.get("0351002Z").annexes()).hasSize(1);
        assertThat(imported.get("0351003A").type()).isEqualTo(EstablishmentType.EREA);
        assertThat(imported.get("0351001Y").location().longitude()).isEqualTo(-1.68);
    }

    @Test
    void the_2026_annuaire_with_short_codes_french_dates_and_a_position_column() {
        Collected imported = new Collected();

        ImportReport report = AnnuaireImporter.builder().strict(true).build()
                .importFile(Fixtures.path("annuaire-2026.csv"), imported);

        assertThat(report.headerVersion()).isEqualTo("annuaire-2026");
        assertThat(imported.get("0211001Z").academie()).isEqualTo(Academie.DIJON);      // Code_academie "7"
        Establishment closing = imported.get("0701002J");
        assertThat(closing.academie()).isEqualTo(Academie.BESANCON);                     // "3"
        assertThat(closing.status()).isEqualTo(EstablishmentStatus.CLOSING);              // A FERMER
        assertThat(closing.location().latitude()).isEqualTo(47.72659128055506);          // from "position" only
        assertThat(closing.location().longitude()).isEqualTo(6.260240825478011);
        assertThat(closing.communeCode()).isEqualTo("70322");
    }

    @Test
    void the_adresse_et_geolocalisation_sibling_with_coded_states() {
        Collected imported = new Collected();

        ImportReport report = AnnuaireImporter.builder().build().importFile(Fixtures.path("geolocalisation-2024.csv"), imported);

        assertThat(report.headerVersion()).isEqualTo("geolocalisation-2024");
        assertThat(imported.list).extracting(Establishment::type).containsOnly(EstablishmentType.COLLEGE);
        assertThat(imported.get("0071002B").status()).isEqualTo(EstablishmentStatus.OPENING);
        assertThat(imported.get("0071001A").academie()).isEqualTo(Academie.GRENOBLE);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.uai()).isEqualTo("9871003B");
            assertThat(r.code()).isEqualTo(Rejection.Code.NOT_LOCATED);
        });
    }

    @Test
    void an_unknown_header_is_refused_listing_the_expected_versions_and_the_closest_differences() {
        assertThatThrownBy(() -> AnnuaireImporter.builder().build().importFile(Fixtures.path("unknown-header.csv"), new Collected()))
                .isInstanceOfSatisfying(AnnuaireImportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AnnuaireImportException.Code.UNKNOWN_HEADER);
                    assertThat(e.line()).hasValue(1);
                })
                .hasMessageContaining("en-tête inconnu (73 colonnes)")
                .hasMessageContaining("annuaire-2023 : Annuaire de l'éducation, export jusqu'en 2023 (69 colonnes)")
                .hasMessageContaining("annuaire-2024").hasMessageContaining("annuaire-2026")
                .hasMessageContaining("geolocalisation-2024")
                .hasMessageContaining("La plus proche, annuaire-2024, diffère par les colonnes manquantes [latitude] "
                        + "et les colonnes inattendues [latitude_wgs84, code_reseau]")
                .hasMessageContaining("HeaderVersion.builder");
    }

    @Test
    void a_host_declares_a_new_version_without_waiting_for_a_release() {
        List<String> columns = new ArrayList<>(HeaderVersion.ANNUAIRE_2026.columns());
        columns.add("code_reseau");
        HeaderVersion v2027 = HeaderVersion.builder("annuaire-2027", "Annuaire de l'éducation 2027").columns(columns)
                .field(Field.UAI, "Identifiant_de_l_etablissement").field(Field.NAME, "Nom_etablissement")
                .field(Field.TYPE, "Type_etablissement").field(Field.LATITUDE, "latitude").field(Field.LONGITUDE, "longitude")
                .build();
        String row = "0211001Z;École des Capucins;Ecole" + ";".repeat(48) + "47.3220;5.0415" + ";".repeat(20) + "R1";
        assertThat(row.split(";", -1)).hasSize(72);

        Collected imported = new Collected();
        ImportReport report = AnnuaireImporter.builder().headerVersion(v2027).strict(true).build()
                .importFrom(new StringReader(String.join(";", columns) + "\n" + row + "\n"), imported);

        assertThat(report.headerVersion()).isEqualTo("annuaire-2027");
        assertThat(imported.get("0211001Z").academie()).isEqualTo(Academie.DIJON);   // from the UAI
        assertThat(imported.get("0211001Z").type()).isEqualTo(EstablishmentType.ECOLE);
    }

    @Test
    void a_version_must_name_its_columns_and_map_what_is_required() {
        assertThatThrownBy(() -> HeaderVersion.builder("x", "x").columns(List.of("a", "A")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HeaderVersion.builder("x", "x").columns(List.of("a", "b")).field(Field.UAI, "a")
                .field(Field.NAME, "b").build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LATITUDE");
        assertThatThrownBy(() -> HeaderVersion.builder("x", "x").columns(List.of("a", "b")).field(Field.UAI, "c")
                .field(Field.NAME, "b").field(Field.POSITION, "a").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c'");
        assertThatThrownBy(() -> AnnuaireImporter.builder().onlyHeaderVersions(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
