package fr.sharenum.postgis.internal;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's queries. Each is one statement (one snapshot, whatever the isolation level) on one
 * borrowed connection, except "the N nearest whatever the distance", which widens its radius — 25 km,
 * then ×4 up to the whole sphere — until N members are found, each round a complete query whose answer
 * replaces the previous one. Rows come grouped by site; the distance of each site is computed once, in
 * Java, with {@link fr.sharenum.model.GeoPoint#haversineKm}, and decides the boundary; hits are sorted by
 * {@link Match#ORDER} / {@link Nearby#ORDER} and cut to the limit in Java.
 */
public final class Reads {
    /** First radius of a nearest-N search, as the geo engine. */
    static final double FIRST_NEAREST_RADIUS_KM = 25;
    private static final CompetenceLevel[] LEVELS = CompetenceLevel.values();

    private final Database db;
    private final Sql sql;

    /**
     * @param db  connections
     * @param sql statements
     */
    public Reads(Database db, Sql sql) {
        this.db = db;
        this.sql = sql;
    }

    /**
     * Qualified members.
     *
     * @param q the query
     * @return the hits in {@link Match#ORDER}, at most {@code q.limit()}
     */
    public List<Match> qualified(QualifiedQuery q) {
        return db.read("query members qualified in " + q.tool(), c -> {
            if (!Double.isInfinite(q.radiusKm())) {
                return cut(qualifiedWithin(c, q, q.radiusKm()), q.limit());
            }
            for (double r = FIRST_NEAREST_RADIUS_KM; ; r = r * 4 >= CapBoxes.MAX_DISTANCE_KM ? Double.POSITIVE_INFINITY : r * 4) {
                List<Match> hits = qualifiedWithin(c, q, r);
                if (hits.size() >= q.limit() || Double.isInfinite(r)) {
                    return cut(hits, q.limit());
                }
            }
        });
    }

    private List<Match> qualifiedWithin(Connection c, QualifiedQuery q, double radiusKm) throws SQLException {
        SiteFilter sites = SiteFilter.around(q.center(), radiusKm);
        List<Match> hits = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.qualified(sites.kind(), sites.distance()))) {
            ps.setString(1, q.tool().value());
            ps.setShort(2, (short) q.minLevel().ordinal());
            sites.bind(ps, 3);
            try (ResultSet rs = ps.executeQuery()) {
                SiteRows site = new SiteRows(sites);
                while (rs.next()) {
                    if (!site.at(rs)) {
                        continue;
                    }
                    MemberId member = MemberId.of(rs.getString(4));
                    if (!q.excluded().contains(member)) {
                        hits.add(new Match(member, site.uai(), LEVELS[rs.getShort(5)], site.distanceKm()));
                    }
                }
            }
        }
        return hits;
    }

    /**
     * Followers.
     *
     * @param q the query
     * @return the hits in {@link Nearby#ORDER}, each member once
     */
    public List<Nearby> followers(FollowersQuery q) {
        List<String> topics = Topics.of(q.tools(), q.themes());
        if (topics.isEmpty()) {
            return new ArrayList<>();
        }
        return db.read("query followers", c -> {
            SiteFilter sites = SiteFilter.around(q.center(), q.radiusKm());
            List<Nearby> hits = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.followers(sites.kind(), sites.distance()))) {
                ps.setArray(1, c.createArrayOf("text", topics.toArray(new String[0])));
                sites.bind(ps, 2);
                try (ResultSet rs = ps.executeQuery()) {
                    SiteRows site = new SiteRows(sites);
                    while (rs.next()) {
                        if (!site.at(rs)) {
                            continue;
                        }
                        MemberId member = MemberId.of(rs.getString(4));
                        if (!q.excluded().contains(member)) {
                            hits.add(new Nearby(member, site.uai(), site.distanceKm()));
                        }
                    }
                }
            }
            hits.sort(Nearby.ORDER);
            return hits;
        });
    }

    /** @return the number of members */
    public int size() {
        return db.read("count members", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.size); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.toIntExact(rs.getLong(1));
            }
        });
    }

    private static List<Match> cut(List<Match> hits, int limit) {
        hits.sort(Match.ORDER);
        return hits.size() > limit ? new ArrayList<>(hits.subList(0, limit)) : hits;
    }

    /**
     * The site of the current row ({@code uai, lat, lon} in columns 1–3): rows of one site come together,
     * so its distance and UAI are worked out once per site.
     */
    private static final class SiteRows {
        private final SiteFilter filter;
        private String uaiText;
        private double lat = Double.NaN;
        private double lon = Double.NaN;
        private Uai uai;
        private double distanceKm;
        private boolean inside;

        SiteRows(SiteFilter filter) {
            this.filter = filter;
        }

        /** Moves to the row's site; whether it is within the radius. */
        boolean at(ResultSet rs) throws SQLException {
            String u = rs.getString(1);
            double la = rs.getDouble(2);
            double lo = rs.getDouble(3);
            if (la != lat || lo != lon || !u.equals(uaiText)) {
                uaiText = u;
                lat = la;
                lon = lo;
                distanceKm = filter.distanceKm(la, lo);
                inside = filter.contains(distanceKm);
                uai = inside ? Uai.of(u) : null;
            }
            return inside;
        }

        Uai uai() {
            return uai;
        }

        double distanceKm() {
            return distanceKm;
        }
    }
}
