package fr.sharenum.core.internal;

import fr.sharenum.ImpactReport;
import fr.sharenum.IndicatorReport;
import fr.sharenum.Indicators;
import fr.sharenum.Territory;
import fr.sharenum.TerritoryDefinition;
import fr.sharenum.core.internal.store.ResearchStore;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Uai;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/** The académie's view behind the access matrix: staff read their académie's territories, researchers all. */
final class IndicatorsFacade implements Indicators {
    private final Transactions transactions;
    private final IndicatorsImpl aggregates;

    /**
     * @param transactions the unit of work
     * @param aggregates   the indicator aggregates the change feed keeps
     */
    IndicatorsFacade(Transactions transactions, IndicatorsImpl aggregates) {
        this.transactions = transactions;
        this.aggregates = aggregates;
    }

    @Override
    public IndicatorReport report(Actor actor, Territory territory, YearMonth from, YearMonth to) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(territory, "territory");
        TerritoryDefinition custom = readable(actor, territory);
        transactions.freshen();
        return aggregates.report(territory, custom, from, to);
    }

    @Override
    public ImpactReport impact(Actor actor, Territory territory, YearMonth from, YearMonth to) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(territory, "territory");
        TerritoryDefinition custom = readable(actor, territory);
        transactions.freshen();
        return aggregates.impact(territory, custom, from, to);
    }

    /** Checks the actor may read the territory's indicators; returns a custom territory's definition. */
    private TerritoryDefinition readable(Actor actor, Territory territory) {
        return transactions.tx(t -> {
            TerritoryDefinition custom = territory.level() == Territory.Level.CUSTOM
                    ? ResearchStore.territory(t, territory.code()).orElse(null) : null;
            Academie academie = custom != null ? custom.academie() : academieOf(t, territory);
            Access.require(Operation.INDICATORS_REPORT, Access.relations(Access.principal(t, actor), academie));
            if (territory.level() == Territory.Level.CUSTOM && custom == null) {
                throw new NotFoundException("territory", territory.code());
            }
            return custom;
        });
    }

    @Override
    public TerritoryDefinition define(Actor actor, TerritoryDefinition definition) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(definition, "definition");
        return transactions.tx(t -> {
            Access.require(Operation.INDICATORS_DEFINE_TERRITORY, Access.relations(Access.principal(t, actor), definition.academie()));
            ResearchStore.territory(t, definition.code()).ifPresent(existing -> {
                if (!Objects.equals(existing.academie(), definition.academie())) {
                    // a code belongs to one académie: staff of another may not take it over
                    Access.require(Operation.INDICATORS_DEFINE_TERRITORY,
                            Access.relations(Access.principal(t, actor), existing.academie()));
                }
            });
            if (definition.academie() != null) {
                for (Territory part : definition.parts()) {
                    Academie of = academieOf(t, part);
                    if (part.level() == Territory.Level.ESTABLISHMENT && of == null) {
                        throw new InvalidValueException("parts", "the establishment " + part.code() + " is not known");
                    }
                    if (of != definition.academie()) {
                        throw new InvalidValueException("parts", part.level() + " " + part.code() + " does not lie in the académie "
                                + definition.academie().code());
                    }
                }
            }
            ResearchStore.putTerritory(t, definition);
            return definition;
        });
    }

    @Override
    public List<TerritoryDefinition> territories(Actor actor, Academie academie) {
        Objects.requireNonNull(actor, "actor");
        return transactions.tx(t -> {
            Access.require(Operation.INDICATORS_TERRITORIES, Access.relations(Access.principal(t, actor), academie));
            return ResearchStore.territories(t, academie);
        });
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
