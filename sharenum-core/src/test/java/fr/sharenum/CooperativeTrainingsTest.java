package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Event;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.model.TrainingsFirstException;
import fr.sharenum.model.Venue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coopératives pédagogiques numériques publish their sessions into "trainings first" and host events. */
class CooperativeTrainingsTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final Venue COOPERATIVE = Venue.address("Coopérative pédagogique numérique de Côte-d'Or, Dijon",
            GeoPoint.of(47.3190, 5.0410), Academie.DIJON, "021");

    private final Fixture f = new Fixture();
    private final Member mediator = f.granted("Marion Médiatrice", CARNOT, Privilege.CANOPE);
    private final Member teacher = f.active("Théo Teacher", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));

    private static Training session(String id, Academie academie) {
        return new Training(id, "Tester Capytale en salle", TrainingKind.TOOL_TESTING, academie, Set.of(CAPYTALE),
                START.plus(Duration.ofDays(5)), START.plus(Duration.ofDays(5)).plus(Duration.ofHours(2)),
                COOPERATIVE.label(), null);
    }

    @Test
    void a_published_session_is_shown_first_and_must_be_declined_before_a_ticket() {
        f.sharenum.trainings().publish(mediator.id(), session("coop-21-capytale", Academie.DIJON));

        List<Training> shown = f.sharenum.trainings().forMember(teacher.id(), Set.of(CAPYTALE));

        assertThat(shown).extracting(Training::id).containsExactly("coop-21-capytale");
        assertThatThrownBy(() -> f.sharenum.tickets().open(teacher.id(), TicketRequest.builder(CAPYTALE).text("aide").build()))
                .isInstanceOf(TrainingsFirstException.class);
        TicketNum t = f.sharenum.tickets().open(teacher.id(), TicketRequest.builder(CAPYTALE).text("aide")
                .declinedTrainings(List.of("coop-21-capytale")).build());
        assertThat(t.shownTrainings()).containsExactly("coop-21-capytale");
        Member lyonTeacher = f.active("Léa Lyon", LYON);
        assertThat(f.sharenum.trainings().forMember(lyonTeacher.id(), Set.of(CAPYTALE))).isEmpty();
    }

    @Test
    void only_institutional_roles_publish_and_only_for_their_academie() {
        assertThatThrownBy(() -> f.sharenum.trainings().publish(teacher.id(), session("t-1", Academie.DIJON)))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        assertThatThrownBy(() -> f.sharenum.trainings().publish(mediator.id(), session("t-2", Academie.LYON)))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        f.sharenum.trainings().publish(mediator.id(), session("t-3", Academie.DIJON));
        assertThatThrownBy(() -> f.sharenum.trainings().publish(mediator.id(), session("t-3", Academie.DIJON)))
                .isInstanceOf(DuplicateException.class);
        assertThat(f.sharenum.trainings().forMember(teacher.id(), Set.of(CAPYTALE))).hasSize(1);
    }

    @Test
    void a_cooperative_is_a_venue_for_events() {
        Member expert = f.active("Karim", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Event e = f.sharenum.events().create(expert.id(), EventRequest.direct().title("Atelier à la coopérative").tools(CAPYTALE)
                .start(START.plus(Duration.ofDays(9))).duration(Duration.ofHours(2)).capacity(12).at(COOPERATIVE).build());
        assertThat(e.venue()).isEqualTo(COOPERATIVE);
        assertThat(e.venue().establishment()).isNull();
    }
}
