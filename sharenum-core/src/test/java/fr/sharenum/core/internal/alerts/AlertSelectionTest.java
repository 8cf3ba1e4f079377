package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertLimits;
import fr.sharenum.AlertReport.NotAlerted;
import fr.sharenum.AlertReport.Reason;
import fr.sharenum.model.AlertPreferences;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static fr.sharenum.core.internal.alerts.Candidates.CAPYTALE;
import static fr.sharenum.core.internal.alerts.Candidates.NOW;
import static fr.sharenum.core.internal.alerts.Candidates.alerted;
import static fr.sharenum.core.internal.alerts.Candidates.at;
import static fr.sharenum.core.internal.alerts.Candidates.helpers;
import static fr.sharenum.core.internal.alerts.Candidates.id;
import static fr.sharenum.core.internal.alerts.Candidates.with;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules composed in their documented order. */
class AlertSelectionTest {

    private static AlertSelection selection(AlertLimits limits) {
        return new AlertSelection(id("rachel"), AlertPreferences.NONE, limits, NOW);
    }

    @Test
    void the_rules_apply_in_the_documented_order() {
        assertThat(selection(AlertLimits.defaults()).rules()).extracting(Object::toString).containsExactly(
                "MutedTool", "PausedAlerts", "Blocked", "CoolDown", "WeeklyCap", "FairRotation", "TopUpToMinimum",
                "RoundDistances");
    }

    @Test
    void a_member_left_out_by_several_rules_is_reported_with_the_first() {
        Candidate everything = Candidates.coolingDown(with(at("nadia", 3), new AlertPreferences(Set.of(CAPYTALE),
                NOW.plus(Duration.ofDays(1)), Set.of(id("rachel")), AlertPreferences.Digest.NONE)));
        Pool pool = selection(AlertLimits.defaults()).select(List.of(everything));
        assertThat(pool.chosen()).isEmpty();
        assertThat(pool.excluded()).containsExactly(new NotAlerted(everything.helper(), CAPYTALE, Reason.MUTED));
    }

    @Test
    void the_caps_count_only_those_the_exclusions_left() {
        // the muted nearest helper does not take a place: the two others under the cap are alerted
        Candidate muted = with(at("muted", 1), new AlertPreferences(Set.of(CAPYTALE), null));
        Candidate capped = alerted(at("capped", 2), 20, NOW);
        Candidate free1 = at("free1", 3);
        Candidate free2 = at("free2", 4);
        AlertLimits limits = AlertLimits.builder().perHelperPerWeek(20).minimumPerTicket(2).maxPerTicket(2).build();
        Pool pool = selection(limits).select(List.of(muted, capped, free1, free2));
        assertThat(helpers(pool.chosen())).containsExactly(free1.helper(), free2.helper());
        assertThat(pool.excluded()).extracting(NotAlerted::reason).containsExactly(Reason.MUTED, Reason.WEEKLY_CAP);
    }

    @Test
    void every_qualified_member_is_either_chosen_or_excluded_once() {
        List<Candidate> ranked = List.of(at("a", 1), alerted(at("b", 2), 30, NOW), Candidates.coolingDown(at("c", 3)),
                at("d", 4), at("e", 5), alerted(at("f", 6), 30, NOW));
        AlertLimits limits = AlertLimits.builder().perHelperPerWeek(20).minimumPerTicket(3).maxPerTicket(2).build();
        Pool pool = selection(limits).select(ranked);
        assertThat(pool.chosen().size() + pool.excluded().size()).isEqualTo(ranked.size());
        assertThat(pool.reserve()).isEmpty();
    }
}
