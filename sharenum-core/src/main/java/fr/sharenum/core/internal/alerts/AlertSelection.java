package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertLimits;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.MemberId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who a ticket alerts among the qualified candidates: the rules below, in this order. The order matters twice:
 * an excluded candidate is reported with the first exclusion that applied, and the caps work on the candidates the
 * exclusions left.
 *
 * <ol>
 *   <li>{@link MutedTool} — they muted the tool;</li>
 *   <li>{@link PausedAlerts} — they paused their alerts;</li>
 *   <li>{@link Blocked} — they blocked the requester or the requester blocked them;</li>
 *   <li>{@link CoolDown} — the requester alerted them for the same tool within the cool-down;</li>
 *   <li>{@link WeeklyCap} — helpers over their weekly cap are set aside;</li>
 *   <li>{@link FairRotation} — under a cap per ticket, the least recently alerted of the nearest go first;</li>
 *   <li>{@link TopUpToMinimum} — helpers set aside come back, nearest first, to reach the minimum;</li>
 *   <li>{@link RoundDistances} — distances to the km, alerts in the order people read them.</li>
 * </ol>
 */
public final class AlertSelection {
    private final List<AlertRule> rules;

    /**
     * The selection for one ticket.
     *
     * @param requester            who opens it
     * @param requesterPreferences their alert preferences (whom they blocked)
     * @param limits               the host's alert limits
     * @param now                  when it opens
     */
    public AlertSelection(MemberId requester, AlertPreferences requesterPreferences, AlertLimits limits, Instant now) {
        Objects.requireNonNull(limits, "limits");
        this.rules = List.of(
                new MutedTool(),
                new PausedAlerts(now),
                new Blocked(requester, requesterPreferences),
                new CoolDown(),
                new WeeklyCap(limits.perHelperPerWeek()),
                new FairRotation(limits.maxPerTicket()),
                new TopUpToMinimum(limits.minimumPerTicket(), limits.maxPerTicket()),
                new RoundDistances());
    }

    /** @return the rules, in the order they apply */
    public List<AlertRule> rules() {
        return rules;
    }

    /**
     * Applies every rule in order.
     *
     * @param ranked the qualified candidates, in rank order ({@link Candidate#RANK})
     * @return the chosen candidates (distances rounded, in the order people read them) and the excluded ones
     */
    public Pool select(List<Candidate> ranked) {
        Pool pool = Pool.of(ranked);
        for (AlertRule rule : rules) {
            pool = rule.apply(pool);
        }
        return pool;
    }
}
