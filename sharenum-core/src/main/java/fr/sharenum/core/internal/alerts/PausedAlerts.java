package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.Reason;

import java.time.Instant;
import java.util.Objects;

/** Leaves out the helpers whose alerts are paused at the time the ticket opens ({@link Reason#PAUSED}). */
public final class PausedAlerts extends ExclusionRule {
    private final Instant now;

    /** @param now when the ticket opens */
    public PausedAlerts(Instant now) {
        super(Reason.PAUSED);
        this.now = Objects.requireNonNull(now, "now");
    }

    @Override
    boolean excludes(Candidate c) {
        Instant until = c.preferences().pausedUntil();
        return until != null && now.isBefore(until);
    }
}
