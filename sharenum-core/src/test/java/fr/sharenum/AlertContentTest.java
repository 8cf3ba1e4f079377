package fr.sharenum;

import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Member;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static fr.sharenum.Fixture.CARNOT;
import static org.assertj.core.api.Assertions.assertThat;

/** What the people alerted read: tool names, "in your establishment", alerts in the order of the distances shown. */
class AlertContentTest {
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");
    private static final ToolId HOMEMADE = ToolId.of("outil-maison");
    /** 0.6 km north of Carnot: shown as 1 km. */
    private static final Establishment NEAR = Fixture.school(Fixture.uai(21, 4010), "Collège tout près", EstablishmentType.COLLEGE,
            Academie.DIJON, 47.3226 + 0.6 / 111.2, 5.0466);
    /** 1.4 km north of Carnot: shown as 1 km too. */
    private static final Establishment LESS_NEAR = Fixture.school(Fixture.uai(21, 4011), "Lycée un peu plus loin", EstablishmentType.LYCEE,
            Academie.DIJON, 47.3226 + 1.4 / 111.2, 5.0466);

    private final Fixture f = new Fixture(b -> b.tools(ToolCatalog.defaults().toBuilder()
            .add(HOMEMADE.value(), "L'outil maison de l'ENT", ToolCatalog.CREATION).build()));

    @Test
    void alerts_are_ordered_by_the_rounded_distance_people_see_then_by_level() {
        f.sharenum.establishments().putAll(Fixture.HOST, List.of(NEAR, LESS_NEAR));
        Member intermediate = f.active("Inès Intermédiaire", NEAR, new Skill(GEOGEBRA, CompetenceLevel.INTERMEDIATE));
        Member experienced = f.active("Emma Experte", LESS_NEAR, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
        Member colleague = f.active("Côme Collègue", CARNOT, new Skill(GEOGEBRA, CompetenceLevel.INTERMEDIATE));
        Member requester = f.active("Rachel Requérante", CARNOT, new Skill(GEOGEBRA, CompetenceLevel.NOVICE));

        TicketNum t = f.sharenum.tickets().open(requester.id(), TicketRequest.builder(GEOGEBRA).text("GeoGebra 3D").build());

        assertThat(t.alerts()).extracting(Alert::helper)
                .containsExactly(colleague.id(), experienced.id(), intermediate.id());
        assertThat(t.alerts()).extracting(Alert::distanceKm).containsExactly(0.0, 1.0, 1.0);
    }

    @Test
    void an_alert_carries_the_tool_names_and_whether_the_requester_works_in_the_same_establishment() {
        Member colleague = f.active("Côme Collègue", CARNOT, new Skill(GEOGEBRA, CompetenceLevel.INTERMEDIATE),
                new Skill(HOMEMADE, CompetenceLevel.EXPERIENCED));
        Member away = f.active("Noé Nuiton", Fixture.NUITS, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
        Member requester = f.active("Rachel Requérante", CARNOT);

        f.sharenum.tickets().open(requester.id(), TicketRequest.builder(GEOGEBRA).tool(HOMEMADE).text("Figures").radiusKm(50).build());

        Map<fr.sharenum.model.MemberId, Notification.TicketAlert> alerts = new java.util.HashMap<>();
        f.outbox.sent(Notification.TicketAlert.class).forEach(a -> alerts.put(a.recipient(), a));
        assertThat(alerts.get(colleague.id()).sameEstablishment()).isTrue();
        assertThat(alerts.get(colleague.id()).distanceKm()).isZero();
        assertThat(alerts.get(away.id()).sameEstablishment()).isFalse();
        assertThat(alerts.get(away.id()).toolNames())
                .containsEntry(GEOGEBRA, "GeoGebra").containsEntry(HOMEMADE, "L'outil maison de l'ENT");
        assertThat(alerts.get(away.id()).toolName(HOMEMADE)).isEqualTo("L'outil maison de l'ENT");
    }
}
