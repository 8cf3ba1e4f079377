package fr.sharenum.model;

import java.time.Instant;

/** When a ticket entered a state. */
public record StatusChange(TicketStatus status, Instant at) {
    /**
     * Checks and normalises the components.
     *
     * @param status the status
     * @param at when
     */
    public StatusChange {
        InvalidValueException.requireNonNull("status", status);
        InvalidValueException.requireNonNull("at", at);
    }
}
