package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Event;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Participants' feedback after an event, seen by its organisers, aggregated into a helper's rating. */
class FeedbackTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final Instant WEDNESDAY = Instant.parse("2026-12-02T13:00:00Z");

    private Fixture f;
    private Member karim;
    private Member anne;
    private Member bea;
    private Member outsider;
    private Event event;

    private void world(Consumer<ShareNum.Builder> options) {
        f = new Fixture(options);
        karim = f.active("Karim", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        anne = f.active("Anne", CARNOT);
        bea = f.active("Bea", AUXONNE);
        outsider = f.active("Oscar", CARNOT);
        Event e = f.sharenum.events().create(karim.id(), EventRequest.direct().title("Capytale").tools(CAPYTALE)
                .start(WEDNESDAY).duration(Duration.ofHours(2)).capacity(5).atEstablishment(NUITS.uai()).build());
        f.sharenum.events().confirm(karim.id(), e.id());
        f.sharenum.events().register(anne.id(), e.id());
        event = f.sharenum.events().register(bea.id(), e.id());
    }

    private void hold() {
        f.clock.advance(Duration.between(START, WEDNESDAY.plus(Duration.ofHours(2))));
        f.sharenum.events().markHeld(karim.id(), event.id());
    }

    @Test
    void participants_rate_a_held_event_once_and_organisers_read_it() {
        world(b -> { });
        assertThatThrownBy(() -> f.sharenum.events().giveFeedback(anne.id(), event.id(), 5, "top"))
                .isInstanceOf(IllegalTransitionException.class);
        hold();

        Feedback a = f.sharenum.events().giveFeedback(anne.id(), event.id(), 5, "Très concret");
        f.sharenum.events().giveFeedback(bea.id(), event.id(), 3, "");

        assertThat(f.sharenum.events().feedback(karim.id(), event.id())).extracting(Feedback::usefulness).containsExactly(5, 3);
        assertThat(a.comment()).isEqualTo("Très concret");
        assertThatThrownBy(() -> f.sharenum.events().giveFeedback(anne.id(), event.id(), 1, "")).isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> f.sharenum.events().giveFeedback(outsider.id(), event.id(), 4, ""))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        assertThatThrownBy(() -> f.sharenum.events().giveFeedback(karim.id(), event.id(), 5, ""))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> f.sharenum.events().giveFeedback(bea.id(), event.id(), 6, ""))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("usefulness");
        assertThatThrownBy(() -> f.sharenum.events().feedback(anne.id(), event.id())).isInstanceOf(NotAllowedException.class);
        assertThat(f.sharenum.events().feedback(karim.id(), event.id())).hasSize(2);
    }

    @Test
    void a_helpers_rating_is_theirs_to_see_and_others_only_when_the_host_allows() {
        world(b -> { });
        hold();
        f.sharenum.events().giveFeedback(anne.id(), event.id(), 5, "");
        f.sharenum.events().giveFeedback(bea.id(), event.id(), 4, "");

        assertThat(f.sharenum.events().helperRating(karim.id(), karim.id())).contains(new Rating(2, 4.5));
        assertThat(f.sharenum.events().helperRating(anne.id(), karim.id())).isEmpty();

        world(b -> b.showHelperRatings(true));
        hold();
        f.sharenum.events().giveFeedback(anne.id(), event.id(), 2, "");
        assertThat(f.sharenum.events().helperRating(outsider.id(), karim.id())).contains(new Rating(1, 2.0));
    }
}
