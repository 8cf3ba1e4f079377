package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.NotAlerted;
import fr.sharenum.AlertReport.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static fr.sharenum.core.internal.alerts.Candidates.NOW;
import static fr.sharenum.core.internal.alerts.Candidates.alerted;
import static fr.sharenum.core.internal.alerts.Candidates.at;
import static fr.sharenum.core.internal.alerts.Candidates.helpers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The weekly cap, the rotation under a cap per ticket, the top-up to the minimum, the rounding: on plain candidates. */
class CapsTest {

    private final Candidate near = at("near", 1.4);
    private final Candidate middle = at("middle", 5.6);
    private final Candidate far = at("far", 20.2);

    @Nested
    @DisplayName("WeeklyCap")
    class Weekly {
        @Test
        void helpers_at_their_cap_go_to_the_reserve_in_rank_order() {
            Pool after = new WeeklyCap(2).apply(Pool.of(List.of(alerted(near, 2, NOW), middle, alerted(far, 5, NOW))));
            assertThat(helpers(after.chosen())).containsExactly(middle.helper());
            assertThat(helpers(after.reserve())).containsExactly(near.helper(), far.helper());
            assertThat(after.excluded()).as("the reserve may still be alerted").isEmpty();
        }

        @Test
        void a_cap_below_one_is_refused() {
            assertThatThrownBy(() -> new WeeklyCap(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("FairRotation")
    class Rotation {
        @Test
        void without_more_helpers_than_the_cap_nothing_changes() {
            Pool before = Pool.of(List.of(near, middle));
            assertThat(new FairRotation(2).apply(before)).isSameAs(before);
        }

        @Test
        void under_a_cap_the_never_alerted_then_least_recently_alerted_go_first() {
            Candidate nearRecent = alerted(near, 1, NOW.minus(Duration.ofHours(1)));
            Candidate middleOld = alerted(middle, 1, NOW.minus(Duration.ofDays(3)));
            Pool after = new FairRotation(2).apply(Pool.of(List.of(nearRecent, middleOld, far)));
            assertThat(helpers(after.chosen())).as("in rank order").containsExactly(middle.helper(), far.helper());
            assertThat(after.excluded()).containsExactly(new NotAlerted(near.helper(), near.tool(), Reason.TICKET_CAP));
        }

        @Test
        void only_the_three_times_cap_nearest_take_part_in_the_rotation() {
            Candidate a = alerted(at("a", 1), 1, NOW.minusSeconds(10));
            Candidate b = alerted(at("b", 2), 1, NOW.minusSeconds(20));
            Candidate c = alerted(at("c", 3), 1, NOW.minusSeconds(30));
            Candidate neverAlertedButFar = at("d", 4);
            Pool after = new FairRotation(1).apply(Pool.of(List.of(a, b, c, neverAlertedButFar)));
            assertThat(helpers(after.chosen())).containsExactly(c.helper());
            assertThat(after.excluded()).extracting(NotAlerted::reason).containsOnly(Reason.TICKET_CAP).hasSize(3);
        }
    }

    @Nested
    @DisplayName("TopUpToMinimum")
    class TopUp {
        @Test
        void the_reserve_tops_up_to_the_minimum_nearest_first_and_the_rest_is_capped() {
            Pool pool = new Pool(List.of(middle), List.of(near, far), List.of());
            Pool after = new TopUpToMinimum(2, Integer.MAX_VALUE).apply(pool);
            assertThat(helpers(after.chosen())).containsExactly(middle.helper(), near.helper());
            assertThat(after.reserve()).isEmpty();
            assertThat(after.excluded()).containsExactly(new NotAlerted(far.helper(), far.tool(), Reason.WEEKLY_CAP));
        }

        @Test
        void the_minimum_never_exceeds_the_cap_per_ticket() {
            Pool pool = new Pool(List.of(), List.of(near, middle, far), List.of());
            Pool after = new TopUpToMinimum(3, 1).apply(pool);
            assertThat(helpers(after.chosen())).containsExactly(near.helper());
        }

        @Test
        void enough_chosen_helpers_leave_the_whole_reserve_capped() {
            Pool pool = new Pool(List.of(near, middle, far), List.of(at("over", 2)), List.of());
            Pool after = new TopUpToMinimum(3, Integer.MAX_VALUE).apply(pool);
            assertThat(after.chosen()).hasSize(3);
            assertThat(after.excluded()).extracting(NotAlerted::reason).containsExactly(Reason.WEEKLY_CAP);
        }
    }

    @Nested
    @DisplayName("RoundDistances")
    class Rounding {
        @Test
        void distances_are_rounded_to_the_km_and_reordered_as_people_read_them() {
            Candidate intermediateNearer = Candidate.of(Candidates.id("inter"), Candidates.CAPYTALE,
                    fr.sharenum.model.CompetenceLevel.INTERMEDIATE, 1.2);
            Candidate expertFarther = at("expert", 1.4);
            Pool after = new RoundDistances().apply(Pool.of(List.of(intermediateNearer, expertFarther)));
            assertThat(after.chosen()).extracting(c -> c.alert().distanceKm()).containsExactly(1.0, 1.0);
            assertThat(helpers(after.chosen())).as("same km: the more experienced first")
                    .containsExactly(expertFarther.helper(), intermediateNearer.helper());
        }
    }
}
