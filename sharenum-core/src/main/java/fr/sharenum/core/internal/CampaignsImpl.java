package fr.sharenum.core.internal;

import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.CampaignId;
import fr.sharenum.model.LimitExceededException;

import fr.sharenum.CampaignReport;
import fr.sharenum.Campaigns;
import fr.sharenum.model.Campaign;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Registration;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.QualifiedQuery;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Establishment campaigns. */
final class CampaignsImpl implements Campaigns {
    private final Transactions transactions;
    private final Settings settings;
    private final MatchingEngine matching;

    /**
     * @param transactions the unit of work
     * @param settings     the host's settings (clock, tools, radius bounds)
     * @param matching     the matching engine, as workflows query it
     */
    CampaignsImpl(Transactions transactions, Settings settings, MatchingEngine matching) {
        this.transactions = transactions;
        this.settings = settings;
        this.matching = matching;
    }

    @Override
    public Campaign start(Actor actor, String title) {
        Objects.requireNonNull(actor, "actor");
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.CAMPAIGNS_START, Access.relations(p, null));
            Member m = p.member();
            Campaign c = new Campaign(CampaignId.random(), m.establishment(), title, Set.of(m.id()),
                    Campaign.Stage.COLLECTING, List.of(), List.of(), List.of(), settings.clock().instant(), 1);
            t.insertCampaign(c);
            return c;
        });
    }

    @Override
    public Campaign addToTeam(Actor actor, CampaignId id, MemberId member) {
        Objects.requireNonNull(member, "member");
        return change(id, (t, c, out) -> {
            require(t, c, actor, Operation.CAMPAIGNS_STEER);
            requireOfEstablishmentOrItsStaff(t, c, member);
            return c.team().contains(member) ? c : c.withTeamMember(member);
        });
    }

    @Override
    public Campaign submitConcern(Actor actor, CampaignId id, Set<ToolId> tools, Set<Theme> themes) {
        Objects.requireNonNull(tools, "tools");
        for (ToolId tool : tools) {
            settings.tools().get(tool);
        }
        return change(id, (t, c, out) -> {
            require(t, c, actor, Operation.CAMPAIGNS_TAKE_PART);
            requireStage(c, Campaign.Stage.COLLECTING, "collect concerns");
            if (c.concerns().size() >= Campaign.MAX_CONCERNS) {
                throw new LimitExceededException("campaign " + id + " holds " + Campaign.MAX_CONCERNS
                        + " concerns, the most allowed");
            }
            return c.withConcern(new Campaign.Concern((MemberId) actor, tools, themes, settings.clock().instant()));
        });
    }

    @Override
    public Campaign advance(Actor actor, CampaignId id) {
        return change(id, (t, c, out) -> {
            require(t, c, actor, Operation.CAMPAIGNS_STEER);
            return c.withStage(c.stage().next());
        });
    }

    @Override
    public Map<ToolId, List<Match>> proposals(Actor actor, CampaignId id, double radiusKm) {
        if (!(radiusKm > 0) || radiusKm > settings.maxRadiusKm()) {
            throw new InvalidValueException("radiusKm", "must be between 0 and " + settings.maxRadiusKm() + " km");
        }
        Campaign c = transactions.tx(t -> {
            Campaign found = t.campaign(id).orElseThrow(() -> new NotFoundException("campaign", id));
            require(t, found, actor, Operation.CAMPAIGNS_STEER);
            return found;
        });
        Establishment school = transactions.tx(t -> t.establishment(c.establishment()))
                .orElseThrow(() -> new NotFoundException("establishment", c.establishment()));
        Set<ToolId> tools = new TreeSet<>();
        c.concerns().forEach(concern -> tools.addAll(concern.tools()));
        Map<ToolId, List<Match>> out = new LinkedHashMap<>();
        transactions.freshen();
        for (ToolId tool : tools) {
            List<Match> leaders = matching.qualified(QualifiedQuery.within(school.location(), radiusKm, tool,
                    CompetenceLevel.EXPERIENCED)).stream().filter(m -> !m.establishment().equals(c.establishment())).toList();
            out.put(tool, leaders);
        }
        return out;
    }

    @Override
    public Campaign linkWorkshop(Actor actor, CampaignId id, EventId event) {
        Objects.requireNonNull(event, "event");
        return change(id, (t, c, out) -> {
            require(t, c, actor, Operation.CAMPAIGNS_STEER);
            requireStage(c, Campaign.Stage.WORKSHOPS, "link workshops");
            t.event(event).orElseThrow(() -> new NotFoundException("event", event));
            return c.withWorkshop(event);
        });
    }

    @Override
    public Campaign startExperiment(Actor actor, CampaignId id, ToolId tool) {
        Objects.requireNonNull(tool, "tool");
        settings.tools().get(tool);
        return change(id, (t, c, out) -> {
            require(t, c, actor, Operation.CAMPAIGNS_TAKE_PART);
            requireStage(c, Campaign.Stage.FOLLOW_UP, "follow experiments");
            return c.withExperiment(new Campaign.Experiment((MemberId) actor, tool, settings.clock().instant()));
        });
    }

    @Override
    public Campaign get(Actor actor, CampaignId id) {
        Objects.requireNonNull(id, "campaign");
        return transactions.tx(t -> {
            Campaign c = t.campaign(id).orElseThrow(() -> new NotFoundException("campaign", id));
            require(t, c, actor, Operation.CAMPAIGNS_READ);
            return c;
        });
    }

    @Override
    public CampaignReport report(Actor actor, CampaignId id) {
        Objects.requireNonNull(id, "campaign");
        return transactions.tx(t -> {
            Campaign c = t.campaign(id).orElseThrow(() -> new NotFoundException("campaign", id));
            require(t, c, actor, Operation.CAMPAIGNS_REPORT);
            Set<MemberId> teachers = new HashSet<>();
            t.membersAt(c.establishment()).forEach(m -> teachers.add(m.id()));
            Set<MemberId> tookPart = new HashSet<>();
            c.concerns().forEach(x -> tookPart.add(x.teacher()));
            Set<MemberId> joined = new HashSet<>();
            for (EventId e : c.workshops()) {
                t.event(e).map(Event::registered).orElse(List.of()).stream().map(Registration::member)
                        .filter(teachers::contains).forEach(joined::add);
            }
            Set<MemberId> experimenting = new HashSet<>();
            c.experiments().forEach(x -> experimenting.add(x.teacher()));
            tookPart.retainAll(teachers);
            experimenting.retainAll(teachers);
            return new CampaignReport(teachers.size(), tookPart.size(), joined.size(), experimenting.size());
        });
    }

    private Campaign change(CampaignId id, Engine.Step<Campaign> step) {
        Objects.requireNonNull(id, "campaign");
        return transactions.change(new Engine.Versioned<>(t -> t.campaign(id), Campaign::version, Campaign::nextVersion,
                Tx::updateCampaign, () -> new NotFoundException("campaign", id)), step);
    }

    /** Checks {@code op} against what the actor is to the campaign: team, colleague, staff of its académie. */
    private static void require(Tx t, Campaign c, Actor actor, Operation op) {
        Objects.requireNonNull(actor, "actor");
        Principal p = Access.principal(t, actor);
        Academie academie = t.establishment(c.establishment()).map(Establishment::academie).orElse(null);
        MemberId me = p.memberId();
        Access.require(op, Access.relations(p, academie)
                .add(Relation.TEAM, me != null && c.team().contains(me))
                .add(Relation.COLLEAGUE, p.member() != null && p.member().establishment().equals(c.establishment())));
    }

    private static void requireStage(Campaign c, Campaign.Stage stage, String action) {
        if (c.stage() != stage) {
            throw new IllegalTransitionException("campaign " + c.id() + " (" + action + ")", c.stage(), stage);
        }
    }

    /**
     * A member of the team: a colleague of the establishment, or staff of the establishment's académie (the DANE, an
     * ERUN), who steer campaigns from outside it.
     */
    private static void requireOfEstablishmentOrItsStaff(Tx t, Campaign c, MemberId member) {
        Objects.requireNonNull(member, "member");
        Member m = Engine.activeMember(t, member);
        if (m.establishment().equals(c.establishment())) {
            return;
        }
        Academie academie = t.establishment(c.establishment()).map(Establishment::academie)
                .orElse(null);
        Principal staff = Access.principal(t, member);
        if (academie != null && staff.holds(Privilege.ACADEMIE_STAFF, academie)) {
            return;
        }
        throw new NotAllowedException("member " + member + " neither works at " + c.establishment()
                + ", where campaign " + c.id() + " runs, nor is staff of its académie");
    }
}
