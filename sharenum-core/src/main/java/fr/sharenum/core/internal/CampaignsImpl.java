package fr.sharenum.core.internal;

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
import fr.sharenum.model.Registration;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.QualifiedQuery;
import fr.sharenum.spi.StoreTransaction;

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
    private final Engine engine;

    CampaignsImpl(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Campaign start(MemberId creator, String title) {
        Objects.requireNonNull(creator, "creator");
        return engine.tx(t -> {
            Member m = Engine.activeMember(t, creator);
            Campaign c = new Campaign(UUID.randomUUID().toString(), m.establishment(), title, Set.of(creator),
                    Campaign.Stage.COLLECTING, List.of(), List.of(), List.of(), engine.now(), 1);
            t.insertCampaign(c);
            return c;
        });
    }

    @Override
    public Campaign addToTeam(String id, MemberId actor, MemberId member) {
        return change(id, (t, c, out) -> {
            requireTeam(c, actor);
            requireOfEstablishment(t, c, member);
            return c.team().contains(member) ? c : c.withTeamMember(member);
        });
    }

    @Override
    public Campaign submitConcern(String id, MemberId teacher, Set<ToolId> tools, Set<Theme> themes) {
        Objects.requireNonNull(tools, "tools");
        for (ToolId tool : tools) {
            engine.settings().tools().get(tool);
        }
        return change(id, (t, c, out) -> {
            requireStage(c, Campaign.Stage.COLLECTING, "collect concerns");
            requireOfEstablishment(t, c, teacher);
            return c.withConcern(new Campaign.Concern(teacher, tools, themes, engine.now()));
        });
    }

    @Override
    public Campaign advance(String id, MemberId actor) {
        return change(id, (t, c, out) -> {
            requireTeam(c, actor);
            return c.withStage(c.stage().next());
        });
    }

    @Override
    public Map<ToolId, List<Match>> proposals(String id, MemberId actor, double radiusKm) {
        if (!(radiusKm > 0) || radiusKm > engine.settings().maxRadiusKm()) {
            throw new InvalidValueException("radiusKm", "must be between 0 and " + engine.settings().maxRadiusKm() + " km");
        }
        Campaign c = get(id);
        requireTeam(c, actor);
        Establishment school = engine.tx(t -> t.establishment(c.establishment()))
                .orElseThrow(() -> new NotFoundException("establishment", c.establishment()));
        Set<ToolId> tools = new TreeSet<>();
        c.concerns().forEach(concern -> tools.addAll(concern.tools()));
        Map<ToolId, List<Match>> out = new LinkedHashMap<>();
        for (ToolId tool : tools) {
            List<Match> leaders = engine.matchingEngine().qualified(QualifiedQuery.within(school.location(), radiusKm, tool,
                    CompetenceLevel.EXPERIENCED)).stream().filter(m -> !m.establishment().equals(c.establishment())).toList();
            out.put(tool, leaders);
        }
        return out;
    }

    @Override
    public Campaign linkWorkshop(String id, MemberId actor, EventId event) {
        Objects.requireNonNull(event, "event");
        return change(id, (t, c, out) -> {
            requireTeam(c, actor);
            requireStage(c, Campaign.Stage.WORKSHOPS, "link workshops");
            t.event(event).orElseThrow(() -> new NotFoundException("event", event));
            return c.withWorkshop(event);
        });
    }

    @Override
    public Campaign startExperiment(String id, MemberId teacher, ToolId tool) {
        Objects.requireNonNull(tool, "tool");
        engine.settings().tools().get(tool);
        return change(id, (t, c, out) -> {
            requireStage(c, Campaign.Stage.FOLLOW_UP, "follow experiments");
            requireOfEstablishment(t, c, teacher);
            return c.withExperiment(new Campaign.Experiment(teacher, tool, engine.now()));
        });
    }

    @Override
    public Campaign get(String id) {
        Objects.requireNonNull(id, "campaign");
        return engine.tx(t -> t.campaign(id)).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    @Override
    public CampaignReport report(String id) {
        return engine.tx(t -> {
            Campaign c = t.campaign(id).orElseThrow(() -> new NotFoundException("campaign", id));
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

    private Campaign change(String id, Engine.Step<Campaign> step) {
        Objects.requireNonNull(id, "campaign");
        return engine.change(new Engine.Versioned<>(t -> t.campaign(id), Campaign::version, Campaign::nextVersion,
                StoreTransaction::updateCampaign, () -> new NotFoundException("campaign", id), null), step);
    }

    private static void requireTeam(Campaign c, MemberId actor) {
        Objects.requireNonNull(actor, "actor");
        if (!c.team().contains(actor)) {
            throw new NotAllowedException("only the project team of campaign " + c.id() + " steers it; " + actor + " is not in it");
        }
    }

    private static void requireStage(Campaign c, Campaign.Stage stage, String action) {
        if (c.stage() != stage) {
            throw new IllegalTransitionException("campaign " + c.id() + " (" + action + ")", c.stage(), stage);
        }
    }

    private static void requireOfEstablishment(StoreTransaction t, Campaign c, MemberId member) {
        Objects.requireNonNull(member, "member");
        Member m = Engine.activeMember(t, member);
        if (!m.establishment().equals(c.establishment())) {
            throw new NotAllowedException("member " + member + " does not work at " + c.establishment()
                    + ", where campaign " + c.id() + " runs");
        }
    }
}
