package fr.sharenum.spi;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** TicketNums. Part of a {@link StoreTransaction}. */
public interface TicketStore {

    /**
     * @param id a ticket id
     * @return the ticket, if stored
     */
    Optional<TicketNum> get(TicketId id);

    /**
     * @param ticket a new ticket, at version 1
     * @throws fr.sharenum.model.DuplicateException when the id is taken
     */
    void insert(TicketNum ticket);

    /**
     * Replaces a ticket whose stored version is {@code expectedVersion}; {@code ticket.version()} is
     * {@code expectedVersion + 1}.
     *
     * @param ticket          the new version
     * @param expectedVersion the version read
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such ticket
     */
    void update(TicketNum ticket, long expectedVersion);

    /**
     * @param requester a member
     * @return the tickets they opened, oldest first (then by id)
     */
    List<TicketNum> openedBy(MemberId requester);

    /**
     * Tickets still accepting offers (OPEN or OFFERS_RECEIVED) whose expiry is at or before {@code instant},
     * oldest expiry first (then by id), at most {@code limit}.
     *
     * @param instant the moment
     * @param limit   at most this many
     * @return the tickets
     */
    List<TicketNum> expiringBy(Instant instant, int limit);

    /**
     * Gives every stored ticket to {@code action}, in no particular order (rebuilding derived state at start);
     * streamed, not loaded at once, where the store can.
     *
     * @param action what to do with each ticket
     */
    void forEach(Consumer<? super TicketNum> action);
}
