package fr.sharenum.core.internal.feed;

import fr.sharenum.model.Alert;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Offer;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the indicators know of a ticket: where and when it was opened, how far it went and who was alerted. No
 * text, no requester.
 *
 * @param id              the ticket
 * @param place           the requester's establishment
 * @param openedAt        when it was opened
 * @param status          its status
 * @param tools           its tools
 * @param shownTraining   trainings were shown before it was opened
 * @param declined        the requester declined them
 * @param firstOfferAt    the first offer, or {@code null}
 * @param helperAcceptedAt when a helper was accepted, or {@code null}
 * @param scheduledAt     when an event was scheduled, or {@code null}
 * @param expiredUnmet    it expired with no offer
 * @param alerted         the helpers alerted, one entry per alert
 * @param offerers        the helpers who offered, one entry per offer (helper activity)
 */
public record TicketFacts(TicketId id, Place place, Instant openedAt, TicketStatus status, Set<ToolId> tools,
                          boolean shownTraining, boolean declined, Instant firstOfferAt, Instant helperAcceptedAt,
                          Instant scheduledAt, boolean expiredUnmet, List<MemberId> alerted, List<MemberId> offerers) {

    public TicketFacts {
        tools = Set.copyOf(tools);
        alerted = List.copyOf(alerted);
        offerers = offerers == null ? List.of() : List.copyOf(offerers);
    }

    /**
     * Facts without their offerers (as written before they were recorded).
     *
     * @param id               the ticket
     * @param place            the requester's establishment
     * @param openedAt         when it was opened
     * @param status           its status
     * @param tools            its tools
     * @param shownTraining    trainings were shown before it was opened
     * @param declined         the requester declined them
     * @param firstOfferAt     the first offer, or {@code null}
     * @param helperAcceptedAt when a helper was accepted, or {@code null}
     * @param scheduledAt      when an event was scheduled, or {@code null}
     * @param expiredUnmet     it expired with no offer
     * @param alerted          the helpers alerted, one entry per alert
     */
    public TicketFacts(TicketId id, Place place, Instant openedAt, TicketStatus status, Set<ToolId> tools,
                       boolean shownTraining, boolean declined, Instant firstOfferAt, Instant helperAcceptedAt,
                       Instant scheduledAt, boolean expiredUnmet, List<MemberId> alerted) {
        this(id, place, openedAt, status, tools, shownTraining, declined, firstOfferAt, helperAcceptedAt, scheduledAt,
                expiredUnmet, alerted, List.of());
    }

    /**
     * @param t a ticket as stored
     * @return the ticket's facts
     */
    public static TicketFacts of(TicketNum t) {
        return new TicketFacts(t.id(), Place.of(t.establishment()), t.openedAt(), t.status(), t.tools(),
                !t.shownTrainings().isEmpty(), t.trainingsDeclined(),
                t.offers().stream().map(Offer::at).min(Instant::compareTo).orElse(null),
                t.enteredAt(TicketStatus.HELPER_ACCEPTED).orElse(null), t.enteredAt(TicketStatus.SCHEDULED).orElse(null),
                t.status() == TicketStatus.EXPIRED && t.offers().isEmpty(), t.alerts().stream().map(Alert::helper).toList(),
                t.offers().stream().map(Offer::helper).toList());
    }
}
