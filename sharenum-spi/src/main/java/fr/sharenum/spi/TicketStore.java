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

    /**
     * The tickets a query asks for ({@link TicketQuery#matches}), in {@link TicketQuery#ORDER}, at most its limit. A
     * store answers from indexes — the requester, the helpers who offered, the status, the origin's place
     * ({@link GeoGrid}), the tools — rather than by reading every ticket: the default visits every ticket
     * ({@link #forEach}) and filters, which is right but slow; {@code JdbcStore}, the in-memory store and the
     * kernel's tickets override it.
     *
     * @param query the query
     * @return the tickets
     */
    default List<TicketNum> search(TicketQuery query) {
        java.util.List<TicketNum> out = new java.util.ArrayList<>();
        forEach(t -> {
            if (query.matches(t)) {
                out.add(t);
            }
        });
        out.sort(TicketQuery.ORDER);
        return out.size() > query.limit() ? List.copyOf(out.subList(0, query.limit())) : out;
    }
}
