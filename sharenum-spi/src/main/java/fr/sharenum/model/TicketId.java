package fr.sharenum.model;

import java.util.UUID;

/** Identifier of a TicketNum. */
public record TicketId(String value) implements Comparable<TicketId> {
    /**
     * Checks and normalises the components.
     *
     * @param value the value
     */
    public TicketId {
        value = InvalidValueException.require("ticketId", value);
        if (value.length() > 128) {
            throw new InvalidValueException("ticketId", "at most 128 characters");
        }
    }

    /**
     * The {@code TicketId} of the given values.
     *
     * @param value the value
     * @return the {@code TicketId}
     */
    public static TicketId of(String value) {
        return new TicketId(value);
    }

    /**
     * A new random identifier.
     *
     * @return a fresh ticket id
     */
    public static TicketId random() {
        return new TicketId(UUID.randomUUID().toString());
    }

    @Override
    public int compareTo(TicketId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
