package fr.sharenum.model;

import java.time.Instant;

/** When a ticket entered a state. */
public record StatusChange(TicketStatus status, Instant at) {
    public StatusChange {
        InvalidValueException.requireNonNull("status", status);
        InvalidValueException.requireNonNull("at", at);
    }
}
