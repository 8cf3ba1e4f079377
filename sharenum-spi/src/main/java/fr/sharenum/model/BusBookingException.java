package fr.sharenum.model;

import java.util.Optional;

/**
 * A BusNum cannot be booked for this event. {@link #reason()} says why; for a {@link Reason#CONFLICT}
 * {@link #conflictingEvent()} names the event already holding the bus. Nothing was booked.
 */
public final class BusBookingException extends ShareNumException {
    private static final long serialVersionUID = 1L;

    /** Why a booking was refused. */
    public enum Reason {
        /** The venue lies beyond the bus's operating radius. */
        OUT_OF_RANGE,
        /** The venue is closed that day (public or school holiday, closed weekday). */
        CLOSED_DAY,
        /** The event, with set-up and tear-down, does not fit in the bus's operating hours. */
        OUTSIDE_HOURS,
        /** Another booking of the bus overlaps, travel time between the venues included. */
        CONFLICT,
        /** The event needs more seats than the bus has. */
        NOT_ENOUGH_SEATS
    }

    /** The bus that could not be booked. */
    private final BusId bus;
    /** Why it could not. */
    private final Reason reason;
    /** The booking in the way, if any. */
    private final EventId conflictingEvent;

    /**
     * Creates the exception.
     *
     * @param bus the BusNum
     * @param reason the reason
     * @param message the message, in French, for people
     * @param conflictingEvent the conflicting event
     */
    public BusBookingException(BusId bus, Reason reason, String message, EventId conflictingEvent) {
        super("bus-booking", "BusNum " + bus + " cannot be booked: " + message);
        this.bus = bus;
        this.reason = reason;
        this.conflictingEvent = conflictingEvent;
    }

    /**
     * The bus that could not be booked.
     *
     * @return the bus
     */
    public BusId bus() {
        return bus;
    }

    /**
     * Why it could not be booked.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The event already holding the bus, for a conflict.
     *
     * @return the event already holding the bus, for a conflict
     */
    public Optional<EventId> conflictingEvent() {
        return Optional.ofNullable(conflictingEvent);
    }

    /**
     * The bus, for the bundle's sentence.
     *
     * @return the values
     */
    @Override
    protected Object[] messageArguments() {
        return new Object[] {bus()};
    }
}
