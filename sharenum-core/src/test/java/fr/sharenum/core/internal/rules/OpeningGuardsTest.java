package fr.sharenum.core.internal.rules;

import fr.sharenum.RadiusBounds;
import fr.sharenum.core.internal.InMemoryDocumentStore;
import fr.sharenum.model.Academie;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.model.TrainingsFirstException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guards of opening a ticket, each alone with plain values. */
class OpeningGuardsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Nested
    @DisplayName("RadiusWithinBounds")
    class Radius {
        private final RadiusWithinBounds rule = new RadiusWithinBounds(RadiusBounds.of(1, 200, 30));

        @Test
        void no_radius_means_the_default() {
            assertThat(rule.radiusOf(Double.NaN)).isEqualTo(30);
        }

        @Test
        void the_bounds_are_allowed() {
            assertThat(rule.radiusOf(1)).isEqualTo(1);
            assertThat(rule.radiusOf(200)).isEqualTo(200);
        }

        @Test
        void outside_the_bounds_is_refused_naming_the_radius() {
            for (double km : new double[] {0.5, 200.1, Double.POSITIVE_INFINITY, -3}) {
                assertThatThrownBy(() -> rule.radiusOf(km)).isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("radiusKm"));
            }
        }
    }

    @Nested
    @DisplayName("TrainingsFirst")
    class Trainings {
        private final Training paf = new Training("paf-1", "Débuter", TrainingKind.PAF_SESSION, Academie.DIJON,
                Set.of(ToolId.of("capytale")), NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(3)).plusSeconds(3600),
                "Canopé", null);
        private final Training coop = new Training("coop-1", "Tester", TrainingKind.TOOL_TESTING, Academie.DIJON,
                Set.of(ToolId.of("capytale")), NOW.plus(Duration.ofDays(4)), NOW.plus(Duration.ofDays(4)).plusSeconds(3600),
                "Coopérative", null);

        @Test
        void no_training_found_lets_the_ticket_open() {
            assertThatCode(() -> TrainingsFirst.check(List.of(), Set.of())).doesNotThrowAnyException();
        }

        @Test
        void every_training_declined_lets_the_ticket_open() {
            assertThatCode(() -> TrainingsFirst.check(List.of(paf, coop), Set.of("paf-1", "coop-1", "other")))
                    .doesNotThrowAnyException();
        }

        @Test
        void the_trainings_not_declined_are_listed() {
            assertThatThrownBy(() -> TrainingsFirst.check(List.of(paf, coop), Set.of("paf-1")))
                    .isInstanceOfSatisfying(TrainingsFirstException.class, e -> assertThat(e.trainings()).containsExactly(coop));
        }
    }

    @Nested
    @DisplayName("NonEmptyText")
    class Text {
        @Test
        void null_and_blank_texts_are_refused_naming_the_field() {
            for (String text : new String[] {null, "", " \t\n"}) {
                assertThatThrownBy(() -> NonEmptyText.check("text", text)).isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("text"));
            }
            assertThatCode(() -> NonEmptyText.check("text", "aide")).doesNotThrowAnyException();
        }
    }

    @Nested
    @DisplayName("DailyTicketLimit")
    class Daily {
        private final InMemoryDocumentStore store = new InMemoryDocumentStore();
        private final DailyTicketLimit rule = new DailyTicketLimit(2);
        private final MemberId rachel = MemberId.of("rachel");

        private void take(Instant at) {
            store.inTransaction(t -> {
                rule.take(t, rachel, at);
                return null;
            });
        }

        private void check(Instant at) {
            store.inTransaction(t -> {
                rule.check(t, rachel, at);
                return null;
            });
        }

        @Test
        void the_limit_is_counted_over_a_sliding_day_and_frees_up_when_the_oldest_ticket_is_a_day_old() {
            take(NOW);
            check(NOW.plusSeconds(60));
            take(NOW.plusSeconds(60));
            assertThatThrownBy(() -> check(NOW.plusSeconds(120))).isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("2 tickets in the last 24 hours").hasMessageContaining(NOW.plus(Duration.ofDays(1)).toString());
            assertThatThrownBy(() -> take(NOW.plusSeconds(120))).isInstanceOf(LimitExceededException.class);
            take(NOW.plus(Duration.ofDays(1)).plusSeconds(1));
        }

        @Test
        void a_check_takes_nothing() {
            check(NOW);
            check(NOW);
            check(NOW);
            take(NOW);
            take(NOW);
            assertThatThrownBy(() -> check(NOW)).isInstanceOf(LimitExceededException.class);
        }

        @Test
        void each_member_has_their_own_count() {
            take(NOW);
            take(NOW);
            store.inTransaction(t -> {
                rule.take(t, MemberId.of("other"), NOW);
                return null;
            });
            assertThat(DailyTicketLimit.key(rachel)).isNotEqualTo(DailyTicketLimit.key(MemberId.of("other")));
        }
    }
}
