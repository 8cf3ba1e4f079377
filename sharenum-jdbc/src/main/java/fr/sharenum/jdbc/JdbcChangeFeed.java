package fr.sharenum.jdbc;

import fr.sharenum.spi.Change;
import fr.sharenum.spi.ChangeFeedStore;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The change feed in {@code sn_change}, numbered through the one row of {@code sn_change_head}: a writer bumps it
 * and holds its lock until commit, so numbers follow commit order. On PostgreSQL every append also notifies the
 * {@code sharenum_changes} channel at commit ({@code LISTEN} for promptness; readers still poll by number).
 */
final class JdbcChangeFeed implements ChangeFeedStore {
    /** The channel PostgreSQL notifies at every commit that appended changes. */
    static final String CHANNEL = "sharenum_changes";

    private final Sql sql;
    private final boolean postgres;

    JdbcChangeFeed(Sql sql, boolean postgres) {
        this.sql = sql;
        this.postgres = postgres;
    }

    @Override
    public List<Long> append(List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        sql.update("UPDATE sn_change_head SET seq = seq + ? WHERE id = 1", s -> s.setLong(1, changes.size()));
        long last = sql.longValue("SELECT seq FROM sn_change_head WHERE id = 1", s -> { }).orElseThrow();
        long first = last - changes.size() + 1;
        List<Long> numbers = new ArrayList<>();
        sql.check();
        try (PreparedStatement s = sql.connection().prepareStatement(
                "INSERT INTO sn_change (seq, at, kind, change_key, before_facts, after_facts) VALUES (?, ?, ?, ?, ?, ?)")) {
            long n = first;
            for (Change c : changes) {
                s.setLong(1, n);
                s.setLong(2, Sql.nanos(c.at()));
                s.setString(3, c.kind());
                s.setString(4, c.key());
                s.setString(5, c.before());
                s.setString(6, c.after());
                s.addBatch();
                numbers.add(n++);
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
        if (postgres) {
            sql.query("SELECT pg_notify('" + CHANNEL + "', ?)", s -> s.setString(1, Long.toString(last)), rs -> null);
        }
        return numbers;
    }

    @Override
    public List<Change> after(long seq, int limit) {
        return sql.query("SELECT seq, at, kind, change_key, before_facts, after_facts FROM sn_change WHERE seq > ? ORDER BY seq"
                + " LIMIT ?", s -> {
                    s.setLong(1, seq);
                    s.setInt(2, limit);
                }, rs -> new Change(rs.getLong(1), Sql.instant(rs.getLong(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
    }

    @Override
    public long head() {
        return sql.longValue("SELECT seq FROM sn_change_head WHERE id = 1", s -> { }).orElse(0L);
    }

    @Override
    public int prune(long upTo) {
        return sql.update("DELETE FROM sn_change WHERE seq <= ?", s -> s.setLong(1, upTo));
    }
}
