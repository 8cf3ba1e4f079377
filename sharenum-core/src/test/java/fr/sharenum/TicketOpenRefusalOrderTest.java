package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberNotVerifiedException;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.model.TrainingsFirstException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When several of {@code tickets().open}'s refusals apply at once, the caller sees the first one in this order:
 * radius out of bounds, unknown tool, actor not an active member (unknown, not verified, suspended, not a member),
 * daily ticket limit, trainings not declined, empty text. Each case below breaks every rule from its own down, so
 * that only the order decides what is thrown.
 */
@DisplayName("tickets().open: which refusal a caller sees first")
class TicketOpenRefusalOrderTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final Training DIJON_CAPYTALE = new Training("paf-21-capytale", "Débuter avec Capytale",
            TrainingKind.PAF_SESSION, Academie.DIJON, Set.of(CAPYTALE), START.plus(Duration.ofDays(10)),
            START.plus(Duration.ofDays(10)).plus(Duration.ofHours(3)), "Atelier Canopé de Dijon", null);

    private final Fixture f = new Fixture(b -> b.trainings(List.of(DIJON_CAPYTALE))
            .alertLimits(100, 3, Duration.ZERO, 1));
    private final Member active = f.active("Rachel Requérante", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    private final Member pending = f.pending("Ugo Pending", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));

    /** A request breaking the trainings-first rule (nothing declined), and the text rule when {@code text} is blank. */
    private static TicketRequest.Builder request(String text) {
        return TicketRequest.builder(CAPYTALE).text(text).radiusKm(30);
    }

    /** Uses up the daily limit of one ticket. */
    private Member atDailyLimit() {
        f.sharenum.tickets().open(active.id(), request("aide").declinedTrainings(List.of(DIJON_CAPYTALE.id())).build());
        return active;
    }

    @Test
    void radius_out_of_bounds_comes_before_everything() {
        TicketRequest request = TicketRequest.builder(ToolId.of("no-such-tool")).text(" ").radiusKm(500).build();
        assertThatThrownBy(() -> f.sharenum.tickets().open(Actor.anonymous(), request))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage()).contains("radiusKm"));
    }

    @Test
    void unknown_tool_comes_before_who_acts() {
        TicketRequest request = TicketRequest.builder(ToolId.of("no-such-tool")).text(" ").radiusKm(30).build();
        assertThatThrownBy(() -> f.sharenum.tickets().open(Actor.anonymous(), request))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.getMessage()).contains("no-such-tool"));
    }

    @Test
    void who_acts_comes_before_the_daily_limit_and_trainings() {
        assertThatThrownBy(() -> f.sharenum.tickets().open(Actor.anonymous(), request(" ").build()))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.isAccessRefusal()).isTrue());
        assertThatThrownBy(() -> f.sharenum.tickets().open(Fixture.HOST, request(" ").build()))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.isAccessRefusal()).isTrue());
        assertThatThrownBy(() -> f.sharenum.tickets().open(pending.id(), request(" ").build()))
                .isInstanceOf(MemberNotVerifiedException.class);
    }

    @Test
    void daily_limit_comes_before_trainings_and_text() {
        Member requester = atDailyLimit();
        assertThatThrownBy(() -> f.sharenum.tickets().open(requester.id(), request(" ").build()))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void trainings_first_comes_before_the_text() {
        assertThatThrownBy(() -> f.sharenum.tickets().open(active.id(), request(" ").build()))
                .isInstanceOf(TrainingsFirstException.class);
    }

    @Test
    void an_empty_text_is_refused_last() {
        assertThatThrownBy(() -> f.sharenum.tickets().open(active.id(),
                request(" ").declinedTrainings(List.of(DIJON_CAPYTALE.id())).build()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.getMessage()).contains("text"));
        assertThat(f.sharenum.tickets().openedBy(active.id(), active.id())).as("a refused open changes nothing").isEmpty();
    }
}
