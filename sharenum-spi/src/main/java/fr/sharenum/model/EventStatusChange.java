package fr.sharenum.model;

import java.time.Instant;

/** When an event entered a state. */
public record EventStatusChange(EventStatus status, Instant at) {
    public EventStatusChange {
        InvalidValueException.requireNonNull("status", status);
        InvalidValueException.requireNonNull("at", at);
    }
}
