package fr.sharenum.it;

import fr.sharenum.model.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import fr.sharenum.MatchingEngines;
import fr.sharenum.MemberData;
import fr.sharenum.NewMember;
import fr.sharenum.OutboxNotifier;
import fr.sharenum.ShareNum;
import fr.sharenum.TicketRequest;
import fr.sharenum.json.ShareNumModule;
import fr.sharenum.model.Academie;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The RGPD export is handed over as JSON with sharenum-json, and reads back to the same data. */
class MemberExportJsonTest {

    @Test
    void a_members_data_export_is_json_that_reads_back_whole() throws Exception {
        OutboxNotifier outbox = new OutboxNotifier();
        ShareNum sn = ShareNum.builder().notifier(outbox).clock(Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC))
                .matchingEngine(MatchingEngines.reference()).notificationDelivery(Runnable::run, java.time.Duration.ZERO).build();
        Establishment carnot = new Establishment(Uai.of("0210015C"), "Lycée Carnot", EstablishmentType.LYCEE, Academie.DIJON,
                GeoPoint.of(47.3226, 5.0466), "21231");
        sn.establishments().put(Actor.host("test"), carnot);
        Member m = sn.members().register(Actor.anonymous(), NewMember.builder().displayName("Claire Martin").email("claire.martin@ac-dijon.fr")
                .establishment(carnot.uai()).role(Role.TEACHER_SECONDARY)
                .skill(new Skill(ToolId.of("capytale"), CompetenceLevel.NOVICE)).build());
        String token = outbox.sent(Notification.VerificationRequested.class).get(0).token();
        sn.members().verify(Actor.anonymous(), m.id(), token);
        sn.tickets().open(m.id(), TicketRequest.builder(ToolId.of("capytale")).text("Python en 2de").build());

        MemberData data = sn.members().exportData(m.id(), m.id());
        String json = ShareNumModule.mapper().writeValueAsString(data);
        JsonNode tree = ShareNumModule.mapper().readTree(json);

        assertThat(tree.path("member").path("email").asText()).isEqualTo("claire.martin@ac-dijon.fr");
        assertThat(tree.path("ticketsOpened").get(0).path("text").asText()).isEqualTo("Python en 2de");
        assertThat(ShareNumModule.mapper().readValue(json, MemberData.class)).isEqualTo(data);
    }
}
