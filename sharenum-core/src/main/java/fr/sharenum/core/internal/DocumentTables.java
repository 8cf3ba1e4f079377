package fr.sharenum.core.internal;

import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The storage kernel in memory: collections of documents with ordered indexes. Not thread-safe by
 * itself: its owner serialises transactions and passes an undo log that {@link #documents} writes
 * into, so that a failed transaction is rolled back.
 */
final class DocumentTables {

    /** An index entry: ordered by value, then key. */
    private record Entry(String value, String key) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = value.compareTo(o.value);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    /**
     * One collection: documents by key in a hash map (a get or a replace does not walk a tree: the weekly counters of
     * thousands of members are read and written per event announced), keys in order for ranges, and index entries.
     */
    private static final class Table {
        final HashMap<String, Doc> docs = new HashMap<>();
        final TreeSet<String> keys = new TreeSet<>();
        final Map<String, TreeMap<Entry, String>> indexes = new HashMap<>();
    }

    private final Map<String, Table> collections = new HashMap<>();

    /** The collection's table, if it holds or held anything; a name never seen is checked before it is answered. */
    private Table table(String collection) {
        Table t = collections.get(collection);
        if (t == null) {
            Doc.requireName("collection", collection);
        }
        return t;
    }

    /** The kernel operations of one transaction, recording how to undo each write in {@code undo}. */
    Documents documents(Deque<Runnable> undo, Runnable checkOpen) {
        return new Documents() {
            @Override
            public Optional<Doc> get(String collection, String key) {
                checkOpen.run();
                Table c = table(collection);
                return Optional.ofNullable(c == null ? null : c.docs.get(key));
            }

            @Override
            public Map<String, Doc> getAll(String collection, Collection<String> keys) {
                checkOpen.run();
                Table c = table(collection);
                Map<String, Doc> out = new HashMap<>();
                if (c != null) {
                    for (String key : keys) {
                        Doc d = c.docs.get(key);
                        if (d != null) {
                            out.put(key, d);
                        }
                    }
                }
                return out;
            }

            @Override
            public void insert(String collection, Doc doc) {
                checkOpen.run();
                Table c = table(collection);
                if (doc.version() != 1) {
                    throw new InvalidValueException("version", "a new document starts at version 1, was " + doc.version());
                }
                if (c != null && c.docs.containsKey(doc.key())) {
                    throw new DuplicateException("the collection " + collection + " already holds the key " + doc.key());
                }
                put(collection, null, doc);
                undo.push(() -> put(collection, doc, null));
            }

            @Override
            public void replace(String collection, Doc doc, long expectedVersion) {
                checkOpen.run();
                Table c = table(collection);
                Doc old = c == null ? null : c.docs.get(doc.key());
                if (old == null) {
                    throw new NotFoundException(collection, doc.key());
                }
                if (old.version() != expectedVersion) {
                    throw new VersionConflictException(collection, doc.key(), expectedVersion, old.version());
                }
                if (doc.version() != expectedVersion + 1) {
                    throw new InvalidValueException("version", "a replacement carries version " + (expectedVersion + 1)
                            + ", was " + doc.version());
                }
                put(collection, old, doc);
                undo.push(() -> put(collection, doc, old));
            }

            @Override
            public boolean delete(String collection, String key) {
                checkOpen.run();
                Table c = table(collection);
                Doc old = c == null ? null : c.docs.get(key);
                if (old == null) {
                    return false;
                }
                put(collection, old, null);
                undo.push(() -> put(collection, null, old));
                return true;
            }

            @Override
            public List<Doc> range(String collection, String index, String from, String to, int limit) {
                checkOpen.run();
                Table c = table(collection);
                Doc.requireName("index", index);
                if (limit < 1) {
                    throw new InvalidValueException("limit", "must be at least 1, was " + limit);
                }
                List<Doc> out = new ArrayList<>();
                if (from.compareTo(to) >= 0 || c == null) {
                    return out;
                }
                if (Documents.BY_KEY.equals(index)) {
                    for (String key : c.keys.subSet(from, true, to, false)) {
                        out.add(c.docs.get(key));
                        if (out.size() == limit) {
                            break;
                        }
                    }
                    return out;
                }
                TreeMap<Entry, String> ix = c.indexes.get(index);
                if (ix == null) {
                    return out;
                }
                NavigableMap<Entry, String> slice = ix.subMap(new Entry(from, ""), true, new Entry(to, ""), false);
                for (String key : slice.values()) {
                    out.add(c.docs.get(key));
                    if (out.size() == limit) {
                        break;
                    }
                }
                return out;
            }
        };
    }

    /** Replaces {@code old} (or nothing) by {@code now} (or nothing), indexes included. */
    private void put(String collection, Doc old, Doc now) {
        Table c = collections.computeIfAbsent(collection, k -> new Table());
        if (old != null && now != null) {
            // a new version of a document: its key stays in place; its index entries change only if their values do
            c.docs.put(now.key(), now);
            if (!old.index().equals(now.index())) {
                unindex(c, old);
                index(c, now);
            }
            return;
        }
        if (old != null) {
            c.docs.remove(old.key());
            c.keys.remove(old.key());
            unindex(c, old);
        }
        if (now != null) {
            c.docs.put(now.key(), now);
            c.keys.add(now.key());
            index(c, now);
        }
    }

    private static void unindex(Table c, Doc d) {
        d.index().forEach((name, value) -> c.indexes.get(name).remove(new Entry(value, d.key())));
    }

    private static void index(Table c, Doc d) {
        d.index().forEach((name, value) -> c.indexes.computeIfAbsent(name, k -> new TreeMap<>()).put(new Entry(value, d.key()), d.key()));
    }
}
