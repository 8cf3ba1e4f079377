package fr.sharenum;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;

import java.util.List;
import java.util.Optional;

/**
 * TicketNum workflow: open, offer, accept, talk, close. Obtained from {@link ShareNum#tickets()};
 * thread-safe. Each method checks who acts and refuses others with
 * {@link fr.sharenum.model.NotAllowedException}; an illegal step is refused with
 * {@link fr.sharenum.model.IllegalTransitionException}. A refused call changes nothing.
 */
public interface Tickets {

    /**
     * Opens a ticket and alerts every active member within the radius whose level on one of its
     * tools is at least the host's minimum (INTERMEDIATE by default), nearest and most experienced
     * first. Who was alerted is recorded in {@link TicketNum#alerts()}.
     *
     * @throws fr.sharenum.model.TrainingsFirstException   when matching trainings were not declined
     * @throws fr.sharenum.model.MemberNotVerifiedException when the requester is not active
     * @throws fr.sharenum.model.InvalidValueException     when the radius is outside the host's bounds, a tool unknown…
     */
    TicketNum open(TicketRequest request);

    /** An alerted member offers help. */
    TicketNum offer(TicketId ticket, MemberId helper, String message);

    /** The requester accepts one offer; the other offerers are told. */
    TicketNum accept(TicketId ticket, MemberId requester, MemberId helper);

    /** The requester or the accepted helper writes in the ticket's conversation. */
    Message post(TicketId ticket, MemberId sender, String text);

    /** The conversation, for a participant. */
    List<Message> conversation(TicketId ticket, MemberId reader);

    /** The requester cancels the ticket; everyone who offered is told. */
    TicketNum cancel(TicketId ticket, MemberId requester);

    /** The requester or the accepted helper marks the help as given. */
    TicketNum complete(TicketId ticket, MemberId actor);

    /** Expires every ticket past its expiry that still awaited a helper; returns how many. */
    int expireDue();

    Optional<TicketNum> find(TicketId ticket);

    /** @throws fr.sharenum.model.NotFoundException when unknown */
    TicketNum get(TicketId ticket);

    /** Tickets opened by a member, oldest first. */
    List<TicketNum> openedBy(MemberId requester);
}
