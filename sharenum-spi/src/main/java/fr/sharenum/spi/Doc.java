package fr.sharenum.spi;

import fr.sharenum.model.InvalidValueException;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One document of the storage kernel ({@link Documents}): an opaque text body (ShareNum writes JSON)
 * under a key, with a version for optimistic concurrency and a few index values the kernel orders
 * documents by.
 *
 * @param key     the document's key, unique in its collection: 1 to 400 characters
 * @param version optimistic-concurrency version, from 1; {@link Documents#replace} bumps it by one
 * @param index   index name → value; names are 1 to 40 lower-case letters, digits or dashes, values 0 to
 *                400 characters compared by {@link String#compareTo} (ShareNum only writes printable
 *                ASCII values, so byte-wise collations such as PostgreSQL's {@code "C"} agree)
 * @param body    the document itself, never {@code null}
 */
public record Doc(String key, long version, Map<String, String> index, String body) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /**
     * Checks and normalises the components.
     *
     * @param key the document's key, unique in its collection: 1 to 400 characters
     * @param version optimistic-concurrency version, from 1; {@link Documents#replace} bumps it by one
     * @param index index name → value; names are 1 to 40 lower-case letters, digits or dashes, values 0 to 400 characters compared by {@link String#compareTo} (ShareNum only writes printable ASCII values, so byte-wise collations such as PostgreSQL's {@code "C"} agree)
     * @param body the document itself, never {@code null}
     */
    public Doc {
        if (key == null || key.isEmpty() || key.length() > 400) {
            throw new InvalidValueException("key", "a document key is 1 to 400 characters");
        }
        if (version < 1) {
            throw new InvalidValueException("version", "must be at least 1, was " + version);
        }
        index = index == null ? Map.of() : Map.copyOf(index);
        for (Map.Entry<String, String> e : index.entrySet()) {
            requireName("index", e.getKey());
            if (e.getValue().length() > 400) {
                throw new InvalidValueException("index", "an index value is at most 400 characters");
            }
        }
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
    }

    /**
     * A first version (1) of a document.
     *
     * @param key the key
     * @param index the index name
     * @param body the body
     * @return a first version (1) of a document
     */
    public static Doc of(String key, Map<String, String> index, String body) {
        return new Doc(key, 1, index, body);
    }

    /**
     * The next version of this document with a new body and index values.
     *
     * @param newIndex the new index
     * @param newBody the new body
     * @return the next version of this document with a new body and index values
     */
    public Doc next(Map<String, String> newIndex, String newBody) {
        return new Doc(key, version + 1, newIndex, newBody);
    }

    /**
     * Checks a collection or index name: 1 to 40 lower-case letters, digits or dashes.
     *
     * @param what  "collection" or "index", for the message
     * @param name  the name to check
     * @return the name
     * @throws InvalidValueException when it is not such a name
     */
    public static String requireName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidValueException(what, "a " + what + " name is 1 to 40 lower-case letters, digits or dashes, was "
                    + name);
        }
        return name;
    }
}
