package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;

import java.util.List;
import java.util.Optional;

/**
 * TicketNum workflow: open, offer, accept, talk, close. Obtained from {@link ShareNum#tickets()};
 * thread-safe. Every method takes the {@link Actor} who acts; the access matrix ({@code docs/security.md})
 * refuses others with {@link fr.sharenum.model.NotAllowedException} (code {@code access.…}); an illegal
 * step is refused with {@link fr.sharenum.model.IllegalTransitionException}. A refused call changes nothing.
 *
 * <p>What each reader sees of a ticket: the requester sees all of it (who was alerted, every offer); an
 * alerted or accepted helper sees the request and their own offer, not the list of colleagues alerted nor
 * other helpers' offers; staff of the ticket's académie see the request and the offers, not the alert list.
 */
public interface Tickets {

    /**
     * Opens a ticket for the acting member and alerts qualified colleagues within the radius: active members
     * whose level on one of its tools is at least the host's minimum (INTERMEDIATE by default), less those
     * who muted the tool, paused alerts or blocked the requester (or whom the requester blocked), less those
     * the requester alerted for the same tool within the cool-down; helpers under their weekly cap first,
     * the least recently alerted first when the host caps alerts per ticket, topped up to the minimum. Who was
     * alerted is recorded in {@link TicketNum#alerts()}, nearest (to the km) and most experienced first.
     *
     * @param actor   the requester: an active member
     * @param request what is asked
     * @return the ticket, OPEN
     * @throws fr.sharenum.model.TrainingsFirstException   when matching trainings were not declined
     * @throws fr.sharenum.model.LimitExceededException    when the requester opened the most tickets allowed per 24 h
     * @throws fr.sharenum.model.NotAllowedException       when the actor is not an active member
     * @throws fr.sharenum.model.InvalidValueException     when the radius is outside the host's bounds, a tool
     *                                                     unknown, the text empty or not clean
     */
    TicketNum open(Actor actor, TicketRequest request);

    /**
     * An alerted member offers help; the requester is told.
     *
     * @param actor   an alerted member, not blocked by the requester nor blocking them
     * @param ticket  the ticket
     * @param message what they propose, 1–2000 characters
     * @return the ticket as the helper sees it
     * @throws fr.sharenum.model.DuplicateException         they already offered
     * @throws fr.sharenum.model.IllegalTransitionException the ticket no longer takes offers
     */
    TicketNum offer(Actor actor, TicketId ticket, String message);

    /**
     * The requester accepts one offer; the helper is told, and the other offerers too.
     *
     * @param actor  the requester
     * @param ticket the ticket
     * @param helper whose offer
     * @return the ticket
     * @throws fr.sharenum.model.NotFoundException          there is no offer from {@code helper}
     * @throws fr.sharenum.model.IllegalTransitionException the offer or the ticket is past that step
     */
    TicketNum accept(Actor actor, TicketId ticket, MemberId helper);

    /**
     * The requester or the accepted helper writes in the ticket's conversation (at most 1,000 messages a ticket).
     *
     * @param actor  the requester or the accepted helper, neither blocking the other
     * @param ticket the ticket
     * @param text   the message, 1–4000 characters
     * @return the message
     * @throws fr.sharenum.model.IllegalTransitionException the conversation is not open
     * @throws fr.sharenum.model.LimitExceededException     the conversation holds the most messages allowed
     */
    Message post(Actor actor, TicketId ticket, String text);

    /**
     * The conversation, oldest first.
     *
     * @param actor  the requester or the accepted helper, or the host
     * @param ticket the ticket
     * @return the messages
     */
    List<Message> conversation(Actor actor, TicketId ticket);

    /**
     * Cancels the ticket; everyone who offered is told.
     *
     * @param actor  the requester, staff of the ticket's académie (moderation), or the host
     * @param ticket the ticket
     * @return the ticket, CANCELLED
     */
    TicketNum cancel(Actor actor, TicketId ticket);

    /**
     * Marks the help as given.
     *
     * @param actor  the requester or the accepted helper
     * @param ticket the ticket
     * @return the ticket, DONE
     */
    TicketNum complete(Actor actor, TicketId ticket);

    /**
     * Expires every ticket past its expiry that still awaited a helper.
     *
     * @param actor the host (a scheduled job)
     * @return how many expired
     */
    int expireDue(Actor actor);

    /**
     * A ticket, as the actor may see it (see the class comment).
     *
     * @param actor  the requester, an alerted or accepted helper, staff of its académie, or the host
     * @param ticket the ticket
     * @return the ticket, empty when there is none
     */
    Optional<TicketNum> find(Actor actor, TicketId ticket);

    /**
     * As {@link #find}, for a ticket that must exist.
     *
     * @param actor  as for {@link #find}
     * @param ticket the ticket
     * @return the ticket
     * @throws fr.sharenum.model.NotFoundException when unknown
     */
    TicketNum get(Actor actor, TicketId ticket);

    /**
     * Tickets a member opened, oldest first, as the actor may see them.
     *
     * @param actor     the member, staff of their académie, or the host
     * @param requester the member
     * @return the tickets
     */
    List<TicketNum> openedBy(Actor actor, MemberId requester);

    /**
     * "My tickets", one page at a time: the tickets {@code requester} opened, oldest first (then by id).
     *
     * @param actor     the requester, staff of their académie, or the host
     * @param requester the member
     * @param page      which page
     * @return the page, each ticket as the actor may see it
     */
    Page<TicketNum> openedBy(Actor actor, MemberId requester, PageRequest page);

    /**
     * "My offers": the tickets {@code helper} offered help on, oldest first (then by id), each showing only their own
     * alert and offer.
     *
     * @param actor  the helper, staff of their académie, or the host
     * @param helper the member
     * @param page   which page
     * @return the page
     */
    Page<TicketNum> offeredBy(Actor actor, MemberId helper, PageRequest page);

    /**
     * The helper's board: requests still accepting offers whose tools the actor masters (at the host's minimum
     * helper level; {@code tools} narrows them) and whose radius reaches the actor's establishment, at most
     * {@code radiusKm} away, oldest first — so the requests closest to expiring come first. Requests addressed to
     * someone else, the actor's own, and those of members blocking or blocked by the actor are left out. The
     * requester's words are shown as the access matrix's row {@code TICKETS_BOARD_TEXT} allows, and the requester's
     * name never; a qualified member may offer help from the board ({@link #offer}).
     *
     * @param actor    an active member
     * @param tools    tools to look at (the actor's own qualified tools among them), or empty for all of them
     * @param radiusKm how far at most, within the host's bounds; {@link Double#NaN} for the host's largest radius
     * @param page     which page
     * @return the page
     */
    Page<BoardEntry> board(Actor actor, java.util.Set<fr.sharenum.model.ToolId> tools, double radiusKm, PageRequest page);
}
