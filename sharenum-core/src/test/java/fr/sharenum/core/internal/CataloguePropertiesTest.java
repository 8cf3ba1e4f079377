package fr.sharenum.core.internal;

import fr.sharenum.ShareNum;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Guide;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.spi.GuideCatalog;
import fr.sharenum.spi.GuideQuery;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.TrainingCatalog;
import fr.sharenum.spi.TrainingQuery;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's pages, walked from the first to the last by keyset, give exactly what a naive filter of everything
 * gives, in order, without a repeat or a gap — for the in-memory catalogues (sorted per académie, binary search on
 * the key), the default {@code search} of a host's catalogue that only implements {@code find}, and the in-memory
 * store's published trainings.
 */
class CataloguePropertiesTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private static final List<ToolId> TOOLS = List.of(ToolId.of("capytale"), ToolId.of("geogebra"), ToolId.of("scratch"));
    private static final List<Theme> THEMES = List.of(Theme.of("oral"), Theme.of("evaluation"));
    private static final Academie[] ACADEMIES = {Academie.DIJON, Academie.LYON, null};

    record Case<T>(List<T> items, Academie academie, Set<ToolId> tools, Set<Theme> themes, int fromHour, int hours,
                   LocalDate fromDay, LocalDate toDay, int pageSize) {
    }

    private static Arbitrary<Academie> academie() {
        return Arbitraries.of(ACADEMIES);
    }

    private static <T> Arbitrary<Set<T>> subset(List<T> values, int least) {
        return Arbitraries.of(values).set().ofMinSize(least).ofMaxSize(values.size());
    }

    @Provide
    Arbitrary<Case<Training>> trainings() {
        Arbitrary<Training> training = Combinators.combine(academie(), subset(TOOLS, 1), subset(THEMES, 0),
                Arbitraries.integers().between(0, 30), Arbitraries.strings().withChars("abcdef").ofMinLength(1).ofMaxLength(4))
                .as((a, tools, themes, hour, id) -> new Training(id, "Session " + id, TrainingKind.TOOL_TESTING, a, tools, themes,
                        T0.plus(Duration.ofHours(hour)), T0.plus(Duration.ofHours(hour + 2L)), "Canopé", null));
        Arbitrary<List<Training>> list = training.list().ofMaxSize(60).uniqueElements(Training::id);
        return Combinators.combine(list, Arbitraries.of(Academie.DIJON, Academie.LYON), subset(TOOLS, 0), subset(THEMES, 0),
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(1, 30), Arbitraries.integers().between(1, 8))
                .as((items, a, tools, themes, from, hours, size) -> new Case<>(items, a, tools, themes, from, hours, null, null, size));
    }

    @Provide
    Arbitrary<Case<Guide>> guides() {
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 10).map(d -> LocalDate.of(2026, 1, 1).plusDays(d))
                .injectNull(0.2);
        // a guide about at least one tool, so that the default search (through find) can reach every one
        Arbitrary<Guide> guide = Combinators.combine(academie(), subset(TOOLS, 1), subset(THEMES, 0), date,
                Arbitraries.strings().withChars("abcdef").ofMinLength(1).ofMaxLength(4))
                .as((a, tools, themes, d, id) -> new Guide(id, "Guide " + id, tools, themes, a, d, URI.create("https://example.org/" + id),
                        null));
        Arbitrary<List<Guide>> list = guide.list().ofMaxSize(60).uniqueElements(Guide::id);
        Arbitrary<LocalDate> bound = Arbitraries.integers().between(0, 11).map(d -> LocalDate.of(2026, 1, 1).plusDays(d)).injectNull(0.5);
        return Combinators.combine(list, academie(), subset(TOOLS, 0), subset(THEMES, 0), bound, bound,
                Arbitraries.integers().between(1, 8))
                .as((items, a, tools, themes, from, to, size) -> new Case<>(items, a, tools, themes, 0, 0,
                        from != null && to != null && !to.isAfter(from) ? null : from, to, size));
    }

    /** Every page by keyset: each page asks for {@code size} after the last item of the previous one. */
    private static <T> List<T> walk(Function<List<T>, List<T>> nextAfter, int size) {
        List<T> all = new ArrayList<>();
        List<T> page = nextAfter.apply(null);
        while (true) {
            assertThat(page.size()).isLessThanOrEqualTo(size);
            all.addAll(page);
            if (page.size() < size) {
                return all;
            }
            page = nextAfter.apply(page);
        }
    }

    private static List<Training> walkTrainings(Function<TrainingQuery, List<Training>> search, TrainingQuery q, int size) {
        return walk(previous -> {
            if (previous == null) {
                return search.apply(q.limit(size));
            }
            Training last = previous.get(previous.size() - 1);
            return search.apply(q.limit(size).after(last.start(), last.id()));
        }, size);
    }

    @Property(tries = 300)
    void training_pages_walked_give_the_naive_answer(@ForAll("trainings") Case<Training> c) {
        Instant from = T0.plus(Duration.ofHours(c.fromHour()));
        TrainingQuery q = new TrainingQuery(c.academie(), c.tools(), c.themes(), from, from.plus(Duration.ofHours(c.hours())),
                null, null, 1_000, Set.copyOf(TOOLS));
        List<Training> expected = q.select(c.items());

        assertThat(walkTrainings(InMemoryCatalogs.trainings(c.items())::search, q, c.pageSize())).containsExactlyElementsOf(expected);
        TrainingCatalog findOnly = (academie, tools, f, t) -> c.items().stream()
                .filter(x -> (x.academie() == null || x.academie() == academie) && x.tools().stream().anyMatch(tools::contains)
                        && !x.start().isBefore(f) && x.start().isBefore(t)).toList();
        assertThat(walkTrainings(findOnly::search, q, c.pageSize())).containsExactlyElementsOf(expected);
        ShareNumStore store = ShareNum.inMemoryStore();
        store.inTransaction(t -> {
            c.items().forEach(x -> t.trainings().orElseThrow().insert(x));
            return null;
        });
        assertThat(walkTrainings(q2 -> store.inTransaction(t -> t.trainings().orElseThrow().search(q2)), q, c.pageSize()))
                .containsExactlyElementsOf(expected);
    }

    @Property(tries = 300)
    void guide_pages_walked_give_the_naive_answer(@ForAll("guides") Case<Guide> c) {
        GuideQuery q = new GuideQuery(c.tools(), c.themes(), c.academie(), c.fromDay(), c.toDay(), null, null, 1_000,
                Set.copyOf(TOOLS));
        List<Guide> expected = q.select(c.items());
        GuideCatalog findOnly = (tools, themes) -> c.items().stream()
                .filter(g -> g.tools().stream().anyMatch(tools::contains) || g.themes().stream().anyMatch(themes::contains)).toList();
        for (GuideCatalog catalog : List.of(InMemoryCatalogs.guides(c.items()), findOnly)) {
            List<Guide> walked = walk(previous -> {
                if (previous == null) {
                    return catalog.search(q.limit(c.pageSize()));
                }
                Guide last = previous.get(previous.size() - 1);
                return catalog.search(q.limit(c.pageSize()).after(last.published(), last.id()));
            }, c.pageSize());
            assertThat(walked).containsExactlyElementsOf(expected);
        }
    }
}
