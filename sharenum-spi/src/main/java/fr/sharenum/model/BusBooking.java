package fr.sharenum.model;

/**
 * A BusNum booked for an event.
 *
 * @param bus    the bus
 * @param event  the event it hosts (one booking per event)
 * @param venue  where it parks
 * @param onSite the event's time; the bus also needs its set-up and tear-down time around it, and
 *               travel time from and to its neighbouring bookings
 */
public record BusBooking(BusId bus, EventId event, Venue venue, TimeWindow onSite) {
    /**
     * Checks and normalises the components.
     *
     * @param bus the bus
     * @param event the event it hosts (one booking per event)
     * @param venue where it parks
     * @param onSite the event's time; the bus also needs its set-up and tear-down time around it, and travel time from and to its neighbouring bookings
     */
    public BusBooking {
        InvalidValueException.requireNonNull("bus", bus);
        InvalidValueException.requireNonNull("event", event);
        InvalidValueException.requireNonNull("venue", venue);
        InvalidValueException.requireNonNull("onSite", onSite);
    }
}
