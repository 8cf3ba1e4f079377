package fr.sharenum.core.internal;

import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

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

    private final Map<String, TreeMap<String, Doc>> collections = new HashMap<>();
    private final Map<String, Map<String, TreeMap<Entry, String>>> indexes = new HashMap<>();

    /** The kernel operations of one transaction, recording how to undo each write in {@code undo}. */
    Documents documents(Deque<Runnable> undo, Runnable checkOpen) {
        return new Documents() {
            @Override
            public Optional<Doc> get(String collection, String key) {
                checkOpen.run();
                Doc.requireName("collection", collection);
                TreeMap<String, Doc> c = collections.get(collection);
                return Optional.ofNullable(c == null ? null : c.get(key));
            }

            @Override
            public void insert(String collection, Doc doc) {
                checkOpen.run();
                Doc.requireName("collection", collection);
                if (doc.version() != 1) {
                    throw new InvalidValueException("version", "a new document starts at version 1, was " + doc.version());
                }
                TreeMap<String, Doc> c = collections.computeIfAbsent(collection, k -> new TreeMap<>());
                if (c.containsKey(doc.key())) {
                    throw new DuplicateException("the collection " + collection + " already holds the key " + doc.key());
                }
                put(collection, null, doc);
                undo.push(() -> put(collection, doc, null));
            }

            @Override
            public void replace(String collection, Doc doc, long expectedVersion) {
                checkOpen.run();
                Doc.requireName("collection", collection);
                TreeMap<String, Doc> c = collections.get(collection);
                Doc old = c == null ? null : c.get(doc.key());
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
                Doc.requireName("collection", collection);
                TreeMap<String, Doc> c = collections.get(collection);
                Doc old = c == null ? null : c.get(key);
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
                Doc.requireName("collection", collection);
                Doc.requireName("index", index);
                if (limit < 1) {
                    throw new InvalidValueException("limit", "must be at least 1, was " + limit);
                }
                List<Doc> out = new ArrayList<>();
                if (from.compareTo(to) >= 0) {
                    return out;
                }
                TreeMap<String, Doc> c = collections.get(collection);
                if (c == null) {
                    return out;
                }
                if (Documents.BY_KEY.equals(index)) {
                    for (Doc d : c.subMap(from, true, to, false).values()) {
                        out.add(d);
                        if (out.size() == limit) {
                            break;
                        }
                    }
                    return out;
                }
                TreeMap<Entry, String> ix = indexes.getOrDefault(collection, Map.of()).get(index);
                if (ix == null) {
                    return out;
                }
                NavigableMap<Entry, String> slice = ix.subMap(new Entry(from, ""), true, new Entry(to, ""), false);
                for (String key : slice.values()) {
                    out.add(c.get(key));
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
        TreeMap<String, Doc> c = collections.computeIfAbsent(collection, k -> new TreeMap<>());
        Map<String, TreeMap<Entry, String>> ix = indexes.computeIfAbsent(collection, k -> new HashMap<>());
        if (old != null) {
            c.remove(old.key());
            old.index().forEach((name, value) -> ix.get(name).remove(new Entry(value, old.key())));
        }
        if (now != null) {
            c.put(now.key(), now);
            now.index().forEach((name, value) -> ix.computeIfAbsent(name, k -> new TreeMap<>()).put(new Entry(value, now.key()), now.key()));
        }
    }
}
