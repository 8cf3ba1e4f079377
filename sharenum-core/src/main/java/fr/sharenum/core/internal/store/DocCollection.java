package fr.sharenum.core.internal.store;

import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One kind of value kept as kernel documents: its collection, key, index values and JSON body. Every
 * index value is stored followed by {@code |} and the (escaped) key, so values are unique and ranges page
 * by value; bounds given as {@link Keys#join} prefixes keep their meaning.
 *
 * @param <T> the value type
 */
public final class DocCollection<T> {
    private final String name;
    private final Class<T> type;
    private final Function<T, String> key;
    private final Function<T, Map<String, String>> index;

    /**
     * @param name  the collection's name
     * @param type  the value type
     * @param key   the value's key
     * @param index the value's index values
     */
    public DocCollection(String name, Class<T> type, Function<T, String> key, Function<T, Map<String, String>> index) {
        this.name = Doc.requireName("collection", name);
        this.type = type;
        this.key = key;
        this.index = index;
    }

    /** @return the collection's name */
    public String name() {
        return name;
    }

    /**
     * @param d   the transaction's kernel
     * @param key the key
     * @return the value, if stored
     */
    public Optional<T> get(Documents d, String key) {
        return d.get(name, key).map(doc -> Codec.read(doc.body(), type));
    }

    /**
     * @param d   the transaction's kernel
     * @param key the key
     * @return the stored document, if any (for its version)
     */
    public Optional<Doc> doc(Documents d, String key) {
        return d.get(name, key);
    }

    /**
     * Inserts a new value.
     *
     * @param d     the transaction's kernel
     * @param value the value
     * @throws fr.sharenum.model.DuplicateException when its key is taken
     */
    public void insert(Documents d, T value) {
        d.insert(name, Doc.of(key.apply(value), indexOf(value), Codec.write(value)));
    }

    /**
     * Replaces the value whose document is at {@code expectedVersion}.
     *
     * @param d               the transaction's kernel
     * @param value           the new value
     * @param expectedVersion the document version read
     */
    public void replace(Documents d, T value, long expectedVersion) {
        d.replace(name, new Doc(key.apply(value), expectedVersion + 1, indexOf(value), Codec.write(value)), expectedVersion);
    }

    /**
     * Inserts or replaces a value (last writer wins within the transaction's isolation; for values
     * that no two writers change at once).
     *
     * @param d     the transaction's kernel
     * @param value the value
     */
    public void put(Documents d, T value) {
        Optional<Doc> current = d.get(name, key.apply(value));
        if (current.isPresent()) {
            replace(d, value, current.get().version());
        } else {
            insert(d, value);
        }
    }

    /**
     * @param d   the transaction's kernel
     * @param key the key
     * @return whether there was a value
     */
    public boolean delete(Documents d, String key) {
        return d.delete(name, key);
    }

    /**
     * Values whose {@code index} value lies in {@code [from, to)}, in order, at most {@code limit}.
     *
     * @param d     the transaction's kernel
     * @param index the index
     * @param from  lowest value
     * @param to    first value after
     * @param limit at most this many
     * @return the values
     */
    public List<T> range(Documents d, String index, String from, String to, int limit) {
        List<T> out = new ArrayList<>();
        for (Doc doc : d.range(name, index, from, to, limit)) {
            out.add(Codec.read(doc.body(), type));
        }
        return out;
    }

    /**
     * Every value whose {@code index} value starts with {@code prefix + "|"}, in order (read in pages).
     *
     * @param d      the transaction's kernel
     * @param index  the index
     * @param prefix the prefix, as written by {@link Keys#join}
     * @return the values
     */
    public List<T> all(Documents d, String index, String prefix) {
        return between(d, index, Keys.from(prefix), Keys.after(prefix));
    }

    /**
     * Every value whose {@code index} value lies in {@code [from, to)}, in order (read in pages of 500).
     *
     * @param d     the transaction's kernel
     * @param index the index
     * @param from  lowest value
     * @param to    first value after
     * @return the values
     */
    public List<T> between(Documents d, String index, String from, String to) {
        List<T> out = new ArrayList<>();
        String lower = from;
        while (true) {
            List<Doc> page = d.range(name, index, lower, to, PAGE);
            for (Doc doc : page) {
                out.add(Codec.read(doc.body(), type));
            }
            if (page.size() < PAGE) {
                return out;
            }
            Doc last = page.get(page.size() - 1);
            // index values are unique (each ends with its key): the next page starts just above the last
            lower = (Documents.BY_KEY.equals(index) ? last.key() : last.index().get(index)) + "\u0001";
        }
    }

    private static final int PAGE = 500;

    /** The value's index values, each made unique by its key (so ranges page by value alone). */
    private Map<String, String> indexOf(T value) {
        Map<String, String> given = index.apply(value);
        if (given.isEmpty()) {
            return given;
        }
        String k = key.apply(value);
        Map<String, String> out = new HashMap<>();
        given.forEach((n, v) -> out.put(n, v + "|" + Keys.join(k)));
        return out;
    }
}
