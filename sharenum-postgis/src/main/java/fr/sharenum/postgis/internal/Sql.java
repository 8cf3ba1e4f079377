package fr.sharenum.postgis.internal;

/**
 * Every statement of the engine, written once for one schema. Names are qualified with the engine's
 * schema and PostGIS's, so nothing depends on a connection's {@code search_path}.
 *
 * <p>Queries walk the sites in the search boxes (GiST on {@code sn_match_site.pos}) and, for each, probe
 * the skill or follow index in a {@code LATERAL} subquery fenced by {@code OFFSET 0}: a nested loop of
 * index-only probes whatever the statistics or a cached generic plan say. The planner left free picks a
 * hash join over every holder of a common tool in the country (50 ms instead of 17 ms for one query in
 * Paris at 1M members, measured with pgbench). An optional haversine condition in SQL, padded by
 * 10⁻⁹ relative, drops the sites in the corners of the boxes before their probe; the exact decision is
 * taken in Java with {@link fr.sharenum.model.GeoPoint#haversineKm}.
 */
public final class Sql {

    /** Relative slack of the SQL distance pre-filter: far above the few ulps by which SQL and Java may differ. */
    public static final double PREFILTER_SLACK = 1e-9;

    /** How the sites of a query are selected. */
    public enum Boxes {
        /** No spatial condition: the cap is the whole sphere. */
        NONE,
        /** One box. */
        ONE,
        /** Two boxes, on both sides of ±180°. */
        TWO
    }

    private final String schema;
    private final String postgis;

    /** {@code SELECT S.sn_match_upsert(member, uai, lat, lon, fingerprint, tools[], levels[], topics[])}. */
    public final String upsert;
    /** The three deletes of one member. */
    public final String remove;
    /** Number of members. */
    public final String size;
    /** Of (member id[], fingerprint[]), the members whose stored fingerprint differs or who are unknown. */
    public final String changed;
    /** Inserts the missing sites of (uai[], lat[], lon[]). */
    public final String insertSites;
    /** Upserts (member[], uai[], lat[], lon[], fingerprint[]) where the fingerprint differs; returns member id and site id of rows written. */
    public final String upsertMembers;
    /** Deletes the skills of member id[]. */
    public final String deleteSkills;
    /** Deletes the follows of member id[]. */
    public final String deleteFollows;
    /** Inserts (member[], tool[], level[], site[]). */
    public final String insertSkills;
    /** Inserts (member[], topic[], site[]). */
    public final String insertFollows;
    /** Refreshes the planner statistics of the four tables. */
    public final String analyze;
    /** Every member id stored. */
    public final String memberIds;
    /** Forgets members, by an array of ids. */
    public final String forgetMembers;
    /** Reads one table of the schema without rows, to check it exists. */
    public final String probe;

    private final String[] qualified = new String[6];
    private final String[] followers = new String[6];

    /**
     * @param schema  the engine's schema, unquoted
     * @param postgis the schema PostGIS is installed in, unquoted
     */
    public Sql(String schema, String postgis) {
        this.schema = quote(schema);
        this.postgis = quote(postgis);
        String s = this.schema;
        upsert = "SELECT " + s + ".sn_match_upsert(?, ?, ?, ?, ?, ?::text[], ?::int2[], ?::text[])";
        remove = "WITH gone AS (DELETE FROM " + s + ".sn_match_member WHERE member_id = ?),"
                + " skills AS (DELETE FROM " + s + ".sn_match_skill WHERE member_id = ?)"
                + " DELETE FROM " + s + ".sn_match_follow WHERE member_id = ?";
        size = "SELECT count(*) FROM " + s + ".sn_match_member";
        changed = "SELECT i.member_id FROM unnest(?::text[], ?::bytea[]) AS i(member_id, fingerprint)"
                + " LEFT JOIN " + s + ".sn_match_member m ON m.member_id = i.member_id"
                + " WHERE m.fingerprint IS DISTINCT FROM i.fingerprint";
        insertSites = "INSERT INTO " + s + ".sn_match_site (uai, lat, lon, pos)"
                + " SELECT i.uai, i.lat, i.lon, " + this.postgis + ".ST_SetSRID(" + this.postgis + ".ST_MakePoint(i.lon, i.lat), 4326)"
                + " FROM (SELECT DISTINCT * FROM unnest(?::text[], ?::float8[], ?::float8[]) AS u(uai, lat, lon)) i"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + s + ".sn_match_site x WHERE x.uai = i.uai AND x.lat = i.lat AND x.lon = i.lon)"
                + " ORDER BY i.uai, i.lat, i.lon"
                + " ON CONFLICT (uai, lat, lon) DO NOTHING";
        upsertMembers = "INSERT INTO " + s + ".sn_match_member AS m (member_id, site_id, fingerprint)"
                + " SELECT i.member_id, x.id, i.fingerprint"
                + " FROM unnest(?::text[], ?::text[], ?::float8[], ?::float8[], ?::bytea[]) AS i(member_id, uai, lat, lon, fingerprint)"
                + " JOIN " + s + ".sn_match_site x ON x.uai = i.uai AND x.lat = i.lat AND x.lon = i.lon"
                + " ORDER BY i.member_id"
                + " ON CONFLICT (member_id) DO UPDATE SET site_id = EXCLUDED.site_id, fingerprint = EXCLUDED.fingerprint"
                + " WHERE m.fingerprint <> EXCLUDED.fingerprint"
                + " RETURNING m.member_id, m.site_id";
        deleteSkills = "DELETE FROM " + s + ".sn_match_skill WHERE member_id = ANY (?::text[])";
        deleteFollows = "DELETE FROM " + s + ".sn_match_follow WHERE member_id = ANY (?::text[])";
        // sorted as the (tool, site) index, so that a chunk's entries land on neighbouring index pages
        insertSkills = "INSERT INTO " + s + ".sn_match_skill (member_id, tool, level, site_id)"
                + " SELECT * FROM unnest(?::text[], ?::text[], ?::int2[], ?::int4[]) AS u(m, t, l, x) ORDER BY t, x, l, m";
        insertFollows = "INSERT INTO " + s + ".sn_match_follow (member_id, topic, site_id)"
                + " SELECT * FROM unnest(?::text[], ?::text[], ?::int4[]) AS u(m, t, x) ORDER BY t, x, m";
        analyze = "ANALYZE " + s + ".sn_match_site, " + s + ".sn_match_member, " + s + ".sn_match_skill, "
                + s + ".sn_match_follow";
        probe = "SELECT 1 FROM " + s + ".sn_match_member LIMIT 0";
        memberIds = "SELECT member_id FROM " + s + ".sn_match_member";
        forgetMembers = "DELETE FROM " + s + ".sn_match_member WHERE member_id = ANY (?::text[])";
        for (Boxes b : Boxes.values()) {
            for (boolean distance : new boolean[] {false, true}) {
                String where = siteCondition(b, distance);
                qualified[index(b, distance)] = "SELECT s.uai, s.lat, s.lon, k.member_id, k.level FROM " + s + ".sn_match_site s"
                        + " CROSS JOIN LATERAL (SELECT k.member_id, k.level FROM " + s + ".sn_match_skill k"
                        + " WHERE k.tool = ? AND k.site_id = s.id AND k.level >= ? OFFSET 0) k" + where;
                followers[index(b, distance)] = "SELECT s.uai, s.lat, s.lon, f.member_id FROM " + s + ".sn_match_site s"
                        + " CROSS JOIN LATERAL (SELECT DISTINCT f.member_id FROM " + s + ".sn_match_follow f"
                        + " WHERE f.topic = ANY (?::text[]) AND f.site_id = s.id OFFSET 0) f" + where;
            }
        }
    }

    /**
     * Qualified members: parameters tool, minimum level, then those of {@link SiteFilter#bind}.
     *
     * @param boxes    how sites are selected
     * @param distance whether the SQL distance pre-filter is on
     * @return the statement
     */
    public String qualified(Boxes boxes, boolean distance) {
        return qualified[index(boxes, distance)];
    }

    /**
     * Followers: parameters topic[], then those of {@link SiteFilter#bind}.
     *
     * @param boxes    how sites are selected
     * @param distance whether the SQL distance pre-filter is on
     * @return the statement
     */
    public String followers(Boxes boxes, boolean distance) {
        return followers[index(boxes, distance)];
    }

    private static int index(Boxes b, boolean distance) {
        return b.ordinal() * 2 + (distance ? 1 : 0);
    }

    /**
     * The site condition: each box is {@code pos && ST_MakeEnvelope(minLon, minLat, maxLon, maxLat)} (GiST), then
     * {@code asin(sqrt(h)) <= θ}, h the haversine term of GeoPoint.haversineKm and θ half the angular radius padded.
     */
    private String siteCondition(Boxes b, boolean distance) {
        String box = "s.pos OPERATOR(" + postgis + ".&&) " + postgis + ".ST_MakeEnvelope(?, ?, ?, ?, 4326)";
        String spatial = b == Boxes.NONE ? null : b == Boxes.ONE ? box : "(" + box + " OR " + box + ")";
        String haversine = distance ? "asin(sqrt(least(1.0, power(sin((radians(s.lat) - ?) * 0.5), 2)"
                + " + ? * cos(radians(s.lat)) * power(sin(radians(s.lon - ?) * 0.5), 2)))) <= ?" : null;
        if (spatial == null && haversine == null) {
            return "";
        }
        if (spatial == null) {
            return " WHERE " + haversine;
        }
        return haversine == null ? " WHERE " + spatial : " WHERE " + spatial + " AND " + haversine;
    }

    /**
     * The engine's schema.
     *
     * @return its name, quoted
     */
    public String schema() {
        return schema;
    }

    /**
     * An identifier in double quotes, inner quotes doubled.
     *
     * @param identifier the name
     * @return the quoted name
     */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
