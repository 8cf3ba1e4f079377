package fr.sharenum;

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
 * sharenum.busNum().add(Bus.of(BusId.of("busnum-21"), "BusNum Côte-d'Or", dijon, 120, Set.of("tablettes"), 16));
 * List<BusOption> options = sharenum.busNum().suggest(Venue.of(ecoleSaulieu), LocalDate.of(2027, 3, 17), Duration.ofHours(2));
 * }</pre>
 */
public interface BusNum {

    /**
     * Adds a bus to the fleet.
     *
     * @throws fr.sharenum.model.DuplicateException when its id is taken
     */
    Bus add(Bus bus);

    /** @throws fr.sharenum.model.NotFoundException when there is no such bus */
    Bus get(BusId id);

    /** The whole fleet, by id. */
    List<Bus> all();

    /** Active bookings of a bus on {@code date} and after, earliest first, at most {@code limit}. */
    List<BusBooking> bookings(BusId bus, LocalDate from, int limit);

    /**
     * The buses that can serve {@code venue} on {@code date} (local date at the venue) for an event
     * of {@code duration}: nearest home base first, each with its free windows that day. Empty when
     * none can (none in range, the venue closed, or every bus busy).
     */
    List<BusOption> suggest(Venue venue, LocalDate date, Duration duration);
}
