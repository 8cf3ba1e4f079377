package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;

import java.time.YearMonth;
import java.util.List;

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
     * @throws fr.sharenum.model.NotFoundException when the territory is a custom one that is not defined
     */
    IndicatorReport report(Actor actor, Territory territory, YearMonth from, YearMonth to);

    /**
     * Whether the system works in {@code territory} for the months {@code from} to {@code to}, inclusive: attendance
     * and no-shows, members per tool and level at the start and end of the period and the flows between levels,
     * needs met by an institutional training or a peer, RETEX indicators (PIX, badges, training actions and hours,
     * helper activity) and the delays as mergeable distributions — see {@link ImpactReport} for how each is counted.
     *
     * <pre>{@code
     * ImpactReport tne = sharenum.indicators().impact(dane.id(), Territory.custom("tne-aisne"),
     *         YearMonth.of(2026, 9), YearMonth.of(2027, 6));
     * tne.flow(ToolId.of("capytale"), CompetenceLevel.NOVICE, CompetenceLevel.INTERMEDIATE);
     * }</pre>
     *
     * @param actor     staff of the territory's académie, a national administrator, a researcher, or the host
     * @param territory the territory, custom ones included
     * @param from      first month
     * @param to        last month
     * @return the report
     * @throws fr.sharenum.model.NotAllowedException   the actor may not read it
     * @throws fr.sharenum.model.NotFoundException      a custom territory that is not defined
     * @throws fr.sharenum.model.InvalidValueException  {@code to} before {@code from}, or more than 20 years apart
     */
    ImpactReport impact(Actor actor, Territory territory, YearMonth from, YearMonth to);

    /**
     * Defines a custom territory — a TNE, a bassin, a réseau d'établissements — or replaces the definition of its
     * code; it is then usable wherever a territory is ({@link Territory#custom}), for every month already counted.
     * Staff define their académie's (every part must lie in it); a national administrator or the host defines
     * national ones (no académie, parts anywhere) and any académie's.
     *
     * @param actor      staff of the definition's académie, a national administrator or the host
     * @param definition the definition
     * @return the definition as stored
     * @throws fr.sharenum.model.NotAllowedException  the actor may not define it
     * @throws fr.sharenum.model.InvalidValueException a part lies outside the definition's académie, or an
     *                                                 establishment part is unknown; nothing is stored
     */
    TerritoryDefinition define(Actor actor, TerritoryDefinition definition);

    /**
     * The custom territories of an académie, by code.
     *
     * @param actor    staff of the académie, a national administrator, a researcher, or the host
     * @param academie the académie, or {@code null} for the national ones (not for staff)
     * @return the definitions
     * @throws fr.sharenum.model.NotAllowedException the actor may not read them
     */
    List<TerritoryDefinition> territories(Actor actor, Academie academie);
}
