package fr.sharenum.core.internal.alerts;

import fr.sharenum.model.Alert;

import java.util.ArrayList;
import java.util.List;

/**
 * What members see of each other's whereabouts: establishment distances rounded to the km, and the chosen alerts
 * in the order people read them (rounded km, then level, then member id). Last of the selection: the rules before
 * it rank on exact distances.
 */
public final class RoundDistances implements AlertRule {

    @Override
    public Pool apply(Pool pool) {
        List<Candidate> rounded = new ArrayList<>(pool.chosen().size());
        for (Candidate c : pool.chosen()) {
            Alert a = c.alert();
            rounded.add(new Candidate(new Alert(a.helper(), a.tool(), a.level(), Math.rint(a.distanceKm())),
                    c.preferences(), c.coolingDown(), c.alertsThisWeek(), c.lastAlerted()));
        }
        rounded.sort(Candidate.RANK);
        return new Pool(rounded, pool.reserve(), pool.excluded());
    }

    @Override
    public String toString() {
        return "RoundDistances";
    }
}
