package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.PixCertification;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static fr.sharenum.Fixture.CARNOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A PIX certification recorded in the profile, beside the self-declared levels. */
class PixTest {

    private final Fixture f = new Fixture();
    private final Member claire = f.active("Claire", CARNOT, new Skill(ToolId.of("capytale"), CompetenceLevel.INTERMEDIATE));

    @Test
    void a_member_records_their_pix_certification_beside_their_levels() {
        PixCertification pix = new PixCertification(612, LocalDate.of(2026, 6, 12), "p-7k3m9q2x");

        Member updated = f.sharenum.members().recordPix(claire.id(), claire.id(), claire.version(), pix);

        assertThat(updated.pixCertification()).contains(pix);
        assertThat(pix.verificationCode()).isEqualTo("P-7K3M9Q2X");
        assertThat(updated.levelOn(ToolId.of("capytale"))).contains(CompetenceLevel.INTERMEDIATE);
        assertThat(f.sharenum.members().recordPix(claire.id(), claire.id(), updated.version(), null).pixCertification()).isEmpty();
    }

    @Test
    void bad_certifications_are_refused_and_change_nothing() {
        assertThatThrownBy(() -> new PixCertification(2000, LocalDate.of(2026, 6, 12), "P-7K3M9Q2X"))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("score");
        assertThatThrownBy(() -> new PixCertification(500, LocalDate.of(2026, 6, 12), "12345"))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("verificationCode");
        assertThatThrownBy(() -> f.sharenum.members().recordPix(claire.id(), claire.id(), claire.version(), new PixCertification(500, LocalDate.of(2027, 6, 12), "P-7K3M9Q2X")))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("certifiedOn");
        assertThat(f.sharenum.members().get(Fixture.HOST, claire.id())).isEqualTo(claire);
    }

    @Test
    void erasure_removes_the_certification() {
        Member withPix = f.sharenum.members().recordPix(claire.id(), claire.id(), claire.version(), new PixCertification(612, LocalDate.of(2026, 6, 12), "P-7K3M9Q2X"));
        assertThat(withPix.pix()).isNotNull();
        assertThat(f.sharenum.members().erase(claire.id(), claire.id()).pix()).isNull();
    }
}
