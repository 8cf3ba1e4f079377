package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.Reason;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.MemberId;

import java.util.Objects;

/** Leaves out the helpers who blocked the requester, and those the requester blocked ({@link Reason#BLOCKED}). */
public final class Blocked extends ExclusionRule {
    private final MemberId requester;
    private final AlertPreferences requesterPreferences;

    /**
     * @param requester            who opens the ticket
     * @param requesterPreferences their preferences (whom they blocked)
     */
    public Blocked(MemberId requester, AlertPreferences requesterPreferences) {
        super(Reason.BLOCKED);
        this.requester = Objects.requireNonNull(requester, "requester");
        this.requesterPreferences = Objects.requireNonNull(requesterPreferences, "requesterPreferences");
    }

    @Override
    boolean excludes(Candidate c) {
        return c.preferences().blocks(requester) || requesterPreferences.blocks(c.helper());
    }
}
