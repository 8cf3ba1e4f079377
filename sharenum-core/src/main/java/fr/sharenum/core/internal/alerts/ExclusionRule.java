package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.Reason;

import java.util.ArrayList;
import java.util.List;

/** A rule that leaves out chosen candidates one by one, each for the same {@link Reason}. */
abstract class ExclusionRule implements AlertRule {
    private final Reason reason;

    ExclusionRule(Reason reason) {
        this.reason = reason;
    }

    /** @return why this rule leaves a candidate out */
    Reason reason() {
        return reason;
    }

    /**
     * @param c a chosen candidate
     * @return whether this rule leaves them out
     */
    abstract boolean excludes(Candidate c);

    @Override
    public final Pool apply(Pool pool) {
        List<Candidate> kept = new ArrayList<>(pool.chosen().size());
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : pool.chosen()) {
            (excludes(c) ? out : kept).add(c);
        }
        return out.isEmpty() ? pool : new Pool(kept, pool.reserve(), pool.excluding(out, reason));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
