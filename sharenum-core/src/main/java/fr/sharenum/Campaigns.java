package fr.sharenum;

import fr.sharenum.model.Campaign;
import fr.sharenum.model.EventId;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.Match;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Establishment campaigns in three stages: collect the teachers' concerns, hold workshops led by
 * experienced members of establishments nearby (ShareNum proposes them, ranked, for each concern),
 * follow the experiments teachers start. Obtained from {@link ShareNum#campaigns()}; thread-safe. Only
 * the project team steers a campaign; only the establishment's members take part.
 *
 * <pre>{@code
 * Campaign c = sharenum.campaigns().start(head.id(), "Le numérique au service de l'oral");
 * sharenum.campaigns().submitConcern(c.id(), teacher.id(), Set.of(capytale), Set.of());
 * sharenum.campaigns().advance(c.id(), head.id());                       // to WORKSHOPS
 * Map<ToolId, List<Match>> leaders = sharenum.campaigns().proposals(c.id(), head.id(), 40);
 * }</pre>
 */
public interface Campaigns {

    /** A member of the establishment starts a campaign there and forms its team. */
    Campaign start(MemberId creator, String title);

    /** A team member adds a member of the establishment to the team. */
    Campaign addToTeam(String campaign, MemberId actor, MemberId member);

    /** A teacher of the establishment submits a concern (stage COLLECTING). */
    Campaign submitConcern(String campaign, MemberId teacher, Set<ToolId> tools, Set<Theme> themes);

    /** A team member moves the campaign to its next stage. */
    Campaign advance(String campaign, MemberId actor);

    /**
     * For each tool of the concerns, the experienced members of other establishments within
     * {@code radiusKm}, nearest first (then most experienced): who could lead its workshops.
     */
    Map<ToolId, List<Match>> proposals(String campaign, MemberId actor, double radiusKm);

    /** A team member links an event to the campaign as one of its workshops (stage WORKSHOPS). */
    Campaign linkWorkshop(String campaign, MemberId actor, EventId event);

    /** A teacher of the establishment records an experiment started in class (stage FOLLOW_UP). */
    Campaign startExperiment(String campaign, MemberId teacher, ToolId tool);

    Campaign get(String campaign);

    /** The campaign's own indicators. */
    CampaignReport report(String campaign);
}
