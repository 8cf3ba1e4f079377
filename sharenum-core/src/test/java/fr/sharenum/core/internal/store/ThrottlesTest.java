package fr.sharenum.core.internal.store;

import fr.sharenum.ShareNum;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sliding-window counters: the compact form, the first form still read, and a batched take that agrees with one take per key. */
class ThrottlesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00.123456789Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private final ShareNumStore store = ShareNum.inMemoryStore();

    /** The refusal a caller builds, carrying when the oldest slot frees up. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final Instant next;

        Refused(Instant next) {
            super("no slot left before " + next);
            this.next = next;
        }
    }

    private static RuntimeException refused(Instant next) {
        return new Refused(next);
    }

    private String body(String key) {
        return store.inTransaction(t -> t.get("throttle", key)).orElseThrow().body();
    }

    @Test
    void a_counter_is_written_in_the_compact_form_to_the_microsecond_and_refuses_past_its_cap() {
        store.inTransaction(t -> {
            Throttles.take(t, "k", 2, WEEK, NOW.minus(Duration.ofDays(1)), ThrottlesTest::refused);
            Throttles.take(t, "k", 2, WEEK, NOW, ThrottlesTest::refused);
            return null;
        });
        long first = NOW.minus(Duration.ofDays(1)).getEpochSecond() * 1_000_000 + 123_456;
        assertThat(body("k")).isEqualTo("{\"us\":[" + first + "," + (first + 86_400_000_000L) + "]}");
        // the oldest slot frees up a week after it was taken (kept to the microsecond)
        assertThatThrownBy(() -> store.inTransaction(t -> {
            Throttles.take(t, "k", 2, WEEK, NOW, ThrottlesTest::refused);
            return null;
        })).isInstanceOf(Refused.class)
                .extracting(e -> ((Refused) e).next)
                .isEqualTo(NOW.minus(Duration.ofDays(1)).plus(WEEK).minusNanos(789));
        // a week after the first, one slot is free again; the counter keeps only the slots within the window
        store.inTransaction(t -> {
            Throttles.take(t, "k", 2, WEEK, NOW.plus(Duration.ofDays(6)).plusSeconds(1), ThrottlesTest::refused);
            return null;
        });
        assertThat(Throttles.times(body("k"))).hasSize(2);
    }

    @Test
    void a_counter_of_the_first_form_is_read_and_rewritten_in_the_compact_form() {
        String key = "resend-member|m1";
        store.inTransaction(t -> {
            t.insert("throttle", Doc.of(key, Map.of(), "{\"key\":\"" + key + "\",\"taken\":[\"" + NOW.minus(Duration.ofDays(8))
                    + "\",\"" + NOW.minus(Duration.ofHours(2)) + "\",\"" + NOW.minus(Duration.ofHours(1)) + "\"]}"));
            return null;
        });
        // two within the week: the cap of 2 is reached, and the refusal says when the older frees up
        assertThatThrownBy(() -> store.inTransaction(t -> {
            Throttles.check(t, key, 2, WEEK, NOW, ThrottlesTest::refused);
            return null;
        })).isInstanceOf(Refused.class)
                .extracting(e -> ((Refused) e).next).isEqualTo(NOW.minus(Duration.ofHours(2)).plus(WEEK).minusNanos(789));
        store.inTransaction(t -> {
            Throttles.take(t, key, 3, WEEK, NOW, ThrottlesTest::refused);
            return null;
        });
        assertThat(body(key)).startsWith("{\"us\":[");
        assertThat(Throttles.times(body(key))).hasSize(3);
    }

    @Test
    void counters_opened_at_once_and_taken_agree_with_one_take_per_counter() {
        ShareNumStore one = ShareNum.inMemoryStore();
        for (ShareNumStore s : List.of(store, one)) {
            s.inTransaction(t -> {
                for (int i = 0; i < 3; i++) {
                    Throttles.take(t, "full", 3, WEEK, NOW.minus(Duration.ofHours(i + 1)), ThrottlesTest::refused);
                    Throttles.take(t, "old", 3, WEEK, NOW.minus(Duration.ofDays(8 + i)), ThrottlesTest::refused);
                }
                Throttles.take(t, "some", 3, WEEK, NOW.minus(Duration.ofHours(1)), ThrottlesTest::refused);
                t.insert("throttle", Doc.of("first-form", Map.of(), "{\"key\":\"first-form\",\"taken\":[\""
                        + NOW.minus(Duration.ofHours(3)) + "\",\"" + NOW.minus(Duration.ofHours(2)) + "\",\"" + NOW.minus(Duration.ofHours(1)) + "\"]}"));
                return null;
            });
        }
        List<String> keys = List.of("new", "full", "old", "some", "first-form", "new");
        Set<String> taken = store.inTransaction(t -> {
            Throttles.Open open = Throttles.open(t, keys, 3, WEEK, NOW);
            open.keys().forEach(open::take);
            return Set.copyOf(open.keys());
        });
        Set<String> takenOneByOne = new java.util.LinkedHashSet<>();
        one.inTransaction(t -> {
            for (String k : new java.util.LinkedHashSet<>(keys)) {        // a key given twice is counted once
                try {
                    Throttles.take(t, k, 3, WEEK, NOW, ThrottlesTest::refused);
                    takenOneByOne.add(k);
                } catch (Refused full) {
                    // passed over, as open leaves it out
                }
            }
            return null;
        });

        assertThat(taken).containsExactlyInAnyOrder("new", "old", "some");
        assertThat(takenOneByOne).containsExactly("new", "old", "some");
        for (String k : List.of("new", "full", "old", "some", "first-form")) {
            assertThat(Throttles.times(body(k))).as(k).containsExactly(
                    Throttles.times(one.inTransaction(t -> t.get("throttle", k)).orElseThrow().body()));
        }
    }

    @Test
    void counters_opened_at_once_take_a_slot_only_when_asked_and_once() {
        store.inTransaction(t -> {
            for (int i = 0; i < 3; i++) {
                Throttles.take(t, "full", 3, WEEK, NOW.minus(Duration.ofHours(i + 1)), ThrottlesTest::refused);
            }
            return null;
        });
        store.inTransaction(t -> {
            Throttles.Open open = Throttles.open(t, List.of("a", "full", "b", "a"), 3, WEEK, NOW);
            // read, nothing taken yet: the full counter is not offered, a key given twice once
            assertThat(open.keys()).containsExactly("a", "b");
            assertThatThrownBy(() -> open.keys().remove("a")).isInstanceOf(UnsupportedOperationException.class);
            open.take("b");
            assertThatThrownBy(() -> open.take("b")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> open.take("full")).isInstanceOf(IllegalArgumentException.class);
            return null;
        });
        assertThat(Throttles.times(body("b"))).hasSize(1);
        Optional<Doc> never = store.inTransaction(t -> t.get("throttle", "a"));
        assertThat(never).isEmpty();     // never asked: not taken
        assertThat(Throttles.times(body("full"))).hasSize(3);
    }
}
