package fr.sharenum.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage kernel: documents by collection and key, with a version, a few ordered index values, and
 * five operations (and {@link #getAll}, a batched read a store may make faster), all inside the transaction that
 * handed them out ({@link ShareNumStore#inTransaction}).
 * It is everything a host must write to keep ShareNum's data in its own database; ShareNum builds every
 * aggregate (members, tickets, events, outbox…) on top of it, and a store may add faster native
 * aggregates beside it (see {@link StoreTransaction}).
 *
 * <p>Contract (checked by {@code DocumentsContract} in {@code sharenum-tck}):
 * <ul>
 *   <li>reads see the transaction's own writes; writes become visible to others together, at commit;</li>
 *   <li>{@link #insert} refuses a key already present; {@link #replace} is an atomic compare-and-set on
 *       the version: of two transactions replacing the same version, at most one commits;</li>
 *   <li>{@link #range} lists documents by one index, ordered by (index value, key), both compared with
 *       {@link String#compareTo}.</li>
 * </ul>
 */
public interface Documents {

    /** The pseudo-index that orders a collection by key: every document has it. */
    String BY_KEY = "key";

    /**
     * The document stored under {@code key}.
     *
     * @param collection the collection's name
     * @param key        the document's key
     * @return the document, or empty when there is none
     */
    Optional<Doc> get(String collection, String key);

    /**
     * The documents stored under {@code keys}, read together: what ShareNum calls when it needs many documents of one
     * collection at once (the weekly counters of every member an event is announced to, for instance). The default
     * calls {@link #get} once per key; a store whose reads cost a round trip should override it with one read per
     * batch of keys (an SQL {@code IN}, a multi-get), as {@code sharenum-jdbc} does.
     *
     * @param collection the collection's name
     * @param keys       the keys (duplicates allowed, read once)
     * @return key → document, for the keys that have one (a key without a document is absent), in no particular order
     */
    default Map<String, Doc> getAll(String collection, Collection<String> keys) {
        Map<String, Doc> out = new LinkedHashMap<>();
        for (String key : keys) {
            if (!out.containsKey(key)) {
                get(collection, key).ifPresent(d -> out.put(key, d));
            }
        }
        return out;
    }

    /**
     * Stores a new document.
     *
     * @param collection the collection's name
     * @param doc        the document, at version 1
     * @throws fr.sharenum.model.DuplicateException when the collection already holds its key
     */
    void insert(String collection, Doc doc);

    /**
     * Replaces a document whose stored version is {@code expectedVersion} with {@code doc}, whose version
     * is {@code expectedVersion + 1}; its index values are replaced too.
     *
     * @param collection      the collection's name
     * @param doc             the new version
     * @param expectedVersion the version the caller read
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such document
     */
    void replace(String collection, Doc doc, long expectedVersion);

    /**
     * Removes a document and its index values.
     *
     * @param collection the collection's name
     * @param key        the document's key
     * @return whether there was one
     */
    boolean delete(String collection, String key);

    /**
     * Documents whose value for {@code index} lies in {@code [fromInclusive, toExclusive)}, ordered by
     * (value, key), at most {@code limit}. Documents without that index are not listed. With
     * {@link #BY_KEY} the value is the key.
     *
     * @param collection    the collection's name
     * @param index         the index's name, or {@link #BY_KEY}
     * @param fromInclusive lowest value listed
     * @param toExclusive   first value not listed
     * @param limit         at most this many documents, at least 1
     * @return the documents, in order
     */
    List<Doc> range(String collection, String index, String fromInclusive, String toExclusive, int limit);
}
