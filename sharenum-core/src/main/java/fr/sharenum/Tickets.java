package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberNotVerifiedException;
import fr.sharenum.model.Message;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.TrainingsFirstException;
import fr.sharenum.model.VersionConflictException;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * TicketNum workflow: open, offer, accept, talk, close. Obtained from {@link ShareNum#tickets()};
 * thread-safe. Every method takes the {@link Actor} who acts; the access matrix ({@code docs/security.md})
 * refuses others with {@link NotAllowedException} (code {@code access.…}); an illegal step is refused with
 * {@link IllegalTransitionException}; an unknown ticket with {@link NotFoundException}. A refused call changes
 * nothing. A change that keeps conflicting with concurrent changes of the same ticket after a few retries is refused
 * with {@link VersionConflictException}.
 *
 * <p>What each reader sees of a ticket: the requester sees all of it (who was alerted, every offer); an
 * alerted or accepted helper sees the request and their own offer, not the list of colleagues alerted nor
 * other helpers' offers; staff of the ticket's académie see the request and the offers, not the alert list.
 */
public interface Tickets {

    /**
     * Opens a ticket for the acting member and alerts qualified colleagues within the radius.
     *
     * <p><b>Who is alerted.</b> The qualified members are the active members, the requester apart, whose
     * establishment lies within the radius of the requester's and whose level on one of the ticket's tools is at
     * least the host's minimum ({@code minimumHelperLevel}, INTERMEDIATE by default). Of these, the rules below
     * leave out, in this order (the first that applies is the reason recorded, see {@link #alertReport}): those
     * who muted the tool, those whose alerts are paused, those who blocked the requester or whom the requester
     * blocked, those the requester alerted for the same tool within the cool-down ({@link AlertLimits#coolDown()}).
     * The others are alerted, with two bounds: helpers alerted {@link AlertLimits#perHelperPerWeek()} times over
     * the last 7 days rest, unless fewer than {@link AlertLimits#minimumPerTicket()} helpers would be alerted (then
     * the nearest of them are); under a cap per ticket ({@link AlertLimits#maxPerTicket()}) the least recently
     * alerted among the {@code 3 × cap} nearest go first. Each alert is sent at once, or held until the end of the
     * helper's quiet hours, or gathered in their digest. Who was alerted is recorded in {@link TicketNum#alerts()},
     * nearest (to the km) and most experienced first.
     *
     * <p><b>Refusals</b>, in the order a caller meets them when several apply: the radius, an unknown tool, who
     * acts, the daily limit, the trainings, the text.
     *
     * @param actor   the requester: an active member
     * @param request what is asked
     * @return the ticket, OPEN
     * @throws InvalidValueException       ({@code radiusKm}) when the radius is outside the host's bounds
     * @throws NotFoundException           when a tool is not in the host's catalogue
     * @throws NotAllowedException         when the actor is not a member (code {@code access.denied}), is unknown,
     *                                     suspended or erased
     * @throws MemberNotVerifiedException  when the requester has not verified their address yet
     * @throws LimitExceededException      when the requester opened the most tickets allowed per 24 hours
     *                                     ({@link AlertLimits#ticketsPerDay()}); the message says when the next may open
     * @throws TrainingsFirstException     when trainings of the requester's académie on the tools were not declined
     * @throws InvalidValueException       ({@code text}) when the text is empty, too long or not clean
     */
    TicketNum open(Actor actor, TicketRequest request);

    /**
     * Why the qualified members of a ticket were or were not alerted, as recorded when it opened: counts per
     * reason for the requester (blocks left out: a member does not learn that a colleague blocked them); who and
     * why, member by member, for staff of the ticket's académie and the host.
     *
     * @param actor  the requester, staff of the ticket's académie, or the host
     * @param ticket the ticket
     * @return the report, empty for a ticket opened before ShareNum kept reports
     * @throws NotFoundException   when the ticket is unknown
     * @throws NotAllowedException when the actor is none of the above
     */
    Optional<AlertReport> alertReport(Actor actor, TicketId ticket);

    /**
     * An alerted member offers help; the requester is told.
     *
     * @param actor   an alerted member, not blocked by the requester nor blocking them
     * @param ticket  the ticket
     * @param message what they propose, 1–2000 characters
     * @return the ticket as the helper sees it
     * @throws NotFoundException           when the ticket is unknown
     * @throws NotAllowedException         when the actor was not alerted for the ticket, or one of the two blocked
     *                                     the other (code {@code access.blocked})
     * @throws DuplicateException          when they already offered
     * @throws IllegalTransitionException  when the ticket no longer takes offers
     * @throws InvalidValueException       when the message is empty, too long or not clean
     */
    TicketNum offer(Actor actor, TicketId ticket, String message);

    /**
     * The requester accepts one offer; the helper is told, and the other offerers too.
     *
     * @param actor  the requester
     * @param ticket the ticket
     * @param helper whose offer
     * @return the ticket
     * @throws NotFoundException           when the ticket is unknown or there is no offer from {@code helper}
     * @throws NotAllowedException         when the actor is not the requester, one of the two blocked the other,
     *                                     or the helper is no longer active
     * @throws IllegalTransitionException  when the offer or the ticket is past that step
     */
    TicketNum accept(Actor actor, TicketId ticket, MemberId helper);

    /**
     * The requester or the accepted helper writes in the ticket's conversation (at most 1,000 messages a ticket).
     *
     * @param actor  the requester or the accepted helper, neither blocking the other
     * @param ticket the ticket
     * @param text   the message, 1–4000 characters
     * @return the message
     * @throws NotFoundException           when the ticket is unknown
     * @throws NotAllowedException         when the actor is neither, or one of the two blocked the other
     * @throws IllegalTransitionException  when the conversation is not open (no helper accepted yet, or closed)
     * @throws LimitExceededException      when the conversation holds the most messages allowed
     * @throws InvalidValueException       when the text is empty, too long or not clean
     */
    Message post(Actor actor, TicketId ticket, String text);

    /**
     * The conversation, oldest first.
     *
     * @param actor  the requester or the accepted helper, or the host
     * @param ticket the ticket
     * @return the messages
     * @throws NotFoundException   when the ticket is unknown
     * @throws NotAllowedException when the actor is none of the above
     */
    List<Message> conversation(Actor actor, TicketId ticket);

    /**
     * Cancels the ticket; everyone who offered is told.
     *
     * @param actor  the requester, staff of the ticket's académie (moderation), or the host
     * @param ticket the ticket
     * @return the ticket, CANCELLED
     * @throws NotFoundException           when the ticket is unknown
     * @throws NotAllowedException         when the actor is none of the above
     * @throws IllegalTransitionException  when the ticket is already closed
     */
    TicketNum cancel(Actor actor, TicketId ticket);

    /**
     * Marks the help as given.
     *
     * @param actor  the requester or the accepted helper
     * @param ticket the ticket
     * @return the ticket, DONE
     * @throws NotFoundException           when the ticket is unknown
     * @throws NotAllowedException         when the actor is neither
     * @throws IllegalTransitionException  when the ticket cannot be completed from its state
     */
    TicketNum complete(Actor actor, TicketId ticket);

    /**
     * Expires every ticket past its expiry that still awaited a helper.
     *
     * @param actor the host (a scheduled job)
     * @return how many expired
     * @throws NotAllowedException when the actor is not the host
     */
    int expireDue(Actor actor);

    /**
     * A ticket, as the actor may see it (see the class comment).
     *
     * @param actor  the requester, an alerted or accepted helper, staff of its académie, or the host
     * @param ticket the ticket
     * @return the ticket, empty when there is none
     * @throws NotAllowedException when the actor is none of the above
     */
    Optional<TicketNum> find(Actor actor, TicketId ticket);

    /**
     * As {@link #find}, for a ticket that must exist.
     *
     * @param actor  as for {@link #find}
     * @param ticket the ticket
     * @return the ticket
     * @throws NotFoundException   when unknown
     * @throws NotAllowedException when the actor may not read it
     */
    TicketNum get(Actor actor, TicketId ticket);

    /**
     * Tickets a member opened, oldest first, as the actor may see them.
     *
     * @param actor     the member, staff of their académie, or the host
     * @param requester the member
     * @return the tickets
     * @throws NotFoundException   when the member is unknown
     * @throws NotAllowedException when the actor is none of the above
     */
    List<TicketNum> openedBy(Actor actor, MemberId requester);

    /**
     * "My tickets", one page at a time: the tickets {@code requester} opened, oldest first (then by id).
     *
     * @param actor     the requester, staff of their académie, or the host
     * @param requester the member
     * @param page      which page
     * @return the page, each ticket as the actor may see it
     * @throws NotAllowedException when the access matrix ({@code docs/security.md}) does not let the actor make this
     *         call, or they are unknown, suspended, erased or not verified
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
     * @throws NotAllowedException when the access matrix ({@code docs/security.md}) does not let the actor make this
     *         call, or they are unknown, suspended, erased or not verified
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
     * @throws NotAllowedException when the access matrix ({@code docs/security.md}) does not let the actor make this
     *         call, or they are unknown, suspended, erased or not verified
     */
    Page<BoardEntry> board(Actor actor, Set<ToolId> tools, double radiusKm, PageRequest page);
}
