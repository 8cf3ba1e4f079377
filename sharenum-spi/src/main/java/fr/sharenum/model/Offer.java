package fr.sharenum.model;

import java.time.Instant;

/**
 * A helper's offer on a ticket. One offer per helper and ticket.
 *
 * @param helper  who offers
 * @param message what they propose, 1–2000 characters
 * @param at      when
 * @param status  pending, accepted or declined
 */
public record Offer(MemberId helper, String message, Instant at, OfferStatus status) {
    /**
     * Checks and normalises the components.
     *
     * @param helper who offers
     * @param message what they propose, 1–2000 characters
     * @param at when
     * @param status pending, accepted or declined
     */
    public Offer {
        InvalidValueException.requireNonNull("helper", helper);
        message = Texts.multiline("message", message, 2000);
        InvalidValueException.requireNonNull("at", at);
        InvalidValueException.requireNonNull("status", status);
    }

    /**
     * This offer in another state.
     *
     * @param newStatus the new state
     * @return the changed offer
     */
    public Offer withStatus(OfferStatus newStatus) {
        return new Offer(helper, message, at, newStatus);
    }
}
