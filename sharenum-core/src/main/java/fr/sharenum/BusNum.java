package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Venue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The BusNum fleet: buses fitted with digital equipment, booked for events through
 * {@link Events#create}. Obtained from {@link ShareNum#busNum()}; thread-safe.
 *
 * <p>Booking rules: the venue lies within the bus's operating radius; the venue is not closed that
 * day; the event plus set-up and tear-down fits in the operating hours; and between two bookings the
 * bus has time to tear down, drive (great-circle distance at the host's average speed) and set up.
 * Of two concurrent bookings that cannot both hold, exactly one succeeds.
 *
 * <pre>{@code
 * sharenum.busNum().add(Actor.host("fleet"), Bus.of(BusId.of("busnum-21"), "BusNum Côte-d'Or", dijon, 120, Set.of("tablettes"), 16));
 * List<BusOption> options = sharenum.busNum().suggest(claire.id(), Venue.of(ecoleSaulieu), LocalDate.of(2027, 3, 17), Duration.ofHours(2));
 * }</pre>
 */
public interface BusNum {

    /**
     * Adds a bus to the fleet.
     *
     * @param actor staff of the académie where the bus is based, a national administrator, or the host
     * @param bus   the bus
     * @return the bus
     * @throws fr.sharenum.model.DuplicateException when its id is taken
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Bus add(Actor actor, Bus bus);

    /**
     * One bus.
     *
     * @param actor an active member, or the host
     * @param id    the bus
     * @return the bus
     * @throws fr.sharenum.model.NotFoundException when there is no such bus
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Bus get(Actor actor, BusId id);

    /**
     * The whole fleet, by id.
     *
     * @param actor an active member, or the host
     * @return the buses
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<Bus> all(Actor actor);

    /**
     * Active bookings of a bus on {@code from} and after, earliest first.
     *
     * @param actor an active member, or the host
     * @param bus   the bus
     * @param from  first day
     * @param limit at most this many, 1–1,000
     * @return the bookings
     * @throws fr.sharenum.model.NotFoundException when there is no such bus
     * @throws fr.sharenum.model.InvalidValueException when {@code limit} is not between 1 and 1000
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<BusBooking> bookings(Actor actor, BusId bus, LocalDate from, int limit);

    /**
     * The buses that can serve {@code venue} on {@code date} (local date at the venue) for an event
     * of {@code duration}: nearest home base first, each with its free windows that day. Empty when
     * none can (none in range, the venue closed, or every bus busy).
     *
     * @param actor    an active member, or the host
     * @param venue    where
     * @param date     which day
     * @param duration how long the event lasts
     * @return the options
     * @throws fr.sharenum.model.InvalidValueException when the duration is not between 15 minutes and 12 hours
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<BusOption> suggest(Actor actor, Venue venue, LocalDate date, Duration duration);
}
