package fr.sharenum.core.internal.alerts;

import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;

import java.time.Instant;
import java.util.List;

/** Plain candidates for the rule tests: no ShareNum, no store. */
final class Candidates {
    static final ToolId CAPYTALE = ToolId.of("capytale");
    static final ToolId GEOGEBRA = ToolId.of("geogebra");
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private Candidates() {
    }

    static MemberId id(String name) {
        return MemberId.of(name);
    }

    /** A candidate at {@code km}, experienced on Capytale, with no preference, no cool-down, never alerted. */
    static Candidate at(String name, double km) {
        return Candidate.of(id(name), CAPYTALE, CompetenceLevel.EXPERIENCED, km);
    }

    static Candidate with(Candidate c, AlertPreferences preferences) {
        return new Candidate(c.alert(), preferences, c.coolingDown(), c.alertsThisWeek(), c.lastAlerted());
    }

    static Candidate coolingDown(Candidate c) {
        return new Candidate(c.alert(), c.preferences(), true, c.alertsThisWeek(), c.lastAlerted());
    }

    static Candidate alerted(Candidate c, int thisWeek, Instant last) {
        return new Candidate(c.alert(), c.preferences(), c.coolingDown(), thisWeek, last);
    }

    static List<MemberId> helpers(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::helper).toList();
    }
}
