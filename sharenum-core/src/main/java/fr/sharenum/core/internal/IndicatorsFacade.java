package fr.sharenum.core.internal;

import fr.sharenum.IndicatorReport;
import fr.sharenum.Indicators;
import fr.sharenum.Territory;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Uai;

import java.time.YearMonth;
import java.util.Objects;

/** The académie's view behind the access matrix: staff read their académie's territories, researchers all. */
final class IndicatorsFacade implements Indicators {
    private final Engine engine;
    private final IndicatorsImpl aggregates;

    IndicatorsFacade(Engine engine, IndicatorsImpl aggregates) {
        this.engine = engine;
        this.aggregates = aggregates;
    }

    @Override
    public IndicatorReport report(Actor actor, Territory territory, YearMonth from, YearMonth to) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(territory, "territory");
        engine.tx(t -> {
            Access.require(Operation.INDICATORS_REPORT, Access.relations(Access.principal(t, actor), academieOf(t, territory)));
            return null;
        });
        engine.freshen();
        return aggregates.report(territory, from, to);
    }

    /** The académie a territory lies in, or {@code null} for the country (and unknown codes). */
    static Academie academieOf(Tx t, Territory territory) {
        switch (territory.level()) {
            case ACADEMIE:
                return Academie.byCode(territory.code()).orElse(null);
            case DEPARTEMENT:
                return Academie.byDepartement(territory.code()).orElse(null);
            case COMMUNE:
                String c = territory.code();
                String dept = c.startsWith("97") || c.startsWith("98") ? c.substring(0, Math.min(3, c.length()))
                        : "0" + c.substring(0, Math.min(2, c.length()));
                return Academie.byDepartement(dept).orElse(null);
            case ESTABLISHMENT:
                try {
                    return t.establishment(Uai.of(territory.code())).map(Establishment::academie).orElse(null);
                } catch (RuntimeException e) {
                    return null;
                }
            default:
                return null;
        }
    }
}
