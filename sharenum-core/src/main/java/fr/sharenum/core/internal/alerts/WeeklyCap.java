package fr.sharenum.core.internal.alerts;

import java.util.ArrayList;
import java.util.List;

/**
 * Sets aside, as a reserve, the helpers alerted {@code perHelperPerWeek} times or more over the last 7 days: they
 * rest while others can answer, and come back only to top a ticket up to its minimum ({@link TopUpToMinimum}).
 */
public final class WeeklyCap implements AlertRule {
    private final int perHelperPerWeek;

    /** @param perHelperPerWeek most alerts per helper over 7 days, at least 1 */
    public WeeklyCap(int perHelperPerWeek) {
        if (perHelperPerWeek < 1) {
            throw new IllegalArgumentException("perHelperPerWeek must be at least 1, was " + perHelperPerWeek);
        }
        this.perHelperPerWeek = perHelperPerWeek;
    }

    @Override
    public Pool apply(Pool pool) {
        List<Candidate> under = new ArrayList<>();
        List<Candidate> over = new ArrayList<>(pool.reserve());
        for (Candidate c : pool.chosen()) {
            (c.alertsThisWeek() < perHelperPerWeek ? under : over).add(c);
        }
        over.sort(Candidate.RANK);
        return new Pool(under, over, pool.excluded());
    }

    @Override
    public String toString() {
        return "WeeklyCap";
    }
}
