package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.Reason;

/** Leaves out the helpers who muted the tool they qualify on ({@link Reason#MUTED}). */
public final class MutedTool extends ExclusionRule {

    /** The rule. */
    public MutedTool() {
        super(Reason.MUTED);
    }

    @Override
    boolean excludes(Candidate c) {
        return c.preferences().mutedTools().contains(c.tool());
    }
}
