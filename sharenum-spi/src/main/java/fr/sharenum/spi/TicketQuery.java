package fr.sharenum.spi;

import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;

/**
 * "Tickets matching every filter given, in (opening time, id) order, after the key {@code (afterOpenedAt, afterId)},
 * at most {@code limit}": what {@link TicketStore#search} answers, with indexes.
 *
 * <p>Filters, each ignored when empty or {@code null}: {@code requester} (tickets they opened); {@code offeredBy}
 * (tickets they offered help on); {@code statuses} (any of); {@code near} (tickets whose origin lies at most
 * {@code radiusKm} from it, by {@link GeoPoint#distanceKm}, boundary included); {@code tools} and {@code themes}
 * (tickets about one of them).
 *
 * @param requester     who opened them, or {@code null}
 * @param offeredBy     who offered help on them, or {@code null}
 * @param statuses      statuses (any of)
 * @param near          centre of the place filter, or {@code null}
 * @param radiusKm      its radius, positive and at most 2,000 km when {@code near} is given
 * @param tools         tools (any of)
 * @param themes        themes (any of)
 * @param afterOpenedAt opening time of the last ticket of the previous page, or {@code null} for the first page
 * @param afterId       id of that ticket ({@code null} exactly when {@code afterOpenedAt} is)
 * @param limit         at most this many, 1 to 1,000
 */
public record TicketQuery(MemberId requester, MemberId offeredBy, Set<TicketStatus> statuses, GeoPoint near,
                          double radiusKm, Set<ToolId> tools, Set<Theme> themes, Instant afterOpenedAt, TicketId afterId,
                          int limit) {

    /**
     * Checks and normalises the components.
     *
     * @param requester who opened them, or {@code null}
     * @param offeredBy who offered help on them, or {@code null}
     * @param statuses statuses (any of)
     * @param near centre of the place filter, or {@code null}
     * @param radiusKm its radius, positive and at most 2,000 km when {@code near} is given
     * @param tools tools (any of)
     * @param themes themes (any of)
     * @param afterOpenedAt opening time of the last ticket of the previous page, or {@code null} for the first page
     * @param afterId id of that ticket
     * @param limit at most this many, 1 to 1,000
     */
    public TicketQuery {
        if (near != null && (!(radiusKm > 0) || radiusKm > EventQuery.MAX_RADIUS_KM)) {
            throw new InvalidValueException("radiusKm", "must be between 0 and " + EventQuery.MAX_RADIUS_KM + " km, was "
                    + radiusKm);
        }
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        tools = tools == null ? Set.of() : Set.copyOf(tools);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        if ((afterOpenedAt == null) != (afterId == null)) {
            throw new InvalidValueException("afterId", "a page key has both an opening time and an id");
        }
        if (limit < 1 || limit > EventQuery.MAX_LIMIT) {
            throw new InvalidValueException("limit", "must be between 1 and " + EventQuery.MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * Every ticket, the first {@code limit}.
     *
     * @param limit at most this many
     * @return the query, without filters
     */
    public static TicketQuery all(int limit) {
        return new TicketQuery(null, null, Set.of(), null, 0, Set.of(), Set.of(), null, null, limit);
    }

    /**
     * Tickets still accepting offers (OPEN, OFFERS_RECEIVED) within {@code km} of {@code center} about one of
     * {@code about}: a helper's board.
     *
     * @param center the centre
     * @param km the radius
     * @param about the tools
     * @param limit at most this many
     * @return the query
     */
    public static TicketQuery awaitingNear(GeoPoint center, double km, Set<ToolId> about, int limit) {
        return new TicketQuery(null, null, EnumSet.of(TicketStatus.OPEN, TicketStatus.OFFERS_RECEIVED), center, km, about,
                Set.of(), null, null, limit);
    }

    /**
     * This query restricted to the tickets {@code member} opened.
     *
     * @param member the requester
     * @return the query
     */
    public TicketQuery openedBy(MemberId member) {
        return new TicketQuery(member, offeredBy, statuses, near, radiusKm, tools, themes, afterOpenedAt, afterId, limit);
    }

    /**
     * This query restricted to the tickets {@code member} offered help on.
     *
     * @param member the helper
     * @return the query
     */
    public TicketQuery offeredBy(MemberId member) {
        return new TicketQuery(requester, member, statuses, near, radiusKm, tools, themes, afterOpenedAt, afterId, limit);
    }

    /**
     * This query restricted to some statuses.
     *
     * @param s statuses (any of), empty for any
     * @return the query
     */
    public TicketQuery in(Set<TicketStatus> s) {
        return new TicketQuery(requester, offeredBy, s, near, radiusKm, tools, themes, afterOpenedAt, afterId, limit);
    }

    /**
     * This query restricted to tickets about one of {@code t} or {@code th}.
     *
     * @param t tools
     * @param th themes
     * @return the query
     */
    public TicketQuery about(Set<ToolId> t, Set<Theme> th) {
        return new TicketQuery(requester, offeredBy, statuses, near, radiusKm, t, th, afterOpenedAt, afterId, limit);
    }

    /**
     * This query for the page after a ticket.
     *
     * @param openedAt the last ticket's opening time
     * @param id the last ticket's id
     * @return the query
     */
    public TicketQuery after(Instant openedAt, TicketId id) {
        return new TicketQuery(requester, offeredBy, statuses, near, radiusKm, tools, themes, openedAt, id, limit);
    }

    /**
     * This query with another limit.
     *
     * @param n at most this many
     * @return the query
     */
    public TicketQuery limit(int n) {
        return new TicketQuery(requester, offeredBy, statuses, near, radiusKm, tools, themes, afterOpenedAt, afterId, n);
    }

    /**
     * Whether {@code t} passes every filter, the page key included: the reference for every store.
     *
     * @param t a ticket
     * @return whether it belongs to the answer
     */
    public boolean matches(TicketNum t) {
        if (afterOpenedAt != null) {
            int c = t.openedAt().compareTo(afterOpenedAt);
            if (c < 0 || c == 0 && t.id().value().compareTo(afterId.value()) <= 0) {
                return false;
            }
        }
        if (requester != null && !t.requester().equals(requester)) {
            return false;
        }
        if (offeredBy != null && t.offerOf(offeredBy).isEmpty()) {
            return false;
        }
        if (!statuses.isEmpty() && !statuses.contains(t.status())) {
            return false;
        }
        if (near != null && t.origin().distanceKm(near) > radiusKm) {
            return false;
        }
        return (tools.isEmpty() && themes.isEmpty()) || t.tools().stream().anyMatch(tools::contains)
                || t.themes().stream().anyMatch(themes::contains);
    }

    /** The order of answers: opening time, then id. */
    public static final Comparator<TicketNum> ORDER = Comparator.comparing(TicketNum::openedAt)
            .thenComparing(t -> t.id().value());
}
