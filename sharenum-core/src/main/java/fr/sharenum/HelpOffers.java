package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;

import java.util.List;
import java.util.Set;

/**
 * Offers of help up front: a colleague says what they can help with (tools, themes, how far or online, when), and
 * requesters find them next to the institutional trainings, then ask that person directly with a ticket addressed
 * to them ({@link TicketRequest.Builder#addressedTo}) — the rest of the workflow is the same. Obtained from
 * {@link ShareNum#helpOffers()}; thread-safe; every method takes the {@link Actor} who acts (access matrix in
 * {@code docs/security.md}).
 *
 * <pre>{@code
 * List<Training> shown = sharenum.trainings().forMember(claire.id(), Set.of(capytale));
 * Page<HelpOffer> nearby = sharenum.helpOffers().near(claire.id(), Set.of(capytale), Set.of(), PageRequest.first(10));
 * TicketNum t = sharenum.tickets().open(claire.id(), TicketRequest.builder(capytale).text("…")
 *         .declinedTrainings(ids(shown)).addressedTo(nearby.items().get(0).member()).build());
 * }</pre>
 */
public interface HelpOffers {

    /**
     * Publishes an offer of help. The actor must be at the host's minimum helper level on each of its tools.
     *
     * @param actor   an active member
     * @param request what they offer
     * @return the offer
     * @throws fr.sharenum.model.InvalidValueException a tool unknown or not mastered, a radius out of bounds, a text
     *                                                 too long
     * @throws fr.sharenum.model.LimitExceededException more than 10 standing offers
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    HelpOffer publish(Actor actor, HelpOfferRequest request);

    /**
     * Withdraws an offer: it is no longer shown.
     *
     * @param actor the member who published it, or the host
     * @param offer its id
     * @return the offer, withdrawn
     * @throws fr.sharenum.model.NotFoundException no such offer
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    HelpOffer withdraw(Actor actor, String offer);

    /**
     * Standing offers about one of {@code tools} or {@code themes} (every one when both are empty) that reach the
     * actor's establishment — within their radius, or online — nearest first (then by id), the actor's own and
     * those of members blocking or blocked by the actor left out, each with its rounded distance.
     *
     * @param actor  an active member
     * @param tools  tools (any of)
     * @param themes themes (any of)
     * @param page   which page
     * @return the page
     * @throws fr.sharenum.model.InvalidValueException when the cursor is not one of this list
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Page<HelpOffer> near(Actor actor, Set<ToolId> tools, Set<Theme> themes, PageRequest page);

    /**
     * A member's standing offers, newest first.
     *
     * @param actor  an active member, or the host
     * @param member the member
     * @return the offers
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<HelpOffer> of(Actor actor, MemberId member);
}
