package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.NotAlerted;
import fr.sharenum.AlertReport.Reason;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.CompetenceLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static fr.sharenum.core.internal.alerts.Candidates.CAPYTALE;
import static fr.sharenum.core.internal.alerts.Candidates.GEOGEBRA;
import static fr.sharenum.core.internal.alerts.Candidates.NOW;
import static fr.sharenum.core.internal.alerts.Candidates.at;
import static fr.sharenum.core.internal.alerts.Candidates.helpers;
import static fr.sharenum.core.internal.alerts.Candidates.id;
import static fr.sharenum.core.internal.alerts.Candidates.with;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules that leave qualified members out, each on plain candidates. */
class ExclusionRulesTest {

    private final Candidate nadia = at("nadia", 3);
    private final Candidate alice = at("alice", 12);

    @Nested
    @DisplayName("MutedTool")
    class Muted {
        @Test
        void a_helper_who_muted_the_tool_is_left_out_as_muted() {
            Candidate muted = with(nadia, new AlertPreferences(Set.of(CAPYTALE), null));
            Pool after = new MutedTool().apply(Pool.of(List.of(muted, alice)));
            assertThat(helpers(after.chosen())).containsExactly(alice.helper());
            assertThat(after.excluded()).containsExactly(new NotAlerted(nadia.helper(), CAPYTALE, Reason.MUTED));
        }

        @Test
        void a_helper_who_muted_another_tool_stays() {
            Candidate mutedOther = with(nadia, new AlertPreferences(Set.of(GEOGEBRA), null));
            Pool before = Pool.of(List.of(mutedOther, alice));
            assertThat(new MutedTool().apply(before)).isSameAs(before);
        }
    }

    @Nested
    @DisplayName("PausedAlerts")
    class Paused {
        @Test
        void a_helper_paused_until_later_is_left_out_as_paused() {
            Candidate paused = with(nadia, new AlertPreferences(Set.of(), NOW.plus(Duration.ofDays(1))));
            Pool after = new PausedAlerts(NOW).apply(Pool.of(List.of(paused, alice)));
            assertThat(helpers(after.chosen())).containsExactly(alice.helper());
            assertThat(after.excluded()).extracting(NotAlerted::reason).containsExactly(Reason.PAUSED);
        }

        @Test
        void a_pause_ending_now_or_earlier_no_longer_counts() {
            Candidate endsNow = with(nadia, new AlertPreferences(Set.of(), NOW));
            Candidate ended = with(alice, new AlertPreferences(Set.of(), NOW.minusSeconds(1)));
            Pool after = new PausedAlerts(NOW).apply(Pool.of(List.of(endsNow, ended)));
            assertThat(after.chosen()).hasSize(2);
            assertThat(after.excluded()).isEmpty();
        }
    }

    @Nested
    @DisplayName("Blocked")
    class Blocks {
        @Test
        void a_helper_who_blocked_the_requester_is_left_out() {
            Candidate blocker = with(nadia, AlertPreferences.NONE.blocking(id("rachel"), true));
            Pool after = new Blocked(id("rachel"), AlertPreferences.NONE).apply(Pool.of(List.of(blocker, alice)));
            assertThat(helpers(after.chosen())).containsExactly(alice.helper());
            assertThat(after.excluded()).extracting(NotAlerted::reason).containsExactly(Reason.BLOCKED);
        }

        @Test
        void a_helper_the_requester_blocked_is_left_out() {
            AlertPreferences requester = AlertPreferences.NONE.blocking(alice.helper(), true);
            Pool after = new Blocked(id("rachel"), requester).apply(Pool.of(List.of(nadia, alice)));
            assertThat(helpers(after.chosen())).containsExactly(nadia.helper());
            assertThat(after.excluded()).extracting(NotAlerted::member).containsExactly(alice.helper());
        }
    }

    @Nested
    @DisplayName("CoolDown")
    class Cooling {
        @Test
        void a_helper_alerted_by_the_same_requester_for_the_tool_is_left_out_as_cool_down() {
            Pool after = new CoolDown().apply(Pool.of(List.of(Candidates.coolingDown(nadia), alice)));
            assertThat(helpers(after.chosen())).containsExactly(alice.helper());
            assertThat(after.excluded()).extracting(NotAlerted::reason).containsExactly(Reason.COOL_DOWN);
        }
    }

    @Test
    void exclusions_keep_the_rank_order_of_those_they_keep() {
        Candidate first = at("a", 1);
        Candidate second = Candidate.of(id("b"), CAPYTALE, CompetenceLevel.INTERMEDIATE, 2);
        Candidate third = at("c", 5);
        Pool after = new MutedTool().apply(Pool.of(List.of(first, with(second, new AlertPreferences(Set.of(CAPYTALE), null)), third)));
        assertThat(helpers(after.chosen())).containsExactly(first.helper(), third.helper());
    }
}
