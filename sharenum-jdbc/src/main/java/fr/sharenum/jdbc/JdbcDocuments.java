package fr.sharenum.jdbc;

import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The storage kernel over two tables: {@code sn_doc} (collection, key, version, body) and
 * {@code sn_doc_index} (one row per index value). A replace is one {@code UPDATE … WHERE version = ?}:
 * the database decides which of two concurrent writers wins.
 */
final class JdbcDocuments implements Documents {
    private final Sql sql;

    JdbcDocuments(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Doc> get(String collection, String key) {
        Doc.requireName("collection", collection);
        List<Doc> found = sql.query("SELECT version, body FROM sn_doc WHERE collection = ? AND doc_key = ?", s -> {
            s.setString(1, collection);
            s.setString(2, key);
        }, rs -> new Doc(key, rs.getLong(1), Map.of(), rs.getString(2)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> index = new HashMap<>();
        sql.query("SELECT index_name, index_value FROM sn_doc_index WHERE collection = ? AND doc_key = ?", s -> {
            s.setString(1, collection);
            s.setString(2, key);
        }, rs -> index.put(rs.getString(1), rs.getString(2)));
        Doc d = found.get(0);
        return Optional.of(new Doc(key, d.version(), index, d.body()));
    }

    /** One {@code IN} read per 500 keys, and one for their index values. */
    @Override
    public Map<String, Doc> getAll(String collection, Collection<String> keys) {
        Doc.requireName("collection", collection);
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        List<Doc> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            found.addAll(sql.query("SELECT doc_key, version, body FROM sn_doc WHERE collection = ? AND doc_key IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", s -> {
                        s.setString(1, collection);
                        for (int i = 0; i < chunk.size(); i++) {
                            s.setString(i + 2, chunk.get(i));
                        }
                    }, rs -> new Doc(rs.getString(1), rs.getLong(2), Map.of(), rs.getString(3))));
        }
        Map<String, Doc> out = new LinkedHashMap<>();
        for (Doc d : withIndexes(collection, found)) {
            out.put(d.key(), d);
        }
        return out;
    }

    private static final int CHUNK = 500;

    @Override
    public void insert(String collection, Doc doc) {
        Doc.requireName("collection", collection);
        if (doc.version() != 1) {
            throw new InvalidValueException("version", "a new document starts at version 1, was " + doc.version());
        }
        try {
            sql.update("INSERT INTO sn_doc (collection, doc_key, version, body) VALUES (?, ?, ?, ?)", s -> {
                s.setString(1, collection);
                s.setString(2, doc.key());
                s.setLong(3, 1);
                s.setString(4, doc.body());
            });
        } catch (DuplicateException e) {
            throw new DuplicateException("the collection " + collection + " already holds the key " + doc.key());
        }
        writeIndex(collection, doc);
    }

    @Override
    public void replace(String collection, Doc doc, long expectedVersion) {
        Doc.requireName("collection", collection);
        if (doc.version() != expectedVersion + 1) {
            throw new InvalidValueException("version", "a replacement carries version " + (expectedVersion + 1)
                    + ", was " + doc.version());
        }
        int n = sql.update("UPDATE sn_doc SET version = ?, body = ? WHERE collection = ? AND doc_key = ? AND version = ?", s -> {
            s.setLong(1, doc.version());
            s.setString(2, doc.body());
            s.setString(3, collection);
            s.setString(4, doc.key());
            s.setLong(5, expectedVersion);
        });
        if (n == 0) {
            OptionalLong stored = sql.longValue("SELECT version FROM sn_doc WHERE collection = ? AND doc_key = ?", s -> {
                s.setString(1, collection);
                s.setString(2, doc.key());
            });
            if (stored.isEmpty()) {
                throw new NotFoundException(collection, doc.key());
            }
            throw new VersionConflictException(collection, doc.key(), expectedVersion, stored.getAsLong());
        }
        deleteIndex(collection, doc.key());
        writeIndex(collection, doc);
    }

    @Override
    public boolean delete(String collection, String key) {
        Doc.requireName("collection", collection);
        deleteIndex(collection, key);
        return sql.update("DELETE FROM sn_doc WHERE collection = ? AND doc_key = ?", s -> {
            s.setString(1, collection);
            s.setString(2, key);
        }) > 0;
    }

    @Override
    public List<Doc> range(String collection, String index, String from, String to, int limit) {
        Doc.requireName("collection", collection);
        Doc.requireName("index", index);
        if (limit < 1) {
            throw new InvalidValueException("limit", "must be at least 1, was " + limit);
        }
        if (from.compareTo(to) >= 0) {
            return List.of();
        }
        if (BY_KEY.equals(index)) {
            List<Doc> docs = sql.query("SELECT doc_key, version, body FROM sn_doc WHERE collection = ? AND doc_key >= ?"
                    + " AND doc_key < ? ORDER BY doc_key LIMIT ?", s -> {
                        s.setString(1, collection);
                        s.setString(2, from);
                        s.setString(3, to);
                        s.setInt(4, limit);
                    }, rs -> new Doc(rs.getString(1), rs.getLong(2), Map.of(), rs.getString(3)));
            return withIndexes(collection, docs);
        }
        List<Doc> docs = sql.query("SELECT d.doc_key, d.version, d.body FROM sn_doc_index i JOIN sn_doc d"
                + " ON d.collection = i.collection AND d.doc_key = i.doc_key"
                + " WHERE i.collection = ? AND i.index_name = ? AND i.index_value >= ? AND i.index_value < ?"
                + " ORDER BY i.index_value, i.doc_key LIMIT ?", s -> {
                    s.setString(1, collection);
                    s.setString(2, index);
                    s.setString(3, from);
                    s.setString(4, to);
                    s.setInt(5, limit);
                }, rs -> new Doc(rs.getString(1), rs.getLong(2), Map.of(), rs.getString(3)));
        return withIndexes(collection, docs);
    }

    /** The documents with their index values, read in one query. */
    private List<Doc> withIndexes(String collection, List<Doc> docs) {
        if (docs.isEmpty()) {
            return docs;
        }
        Map<String, Map<String, String>> indexes = new LinkedHashMap<>();
        for (int from = 0; from < docs.size(); from += 500) {
            List<Doc> chunk = docs.subList(from, Math.min(docs.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            sql.query("SELECT doc_key, index_name, index_value FROM sn_doc_index WHERE collection = ? AND doc_key IN ("
                    + marks + ")", s -> {
                        s.setString(1, collection);
                        for (int i = 0; i < chunk.size(); i++) {
                            s.setString(i + 2, chunk.get(i).key());
                        }
                    }, rs -> indexes.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3)));
        }
        return docs.stream().map(d -> new Doc(d.key(), d.version(), indexes.getOrDefault(d.key(), Map.of()), d.body())).toList();
    }

    private void writeIndex(String collection, Doc doc) {
        for (Map.Entry<String, String> e : doc.index().entrySet()) {
            sql.update("INSERT INTO sn_doc_index (collection, index_name, index_value, doc_key) VALUES (?, ?, ?, ?)", s -> {
                s.setString(1, collection);
                s.setString(2, e.getKey());
                s.setString(3, e.getValue());
                s.setString(4, doc.key());
            });
        }
    }

    private void deleteIndex(String collection, String key) {
        sql.update("DELETE FROM sn_doc_index WHERE collection = ? AND doc_key = ?", s -> {
            s.setString(1, collection);
            s.setString(2, key);
        });
    }
}
