package fr.sharenum.core.internal.alerts;

import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.QualifiedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The members qualified for a ticket: within the radius of its origin, at the minimum level or above on one of its
 * tools, the requester apart; for a member qualified on several tools, the tool they master best (the first in tool
 * order on a tie). Read through the matching engine's streaming form, one hit at a time.
 */
public final class QualifiedHelpers {
    private final MatchingEngine engine;
    private final CompetenceLevel minimumLevel;

    /**
     * @param engine       the matching engine
     * @param minimumLevel the host's minimum helper level
     */
    public QualifiedHelpers(MatchingEngine engine, CompetenceLevel minimumLevel) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.minimumLevel = Objects.requireNonNull(minimumLevel, "minimumLevel");
    }

    /**
     * @param requester who asks (never qualified for their own ticket)
     * @param origin    the centre of the radius
     * @param radiusKm  the radius, in km
     * @param tools     the ticket's tools
     * @return one alert per qualified member, ranked ({@link Candidate#ALERT_ORDER}), exact distances
     */
    public List<Alert> find(MemberId requester, GeoPoint origin, double radiusKm, Set<ToolId> tools) {
        if (tools.size() == 1) {
            // one tool: the engine hands each qualified member once, already in rank order (Match.ORDER is ALERT_ORDER)
            ToolId tool = tools.iterator().next();
            List<Alert> ranked = new ArrayList<>();
            engine.qualified(query(requester, origin, radiusKm, tool), (member, establishment, level, km) -> {
                ranked.add(new Alert(member, tool, level, km));
                return true;
            });
            return ranked;
        }
        Map<MemberId, Alert> best = new HashMap<>();
        for (ToolId tool : new TreeSet<>(tools)) {
            engine.qualified(query(requester, origin, radiusKm, tool), (member, establishment, level, km) -> {
                Alert known = best.get(member);
                if (known == null || level.compareTo(known.level()) > 0) {
                    best.put(member, new Alert(member, tool, level, km));
                }
                return true;
            });
        }
        List<Alert> ranked = new ArrayList<>(best.values());
        ranked.sort(Candidate.ALERT_ORDER);
        return ranked;
    }

    private QualifiedQuery query(MemberId requester, GeoPoint origin, double radiusKm, ToolId tool) {
        return QualifiedQuery.within(origin, radiusKm, tool, minimumLevel).excluding(Set.of(requester));
    }
}
