package fr.sharenum;

import fr.sharenum.model.Bus;
import fr.sharenum.model.TimeWindow;

import java.util.List;

/**
 * A BusNum that can serve a venue on a given date.
 *
 * @param bus        the bus
 * @param distanceKm great-circle distance from its home base to the venue, in km
 * @param free       when an event at the venue may take place that day (set-up, tear-down and travel
 *                   from and to its other bookings already accounted for), earliest first
 */
public record BusOption(Bus bus, double distanceKm, List<TimeWindow> free) {
    /**
     * Checks and normalises the components.
     *
     * @param bus the bus
     * @param distanceKm great-circle distance from its home base to the venue, in km
     * @param free when an event at the venue may take place that day (set-up, tear-down and travel from and to its other bookings already accounted for), earliest first
     */
    public BusOption {
        free = List.copyOf(free);
    }
}
