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
    void professionalAddressesAreAccepted(String address) {
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
    void lookAlikesAndForeignDomainsAreRefusedWithAReason(String address, String reason) {
        assertThatThrownBy(() -> policy.check(address))
                .isInstanceOf(EmailNotAllowedException.class)
                .hasMessageContaining(reason);
        assertThat(policy.accepts(address)).isFalse();
    }

    @Test
    void nullOrBlankIsRefused() {
        assertThatThrownBy(() -> policy.check(null)).isInstanceOf(EmailNotAllowedException.class);
        assertThatThrownBy(() -> policy.check("  ")).isInstanceOf(EmailNotAllowedException.class);
    }

    @Test
    void hostsConfigureTheirDomains() {
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
    void defaultsIncludeEveryAcademieDomain() {
        for (fr.sharenum.model.Academie a : fr.sharenum.model.Academie.values()) {
            for (String d : a.mailDomains()) {
                assertThat(policy.accepts("someone@" + d)).as(d).isTrue();
            }
        }
    }
}
