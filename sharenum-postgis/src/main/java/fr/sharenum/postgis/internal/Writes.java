package fr.sharenum.postgis.internal;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.MatchCandidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's writes. Idempotent and cheap when nothing changes, since every instance of a cluster
 * applies the same change feed: a candidate whose fingerprint is already stored costs one indexed read
 * and writes nothing (not even a row lock).
 *
 * <ul>
 *   <li>{@link #upsert}: one call of the {@code sn_match_upsert} function, one round trip, one transaction;</li>
 *   <li>{@link #upsertAll}: chunks of {@value #CHUNK} candidates; per chunk one read finds those whose
 *       fingerprint differs, and only if some do: their missing sites (own statement, sites are
 *       append-only), then one transaction upserting members where the fingerprint differs and
 *       replacing the skills and follows of those actually written, all set-based ({@code unnest} of
 *       arrays);</li>
 *   <li>{@link #remove}: one statement deleting from the three member tables.</li>
 * </ul>
 *
 * Every writer takes the member's row lock before touching its skills or follows, so two instances
 * writing the same member serialise on it, and the second, seeing the fingerprint already stored,
 * writes nothing.
 */
public final class Writes {
    private static final Logger LOG = LoggerFactory.getLogger(Writes.class);

    /** Candidates per chunk of {@link #upsertAll}: ~20,000 skill rows at 10 skills each. */
    static final int CHUNK = 2_000;
    /** After a bulk load that wrote this many members, the planner statistics are refreshed. */
    static final int ANALYZE_AFTER = 10_000;

    private final Database db;
    private final Sql sql;

    /**
     * @param db  connections
     * @param sql statements
     */
    public Writes(Database db, Sql sql) {
        this.db = db;
        this.sql = sql;
    }

    /**
     * Adds or replaces one candidate.
     *
     * @param c the candidate
     * @return whether anything was written
     */
    public boolean upsert(MatchCandidate c) {
        byte[] fingerprint = Fingerprint.of(c);
        List<String> tools = new ArrayList<>(c.levels().size());
        List<Short> levels = new ArrayList<>(c.levels().size());
        for (Map.Entry<ToolId, CompetenceLevel> e : c.levels().entrySet()) {
            tools.add(e.getKey().value());
            levels.add((short) e.getValue().ordinal());
        }
        List<String> topics = Topics.of(c.followedTools(), c.followedThemes());
        return db.write("upsert member " + c.member(), conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql.upsert)) {
                ps.setString(1, c.member().value());
                ps.setString(2, c.establishment().value());
                ps.setDouble(3, c.location().latitude());
                ps.setDouble(4, c.location().longitude());
                ps.setBytes(5, fingerprint);
                ps.setArray(6, conn.createArrayOf("text", tools.toArray(new String[0])));
                ps.setArray(7, conn.createArrayOf("int2", levels.toArray(new Short[0])));
                ps.setArray(8, conn.createArrayOf("text", topics.toArray(new String[0])));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == 1;
                }
            }
        });
    }

    /**
     * Forgets a member; nothing happens if unknown.
     *
     * @param member the member
     */
    public void remove(MemberId member) {
        db.write("remove member " + member, conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql.remove)) {
                ps.setString(1, member.value());
                ps.setString(2, member.value());
                ps.setString(3, member.value());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Adds or replaces many candidates; when the same member comes several times, the last one wins.
     *
     * @param candidates the candidates
     * @return how many members were written (those unchanged are not)
     */
    public int upsertAll(Collection<MatchCandidate> candidates) {
        Map<MemberId, MatchCandidate> unique = new LinkedHashMap<>();
        for (MatchCandidate c : candidates) {
            unique.remove(c.member());
            unique.put(c.member(), c);
        }
        List<MatchCandidate> all = new ArrayList<>(unique.values());
        long start = System.nanoTime();
        int written = db.session("upsert " + all.size() + " members", conn -> {
            int n = 0;
            for (int from = 0; from < all.size(); from += CHUNK) {
                n += chunk(conn, all.subList(from, Math.min(all.size(), from + CHUNK)));
            }
            if (n >= ANALYZE_AFTER) {
                try (Statement s = conn.createStatement()) {
                    s.execute(sql.analyze);
                }
                if (!conn.getAutoCommit()) {
                    conn.commit();
                }
            }
            return n;
        });
        LOG.info("PostGIS matching engine: {} of {} members written in {} ms ({} unchanged)", written, all.size(),
                (System.nanoTime() - start) / 1_000_000, all.size() - written);
        return written;
    }

    /**
     * Forgets every stored member not in {@code keep}, by chunks (what a rebuild from the store does after
     * {@link #upsertAll}: members deactivated while no instance ran are removed too).
     *
     * @param keep the ids of the members to keep
     * @return how many members were forgotten
     */
    public int retainOnly(java.util.Set<String> keep) {
        return db.session("forget members no longer active", conn -> {
            List<String> gone = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql.memberIds)) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (!keep.contains(id)) {
                            gone.add(id);
                        }
                    }
                }
            }
            if (!conn.getAutoCommit()) {
                conn.commit();
            }
            for (int from = 0; from < gone.size(); from += CHUNK) {
                String[] ids = gone.subList(from, Math.min(gone.size(), from + CHUNK)).toArray(new String[0]);
                db.inTransaction(conn, "forget " + ids.length + " members", c -> {
                    for (String statement : new String[] {sql.forgetMembers, sql.deleteSkills, sql.deleteFollows}) {
                        try (PreparedStatement ps = c.prepareStatement(statement)) {
                            ps.setArray(1, c.createArrayOf("text", ids));
                            ps.executeUpdate();
                        }
                    }
                    return null;
                });
            }
            return gone.size();
        });
    }

    private int chunk(Connection conn, List<MatchCandidate> chunk) throws SQLException {
        Map<String, byte[]> fingerprints = new HashMap<>(chunk.size() * 2);
        for (MatchCandidate c : chunk) {
            fingerprints.put(c.member().value(), Fingerprint.of(c));
        }
        List<MatchCandidate> changed = changed(conn, chunk, fingerprints);
        if (changed.isEmpty()) {
            return 0;
        }
        insertSites(conn, changed);
        return db.inTransaction(conn, "upsert " + changed.size() + " members", c -> writeMembers(c, changed, fingerprints));
    }

    private List<MatchCandidate> changed(Connection conn, List<MatchCandidate> chunk, Map<String, byte[]> fingerprints)
            throws SQLException {
        String[] ids = new String[chunk.size()];
        byte[][] prints = new byte[chunk.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = chunk.get(i).member().value();
            prints[i] = fingerprints.get(ids[i]);
        }
        Set<String> differ = new HashSet<>();
        try (PreparedStatement ps = conn.prepareStatement(sql.changed)) {
            ps.setArray(1, conn.createArrayOf("text", ids));
            ps.setArray(2, conn.createArrayOf("bytea", prints));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    differ.add(rs.getString(1));
                }
            }
        }
        if (!conn.getAutoCommit()) {
            conn.commit();
        }
        List<MatchCandidate> out = new ArrayList<>(differ.size());
        for (MatchCandidate c : chunk) {
            if (differ.contains(c.member().value())) {
                out.add(c);
            }
        }
        return out;
    }

    private void insertSites(Connection conn, List<MatchCandidate> changed) throws SQLException {
        db.inTransaction(conn, "insert sites", c -> {
            int n = changed.size();
            String[] uai = new String[n];
            Double[] lat = new Double[n];
            Double[] lon = new Double[n];
            for (int i = 0; i < n; i++) {
                MatchCandidate m = changed.get(i);
                uai[i] = m.establishment().value();
                lat[i] = m.location().latitude();
                lon[i] = m.location().longitude();
            }
            try (PreparedStatement ps = c.prepareStatement(sql.insertSites)) {
                ps.setArray(1, c.createArrayOf("text", uai));
                ps.setArray(2, c.createArrayOf("float8", lat));
                ps.setArray(3, c.createArrayOf("float8", lon));
                return ps.executeUpdate();
            }
        });
    }

    private int writeMembers(Connection c, List<MatchCandidate> changed, Map<String, byte[]> fingerprints)
            throws SQLException {
        int n = changed.size();
        String[] ids = new String[n];
        String[] uai = new String[n];
        Double[] lat = new Double[n];
        Double[] lon = new Double[n];
        byte[][] prints = new byte[n][];
        Map<String, MatchCandidate> byId = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            MatchCandidate m = changed.get(i);
            ids[i] = m.member().value();
            uai[i] = m.establishment().value();
            lat[i] = m.location().latitude();
            lon[i] = m.location().longitude();
            prints[i] = fingerprints.get(ids[i]);
            byId.put(ids[i], m);
        }
        Map<String, Integer> written = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.upsertMembers)) {
            ps.setArray(1, c.createArrayOf("text", ids));
            ps.setArray(2, c.createArrayOf("text", uai));
            ps.setArray(3, c.createArrayOf("float8", lat));
            ps.setArray(4, c.createArrayOf("float8", lon));
            ps.setArray(5, c.createArrayOf("bytea", prints));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    written.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        if (written.isEmpty()) {
            return 0; // another instance wrote the same candidates meanwhile
        }
        String[] writtenIds = written.keySet().toArray(new String[0]);
        for (String delete : new String[] {sql.deleteSkills, sql.deleteFollows}) {
            try (PreparedStatement ps = c.prepareStatement(delete)) {
                ps.setArray(1, c.createArrayOf("text", writtenIds));
                ps.executeUpdate();
            }
        }
        List<String> skillMember = new ArrayList<>();
        List<String> skillTool = new ArrayList<>();
        List<Short> skillLevel = new ArrayList<>();
        List<Integer> skillSite = new ArrayList<>();
        List<String> followMember = new ArrayList<>();
        List<String> followTopic = new ArrayList<>();
        List<Integer> followSite = new ArrayList<>();
        for (Map.Entry<String, Integer> w : written.entrySet()) {
            MatchCandidate m = byId.get(w.getKey());
            for (Map.Entry<ToolId, CompetenceLevel> e : m.levels().entrySet()) {
                skillMember.add(w.getKey());
                skillTool.add(e.getKey().value());
                skillLevel.add((short) e.getValue().ordinal());
                skillSite.add(w.getValue());
            }
            for (String topic : Topics.of(m.followedTools(), m.followedThemes())) {
                followMember.add(w.getKey());
                followTopic.add(topic);
                followSite.add(w.getValue());
            }
        }
        if (!skillMember.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(sql.insertSkills)) {
                ps.setArray(1, c.createArrayOf("text", skillMember.toArray(new String[0])));
                ps.setArray(2, c.createArrayOf("text", skillTool.toArray(new String[0])));
                ps.setArray(3, c.createArrayOf("int2", skillLevel.toArray(new Short[0])));
                ps.setArray(4, c.createArrayOf("int4", skillSite.toArray(new Integer[0])));
                ps.executeUpdate();
            }
        }
        if (!followMember.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(sql.insertFollows)) {
                ps.setArray(1, c.createArrayOf("text", followMember.toArray(new String[0])));
                ps.setArray(2, c.createArrayOf("text", followTopic.toArray(new String[0])));
                ps.setArray(3, c.createArrayOf("int4", followSite.toArray(new Integer[0])));
                ps.executeUpdate();
            }
        }
        return written.size();
    }
}
