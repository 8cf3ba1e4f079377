package fr.sharenum.spi;

import fr.sharenum.model.InvalidValueException;

import java.time.Instant;

/**
 * One entry of the change feed ({@link ChangeFeedStore}): what kind of record changed, its key, and the facts
 * derived state needs before and after the change, as JSON written by ShareNum (no name, address or free text).
 *
 * @param seq    the feed's number, 0 before it is appended
 * @param at     when the change was made
 * @param kind   the kind of record, e.g. {@code member}, {@code ticket}, {@code event}
 * @param key    the record's key
 * @param before the facts before, or {@code null} for a new record
 * @param after  the facts after, or {@code null} for a removed record
 */
public record Change(long seq, Instant at, String kind, String key, String before, String after) {
    /**
     * Checks and normalises the components.
     *
     * @param seq the feed's number, 0 before it is appended
     * @param at when the change was made
     * @param kind the kind of record, e.g. {@code member}, {@code ticket}, {@code event}
     * @param key the record's key
     * @param before the facts before, or {@code null} for a new record
     * @param after the facts after, or {@code null} for a removed record
     */
    public Change {
        if (seq < 0) {
            throw new InvalidValueException("seq", "must not be negative");
        }
        if (at == null || kind == null || kind.isBlank() || key == null || key.isBlank()) {
            throw new InvalidValueException("change", "time, kind and key are required");
        }
        if (before == null && after == null) {
            throw new InvalidValueException("change", "a change has facts before, after or both");
        }
    }

    /**
     * @param number the feed's number
     * @return this change with it
     */
    public Change numbered(long number) {
        return new Change(number, at, kind, key, before, after);
    }
}
