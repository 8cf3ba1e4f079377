package fr.sharenum.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.sharenum.json.ShareNumModule;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.MemberId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The JDBC plumbing every part of one transaction shares: statements, JSON, instants. */
final class Sql {
    static final JsonMapper JSON = ShareNumModule.mapper();
    /** SQLSTATE class 23, integrity constraint violation (duplicate key, foreign key). */
    private static final String INTEGRITY = "23";

    private final Connection c;
    private boolean open = true;

    Sql(Connection c) {
        this.c = c;
    }

    Connection connection() {
        return c;
    }

    void close() {
        open = false;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    void check() {
        if (!open) {
            throw new IllegalStateException("this transaction is over");
        }
    }

    int update(String sql, Binder binder) {
        check();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY)) {
                throw new DuplicateException("the database refused a duplicate: " + e.getMessage());
            }
            throw failure(e);
        }
    }

    <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        check();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    <T> Optional<T> one(String sql, Binder binder, Class<T> type) {
        List<T> rows = query(sql, binder, rs -> read(rs.getString(1), type));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    <T> List<T> docs(String sql, Binder binder, Class<T> type) {
        return query(sql, binder, rs -> read(rs.getString(1), type));
    }

    /** The first column of the first row as a long, empty when there is no row (kept apart from 0). */
    OptionalLong longValue(String sql, Binder binder) {
        List<Long> rows = query(sql, binder, rs -> rs.getLong(1));
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(rows.get(0));
    }

    /**
     * Runs {@code sqlWithIn} (whose {@code IN (%s)} takes the ids) over {@code ids} in chunks of 500 bind
     * markers, after {@code leading} fixed parameters, handing every row to {@code row}.
     */
    void forIdsIn(String sqlWithIn, Binder leading, int leadingCount, Collection<MemberId> ids, RowReader<Void> row) {
        List<MemberId> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += 500) {
            List<MemberId> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String sql = String.format(sqlWithIn, String.join(", ", Collections.nCopies(chunk.size(), "?")));
            query(sql, s -> {
                leading.bind(s);
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(leadingCount + i + 1, chunk.get(i).value());
                }
            }, row);
        }
    }

    /**
     * A database failure: a concurrent change the database detected (serialization failure {@code 40001}, deadlock
     * {@code 40P01}, H2's lock timeout {@code HYT00}) becomes a {@link fr.sharenum.model.VersionConflictException} that
     * ShareNum retries; anything else a {@link JdbcStoreException}.
     */
    static RuntimeException failure(SQLException e) {
        String state = e.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state)) {
            return new fr.sharenum.model.VersionConflictException("SQLSTATE " + state);
        }
        return new JdbcStoreException("database failure (SQLSTATE " + state + "): " + e.getMessage(), e);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new JdbcStoreException("a stored " + type.getSimpleName() + " cannot be read back: " + e.getOriginalMessage(), e);
        }
    }

    /** Epoch nanoseconds, saturated to the range of a BIGINT (for open-ended queries). */
    static long nanos(Instant t) {
        if (t.getEpochSecond() >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (t.getEpochSecond() <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** The instant of epoch nanoseconds written by {@link #nanos}. */
    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static void requireNextVersion(long newVersion, long expectedVersion) {
        if (newVersion != expectedVersion + 1) {
            throw new IllegalArgumentException("the new version must be " + (expectedVersion + 1) + ", was " + newVersion);
        }
    }
}
