package fr.sharenum.core.internal;

import fr.sharenum.model.BusBooking;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.TimeWindow;

import java.time.Duration;
import java.time.LocalTime;

/**
 * How BusNum bookings are spaced: average driving speed, set-up and tear-down times around each event,
 * and the daily operating hours the bus's presence at a venue (set-up to tear-down) must fit in.
 */
public record BusRules(double averageSpeedKmh, Duration setUp, Duration tearDown, LocalTime dayStart, LocalTime dayEnd) {

    /** Driving time between two places, rounded up to the second. */
    public Duration travel(GeoPoint from, GeoPoint to) {
        double hours = from.distanceKm(to) / averageSpeedKmh;
        return Duration.ofSeconds((long) Math.ceil(hours * 3600.0));
    }

    /** Driving time for {@code km} kilometres, rounded up to the second. */
    public Duration travel(double km) {
        return Duration.ofSeconds((long) Math.ceil(km / averageSpeedKmh * 3600.0));
    }

    /**
     * Event times that {@code booking} forbids for a new event at {@code venue}: an event overlapping
     * this window leaves the bus no time to tear down, drive and set up between the two.
     */
    public TimeWindow blockedBy(BusBooking booking, GeoPoint venue) {
        Duration gap = tearDown.plus(travel(booking.venue().location(), venue)).plus(setUp);
        return new TimeWindow(booking.onSite().start().minus(gap), booking.onSite().end().plus(gap));
    }
}
