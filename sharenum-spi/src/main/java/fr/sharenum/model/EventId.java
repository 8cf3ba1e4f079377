package fr.sharenum.model;

import java.util.UUID;

/** Identifier of an event (atelier or rencontre). */
public record EventId(String value) implements Comparable<EventId> {
    /**
     * Checks and normalises the components.
     *
     * @param value the value
     */
    public EventId {
        value = InvalidValueException.require("eventId", value);
        if (value.length() > 128) {
            throw new InvalidValueException("eventId", "at most 128 characters");
        }
    }

    /**
     * The {@code EventId} of the given values.
     *
     * @param value the value
     * @return the {@code EventId}
     */
    public static EventId of(String value) {
        return new EventId(value);
    }

    /**
     * The random.
     *
     * @return the random
     */
    public static EventId random() {
        return new EventId(UUID.randomUUID().toString());
    }

    @Override
    public int compareTo(EventId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
