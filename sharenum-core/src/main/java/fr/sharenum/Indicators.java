package fr.sharenum;

import fr.sharenum.model.Actor;

import java.time.YearMonth;

/**
 * The académie's view: indicators per territory and period, kept up to date as tickets, events and
 * members change (aggregates per territory and month, never a rescan of history). Obtained from
 * {@link ShareNum#indicators()}; thread-safe.
 *
 * <pre>{@code
 * IndicatorReport dijon = sharenum.indicators().report(dane.id(), Territory.of(Academie.DIJON),
 *         YearMonth.of(2026, 9), YearMonth.of(2027, 6));
 * String csv = dijon.toCsv();
 * }</pre>
 */
public interface Indicators {

    /**
     * The indicators of {@code territory} for the months {@code from} to {@code to}, inclusive.
     *
     * @param actor     staff of the territory's académie, a national administrator, a researcher, or the host
     * @param territory the territory
     * @param from      first month
     * @param to        last month
     * @return the report
     * @throws fr.sharenum.model.NotAllowedException the actor may not read them
     */
    IndicatorReport report(Actor actor, Territory territory, YearMonth from, YearMonth to);
}
