package fr.sharenum.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@code WHERE} clause built condition by condition with its parameters, and the keyset scan the searches share:
 * documents read in (sort column, id) order after a cursor, in batches, until enough pass the query's own check.
 */
final class Where {
    final StringBuilder sql = new StringBuilder();
    final List<Object> params = new ArrayList<>();

    /**
     * @param condition a condition with {@code ?} marks
     * @param values    its parameters (String, Long, Integer or Double)
     * @return this clause
     */
    Where and(String condition, Object... values) {
        sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    void bind(PreparedStatement s) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof Long l) {
                s.setLong(i + 1, l);
            } else if (v instanceof Integer n) {
                s.setInt(i + 1, n);
            } else if (v instanceof Double d) {
                s.setDouble(i + 1, d);
            } else {
                s.setString(i + 1, (String) v);
            }
        }
    }

    /** {@code ?, ?, …}: {@code n} marks. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * The documents of {@code table} matching this clause, in ({@code order}, {@code id}) order after the cursor,
     * read {@code batch} rows at a time until {@code limit} of them pass {@code keep} or the rows run out.
     *
     * @param sql     the connection
     * @param table   the table and its alias, e.g. {@code sn_event e}; it has {@code doc} and {@code id}
     * @param order   the sort column (nanoseconds), e.g. {@code e.start_at}
     * @param id      the id column as compared (bytewise on PostgreSQL)
     * @param after   the cursor's sort value, or {@code null} for the first page
     * @param afterId the cursor's id
     * @param limit   at most this many documents
     * @param batch   rows read at a time
     * @param type    the documents' type
     * @param keep    the query's own check of a document
     */
    <T> List<T> scan(Sql sql, String table, String order, String id, Long after, String afterId, int limit, int batch,
                     Class<T> type, Predicate<? super T> keep) {
        String alias = table.substring(table.lastIndexOf(' ') + 1);
        List<T> out = new ArrayList<>();
        while (out.size() < limit) {
            Where page = new Where();
            page.sql.append(this.sql);
            page.params.addAll(params);
            if (after != null) {
                page.and("(" + order + " > ? OR (" + order + " = ? AND " + id + " > ?))", after, after, afterId);
            }
            List<Object[]> rows = sql.query("SELECT " + alias + ".doc, " + order + ", " + alias + ".id FROM " + table + page.sql
                    + " ORDER BY " + order + ", " + id + " LIMIT " + batch, page::bind,
                    rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)});
            for (Object[] row : rows) {
                T doc = Sql.read((String) row[0], type);
                if (keep.test(doc) && out.size() < limit) {
                    out.add(doc);
                }
            }
            if (rows.size() < batch) {
                break;
            }
            Object[] last = rows.get(rows.size() - 1);
            after = (Long) last[1];
            afterId = (String) last[2];
        }
        return out;
    }
}
