package fr.sharenum.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging on the HTTP side: a list in a stable order by a sort key (unique, compared as a string), a page
 * of the items after the cursor, and the cursor of the next page (the last item's key, opaque to clients:
 * base64url). A page never repeats nor skips an item when items are added or removed between two pages,
 * except those added before the cursor.
 */
public final class Paging {

    private Paging() {
    }

    /**
     * @param items  every item
     * @param key    each item's unique sort key
     * @param cursor the cursor given ({@code ?cursor=}), or null for the first page
     * @param limit  the page size
     * @param <T>    the item type
     * @return the page
     * @throws ApiError 400 for a cursor this API did not hand out
     */
    public static <T> Bodies.Page<T> page(List<T> items, Function<T, String> key, String cursor, int limit) {
        String after = cursor == null ? null : decode(cursor);
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(key));
        List<T> page = new ArrayList<>(limit);
        String next = null;
        for (T item : sorted) {
            String k = key.apply(item);
            if (after != null && k.compareTo(after) <= 0) {
                continue;
            }
            if (page.size() == limit) {
                next = encode(key.apply(page.get(page.size() - 1)));
                break;
            }
            page.add(item);
        }
        return new Bodies.Page<>(List.copyOf(page), next);
    }

    /**
     * A sort key part for a number, so that keys compare as the numbers do.
     *
     * @param n a number, at least 0
     * @return it, zero-padded to 19 digits
     */
    public static String pad(long n) {
        return String.format("%019d", n);
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k1:" + key).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            String k = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!k.startsWith("k1:")) {
                throw ApiError.badParameter("cursor");
            }
            return k.substring(3);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("cursor");
        }
    }
}
