package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.Reason;
import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Uai;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static fr.sharenum.core.internal.alerts.Candidates.CAPYTALE;
import static fr.sharenum.core.internal.alerts.Candidates.id;
import static org.assertj.core.api.Assertions.assertThat;

/** The chosen helpers, read again as the ticket is written. */
class StillQualifiedTest {

    private static Member member(MemberId id, CompetenceLevel level, MemberStatus status) {
        return new Member(id, "Membre " + id.value(), Email.of(id.value() + "@ac-dijon.fr"), Uai.of("0210015C"),
                Role.TEACHER_SECONDARY, Set.of(), Map.of(CAPYTALE, new Skill(CAPYTALE, level)), Set.of(), Set.of(), status,
                Instant.parse("2026-01-01T00:00:00Z"), 1);
    }

    @Test
    void helpers_no_longer_active_or_qualified_are_dropped_and_levels_follow_the_store() {
        MemberId kept = id("kept");
        MemberId promoted = id("promoted");
        MemberId demoted = id("demoted");
        MemberId suspended = id("suspended");
        MemberId gone = id("gone");
        Map<MemberId, Member> stored = Map.of(
                kept, member(kept, CompetenceLevel.INTERMEDIATE, MemberStatus.ACTIVE),
                promoted, member(promoted, CompetenceLevel.EXPERIENCED, MemberStatus.ACTIVE),
                demoted, member(demoted, CompetenceLevel.NOVICE, MemberStatus.ACTIVE),
                suspended, member(suspended, CompetenceLevel.EXPERIENCED, MemberStatus.SUSPENDED));
        List<Alert> chosen = List.of(new Alert(kept, CAPYTALE, CompetenceLevel.INTERMEDIATE, 1),
                new Alert(promoted, CAPYTALE, CompetenceLevel.INTERMEDIATE, 1),
                new Alert(demoted, CAPYTALE, CompetenceLevel.EXPERIENCED, 2),
                new Alert(suspended, CAPYTALE, CompetenceLevel.EXPERIENCED, 2),
                new Alert(gone, CAPYTALE, CompetenceLevel.EXPERIENCED, 3));

        StillQualified.Outcome outcome = new StillQualified(CompetenceLevel.INTERMEDIATE)
                .check(chosen, m -> Optional.ofNullable(stored.get(m)));

        assertThat(outcome.kept()).containsExactly(new Alert(promoted, CAPYTALE, CompetenceLevel.EXPERIENCED, 1),
                new Alert(kept, CAPYTALE, CompetenceLevel.INTERMEDIATE, 1));
        assertThat(outcome.dropped()).extracting(d -> d.member().value()).containsExactly("demoted", "suspended", "gone");
        assertThat(outcome.dropped()).extracting(d -> d.reason()).containsOnly(Reason.NO_LONGER_QUALIFIED);
    }
}
