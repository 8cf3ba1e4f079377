package fr.sharenum.core.internal;

import fr.sharenum.core.internal.feed.ChangeFollower;
import fr.sharenum.core.internal.feed.EventFacts;
import fr.sharenum.core.internal.feed.FeedbackFacts;
import fr.sharenum.core.internal.feed.MemberFacts;
import fr.sharenum.core.internal.feed.TicketFacts;
import fr.sharenum.core.internal.store.Codec;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.Change;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one instance derives from the store — where establishments stand, its matching engine and its indicator
 * aggregates — rebuilt from a snapshot and kept in step by the change feed, in commit order: an establishment's
 * change updates where it stands (and moves its members in the engine), a member's facts go to the engine (placed
 * where their establishment stands now) and to the indicators, tickets', events' and ratings' facts to the
 * indicators.
 */
final class Derived implements ChangeFollower.Target {
    private static final Logger LOG = LoggerFactory.getLogger(Derived.class);

    private final MatchingEngine engine;
    private final IndicatorsImpl indicators;
    private final Map<Uai, Establishment> establishments;
    private final java.util.Set<fr.sharenum.model.MemberId> listed;
    private boolean rebuildNeeded;

    /**
     * @param engine         the instance's matching engine
     * @param indicators     the instance's indicator aggregates
     * @param establishments where establishments stand, shared with the indicators (thread-safe map)
     */
    Derived(MatchingEngine engine, IndicatorsImpl indicators, Map<Uai, Establishment> establishments) {
        this(engine, indicators, establishments, java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    /**
     * @param engine         the instance's matching engine
     * @param indicators     the instance's indicator aggregates
     * @param establishments where establishments stand, shared with the indicators (thread-safe map)
     * @param listed         the members listed in the directory of ex-pairs (thread-safe set)
     */
    Derived(MatchingEngine engine, IndicatorsImpl indicators, Map<Uai, Establishment> establishments,
            java.util.Set<fr.sharenum.model.MemberId> listed) {
        this.engine = engine;
        this.indicators = indicators;
        this.establishments = establishments;
        this.listed = listed;
    }

    private GeoPoint location(Uai uai) {
        Establishment e = establishments.get(uai);
        return e == null ? null : e.location();
    }

    @Override
    public void reload(Tx t) {
        rebuildNeeded = false;
        establishments.clear();
        t.forEachEstablishment(e -> establishments.put(e.uai(), e));
        Map<BusId, Optional<Bus>> buses = new HashMap<>();
        t.buses().forEach(b -> buses.put(b.id(), Optional.of(b)));
        indicators.clear();
        listed.clear();
        t.forEachListed(listed::add);
        List<MatchCandidate> candidates = new ArrayList<>();
        t.forEachMember(m -> {
            MemberFacts facts = MemberFacts.of(m);
            facts.candidate(location(m.establishment())).ifPresent(candidates::add);
            indicators.member(null, facts);
        });
        t.forEachTicket(ticket -> indicators.ticket(null, TicketFacts.of(ticket)));
        for (Event e : Engine.allEvents(t)) {
            EventFacts facts = EventFacts.of(e, e.bus() == null ? Optional.empty() : buses.getOrDefault(e.bus(), Optional.empty()));
            indicators.event(null, facts);
            t.feedbackOn(e.id()).forEach(f -> indicators.feedback(null, FeedbackFacts.of(facts, f.usefulness())));
        }
        engine.replaceAll(candidates);
    }

    @Override
    public void apply(Change c) {
        switch (c.kind()) {
            case Tx.KIND_ESTABLISHMENT -> establishment(read(c.before(), Establishment.class), read(c.after(), Establishment.class));
            case Tx.KIND_MEMBER -> {
                MemberFacts before = read(c.before(), MemberFacts.class);
                MemberFacts after = read(c.after(), MemberFacts.class);
                Optional<MatchCandidate> candidate = after == null ? Optional.empty() : after.candidate(location(after.establishment()));
                if (candidate.isPresent()) {
                    engine.upsert(candidate.get());
                } else {
                    engine.remove((after != null ? after : before).id());
                }
                indicators.member(before, after);
            }
            case Tx.KIND_TICKET -> indicators.ticket(read(c.before(), TicketFacts.class), read(c.after(), TicketFacts.class));
            case Tx.KIND_EVENT -> indicators.event(read(c.before(), EventFacts.class), read(c.after(), EventFacts.class));
            case Tx.KIND_FEEDBACK -> indicators.feedback(read(c.before(), FeedbackFacts.class), read(c.after(), FeedbackFacts.class));
            case Tx.KIND_LISTING -> {
                if (c.after() != null) {
                    listed.add(fr.sharenum.model.MemberId.of(read(c.after(), String.class)));
                } else if (c.before() != null) {
                    listed.remove(fr.sharenum.model.MemberId.of(read(c.before(), String.class)));
                }
            }
            default -> {
                // kinds of later versions: nothing derived here
            }
        }
    }

    private void establishment(Establishment before, Establishment after) {
        if (after == null) {
            if (before != null) {
                establishments.remove(before.uai());
            }
            return;
        }
        Establishment known = establishments.put(after.uai(), after);
        if (known != null && !known.location().equals(after.location())) {
            try {
                engine.relocate(after.uai(), after.location());
            } catch (UnsupportedOperationException e) {
                LOG.info("{} cannot move an establishment's members; rebuilding it", engine.getClass().getSimpleName());
                rebuildNeeded = true;
            }
        }
        // a new establishment has no members yet: members register only at known establishments
    }

    @Override
    public boolean rebuildNeeded() {
        return rebuildNeeded;
    }

    private static <T> T read(String json, Class<T> type) {
        return json == null ? null : Codec.read(json, type);
    }
}
