package fr.sharenum;

import fr.sharenum.model.EmailNotAllowedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailPolicyTest {

    private final EmailPolicy policy = EmailPolicy.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"claire.martin@ac-dijon.fr", "Claire.Martin@AC-DIJON.FR", "p.durand@ac-normandie.fr",
            "p.durand@ac-caen.fr", "x@education.gouv.fr", "mediateur@reseau-canope.fr", "prof@cned.fr",
            "ce.0311131l@ac-toulouse.fr", "prof@ac-noumea.nc", "prof@ac-reunion.fr", "a+b@ac-lyon.fr"})
    void professional_addresses_are_accepted(String address) {
        assertThat(policy.accepts(address)).isTrue();
        assertThat(policy.check(address).value()).isEqualTo(address.toLowerCase());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "prof@ac-dijon.fr.evil.com|only imitates ac-dijon.fr",
            "prof@ac-dijon.fr@x|exactly one '@'",
            "prof@ac-foo.fr|not the domain of any académie",
            "prof@gmail.com|not a professional domain",
            "prof@sub.ac-dijon.fr|sub-domain of ac-dijon.fr",
            "prof@evil-ac-dijon.fr|not a professional domain",
            "prof@ac-dijon|no valid domain",
            "@ac-dijon.fr|invalid part before",
            "pro f@ac-dijon.fr|invalid part before",
            "prof.@ac-dijon.fr|invalid part before",
            "prof@ac-dijon..fr|invalid domain",
            "prof|exactly one '@'"})
    void look_alikes_and_foreign_domains_are_refused_with_a_reason(String address, String reason) {
        assertThatThrownBy(() -> policy.check(address))
                .isInstanceOf(EmailNotAllowedException.class)
                .hasMessageContaining(reason);
        assertThat(policy.accepts(address)).isFalse();
    }

    @Test
    void a_cyrillic_letter_imitating_a_latin_one_is_named_with_its_code_point_and_the_letter_it_imitates() {
        String address = "prof@ac-d\u0456jon.fr";   // the i is CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I

        assertThatThrownBy(() -> policy.check(address))
                .isInstanceOf(EmailNotAllowedException.class)
                .hasMessageContaining("le caractère « \u0456 » (U+0456, CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I)")
                .hasMessageContaining("en position 10")
                .hasMessageContaining("qui imite la lettre latine « i »")
                .hasMessageContaining("elle imite l'adresse professionnelle prof@ac-dijon.fr mais n'est pas la même")
                .hasMessageContaining("retapez-la au clavier");
        assertThat(policy.accepts(address)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "prof@ac-dij\u03BFn.fr|U+03BF, GREEK SMALL LETTER OMICRON|imite la lettre latine « o »",
            "\u0441laire@ac-dijon.fr|U+0441, CYRILLIC SMALL LETTER ES|imite la lettre latine « c »",
            "prof@\uFF41c-dijon.fr|U+FF41, FULLWIDTH LATIN SMALL LETTER A|imite la lettre latine « a »",
            "prof@ac-d\u0131jon.fr|U+0131, LATIN SMALL LETTER DOTLESS I|imite la lettre latine « i »",
            "andr\u00E9@ac-dijon.fr|U+00E9, LATIN SMALL LETTER E WITH ACUTE|sans accents (« e »)",
            "prof@ac-\u200Bdijon.fr|U+200B, ZERO WIDTH SPACE|caractère invisible",
            "prof\uD83D\uDE00@ac-dijon.fr|U+1F600, GRINNING FACE|n'a pas sa place"})
    void every_character_beyond_ascii_is_named_with_its_code_point(String address, String named, String why) {
        assertThatThrownBy(() -> policy.check(address))
                .isInstanceOf(EmailNotAllowedException.class)
                .hasMessageContaining(named)
                .hasMessageContaining(why);
        assertThat(policy.accepts(address)).isFalse();
    }

    @Test
    void a_look_alike_of_an_unknown_domain_is_named_without_claiming_it_is_professional() {
        assertThatThrownBy(() -> policy.check("prof@g\u043Eogle.com"))
                .hasMessageContaining("U+043E").hasMessageContaining("elle ressemble à prof@google.com")
                .hasMessageNotContaining("adresse professionnelle");
        assertThatThrownBy(() -> EmailPolicy.builder().allowDomain("ac-d\u0456jon.fr"))
                .isInstanceOf(EmailNotAllowedException.class).hasMessageContaining("U+0456");
    }

    @Test
    void null_or_blank_is_refused() {
        assertThatThrownBy(() -> policy.check(null)).isInstanceOf(EmailNotAllowedException.class);
        assertThatThrownBy(() -> policy.check("  ")).isInstanceOf(EmailNotAllowedException.class);
    }

    @Test
    void hosts_configure_their_domains() {
        EmailPolicy custom = policy.toBuilder().allowDomain("@Region-Academique-BFC.fr").denyDomain("cned.fr").build();
        assertThat(custom.accepts("x@region-academique-bfc.fr")).isTrue();
        assertThat(custom.accepts("x@cned.fr")).isFalse();
        assertThat(policy.accepts("x@cned.fr")).isTrue();
        EmailPolicy only = EmailPolicy.builder().allowDomain("ac-dijon.fr").build();
        assertThat(only.accepts("x@ac-dijon.fr")).isTrue();
        assertThat(only.accepts("x@ac-lyon.fr")).isFalse();
        assertThat(only.domains()).containsExactly("ac-dijon.fr");
        assertThatThrownBy(() -> EmailPolicy.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EmailPolicy.builder().allowDomain("not a domain")).isInstanceOf(EmailNotAllowedException.class);
    }

    @Test
    void defaults_include_every_academie_domain() {
        for (fr.sharenum.model.Academie a : fr.sharenum.model.Academie.values()) {
            for (String d : a.mailDomains()) {
                assertThat(policy.accepts("someone@" + d)).as(d).isTrue();
            }
        }
    }
}
