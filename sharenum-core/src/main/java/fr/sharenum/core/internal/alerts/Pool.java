package fr.sharenum.core.internal.alerts;

import fr.sharenum.AlertReport.NotAlerted;
import fr.sharenum.AlertReport.Reason;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the selection stands: the candidates chosen so far (in rank order), those set aside but still eligible
 * to top up a ticket ({@code reserve}, in rank order), and those left out with the first reason that applied.
 *
 * @param chosen   candidates to alert so far, in rank order
 * @param reserve  candidates over their weekly cap, alerted only to reach the minimum, in rank order
 * @param excluded candidates left out, with why
 */
public record Pool(List<Candidate> chosen, List<Candidate> reserve, List<NotAlerted> excluded) {

    /**
     * @param chosen   candidates to alert so far
     * @param reserve  candidates set aside
     * @param excluded candidates left out
     */
    public Pool {
        chosen = List.copyOf(chosen);
        reserve = List.copyOf(reserve);
        excluded = List.copyOf(excluded);
    }

    /**
     * The start of a selection: every candidate chosen.
     *
     * @param ranked the qualified candidates, in rank order
     * @return the pool
     */
    public static Pool of(List<Candidate> ranked) {
        return new Pool(ranked, List.of(), List.of());
    }

    /**
     * This pool with {@code leftOut} excluded for {@code reason}, after those already excluded.
     *
     * @param leftOut the candidates left out
     * @param reason  why
     * @return the new excluded list
     */
    List<NotAlerted> excluding(List<Candidate> leftOut, Reason reason) {
        List<NotAlerted> out = new ArrayList<>(excluded);
        for (Candidate c : leftOut) {
            out.add(new NotAlerted(c.helper(), c.tool(), reason));
        }
        return out;
    }
}
