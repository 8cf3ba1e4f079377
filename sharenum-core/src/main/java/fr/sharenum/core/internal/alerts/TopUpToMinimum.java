package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * When fewer than {@code minimumPerTicket} helpers are chosen (never more than {@code maxPerTicket}), adds helpers
 * from the reserve, nearest first, until the minimum is reached or the reserve is empty; the reserve left is left
 * out ({@link Reason#WEEKLY_CAP}).
 */
public final class TopUpToMinimum implements AlertRule {
    private final int wanted;

    /**
     * @param minimumPerTicket helpers alerted per ticket even over their weekly cap, at least 1
     * @param maxPerTicket     most helpers alerted per ticket, at least 1 (caps the minimum)
     */
    public TopUpToMinimum(int minimumPerTicket, int maxPerTicket) {
        if (minimumPerTicket < 1 || maxPerTicket < 1) {
            throw new IllegalArgumentException("minimumPerTicket and maxPerTicket must be at least 1, were "
                    + minimumPerTicket + " and " + maxPerTicket);
        }
        this.wanted = Math.min(minimumPerTicket, maxPerTicket);
    }

    @Override
    public Pool apply(Pool pool) {
        if (pool.reserve().isEmpty()) {
            return pool;
        }
        List<Candidate> chosen = new ArrayList<>(pool.chosen());
        List<Candidate> reserve = pool.reserve();
        int i = 0;
        while (chosen.size() < wanted && i < reserve.size()) {
            chosen.add(reserve.get(i++));
        }
        // the topped-up helpers come after the others, like the reserve they come from; RoundDistances re-sorts
        return new Pool(chosen, List.of(), pool.excluding(reserve.subList(i, reserve.size()), Reason.WEEKLY_CAP));
    }

    @Override
    public String toString() {
        return "TopUpToMinimum";
    }
}
