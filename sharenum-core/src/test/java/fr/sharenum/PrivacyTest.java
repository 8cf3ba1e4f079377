package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Message;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RGPD: access (export), erasure with counts kept, and no personal data in log lines. */
class PrivacyTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final String SECRET_TEXT = "Mon numéro perso : 06 12 34 56 78";

    private final Fixture f = new Fixture();
    private final Member claire = f.active("Claire Confidentielle", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    private final Member karim = f.active("Karim Discret", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member paul = f.active("Paul Participant", AUXONNE);

    private TicketNum scenario() {
        TicketNum t = f.sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text(SECRET_TEXT).radiusKm(40).build());
        f.sharenum.tickets().offer(karim.id(), t.id(), "Je passe jeudi, voici mon 07 00 00 00 00");
        f.sharenum.tickets().accept(claire.id(), t.id(), karim.id());
        f.sharenum.tickets().post(claire.id(), t.id(), SECRET_TEXT);
        f.sharenum.tickets().post(karim.id(), t.id(), "Parfait, à jeudi");
        Event e = f.sharenum.events().create(karim.id(), EventRequest.fromTicket(t.id()).title("Capytale")
                .start(Instant.parse("2026-12-02T13:00:00Z")).duration(Duration.ofHours(2)).capacity(5)
                .atEstablishment(CARNOT.uai()).build());
        f.sharenum.events().confirm(karim.id(), e.id());
        f.sharenum.events().register(paul.id(), e.id());
        return t;
    }

    @Test
    void a_member_gets_everything_held_about_them() {
        TicketNum t = scenario();

        MemberData claireData = f.sharenum.members().exportData(claire.id(), claire.id());
        MemberData karimData = f.sharenum.members().exportData(karim.id(), karim.id());
        MemberData paulData = f.sharenum.members().exportData(paul.id(), paul.id());

        assertThat(claireData.member().email()).isEqualTo(claire.email());
        assertThat(claireData.ticketsOpened()).extracting(TicketNum::id).containsExactly(t.id());
        assertThat(claireData.conversations()).extracting(Message::text).containsExactly(SECRET_TEXT, "Parfait, à jeudi");
        assertThat(claireData.ticketsOpened().get(0).alerts()).as("who was alerted is about the colleagues").isEmpty();
        assertThat(claireData.ticketsOpened().get(0).offers()).hasSize(1);
        assertThat(claireData.events()).hasSize(1);
        assertThat(karimData.ticketsHelped()).extracting(MemberData.HelpedTicket::ticket).containsExactly(t.id());
        assertThat(karimData.ticketsHelped().get(0).accepted()).isTrue();
        assertThat(karimData.conversations()).extracting(Message::sender).containsExactly(claire.id(), karim.id());
        assertThat(paulData.events()).singleElement().satisfies(e -> assertThat(e.part()).isEqualTo("REGISTERED"));
        assertThat(paulData.ticketsOpened()).isEmpty();
    }

    @Test
    void erasure_anonymises_the_member_and_their_texts_but_keeps_every_count() {
        TicketNum t = scenario();
        Event event = f.sharenum.events().between(Fixture.HOST, Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-03T00:00:00Z")).get(0);

        Member erased = f.sharenum.members().erase(claire.id(), claire.id());

        assertThat(erased.status()).isEqualTo(MemberStatus.ERASED);
        assertThat(erased.displayName()).isEqualTo("Membre effacé");
        assertThat(erased.email()).isNotEqualTo(claire.email());
        assertThat(erased.skills()).isEmpty();
        String everything = f.sharenum.members().exportData(claire.id(), claire.id()).toString()
                + f.sharenum.tickets().get(Fixture.HOST, t.id()) + f.sharenum.tickets().conversation(karim.id(), t.id())
                + f.sharenum.events().get(Fixture.HOST, event.id());
        assertThat(everything).doesNotContain(claire.email().value()).doesNotContain("Confidentielle")
                .doesNotContain("06 12 34 56 78");
        assertThat(f.sharenum.tickets().conversation(karim.id(), t.id())).extracting(Message::text)
                .containsExactly(fr.sharenum.core.internal.ErasureText.TEXT, "Parfait, à jeudi");
        assertThat(f.sharenum.tickets().openedBy(Fixture.HOST, claire.id())).hasSize(1);
        assertThat(f.sharenum.events().get(Fixture.HOST, event.id()).organisers()).contains(claire.id());
        assertThat(f.sharenum.events().get(Fixture.HOST, event.id()).registered()).hasSize(1);
        assertThatThrownBy(() -> f.sharenum.tickets().post(claire.id(), t.id(), "encore"))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.erased");
        assertThatThrownBy(() -> f.sharenum.members().reinstate(f.admin().id(), claire.id(), "levée après examen")).isInstanceOf(IllegalTransitionException.class);
        assertThat(f.sharenum.members().erase(claire.id(), claire.id())).isEqualTo(f.sharenum.members().get(Fixture.HOST, claire.id()));
    }

    @Test
    void an_erased_helper_is_no_longer_matched_and_loses_undelivered_notifications() {
        f.sharenum.members().erase(karim.id(), karim.id());

        TicketNum t = f.sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("aide").radiusKm(40).build());

        assertThat(t.alerts()).isEmpty();
        assertThat(f.sharenum.members().exportData(karim.id(), karim.id()).pending()).isEmpty();
    }

    @Test
    void no_address_name_or_message_text_reaches_the_logs() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", ""));
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(file),
                "ShareNum's INFO log is written to a file only under the module's surefire configuration");
        scenario();
        f.sharenum.members().erase(paul.id(), paul.id());
        String logs = java.nio.file.Files.readString(file, StandardCharsets.UTF_8);
        assertThat(logs).contains("notification TicketAlert");   // ShareNum's INFO lines are there
        for (Member m : new Member[] {claire, karim, paul}) {
            assertThat(logs).doesNotContain(m.email().value()).doesNotContain(m.displayName());
        }
        assertThat(logs).doesNotContain("06 12 34 56 78").doesNotContain("à jeudi");
        assertThat(logs).as("no professional address from any test of this run").doesNotContain("@ac-");
        assertThat(f.outbox.sent(Notification.TicketAlert.class)).isNotEmpty();
    }
}
