package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.Reason;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Under the host's cap of alerts per ticket: among the {@code 3 × maxPerTicket} nearest chosen helpers, the least
 * recently alerted go first (never alerted before all), then in rank order; the others are left out
 * ({@link Reason#TICKET_CAP}). Without a cap, or with fewer chosen helpers than the cap, nothing changes.
 */
public final class FairRotation implements AlertRule {
    /** The window the rotation chooses in: this many times the cap, nearest first. */
    static final int WINDOW = 3;

    private static final Comparator<Candidate> LEAST_RECENTLY_ALERTED = Comparator
            .comparing(Candidate::lastAlerted, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Candidate.RANK);

    private final int maxPerTicket;

    /** @param maxPerTicket most helpers alerted per ticket ({@link Integer#MAX_VALUE}: no cap), at least 1 */
    public FairRotation(int maxPerTicket) {
        if (maxPerTicket < 1) {
            throw new IllegalArgumentException("maxPerTicket must be at least 1, was " + maxPerTicket);
        }
        this.maxPerTicket = maxPerTicket;
    }

    @Override
    public Pool apply(Pool pool) {
        List<Candidate> chosen = pool.chosen();
        if (chosen.size() <= maxPerTicket) {
            return pool;
        }
        List<Candidate> window = new ArrayList<>(chosen.subList(0, (int) Math.min(chosen.size(), (long) WINDOW * maxPerTicket)));
        window.sort(LEAST_RECENTLY_ALERTED);
        List<Candidate> kept = new ArrayList<>(window.subList(0, maxPerTicket));
        kept.sort(Candidate.RANK);
        // left out: the chosen not kept, in rank order (by identity: thousands of them at national density)
        Set<Candidate> keptOnes = Collections.newSetFromMap(new IdentityHashMap<>());
        keptOnes.addAll(kept);
        List<Candidate> out = new ArrayList<>(chosen.size() - kept.size());
        for (Candidate c : chosen) {
            if (!keptOnes.contains(c)) {
                out.add(c);
            }
        }
        return new Pool(kept, pool.reserve(), pool.excluding(out, Reason.TICKET_CAP));
    }

    @Override
    public String toString() {
        return "FairRotation";
    }
}
