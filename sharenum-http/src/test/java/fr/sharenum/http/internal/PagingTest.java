package fr.sharenum.http.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    /** Following the cursors visits every item once, in key order, whatever the page size. */
    @Property(tries = 300)
    void pages_cover_the_list_once_in_order(@ForAll @Size(max = 60) @UniqueElements List<@IntRange(min = 0, max = 10_000) Integer> items,
                                      @ForAll @IntRange(min = 1, max = 25) int limit) {
        Function<Integer, String> key = i -> Paging.pad(i);
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        do {
            Bodies.Page<Integer> page = Paging.page(items, key, cursor, limit);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            seen.addAll(page.items());
            cursor = page.next();
        } while (cursor != null);
        assertThat(seen).isEqualTo(items.stream().sorted().toList());
    }

    /** An item added before the cursor is not seen, one added after is; none is repeated. */
    @Property(tries = 100)
    void items_added_between_pages_are_neither_repeated_nor_skipped_after_the_cursor(@ForAll @IntRange(min = 0, max = 100) int added) {
        List<Integer> items = new ArrayList<>(List.of(10, 20, 30, 40, 50, 60));
        Bodies.Page<Integer> first = Paging.page(items, (Integer i) -> Paging.pad(i), null, 3);
        items.add(added);
        Bodies.Page<Integer> second = Paging.page(items, (Integer i) -> Paging.pad(i), first.next(), 10);
        assertThat(second.items()).doesNotContainAnyElementsOf(first.items().stream().filter(i -> i != added).toList());
        assertThat(second.items().contains(added)).isEqualTo(added > 30 && !first.items().contains(added));
    }

    @Property(tries = 50)
    void a_cursor_not_handed_out_is_refused(@ForAll("junk") String cursor) {
        assertThatThrownBy(() -> Paging.page(List.of(1), (Integer i) -> Paging.pad(i), cursor, 1)).isInstanceOf(ApiError.class)
                .extracting(e -> ((ApiError) e).code()).isEqualTo("request.bad-parameter");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> junk() {
        return net.jqwik.api.Arbitraries.of("!!", "a b", "%%%", "azerty", "k1");
    }
}
