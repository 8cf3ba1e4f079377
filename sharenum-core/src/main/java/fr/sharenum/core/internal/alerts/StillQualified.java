package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.NotAlerted;
import fr.sharenum.AlertReport.Reason;
import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Skill;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chosen alerts whose helper is, as stored when the ticket is written, still active and at the minimum level
 * on the alert's tool (the level as stored now); the others are left out ({@link Reason#NO_LONGER_QUALIFIED}). The
 * matching engine of one instance may lag a change made on another: this is the last word.
 */
public final class StillQualified {
    private final CompetenceLevel minimumLevel;

    /** @param minimumLevel the host's minimum helper level */
    public StillQualified(CompetenceLevel minimumLevel) {
        this.minimumLevel = Objects.requireNonNull(minimumLevel, "minimumLevel");
    }

    /**
     * What re-reading the helpers leaves.
     *
     * @param kept    the alerts kept, in the order people read them
     * @param dropped the alerts left out
     */
    public record Outcome(List<Alert> kept, List<NotAlerted> dropped) {
    }

    /**
     * @param chosen  the chosen alerts
     * @param members each helper as stored now (empty when gone)
     * @return the alerts kept and those left out
     */
    public Outcome check(List<Alert> chosen, Function<MemberId, Optional<Member>> members) {
        List<Alert> kept = new ArrayList<>(chosen.size());
        List<NotAlerted> dropped = new ArrayList<>();
        for (Alert a : chosen) {
            Skill skill = members.apply(a.helper()).filter(Member::isActive).map(h -> h.skills().get(a.tool())).orElse(null);
            if (skill != null && skill.level().compareTo(minimumLevel) >= 0) {
                kept.add(skill.level() == a.level() ? a : new Alert(a.helper(), a.tool(), skill.level(), a.distanceKm()));
            } else {
                dropped.add(new NotAlerted(a.helper(), a.tool(), Reason.NO_LONGER_QUALIFIED));
            }
        }
        kept.sort(Candidate.ALERT_ORDER);
        return new Outcome(kept, dropped);
    }
}
