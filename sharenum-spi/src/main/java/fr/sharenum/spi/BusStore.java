package fr.sharenum.spi;

import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.EventId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The BusNum fleet and its bookings. Part of a {@link StoreTransaction}. */
public interface BusStore {

    /**
     * @param id a bus id
     * @return the bus, if stored
     */
    Optional<Bus> get(BusId id);

    /**
     * @param bus a new bus, at version 1
     * @throws fr.sharenum.model.DuplicateException when the id is taken
     */
    void insert(Bus bus);

    /**
     * Replaces a bus whose stored version is {@code expectedVersion}. ShareNum bumps the bus's version with every
     * booking change, which makes two concurrent bookings of one bus conflict here.
     *
     * @param bus             the new version
     * @param expectedVersion the version read
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such bus
     */
    void update(Bus bus, long expectedVersion);

    /** @return every bus, by id */
    List<Bus> all();

    /**
     * @param bus  a bus
     * @param from start of the period
     * @param to   end of the period
     * @return its bookings whose on-site time overlaps {@code [from, to)}, earliest first
     */
    List<BusBooking> bookings(BusId bus, Instant from, Instant to);

    /**
     * @param booking a booking
     * @throws fr.sharenum.model.DuplicateException when the event already has a booking
     * @throws fr.sharenum.model.NotFoundException  when there is no such bus
     */
    void insertBooking(BusBooking booking);

    /**
     * Removes the booking of {@code event} on {@code bus}, if there is one.
     *
     * @param bus   the bus
     * @param event the event
     */
    void deleteBooking(BusId bus, EventId event);
}
