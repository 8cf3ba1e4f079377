package fr.sharenum.annuaire;

import fr.sharenum.annuaire.Fixtures.Collected;
import fr.sharenum.annuaire.internal.Nomenclature;
import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.EstablishmentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static fr.sharenum.model.EstablishmentType.COLLEGE;
import static fr.sharenum.model.EstablishmentType.ECOLE;
import static fr.sharenum.model.EstablishmentType.EREA;
import static fr.sharenum.model.EstablishmentType.LYCEE;
import static fr.sharenum.model.EstablishmentType.LYCEE_PROFESSIONNEL;
import static fr.sharenum.model.EstablishmentType.OTHER;
import static fr.sharenum.model.EstablishmentType.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of the official nomenclature, and every state, from hand-made fixtures. */
class NomenclatureTest {

    @Test
    void every_type_of_the_nomenclature_maps_as_the_javadoc_table_says() {
        Collected imported = new Collected();

        ImportReport report = AnnuaireImporter.builder().strict(true).build()
                .importFile(Fixtures.path("annuaire-2024-types.csv"), imported);

        assertThat(report.imported()).isEqualTo(26);
        assertThat(imported.list).extracting(e -> e.type()).containsExactly(
                ECOLE, ECOLE, ECOLE,                          // Ecole 101, 151, 162
                COLLEGE, COLLEGE, COLLEGE,                    // Collège 340, 352, and a cité scolaire's collège row (302)
                LYCEE, LYCEE, LYCEE,                          // Lycée 300, 306, 307
                LYCEE_PROFESSIONNEL, LYCEE_PROFESSIONNEL,     // Lycée 320, 334 (SEP)
                LYCEE,                                        // Lycée 335 (SGT)
                LYCEE, LYCEE,                                 // STS/CPGE schools, with the type Lycée or empty
                EREA, EREA,                                   // EREA before any "LYCEE" of its label, typed or not
                OTHER, OTHER,                                 // Médico-social, Autre (MFR)
                SERVICE, SERVICE, SERVICE,                    // circonscription, rectorat, CIO
                LYCEE, EREA, LYCEE, COLLEGE,                  // no type, no code: by label; SEGPA by code 390
                OTHER);                                       // unknown code and label
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EREA|370|ETAB REGIONAL/LYCEE ENSEIGNEMENT ADAPTE|EREA",
            "|400|ECOLES COMPOSEES UNIQT DE STS ET OU CPGE|LYCEE",
            "||ECOLES COMPOSEES UNIQT DE STS ET OU CPGE|LYCEE",
            "Lycée|320|LYCEE PROFESSIONNEL|LYCEE_PROFESSIONNEL",
            "Lycée||LYCEE PROFESSIONNEL|LYCEE_PROFESSIONNEL",
            "lycee|306|LYCEE POLYVALENT|LYCEE",
            "|153|ECOLE ELEMENTAIRE D APPLICATION|ECOLE",
            "|199||ECOLE",
            "|841|CENTRE D INFORMATION ET D ORIENTATION|SERVICE",
            "|245|ETABLISSEMENT POUR POLY-HANDICAPES|OTHER",
            "||ETABLISSEMENT REGIONAL D'ENSEIGNT ADAPTE|EREA",
            "||RECTORAT|SERVICE",
            "|||OTHER"})
    void type_by_type_label_nature_code_then_nature_label(String type, String code, String label, EstablishmentType expected) {
        assertThat(Nomenclature.type(type == null ? "" : type, code == null ? "" : code, label == null ? "" : label))
                .isEqualTo(expected);
    }

    @Test
    void closing_and_closed_establishments_are_imported_marked_and_an_unknown_state_is_rejected() {
        Collected imported = new Collected();

        ImportReport report = AnnuaireImporter.builder().build().importFile(Fixtures.path("annuaire-2024-states.csv"), imported);

        assertThat(imported.list).extracting(e -> e.status()).containsExactly(EstablishmentStatus.OPEN,
                EstablishmentStatus.CLOSING, EstablishmentStatus.OPENING, EstablishmentStatus.CLOSED,
                EstablishmentStatus.OPEN);                  // an empty state reads as open
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(Rejection.Code.UNKNOWN_STATE);
            assertThat(r.line()).isEqualTo(6);
            assertThat(r.reason()).contains("« En travaux » inconnu");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"OUVERT||OPEN", "A FERMER||CLOSING", "à fermer||CLOSING", "A OUVRIR||OPENING",
            "FERME||CLOSED", "Fermé||CLOSED", "|1|OPEN", "|2|CLOSING", "|3|OPENING", "|4|CLOSED", "||OPEN"})
    void states_by_label_or_code(String label, String code, EstablishmentStatus expected) {
        assertThat(Nomenclature.status(label == null ? "" : label, code)).isEqualTo(expected);
    }
}
