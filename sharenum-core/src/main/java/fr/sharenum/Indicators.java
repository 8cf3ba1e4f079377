package fr.sharenum;

import java.time.YearMonth;

/**
 * The académie's view: indicators per territory and period, kept up to date as tickets, events and
 * members change (aggregates per territory and month, never a rescan of history). Obtained from
 * {@link ShareNum#indicators()}; thread-safe.
 *
 * <pre>{@code
 * IndicatorReport dijon = sharenum.indicators().report(Territory.of(Academie.DIJON),
 *         YearMonth.of(2026, 9), YearMonth.of(2027, 6));
 * String csv = dijon.toCsv();
 * }</pre>
 */
public interface Indicators {

    /** The indicators of {@code territory} for the months {@code from} to {@code to}, inclusive. */
    IndicatorReport report(Territory territory, YearMonth from, YearMonth to);
}
