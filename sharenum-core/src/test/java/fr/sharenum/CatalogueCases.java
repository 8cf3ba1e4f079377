package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Guide;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.spi.GuideQuery;
import fr.sharenum.spi.TrainingQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16, point 1: the trainings and guides catalogue by tool, theme, académie and date, page by page. Run on every
 * store by {@link CatalogueTest}: the host's catalogues in memory, the published trainings through the store's own
 * query ({@code TrainingStore.search}).
 */
abstract class CatalogueCases {
    static final ToolId CAPYTALE = ToolId.of("capytale");
    static final ToolId GEOGEBRA = ToolId.of("geogebra");
    static final Theme ORAL = Theme.of("oral");
    static final Theme EVALUATION = Theme.of("evaluation");
    static final Instant DAY = START.plus(Duration.ofDays(2));

    private final Stores kind;
    private final List<ShareNum> opened = new ArrayList<>();
    private Stores.Fresh fresh;

    CatalogueCases(Stores kind) {
        this.kind = kind;
    }

    @AfterEach
    void close() {
        opened.forEach(ShareNum::close);
    }

    /** A ShareNum on a fresh store of this run's kind with these catalogues, closed after the test. */
    Fixture fixture(List<Training> hostTrainings, List<Guide> guides) {
        fresh = kind.fresh();
        Fixture fx = new Fixture(b -> b.store(fresh.store()).trainings(hostTrainings).guides(guides));
        opened.add(fx.sharenum);
        return fx;
    }

    static Training training(String id, Academie a, Set<ToolId> tools, Set<Theme> themes, Instant start) {
        return new Training(id, "Session " + id, TrainingKind.TOOL_TESTING, a, tools, themes, start,
                start.plus(Duration.ofHours(2)), "Coopérative", null);
    }

    static Guide guide(String id, Academie a, LocalDate published, Set<ToolId> tools, Set<Theme> themes) {
        return new Guide(id, "Guide " + id, tools, themes, a, published, URI.create("https://example.org/" + id), null);
    }

    static List<String> ids(Page<?> p) {
        return p.items().stream().map(x -> x instanceof Training t ? t.id() : ((Guide) x).id()).toList();
    }

    @Test
    void trainings_filter_by_theme_academie_and_period_over_the_hosts_and_the_published_ones() {
        Fixture f = fixture(List.of(training("paf-oral", Academie.DIJON, Set.of(CAPYTALE), Set.of(ORAL), DAY.plus(Duration.ofHours(1))),
                training("paf-lyon", Academie.LYON, Set.of(CAPYTALE), Set.of(ORAL), DAY)), List.of());
        Member reader = f.active("Rita Lectrice", CARNOT);
        f.sharenum.trainings().publish(HOST, training("coop-eval", Academie.DIJON, Set.of(GEOGEBRA), Set.of(EVALUATION),
                DAY.plus(Duration.ofDays(1))));
        f.sharenum.trainings().publish(HOST, training("cned-oral", null, Set.of(CAPYTALE, GEOGEBRA), Set.of(ORAL, EVALUATION),
                DAY.plus(Duration.ofDays(2))));
        f.sharenum.trainings().publish(HOST, training("coop-late", Academie.DIJON, Set.of(CAPYTALE), Set.of(ORAL),
                DAY.plus(Duration.ofDays(40))));
        Instant to = START.plus(Duration.ofDays(30));
        Function<TrainingSearch.Builder, List<String>> search = b -> ids(f.sharenum.trainings().search(reader.id(), b.build(),
                PageRequest.first(50)));

        assertThat(search.apply(TrainingSearch.of(Academie.DIJON, START, to).themes(ORAL))).containsExactly("paf-oral", "cned-oral");
        assertThat(search.apply(TrainingSearch.of(Academie.DIJON, START, to).themes(EVALUATION).tools(GEOGEBRA)))
                .containsExactly("coop-eval", "cned-oral");
        assertThat(search.apply(TrainingSearch.of(Academie.DIJON, START, to).themes(ORAL).tools(GEOGEBRA))).containsExactly("cned-oral");
        assertThat(search.apply(TrainingSearch.of(Academie.LYON, START, to).themes(ORAL))).containsExactly("paf-lyon", "cned-oral");
        assertThat(search.apply(TrainingSearch.of(Academie.DIJON, START, to))).containsExactly("paf-oral", "coop-eval", "cned-oral");
        assertThat(search.apply(TrainingSearch.of(Academie.DIJON, START, START.plus(Duration.ofDays(60))).themes(ORAL)))
                .containsExactly("paf-oral", "cned-oral", "coop-late");
        assertThat(search.apply(TrainingSearch.of(Academie.DIJON, DAY.plus(Duration.ofDays(2)), to))).containsExactly("cned-oral");
        // the old form is the same list without a theme
        assertThat(ids(f.sharenum.trainings().search(reader.id(), Academie.DIJON, Set.of(GEOGEBRA), START, to, PageRequest.first(50))))
                .containsExactly("coop-eval", "cned-oral");
        assertThat(f.sharenum.trainings().search(reader.id(), TrainingSearch.of(Academie.DIJON, START, to).build(),
                PageRequest.first(50)).items()).filteredOn(t -> t.id().equals("cned-oral")).singleElement()
                .satisfies(t -> assertThat(t.themes()).containsExactlyInAnyOrder(ORAL, EVALUATION));
    }

    @Test
    void guides_filter_by_academie_date_tool_and_theme_newest_first_undated_last() {
        Fixture f = fixture(List.of(), List.of(
                guide("dijon-oral", Academie.DIJON, LocalDate.of(2026, 3, 1), Set.of(CAPYTALE), Set.of(ORAL)),
                guide("lyon-oral", Academie.LYON, LocalDate.of(2026, 5, 1), Set.of(CAPYTALE), Set.of(ORAL)),
                guide("national-eval", null, LocalDate.of(2026, 3, 1), Set.of(GEOGEBRA), Set.of(EVALUATION)),
                guide("national-old", null, LocalDate.of(2024, 9, 1), Set.of(), Set.of(ORAL)),
                new Guide("undated", "Sans date", Set.of(CAPYTALE), Set.of(), URI.create("https://example.org/u"), null)));
        Member reader = f.active("Rita Lectrice", CARNOT);
        Function<GuideSearch.Builder, List<String>> search = b -> ids(f.sharenum.trainings().searchGuides(reader.id(), b.build(),
                PageRequest.first(50)));

        assertThat(search.apply(GuideSearch.builder())).containsExactly("lyon-oral", "dijon-oral", "national-eval", "national-old",
                "undated");
        assertThat(search.apply(GuideSearch.builder().academie(Academie.DIJON))).containsExactly("dijon-oral", "national-eval",
                "national-old", "undated");
        assertThat(search.apply(GuideSearch.builder().themes(ORAL))).containsExactly("lyon-oral", "dijon-oral", "national-old");
        assertThat(search.apply(GuideSearch.builder().tools(CAPYTALE).themes(ORAL).academie(Academie.DIJON)))
                .containsExactly("dijon-oral");
        assertThat(search.apply(GuideSearch.builder().tools(CAPYTALE, GEOGEBRA))).containsExactly("lyon-oral", "dijon-oral",
                "national-eval", "undated");
        assertThat(search.apply(GuideSearch.builder().publishedBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 1))))
                .containsExactly("dijon-oral", "national-eval");
        assertThat(search.apply(GuideSearch.builder().publishedBetween(null, LocalDate.of(2026, 3, 2))))
                .containsExactly("dijon-oral", "national-eval", "national-old");
        assertThat(search.apply(GuideSearch.builder().publishedBetween(LocalDate.of(2026, 3, 1), null)))
                .containsExactly("lyon-oral", "dijon-oral", "national-eval");
        // the old relevance list is unchanged
        assertThat(f.sharenum.trainings().guides(reader.id(), Set.of(), Set.of(ORAL))).extracting(Guide::id)
                .containsExactlyInAnyOrder("dijon-oral", "lyon-oral", "national-old");
    }

    @Test
    void walking_every_page_gives_each_matching_item_once_in_order_whatever_the_page_size() {
        Random random = new Random(16);
        Academie[] academies = {Academie.DIJON, Academie.LYON, null};
        List<ToolId> tools = List.of(CAPYTALE, GEOGEBRA);
        List<Theme> themes = List.of(ORAL, EVALUATION);
        List<Training> host = new ArrayList<>();
        List<Training> published = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            // few distinct starts, so that many trainings start together and the id decides
            Training t = training((i % 2 == 0 ? "paf-" : "coop-") + i, academies[random.nextInt(3)], someOf(random, tools, 1),
                    someOf(random, themes, 0), START.plus(Duration.ofHours(12L * random.nextInt(12))));
            (i % 2 == 0 ? host : published).add(t);
        }
        List<Guide> guides = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalDate d = random.nextInt(6) == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(random.nextInt(8));
            guides.add(guide("g-" + i, academies[random.nextInt(3)], d, someOf(random, tools, 0), someOf(random, themes, 0)));
        }
        Fixture f = fixture(host, guides);
        published.forEach(t -> f.sharenum.trainings().publish(HOST, t));
        Member reader = f.active("Rita Lectrice", CARNOT);
        List<Training> all = new ArrayList<>(host);
        all.addAll(published);
        for (int round = 0; round < 12; round++) {
            Academie a = random.nextBoolean() ? Academie.DIJON : Academie.LYON;
            Instant from = START.plus(Duration.ofHours(12L * random.nextInt(4)));
            TrainingSearch ts = TrainingSearch.of(a, from, from.plus(Duration.ofDays(4))).tools(someOf(random, tools, 0))
                    .themes(someOf(random, themes, 0)).build();
            TrainingQuery naive = new TrainingQuery(a, ts.tools(), ts.themes(), ts.from(), ts.to(), null, null, 1_000, Set.of());
            int size = 1 + random.nextInt(7);
            List<String> walked = walk(c -> f.sharenum.trainings().search(reader.id(), ts, new PageRequest(c, size)));
            assertThat(walked).as("trainings " + ts + " by " + size).containsExactlyElementsOf(naive.select(all).stream()
                    .map(Training::id).toList());

            GuideSearch gs = GuideSearch.builder().tools(someOf(random, tools, 0)).themes(someOf(random, themes, 0))
                    .academie(academies[random.nextInt(3)]).publishedBetween(random.nextBoolean() ? null : LocalDate.of(2026, 1, 2),
                            random.nextBoolean() ? null : LocalDate.of(2026, 1, 7)).build();
            GuideQuery naiveGuides = new GuideQuery(gs.tools(), gs.themes(), gs.academie(), gs.from(), gs.to(), null, null, 1_000,
                    Set.of());
            List<String> walkedGuides = walk(c -> f.sharenum.trainings().searchGuides(reader.id(), gs, new PageRequest(c, size)));
            assertThat(walkedGuides).as("guides " + gs + " by " + size).containsExactlyElementsOf(naiveGuides.select(guides).stream()
                    .map(Guide::id).toList());
        }
    }

    static <T> Set<T> someOf(Random random, List<T> values, int least) {
        Set<T> out = new HashSet<>();
        for (T v : values) {
            if (random.nextBoolean()) {
                out.add(v);
            }
        }
        if (out.size() < least) {
            out.add(values.get(random.nextInt(values.size())));
        }
        return out;
    }

    /** Every page from the first until one has no next cursor; no page may be empty but the first. */
    static List<String> walk(Function<String, Page<?>> read) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int n = 0; n < 1_000; n++) {
            Page<?> p = read.apply(cursor);
            if (n > 0) {
                assertThat(p.items()).as("a page after a cursor").isNotEmpty();
            }
            seen.addAll(ids(p));
            if (p.next() == null) {
                return seen;
            }
            cursor = p.next();
        }
        throw new AssertionError("more than 1,000 pages");
    }

    @Test
    void invalid_periods_cursors_and_tools_are_refused_and_change_nothing() {
        Fixture f = fixture(List.of(training("paf-1", Academie.DIJON, Set.of(CAPYTALE), Set.of(ORAL), DAY),
                training("paf-2", Academie.DIJON, Set.of(CAPYTALE), Set.of(ORAL), DAY.plus(Duration.ofHours(1)))),
                List.of(guide("g1", null, LocalDate.of(2026, 1, 1), Set.of(CAPYTALE), Set.of()),
                        guide("g2", null, LocalDate.of(2026, 1, 2), Set.of(CAPYTALE), Set.of())));
        Member reader = f.active("Rita Lectrice", CARNOT);
        Trainings trainings = f.sharenum.trainings();
        String trainingCursor = trainings.search(reader.id(), TrainingSearch.of(Academie.DIJON, START, DAY.plus(Duration.ofDays(1)))
                .build(), PageRequest.first(1)).next();
        String guideCursor = trainings.searchGuides(reader.id(), GuideSearch.builder().build(), PageRequest.first(1)).next();
        assertThat(trainingCursor).isNotNull();
        assertThat(guideCursor).isNotNull();
        String before = fresh.everything().get();
        String eventsCursor = Base64.getUrlEncoder().withoutPadding().encodeToString("events:1.0|e-1".getBytes(StandardCharsets.UTF_8));
        String forgedGuides = Base64.getUrlEncoder().withoutPadding().encodeToString("guides:12.5|g1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> trainings.search(reader.id(), TrainingSearch.of(Academie.DIJON, DAY, START).build(),
                PageRequest.first(5))).isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> trainings.search(reader.id(), TrainingSearch.of(Academie.DIJON, START,
                START.plus(Duration.ofDays(401))).build(), PageRequest.first(5))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> trainings.search(reader.id(), TrainingSearch.of(Academie.DIJON, START, DAY.plus(Duration.ofDays(1)))
                .build(), PageRequest.after(eventsCursor, 5)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> trainings.search(reader.id(), TrainingSearch.of(Academie.DIJON, START, DAY.plus(Duration.ofDays(1)))
                .build(), PageRequest.after(guideCursor, 5)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> trainings.search(reader.id(), TrainingSearch.of(Academie.DIJON, START, DAY.plus(Duration.ofDays(1)))
                .tools(ToolId.of("inconnu")).build(), PageRequest.first(5))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> trainings.searchGuides(reader.id(), GuideSearch.builder()
                .publishedBetween(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)).build(), PageRequest.first(5)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> trainings.searchGuides(reader.id(), GuideSearch.builder()
                .publishedBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).build(), PageRequest.first(5)))
                .isInstanceOf(InvalidValueException.class);
        for (String foreign : List.of(trainingCursor, eventsCursor, forgedGuides, "pas-un-curseur")) {
            assertThatThrownBy(() -> trainings.searchGuides(reader.id(), GuideSearch.builder().build(), PageRequest.after(foreign, 5)))
                    .as(foreign).isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
        assertThatThrownBy(() -> trainings.searchGuides(reader.id(), GuideSearch.builder().tools(ToolId.of("inconnu")).build(),
                PageRequest.first(5))).isInstanceOf(NotFoundException.class);
        assertThat(fresh.everything().get()).isEqualTo(before);
        // and the cursors handed out still read on
        assertThat(ids(trainings.searchGuides(reader.id(), GuideSearch.builder().build(), PageRequest.after(guideCursor, 5))))
                .containsExactly("g1");
    }
}
