package fr.sharenum.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class UaiTest {

    @ParameterizedTest
    @ValueSource(strings = {"0210015C", "0311131L", "0301326D", "0090038T", "6200733C", "7200044K", "9740042C"})
    void valid_uais_are_accepted(String code) {
        assertThat(Uai.isValid(code)).isTrue();
        assertThat(Uai.of(code).value()).isEqualTo(code);
    }

    @Test
    void input_is_trimmed_and_upper_cased() {
        assertThat(Uai.of(" 0311131l ").value()).isEqualTo("0311131L");
    }

    @Test
    void a_wrong_check_letter_is_refused_with_the_expected_one() {
        assertThatThrownBy(() -> Uai.of("0210015D"))
                .isInstanceOf(InvalidUaiException.class)
                .hasMessageContaining("wrong check letter")
                .hasMessageContaining("expected C");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "021001C", "02100155C", "A210015C", "0210015", "02100-5C", "0210015CC"})
    void malformed_codes_are_refused(String code) {
        assertThatThrownBy(() -> Uai.of(code)).isInstanceOf(InvalidUaiException.class)
                .satisfies(e -> assertThat(((InvalidUaiException) e).field()).isEqualTo("uai"));
        assertThat(Uai.isValid(code)).isFalse();
    }

    @Test
    void null_is_refused() {
        assertThatThrownBy(() -> Uai.of(null)).isInstanceOf(InvalidUaiException.class);
        assertThat(Uai.isValid(null)).isFalse();
    }

    @Test
    void check_letters_never_use_i_oor_q() {
        for (int n = 0; n < 23 * 5; n++) {
            char c = Uai.checkLetter(String.format("%07d", n));
            assertThat(c).isNotIn('I', 'O', 'Q');
        }
        assertThat(Uai.checkLetter("0000000")).isEqualTo('A');
        assertThat(Uai.checkLetter("0000022")).isEqualTo('Z');
    }

    @Test
    void departement_comes_from_the_prefix_with_corse_mapped() {
        assertThat(Uai.of("0210015C").departement()).isEqualTo("021");
        assertThat(Uai.of("6200733C").departement()).isEqualTo("02A");
        String haute = "7200009";
        assertThat(Uai.of(haute + Uai.checkLetter(haute)).departement()).isEqualTo("02B");
        assertThat(Academie.of(Uai.of("6200733C"))).contains(Academie.CORSE);
        assertThat(Academie.of(Uai.of("9740042C"))).contains(Academie.LA_REUNION);
    }

    /** Every UAI of the real open-data files must pass (skipped when ../shared/data is absent). */
    @Test
    void every_real_uai_in_the_shared_open_data_is_valid() throws IOException {
        Path file = SharedData.file("fr_colleges_adresse_geolocalisation_national.csv");
        assumeTrue(file != null, "shared open data not present");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String code = line.substring(0, line.indexOf(';'));
            assertThat(Uai.isValid(code)).as(code).isTrue();
            checked++;
        }
        assertThat(checked).isGreaterThan(7000);
    }
}
