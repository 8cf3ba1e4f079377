package fr.sharenum;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list in a stable order, and the cursor of the next: pass {@link #next()} back in a
 * {@link PageRequest} to read on. A page never repeats nor skips an item when items are added or removed between two
 * pages, except items added before the cursor's place in the order (keyset paging).
 *
 * @param items the items of this page, in order
 * @param next  the cursor of the next page (opaque), or {@code null} when this page is the last
 * @param <T>   the item type
 */
public record Page<T>(List<T> items, String next) {

    /**
     * Checks and normalises the components.
     *
     * @param items the items of this page, in order
     * @param next the cursor of the next page, or {@code null} when this page is the last
     */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * The cursor of the next page, if there is one.
     *
     * @return the cursor, or empty on the last page
     */
    public Optional<String> nextCursor() {
        return Optional.ofNullable(next);
    }
}
