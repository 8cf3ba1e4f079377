package fr.sharenum.jdbc;

import fr.sharenum.model.Event;
import fr.sharenum.model.EventFormat;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Participation;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.EventQuery;
import fr.sharenum.spi.GeoGrid;
import fr.sharenum.spi.TicketQuery;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The search side of events and tickets (schema V10): the columns and side tables their queries use, kept in step
 * with each write, and the queries themselves — indexes narrow (start, grid cells within the bounding box, topics,
 * participants), the exact great-circle distance decides, and a page is read in batches until full.
 */
final class JdbcSearch {
    private final Sql sql;
    private final boolean postgres;

    JdbcSearch(Sql sql, boolean postgres) {
        this.sql = sql;
        this.postgres = postgres;
    }

    /** An id column compared byte-wise (the order of {@link String#compareTo}) on PostgreSQL too. */
    private String bytewise(String column) {
        return bytewise(column, postgres);
    }

    /**
     * @param column   an id column
     * @param postgres whether the database is PostgreSQL
     * @return the column compared byte-wise (the order of {@link String#compareTo})
     */
    static String bytewise(String column, boolean postgres) {
        return postgres ? column + " COLLATE \"C\"" : column;
    }

    // --- keeping the indexes

    /** The side tables' topics of tools and themes: {@code t:<tool>}, {@code h:<theme>}. */
    static Set<String> topics(Set<ToolId> tools, Set<Theme> themes) {
        Set<String> out = new HashSet<>();
        tools.forEach(t -> out.add("t:" + t.value()));
        themes.forEach(t -> out.add("h:" + t.value()));
        return out;
    }

    private static Map<String, String> roles(Event e) {
        Map<String, String> out = new HashMap<>();
        e.waitlist().forEach(r -> out.put(r.member().value(), "W"));
        e.registered().forEach(r -> out.put(r.member().value(), "R"));
        e.organisers().forEach(m -> out.put(m.value(), "O"));
        return out;
    }

    /** Writes the search columns and side tables of an event just inserted or updated. */
    void indexEvent(Event e) {
        GeoPoint p = e.location().orElse(null);
        sql.update("UPDATE sn_event SET status = ?, lat = ?, lon = ?, geo_cell = ?, online = ?, on_bus = ?, audience_academie = ?,"
                + " audience_departement = ?, search_indexed = TRUE WHERE id = ?", s -> {
            s.setString(1, e.status().name());
            if (p == null) {
                s.setNull(2, java.sql.Types.DOUBLE);
                s.setNull(3, java.sql.Types.DOUBLE);
                s.setNull(4, java.sql.Types.INTEGER);
            } else {
                s.setDouble(2, p.latitude());
                s.setDouble(3, p.longitude());
                s.setInt(4, GeoGrid.cell(p));
            }
            s.setBoolean(5, e.isOnline());
            s.setBoolean(6, e.bus() != null);
            s.setString(7, e.isOnline() && e.online().academie() != null ? e.online().academie().name() : null);
            s.setString(8, e.isOnline() ? e.online().departement() : null);
            s.setString(9, e.id().value());
        });
        String id = e.id().value();
        Set<String> storedTopics = new HashSet<>(sql.query("SELECT topic FROM sn_event_topic WHERE event = ?",
                s -> s.setString(1, id), rs -> rs.getString(1)));
        Set<String> topics = topics(e.tools(), e.themes());
        for (String gone : storedTopics) {
            if (!topics.contains(gone)) {
                sql.update("DELETE FROM sn_event_topic WHERE event = ? AND topic = ?", s -> {
                    s.setString(1, id);
                    s.setString(2, gone);
                });
            }
        }
        batch("INSERT INTO sn_event_topic (event, topic) VALUES (?, ?)",
                topics.stream().filter(t -> !storedTopics.contains(t)).map(t -> new String[] {id, t}).toList());
        Map<String, String[]> stored = new HashMap<>();
        sql.query("SELECT member, role, start_at FROM sn_event_member WHERE event = ?", s -> s.setString(1, id), rs -> {
            stored.put(rs.getString(1), new String[] {rs.getString(2), String.valueOf(rs.getLong(3))});
            return null;
        });
        Map<String, String> now = roles(e);
        long start = Sql.nanos(e.start());
        List<String[]> inserts = new ArrayList<>();
        for (Map.Entry<String, String[]> old : stored.entrySet()) {
            String role = now.get(old.getKey());
            if (role == null || !role.equals(old.getValue()[0]) || Long.parseLong(old.getValue()[1]) != start) {
                sql.update("DELETE FROM sn_event_member WHERE event = ? AND member = ?", s -> {
                    s.setString(1, id);
                    s.setString(2, old.getKey());
                });
            }
        }
        for (Map.Entry<String, String> m : now.entrySet()) {
            String[] old = stored.get(m.getKey());
            if (old == null || !old[0].equals(m.getValue()) || Long.parseLong(old[1]) != start) {
                inserts.add(new String[] {id, m.getKey(), m.getValue(), String.valueOf(start)});
            }
        }
        batch("INSERT INTO sn_event_member (event, member, role, start_at) VALUES (?, ?, ?, ?)", inserts);
    }

    /** Writes the search columns and side tables of a ticket just inserted or updated. */
    void indexTicket(TicketNum t) {
        sql.update("UPDATE sn_ticket SET status = ?, lat = ?, lon = ?, geo_cell = ?, search_indexed = TRUE WHERE id = ?", s -> {
            s.setString(1, t.status().name());
            s.setDouble(2, t.origin().latitude());
            s.setDouble(3, t.origin().longitude());
            s.setInt(4, GeoGrid.cell(t.origin()));
            s.setString(5, t.id().value());
        });
        String id = t.id().value();
        Set<String> storedTopics = new HashSet<>(sql.query("SELECT topic FROM sn_ticket_topic WHERE ticket = ?",
                s -> s.setString(1, id), rs -> rs.getString(1)));
        Set<String> topics = topics(t.tools(), t.themes());
        batch("INSERT INTO sn_ticket_topic (ticket, topic) VALUES (?, ?)",
                topics.stream().filter(x -> !storedTopics.contains(x)).map(x -> new String[] {id, x}).toList());
        Set<String> storedHelpers = new HashSet<>(sql.query("SELECT helper FROM sn_ticket_helper WHERE ticket = ?",
                s -> s.setString(1, id), rs -> rs.getString(1)));
        long opened = Sql.nanos(t.openedAt());
        batch("INSERT INTO sn_ticket_helper (ticket, helper, opened_at) VALUES (?, ?, ?)", t.offers().stream()
                .map(o -> o.helper().value()).filter(h -> !storedHelpers.contains(h))
                .map(h -> new String[] {id, h, String.valueOf(opened)}).toList());
    }

    /** Runs one statement per row; a value that parses as a long in a column of numbers is bound as one. */
    private void batch(String statement, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sql.check();
        try (PreparedStatement s = sql.connection().prepareStatement(statement)) {
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (statement.contains("start_at") && i == 3 || statement.contains("opened_at") && i == 2) {
                        s.setLong(i + 1, Long.parseLong(row[i]));
                    } else {
                        s.setString(i + 1, row[i]);
                    }
                }
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new fr.sharenum.model.DuplicateException("the database refused a duplicate: " + e.getMessage());
            }
            throw Sql.failure(e);
        }
    }

    /** Indexes up to 500 events and 500 tickets stored before schema V10; returns how many. */
    int indexUnindexed() {
        List<Event> events = sql.docs("SELECT doc FROM sn_event WHERE search_indexed = FALSE LIMIT 500", s -> { }, Event.class);
        List<TicketNum> tickets = sql.docs("SELECT doc FROM sn_ticket WHERE search_indexed = FALSE LIMIT 500", s -> { },
                TicketNum.class);
        events.forEach(this::indexEvent);
        tickets.forEach(this::indexTicket);
        return events.size() + tickets.size();
    }

    // --- queries

    /** A growing WHERE clause and its parameters. */
    /** {@code alias.geo_cell IN (…) AND lat/lon within the box}, or the latitude band when the circle spans too many cells. */
    private static String near(String alias, GeoPoint center, double radiusKm, List<Object> params) {
        GeoGrid.Box box = GeoGrid.box(center, radiusKm);
        List<Integer> cells = GeoGrid.cellsCovering(center, radiusKm);
        StringBuilder b = new StringBuilder("(");
        if (!cells.isEmpty()) {
            b.append(alias).append(".geo_cell IN (").append(Where.marks(cells.size())).append(") AND ");
            params.addAll(cells);
        }
        b.append(alias).append(".lat BETWEEN ? AND ?");
        params.add(box.minLat());
        params.add(box.maxLat());
        if (box.lonBounded()) {
            b.append(" AND ").append(alias).append(".lon BETWEEN ? AND ?");
            params.add(box.minLon());
            params.add(box.maxLon());
        }
        return b.append(")").toString();
    }

    List<Event> searchEvents(EventQuery q) {
        Where w = new Where();
        w.and("e.start_at >= ?", Sql.nanos(q.from())).and("e.start_at < ?", Sql.nanos(q.to()));
        if (q.placed()) {
            List<Object> params = new ArrayList<>();
            List<String> either = new ArrayList<>();
            if (q.near() != null) {
                either.add(near("e", q.near(), q.radiusKm(), params));
            }
            if (q.academie() != null) {
                String reach = "e.online = TRUE AND (e.audience_academie IS NULL OR (e.audience_academie = ? AND "
                        + "(e.audience_departement IS NULL" + (q.departement() == null ? "" : " OR e.audience_departement = ?") + ")))";
                params.add(q.academie().name());
                if (q.departement() != null) {
                    params.add(q.departement());
                }
                either.add("(" + reach + ")");
            }
            w.and("(" + String.join(" OR ", either) + ")", params.toArray());
        }
        if (!q.statuses().isEmpty()) {
            w.and("e.status IN (" + Where.marks(q.statuses().size()) + ")", q.statuses().stream().map(EventStatus::name).sorted().toArray());
        }
        if (!q.formats().isEmpty()) {
            List<String> any = new ArrayList<>();
            if (q.formats().contains(EventFormat.ON_SITE)) {
                any.add("e.lat IS NOT NULL");
            }
            if (q.formats().contains(EventFormat.ONLINE)) {
                any.add("e.online = TRUE");
            }
            if (q.formats().contains(EventFormat.BUSNUM)) {
                any.add("e.on_bus = TRUE");
            }
            w.and("(" + String.join(" OR ", any) + ")");
        }
        Set<String> topics = topics(q.tools(), q.themes());
        if (!topics.isEmpty()) {
            w.and("EXISTS (SELECT 1 FROM sn_event_topic x WHERE x.event = e.id AND x.topic IN (" + Where.marks(topics.size()) + "))",
                    topics.stream().sorted().toArray());
        }
        if (q.participant() != null) {
            Set<String> roles = q.participation().isEmpty() ? Set.of("O", "R", "W") : q.participation().stream()
                    .map(p -> p == Participation.ORGANISING ? "O" : p == Participation.REGISTERED ? "R" : "W")
                    .collect(Collectors.toSet());
            List<Object> params = new ArrayList<>();
            params.add(q.participant().value());
            params.add(Sql.nanos(q.from()));
            params.add(Sql.nanos(q.to()));
            params.addAll(roles.stream().sorted().toList());
            w.and("e.id IN (SELECT m.event FROM sn_event_member m WHERE m.member = ? AND m.start_at >= ? AND m.start_at < ?"
                    + " AND m.role IN (" + Where.marks(roles.size()) + "))", params.toArray());
        }
        String id = bytewise("e.id");
        Long afterStart = q.afterStart() == null ? null : Sql.nanos(q.afterStart());
        String afterId = q.afterId() == null ? null : q.afterId().value();
        int batch = Math.min(EventQuery.MAX_LIMIT, Math.max(q.limit(), 50));
        return w.scan(sql, "sn_event e", "e.start_at", id, afterStart, afterId, q.limit(), batch, Event.class, q::matches);
    }

    List<TicketNum> searchTickets(TicketQuery q) {
        Where w = new Where();
        if (q.requester() != null) {
            w.and("t.requester = ?", q.requester().value());
        }
        if (q.offeredBy() != null) {
            w.and("t.id IN (SELECT h.ticket FROM sn_ticket_helper h WHERE h.helper = ?)", q.offeredBy().value());
        }
        if (!q.statuses().isEmpty()) {
            boolean awaiting = q.statuses().stream().allMatch(TicketStatus::acceptsOffers);
            if (awaiting) {
                w.and("t.awaiting = TRUE");
            }
            w.and("t.status IN (" + Where.marks(q.statuses().size()) + ")", q.statuses().stream().map(TicketStatus::name).sorted().toArray());
        }
        if (q.near() != null) {
            List<Object> params = new ArrayList<>();
            String cond = near("t", q.near(), q.radiusKm(), params);
            w.and(cond, params.toArray());
        }
        Set<String> topics = topics(q.tools(), q.themes());
        if (!topics.isEmpty()) {
            w.and("EXISTS (SELECT 1 FROM sn_ticket_topic x WHERE x.ticket = t.id AND x.topic IN (" + Where.marks(topics.size()) + "))",
                    topics.stream().sorted().toArray());
        }
        String id = bytewise("t.id");
        Long afterOpened = q.afterOpenedAt() == null ? null : Sql.nanos(q.afterOpenedAt());
        String afterId = q.afterId() == null ? null : q.afterId().value();
        int batch = Math.min(EventQuery.MAX_LIMIT, Math.max(q.limit(), 50));
        return w.scan(sql, "sn_ticket t", "t.opened_at", id, afterOpened, afterId, q.limit(), batch, TicketNum.class, q::matches);
    }
}
