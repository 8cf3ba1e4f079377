package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertLimits;
import fr.sharenum.AlertReport.NotAlerted;
import fr.sharenum.AlertReport.Reason;
import fr.sharenum.model.Alert;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.MemberId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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
    /** Fewest qualified members examined at first by {@link #selectNearest}. */
    static final int FIRST_EXAMINED = 64;

    private final List<AlertRule> rules;
    private final int maxPerTicket;

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
        this.maxPerTicket = limits.maxPerTicket();
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

    /**
     * What {@link #selectNearest} chose.
     *
     * @param pool   the selection among the members examined
     * @param beyond qualified members farther than those examined (in rank order), not examined: the ticket's cap was
     *               reached before their turn ({@link Reason#TICKET_CAP})
     */
    public record Outcome(Pool pool, int beyond) {
    }

    /**
     * Applies the rules to the qualified members nearest first, examining only as many as the choice needs: the
     * rules choose among the nearest ones, and once the cap's rotation window ({@link FairRotation}) is full within
     * them, nobody farther could change who is alerted. At national density a ticket finds thousands of qualified
     * members; what the rules weigh is read for the nearest {@value #FIRST_EXAMINED} (or twice the window, if more)
     * first, then four times as many each time the window is not full yet. The members chosen are those
     * {@link #select} would choose from them all; the members beyond those examined are counted, not examined.
     *
     * @param qualified  every qualified member, in rank order ({@link Candidate#ALERT_ORDER})
     * @param candidates reads what the rules weigh for a slice of the members, given in rank order (one candidate
     *                   each, in the same order): the nearest first, then each next slice once, never one twice
     * @return the pool and how many members were not examined
     */
    public Outcome selectNearest(List<Alert> qualified, Function<List<Alert>, List<Candidate>> candidates) {
        int all = qualified.size();
        long window = (long) FairRotation.WINDOW * maxPerTicket;
        List<Candidate> weighed = new ArrayList<>();
        int examined = 0;
        int next = (int) Math.min(all, Math.max(FIRST_EXAMINED, 2 * window));
        while (true) {
            if (next > examined) {
                weighed.addAll(candidates.apply(qualified.subList(examined, next)));
            }
            examined = next;
            Pool pool = select(weighed);
            if (examined == all || pool.chosen().size() + ticketCapped(pool) >= window) {
                return new Outcome(pool, all - examined);
            }
            next = (int) Math.min(all, 4L * examined);
        }
    }

    /** The chosen left out by the cap: with those kept, the chosen the rotation chose among. */
    private static int ticketCapped(Pool pool) {
        int n = 0;
        for (NotAlerted x : pool.excluded()) {
            if (x.reason() == Reason.TICKET_CAP) {
                n++;
            }
        }
        return n;
    }
}
