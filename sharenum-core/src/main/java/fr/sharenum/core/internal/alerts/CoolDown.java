package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.Reason;

/**
 * Leaves out the helpers the requester already alerted for the same tool within the cool-down
 * ({@link Reason#COOL_DOWN}): a second ticket on the same tool reaches other colleagues.
 */
public final class CoolDown extends ExclusionRule {

    /** The rule (whether each candidate is cooling down is known with them: {@link Candidate#coolingDown()}). */
    public CoolDown() {
        super(Reason.COOL_DOWN);
    }

    @Override
    boolean excludes(Candidate c) {
        return c.coolingDown();
    }
}
