package fr.sharenum.tck;

import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contract of the storage kernel, {@link Documents}: what a host writes to keep ShareNum's data in its
 * own database. Extend it in your test sources and return a fresh, empty store from {@link #newStore()}:
 *
 * <pre>{@code
 * class MongoDocumentsTest extends DocumentsContract {
 *     @Override protected ShareNumStore newStore() { return new MongoStore(freshDatabase()); }
 * }
 * }</pre>
 */
public abstract class DocumentsContract {

    /**
     * A new store holding nothing.
     *
     * @return the store under test
     */
    protected abstract ShareNumStore newStore();

    /** The store of the current test. */
    protected ShareNumStore store;

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private <T> T tx(Function<Documents, T> work) {
        return store.inTransaction(work::apply);
    }

    private java.util.Optional<Doc> find(String collection, String key) {
        return store.inTransaction(t -> t.get(collection, key));
    }

    private List<Doc> list(String collection, String index, String from, String to, int limit) {
        return store.inTransaction(t -> t.range(collection, index, from, to, limit));
    }

    private static Doc doc(String key, String body, String... index) {
        Map<String, String> ix = new java.util.HashMap<>();
        for (int i = 0; i < index.length; i += 2) {
            ix.put(index[i], index[i + 1]);
        }
        return Doc.of(key, ix, body);
    }

    private static List<String> keys(List<Doc> docs) {
        return docs.stream().map(Doc::key).toList();
    }

    @Nested
    @DisplayName("get and insert")
    class GetAndInsert {
        @Test
        void insert_thenGet_returnsTheDocumentWithItsIndex() {
            tx(d -> {
                d.insert("member", doc("m1", "{\"a\":1}", "email", "a@ac-dijon.fr", "school", "0210015C"));
                return null;
            });
            Doc read = find("member", "m1").orElseThrow();
            assertThat(read.version()).isEqualTo(1);
            assertThat(read.body()).isEqualTo("{\"a\":1}");
            assertThat(read.index()).containsExactlyInAnyOrderEntriesOf(Map.of("email", "a@ac-dijon.fr", "school", "0210015C"));
        }

        @Test
        void get_missingKeyOrCollection_isEmpty() {
            tx(d -> {
                d.insert("member", doc("m1", "{}"));
                return null;
            });
            assertThat(find("member", "m2")).isEmpty();
            assertThat(find("ticket", "m1")).isEmpty();
        }

        @Test
        void getAll_readsTheDocumentsOfManyKeysWithTheirIndexAndOwnWrites() {
            tx(d -> {
                d.insert("member", doc("m1", "one", "school", "0210015C"));
                d.insert("member", doc("m2", "two"));
                d.insert("ticket", doc("m3", "another collection"));
                return null;
            });
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 1_200; i++) {          // more keys than one SQL IN holds
                keys.add("x" + i);
            }
            keys.addAll(List.of("m2", "m1", "m3", "m1"));
            Map<String, Doc> read = tx(d -> {
                d.insert("member", doc("m4", "own write"));
                List<String> withOwn = new ArrayList<>(keys);
                withOwn.add("m4");
                return d.getAll("member", withOwn);
            });
            assertThat(read).containsOnlyKeys("m1", "m2", "m4");
            assertThat(read.get("m1").body()).isEqualTo("one");
            assertThat(read.get("m1").version()).isEqualTo(1);
            assertThat(read.get("m1").index()).containsExactlyEntriesOf(Map.of("school", "0210015C"));
            assertThat(read.get("m4").body()).isEqualTo("own write");
            Map<String, Doc> none = tx(d -> d.getAll("member", List.of()));
            Map<String, Doc> noCollection = tx(d -> d.getAll("nothing", List.of("m1")));
            assertThat(none).isEmpty();
            assertThat(noCollection).isEmpty();
        }

        @Test
        void insert_existingKey_isRefusedAndChangesNothing() {
            tx(d -> {
                d.insert("member", doc("m1", "first"));
                return null;
            });
            assertThatThrownBy(() -> tx(d -> {
                d.insert("member", doc("m1", "second"));
                return null;
            })).isInstanceOf(DuplicateException.class);
            assertThat(find("member", "m1").orElseThrow().body()).isEqualTo("first");
        }

        @Test
        void insert_sameKeyInAnotherCollection_isAllowed() {
            tx(d -> {
                d.insert("member", doc("k", "a"));
                d.insert("ticket", doc("k", "b"));
                return null;
            });
            assertThat(find("ticket", "k").orElseThrow().body()).isEqualTo("b");
        }

        @Test
        void insert_versionOtherThanOne_isRefused() {
            assertThatThrownBy(() -> tx(d -> {
                d.insert("member", new Doc("m1", 2, Map.of(), "x"));
                return null;
            })).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void badCollectionName_isRefused() {
            assertThatThrownBy(() -> find("Bad Name", "k")).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void bodiesAndKeys_roundTripUnicodeAndLargeText() {
            String body = "é€😀\n\"quoted\" " + "x".repeat(200_000);
            String key = "clé-😀-" + "k".repeat(300);
            tx(d -> {
                d.insert("text", doc(key, body));
                return null;
            });
            assertThat(find("text", key).orElseThrow().body()).isEqualTo(body);
        }
    }

    @Nested
    @DisplayName("replace and delete")
    class ReplaceAndDelete {
        @Test
        void replace_atTheStoredVersion_bumpsItAndReplacesTheIndex() {
            tx(d -> {
                d.insert("member", doc("m1", "v1", "school", "A", "tool", "capytale"));
                return null;
            });
            tx(d -> {
                Doc current = d.get("member", "m1").orElseThrow();
                d.replace("member", current.next(Map.of("school", "B"), "v2"), current.version());
                return null;
            });
            Doc read = find("member", "m1").orElseThrow();
            assertThat(read.version()).isEqualTo(2);
            assertThat(read.body()).isEqualTo("v2");
            assertThat(read.index()).containsExactlyEntriesOf(Map.of("school", "B"));
            assertThat(list("member", "school", "A", "B", 10)).isEmpty();
            assertThat(keys(list("member", "school", "B", "C", 10))).containsExactly("m1");
            assertThat(list("member", "tool", "", "~", 10)).isEmpty();
        }

        @Test
        void replace_atAnOldVersion_isAConflictAndChangesNothing() {
            tx(d -> {
                d.insert("member", doc("m1", "v1"));
                return null;
            });
            Doc v1 = find("member", "m1").orElseThrow();
            tx(d -> {
                d.replace("member", v1.next(Map.of(), "v2"), 1);
                return null;
            });
            assertThatThrownBy(() -> tx(d -> {
                d.replace("member", v1.next(Map.of(), "v2-lost"), 1);
                return null;
            })).isInstanceOf(VersionConflictException.class);
            assertThat(find("member", "m1").orElseThrow().body()).isEqualTo("v2");
        }

        @Test
        void replace_missingDocument_isNotFound() {
            assertThatThrownBy(() -> tx(d -> {
                d.replace("member", new Doc("nobody", 2, Map.of(), "x"), 1);
                return null;
            })).isInstanceOf(NotFoundException.class);
        }

        @Test
        void replace_withAVersionThatIsNotTheNext_isRefused() {
            tx(d -> {
                d.insert("member", doc("m1", "v1"));
                return null;
            });
            assertThatThrownBy(() -> tx(d -> {
                d.replace("member", new Doc("m1", 5, Map.of(), "x"), 1);
                return null;
            })).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void delete_removesTheDocumentAndItsIndexValues() {
            tx(d -> {
                d.insert("member", doc("m1", "v1", "school", "A"));
                return null;
            });
            assertThat(store.<Boolean>inTransaction(t -> t.delete("member", "m1"))).isTrue();
            assertThat(store.<Boolean>inTransaction(t -> t.delete("member", "m1"))).isFalse();
            assertThat(find("member", "m1")).isEmpty();
            assertThat(list("member", "school", "", "~", 10)).isEmpty();
            tx(d -> {
                d.insert("member", doc("m1", "again"));
                return null;
            });
            assertThat(find("member", "m1").orElseThrow().version()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("ordered ranges")
    class Ranges {
        @BeforeEach
        void someDocuments() {
            tx(d -> {
                d.insert("ticket", doc("t3", "3", "requester", "alice|2026-11-03"));
                d.insert("ticket", doc("t1", "1", "requester", "alice|2026-11-01"));
                d.insert("ticket", doc("t2", "2", "requester", "alice|2026-11-01"));
                d.insert("ticket", doc("t4", "4", "requester", "bob|2026-11-02"));
                d.insert("ticket", doc("t5", "5"));
                return null;
            });
        }

        @Test
        void range_isOrderedByValueThenKey_andHalfOpen() {
            assertThat(keys(list("ticket", "requester", "alice|", "alice}", 10)))
                    .containsExactly("t1", "t2", "t3");
            assertThat(keys(list("ticket", "requester", "alice|2026-11-01", "alice|2026-11-03", 10)))
                    .containsExactly("t1", "t2");
            assertThat(keys(list("ticket", "requester", "", "~", 10)))
                    .containsExactly("t1", "t2", "t3", "t4");
        }

        @Test
        void range_stopsAtTheLimit() {
            assertThat(keys(list("ticket", "requester", "", "~", 2))).containsExactly("t1", "t2");
        }

        @Test
        void range_byKey_listsEveryDocumentInKeyOrder() {
            assertThat(keys(list("ticket", Documents.BY_KEY, "", "~", 10)))
                    .containsExactly("t1", "t2", "t3", "t4", "t5");
            assertThat(keys(list("ticket", Documents.BY_KEY, "t2", "t4", 10))).containsExactly("t2", "t3");
        }

        @Test
        void range_returnsIndexValuesAndBodies() {
            Doc first = list("ticket", "requester", "", "~", 1).get(0);
            assertThat(first.body()).isEqualTo("1");
            assertThat(first.index()).containsEntry("requester", "alice|2026-11-01");
        }

        @Test
        void range_emptyOrInvertedBounds_isEmpty() {
            assertThat(list("ticket", "requester", "b", "a", 10)).isEmpty();
            assertThat(list("ticket", "requester", "a", "a", 10)).isEmpty();
            assertThat(list("nothing", "requester", "", "~", 10)).isEmpty();
        }

        @Test
        void range_ordersAsciiPunctuationByteWise() {
            tx(d -> {
                d.insert("order", doc("a", "", "v", "a|b"));
                d.insert("order", doc("b", "", "v", "a-c"));
                d.insert("order", doc("c", "", "v", "ab"));
                d.insert("order", doc("d", "", "v", "A"));
                d.insert("order", doc("e", "", "v", "a"));
                return null;
            });
            assertThat(keys(list("order", "v", "", "~", 10))).containsExactly("d", "e", "b", "c", "a");
        }

        @Test
        void range_refusesANonPositiveLimit() {
            assertThatThrownBy(() -> list("ticket", "requester", "", "~", 0))
                    .isInstanceOf(InvalidValueException.class);
        }
    }

    @Nested
    @DisplayName("transactions")
    class Transactions {
        @Test
        void readsSeeTheTransactionsOwnWrites() {
            List<String> seen = tx(d -> {
                d.insert("member", doc("m1", "v1", "school", "A"));
                Doc m = d.get("member", "m1").orElseThrow();
                d.replace("member", m.next(Map.of("school", "A"), "v2"), 1);
                List<String> out = new ArrayList<>();
                out.add(d.get("member", "m1").orElseThrow().body());
                out.add(d.range("member", "school", "A", "B", 5).get(0).body());
                return out;
            });
            assertThat(seen).containsExactly("v2", "v2");
        }

        @Test
        void aFailedTransaction_leavesNothingBehind_andRethrowsUnchanged() {
            tx(d -> {
                d.insert("member", doc("keep", "v1", "school", "A"));
                d.insert("member", doc("gone", "v1"));
                return null;
            });
            IllegalStateException boom = new IllegalStateException("boom");
            assertThatThrownBy(() -> tx(d -> {
                d.insert("member", doc("new", "v1", "school", "A"));
                Doc keep = d.get("member", "keep").orElseThrow();
                d.replace("member", keep.next(Map.of("school", "B"), "v2"), 1);
                d.delete("member", "gone");
                throw boom;
            })).isSameAs(boom);
            assertThat(find("member", "new")).isEmpty();
            assertThat(find("member", "keep").orElseThrow().body()).isEqualTo("v1");
            assertThat(find("member", "gone")).isPresent();
            assertThat(keys(list("member", "school", "", "~", 10))).containsExactly("keep");
        }

        @Test
        void concurrentCompareAndSet_losesNoIncrement() throws Exception {
            tx(d -> {
                d.insert("counter", doc("c", "0"));
                return null;
            });
            int threads = 8;
            int perThread = 25;
            AtomicInteger conflicts = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int n = 0; n < perThread; n++) {
                        while (true) {
                            try {
                                tx(d -> {
                                    Doc c = d.get("counter", "c").orElseThrow();
                                    d.replace("counter", c.next(Map.of(), String.valueOf(Integer.parseInt(c.body()) + 1)),
                                            c.version());
                                    return null;
                                });
                                break;
                            } catch (VersionConflictException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            Doc c = find("counter", "c").orElseThrow();
            assertThat(c.body()).isEqualTo(String.valueOf(threads * perThread));
            assertThat(c.version()).isEqualTo(threads * perThread + 1L);
        }

        @Test
        void concurrentInserts_ofOneKey_exactlyOneWins() throws Exception {
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    go.await();
                    try {
                        tx(d -> {
                            d.insert("claim", doc("only", "by " + n));
                            return null;
                        });
                        return true;
                    } catch (DuplicateException e) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int wins = 0;
            for (Future<Boolean> f : done) {
                wins += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertThat(wins).isEqualTo(1);
        }
    }
}
