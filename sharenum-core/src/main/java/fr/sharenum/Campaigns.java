package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Campaign;
import fr.sharenum.model.CampaignId;
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
 * the project team steers a campaign; only the establishment's members take part. Every method takes
 * the {@link Actor} who acts (see {@code docs/security.md}).
 *
 * <pre>{@code
 * Campaign c = sharenum.campaigns().start(head.id(), "Le numérique au service de l'oral");
 * sharenum.campaigns().submitConcern(teacher.id(), c.id(), Set.of(capytale), Set.of());
 * sharenum.campaigns().advance(head.id(), c.id());                        // to WORKSHOPS
 * Map<ToolId, List<Match>> leaders = sharenum.campaigns().proposals(head.id(), c.id(), 40);
 * }</pre>
 */
public interface Campaigns {

    /**
     * Starts a campaign at the actor's establishment, with the actor as its team.
     *
     * @param actor an active member
     * @param title 1–200 characters
     * @return the campaign, COLLECTING
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Campaign start(Actor actor, String title);

    /**
     * Adds a member of the establishment to the team.
     *
     * @param actor    a team member
     * @param campaign the campaign
     * @param member   the member to add, active, of the establishment
     * @return the campaign
     * @throws fr.sharenum.model.NotFoundException when there is no such campaign or member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Campaign addToTeam(Actor actor, CampaignId campaign, MemberId member);

    /**
     * A teacher of the establishment submits a concern (stage COLLECTING; at most 2,000 concerns a campaign).
     *
     * @param actor    a member of the establishment
     * @param campaign the campaign
     * @param tools    tools concerned
     * @param themes   themes concerned
     * @return the campaign
     * @throws fr.sharenum.model.NotFoundException when there is no such campaign
     * @throws fr.sharenum.model.IllegalTransitionException when the campaign no longer collects concerns
     * @throws fr.sharenum.model.LimitExceededException when the campaign holds the most concerns allowed
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Campaign submitConcern(Actor actor, CampaignId campaign, Set<ToolId> tools, Set<Theme> themes);

    /**
     * Moves the campaign to its next stage.
     *
     * @param actor    a team member
     * @param campaign the campaign
     * @return the campaign
     * @throws fr.sharenum.model.NotFoundException when there is no such campaign
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Campaign advance(Actor actor, CampaignId campaign);

    /**
     * For each tool of the concerns, the experienced members of other establishments within
     * {@code radiusKm}, nearest first (then most experienced): who could lead its workshops.
     *
     * @param actor    a team member
     * @param campaign the campaign
     * @param radiusKm how far to look, within the host's bounds
     * @return the proposals per tool
     * @throws fr.sharenum.model.NotFoundException when there is no such campaign
     * @throws fr.sharenum.model.InvalidValueException when the radius is outside {@code [0, maxRadiusKm]}
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Map<ToolId, List<Match>> proposals(Actor actor, CampaignId campaign, double radiusKm);

    /**
     * Links an event to the campaign as one of its workshops (stage WORKSHOPS).
     *
     * @param actor    a team member
     * @param campaign the campaign
     * @param event    the event
     * @return the campaign
     * @throws fr.sharenum.model.NotFoundException when there is no such campaign or event
     * @throws fr.sharenum.model.IllegalTransitionException when the campaign is not at the stage of workshops
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Campaign linkWorkshop(Actor actor, CampaignId campaign, EventId event);

    /**
     * A teacher of the establishment records an experiment started in class (stage FOLLOW_UP).
     *
     * @param actor    a member of the establishment
     * @param campaign the campaign
     * @param tool     the tool tried
     * @return the campaign
     * @throws fr.sharenum.model.NotFoundException when there is no such campaign
     * @throws fr.sharenum.model.IllegalTransitionException when the campaign is not at its follow-up stage
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Campaign startExperiment(Actor actor, CampaignId campaign, ToolId tool);

    /**
     * The campaign.
     *
     * @param actor    a member of the establishment, staff of its académie, or the host
     * @param campaign the campaign
     * @return the campaign
     * @throws fr.sharenum.model.NotFoundException when there is no such campaign
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Campaign get(Actor actor, CampaignId campaign);

    /**
     * The campaign's own indicators.
     *
     * @param actor    a team member, staff of its académie, or the host
     * @param campaign the campaign
     * @return the report
     * @throws fr.sharenum.model.NotFoundException when there is no such campaign
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    CampaignReport report(Actor actor, CampaignId campaign);
}
