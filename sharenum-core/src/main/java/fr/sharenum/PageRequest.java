package fr.sharenum;

import fr.sharenum.model.InvalidValueException;

/**
 * Which page to read: the first, or the one after a cursor a previous {@link Page} handed out, and its size.
 *
 * <pre>{@code
 * Page<Event> first = sharenum.events().search(lea.id(), search, PageRequest.first(20));
 * Page<Event> second = sharenum.events().search(lea.id(), search, PageRequest.after(first.next(), 20));
 * }</pre>
 *
 * @param cursor the cursor of {@link Page#next()}, or {@code null} for the first page
 * @param limit  the page's size, 1 to {@value #MAX_LIMIT}
 */
public record PageRequest(String cursor, int limit) {
    /** Largest page. */
    public static final int MAX_LIMIT = 200;

    /**
     * Checks and normalises the components.
     *
     * @param cursor the cursor of {@link Page#next()}, or {@code null} for the first page
     * @param limit the page's size, 1 to {@value #MAX_LIMIT}
     */
    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "a page holds 1 to " + MAX_LIMIT + " items, was " + limit);
        }
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 2_000)) {
            throw new InvalidValueException("cursor", "not a cursor this API handed out");
        }
    }

    /**
     * The first page.
     *
     * @param limit its size
     * @return the request
     */
    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    /**
     * The page after {@code cursor}.
     *
     * @param cursor a {@link Page#next()}
     * @param limit its size
     * @return the request
     */
    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(cursor, limit);
    }
}
