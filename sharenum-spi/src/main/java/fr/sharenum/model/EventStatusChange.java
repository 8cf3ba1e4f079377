package fr.sharenum.model;

import java.time.Instant;

/** When an event entered a state. */
public record EventStatusChange(EventStatus status, Instant at) {
    /**
     * Checks and normalises the components.
     *
     * @param status the status
     * @param at when
     */
    public EventStatusChange {
        InvalidValueException.requireNonNull("status", status);
        InvalidValueException.requireNonNull("at", at);
    }
}
