package fr.sharenum.core.internal;

import fr.sharenum.Territory;
import fr.sharenum.core.internal.feed.LevelChangeFacts;
import fr.sharenum.core.internal.feed.MemberFacts;
import fr.sharenum.model.Academie;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loader a restart counts members with — by shards of establishments on every core, histories set aside — gives
 * exactly the indicators that counting the same members and level changes one by one gives.
 */
class IndicatorsLoaderTest {

    private static final List<Establishment> PLACES = List.of(
            new Establishment(Uai.of("0210015C"), "Lycée Carnot", EstablishmentType.LYCEE, Academie.DIJON, GeoPoint.of(47.32, 5.04)),
            new Establishment(Uai.of("0211928G"), "Collège", EstablishmentType.COLLEGE, Academie.DIJON, GeoPoint.of(47.30, 5.00)),
            new Establishment(uai(7_501_234), "École", EstablishmentType.ECOLE, Academie.PARIS, GeoPoint.of(48.85, 2.35)),
            new Establishment(uai(6_901_111), "Lycée", EstablishmentType.LYCEE, Academie.LYON, GeoPoint.of(45.76, 4.84)));
    private static final List<ToolId> TOOLS = List.of(ToolId.of("capytale"), ToolId.of("geogebra"), ToolId.of("pix"),
            ToolId.of("scratch"), ToolId.of("vittascience"));
    private static final Instant SEPTEMBER = Instant.parse("2026-09-01T08:00:00Z");

    /** A UAI from its seven digits, with its check letter. */
    private static Uai uai(int digits) {
        return Uai.of(String.format("%07d", digits) + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(digits % 23));
    }

    @Property(tries = 200)
    void counting_by_shards_gives_what_counting_one_by_one_gives(@ForAll long seed) {
        Random random = new Random(seed);
        Map<Uai, Establishment> where = new HashMap<>();
        PLACES.forEach(e -> where.put(e.uai(), e));
        int n = 1 + random.nextInt(120);
        List<MemberFacts> facts = new ArrayList<>();
        List<Instant> registered = new ArrayList<>();
        List<List<LevelChangeFacts>> changes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MemberId id = MemberId.of("m" + i);
            Uai at = PLACES.get(random.nextInt(PLACES.size())).uai();
            Map<ToolId, CompetenceLevel> levels = new HashMap<>();
            for (ToolId tool : TOOLS) {
                if (random.nextInt(3) == 0) {
                    levels.put(tool, CompetenceLevel.values()[random.nextInt(3)]);
                }
            }
            boolean pix = random.nextInt(4) == 0;
            facts.add(new MemberFacts(id, random.nextInt(5) != 0, at, levels, Set.of(TOOLS.get(random.nextInt(TOOLS.size()))),
                    Set.of(Theme.of("evaluation")), pix ? LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28)) : null,
                    pix ? random.nextInt(1000) : null));
            Instant since = SEPTEMBER.plus(random.nextInt(300), ChronoUnit.DAYS);
            registered.add(since);
            if (random.nextBoolean()) {
                changes.add(null);
            } else {
                List<LevelChangeFacts> kept = new ArrayList<>();
                Uai from = PLACES.get(random.nextInt(PLACES.size())).uai();
                for (int k = 0, changesOfMember = random.nextInt(4); k < changesOfMember; k++) {
                    ToolId tool = TOOLS.get(random.nextInt(TOOLS.size()));
                    CompetenceLevel before = random.nextBoolean() ? null : CompetenceLevel.values()[random.nextInt(3)];
                    CompetenceLevel after = before != null && random.nextBoolean() ? null : CompetenceLevel.values()[random.nextInt(3)];
                    Uai to = random.nextBoolean() ? from : at;
                    kept.add(new LevelChangeFacts(id, tool, before == null ? null : from, before, after == null ? null : to, after,
                            since.plus(k * 17L, ChronoUnit.DAYS)));
                }
                changes.add(kept);
            }
        }
        IndicatorsImpl oneByOne = new IndicatorsImpl(where::get);
        for (int i = 0; i < n; i++) {
            MemberFacts m = facts.get(i);
            oneByOne.member(null, m);
            if (changes.get(i) != null) {
                changes.get(i).forEach(oneByOne::level);
            } else if (m.active()) {
                for (Map.Entry<ToolId, CompetenceLevel> e : m.levels().entrySet()) {
                    oneByOne.level(new LevelChangeFacts(m.id(), e.getKey(), null, null, m.establishment(), e.getValue(),
                            registered.get(i)));
                }
            }
        }
        IndicatorsImpl loaded = new IndicatorsImpl(where::get);
        IndicatorsImpl.Loader loader = loaded.loader();
        int page = 1 + random.nextInt(n);
        for (int from = 0; from < n; from += page) {
            int to = Math.min(n, from + page);
            loader.add(facts.subList(from, to), registered.subList(from, to), changes.subList(from, to));
        }
        loader.finish();

        YearMonth first = YearMonth.of(2026, 1);
        YearMonth last = YearMonth.of(2027, 8);
        List<Territory> territories = new ArrayList<>(List.of(Territory.country(), Territory.of(Academie.DIJON)));
        PLACES.forEach(e -> territories.add(Territory.of(e.uai())));
        for (Territory territory : territories) {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(5)) {
                assertThat(loaded.report(territory, month, month.plusMonths(4))).usingRecursiveComparison()
                        .isEqualTo(oneByOne.report(territory, month, month.plusMonths(4)));
                assertThat(loaded.impact(territory, null, month, month.plusMonths(4))).usingRecursiveComparison()
                        .isEqualTo(oneByOne.impact(territory, null, month, month.plusMonths(4)));
            }
        }
    }

    private static MemberFacts experienced(String id, Uai at) {
        return new MemberFacts(MemberId.of(id), true, at, Map.of(TOOLS.get(0), CompetenceLevel.EXPERIENCED), Set.of(), Set.of());
    }

    private static int experiencedOnFirstTool(IndicatorsImpl indicators) {
        return indicators.report(Territory.country(), YearMonth.of(2026, 9), YearMonth.of(2026, 9))
                .membersByToolAndLevel().get(TOOLS.get(0))[CompetenceLevel.EXPERIENCED.ordinal()];
    }

    @Test
    void while_a_snapshot_loads_updates_wait_in_line_and_reports_wait_for_it() throws Exception {
        Map<Uai, Establishment> where = new HashMap<>();
        PLACES.forEach(e -> where.put(e.uai(), e));
        IndicatorsImpl indicators = new IndicatorsImpl(where::get);
        Uai carnot = PLACES.get(0).uai();
        IndicatorsImpl.Loader loader = indicators.loader();
        loader.add(List.of(experienced("a", carnot), experienced("b", carnot)), List.of(SEPTEMBER, SEPTEMBER),
                java.util.Arrays.asList(null, null));
        // the feed brings a change made after the snapshot: b leaves, c arrives
        indicators.member(experienced("b", carnot), null);
        indicators.member(null, experienced("c", carnot));
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> report = reader.submit(() -> experiencedOnFirstTool(indicators));
            Thread.sleep(200);
            assertThat(report).isNotDone();
            loader.finish();
            assertThat(report.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            reader.shutdownNow();
        }
        assertThat(experiencedOnFirstTool(indicators)).isEqualTo(2);
    }

    @Test
    void a_load_given_up_makes_reports_fail_until_the_next_load() {
        IndicatorsImpl indicators = new IndicatorsImpl(uai -> null);
        IndicatorsImpl.Loader loader = indicators.loader();
        assertThatThrownBy(indicators::loader).isInstanceOf(IllegalStateException.class);
        loader.fail(new IllegalStateException("the store went away"));
        assertThatThrownBy(() -> indicators.report(Territory.country(), YearMonth.of(2026, 9), YearMonth.of(2026, 9)))
                .isInstanceOf(IllegalStateException.class).hasRootCauseMessage("the store went away");
        IndicatorsImpl.Loader again = indicators.loader();
        again.finish();
        assertThat(indicators.report(Territory.country(), YearMonth.of(2026, 9), YearMonth.of(2026, 9))
                .membersByToolAndLevel()).isEmpty();
    }

    @Test
    void a_load_superseded_by_a_newer_one_keeps_reports_waiting_for_the_newer_one() throws Exception {
        Map<Uai, Establishment> where = new HashMap<>();
        PLACES.forEach(e -> where.put(e.uai(), e));
        IndicatorsImpl indicators = new IndicatorsImpl(where::get);
        Uai carnot = PLACES.get(0).uai();
        IndicatorsImpl.Loader older = indicators.loader();
        older.add(List.of(experienced("a", carnot)), List.of(SEPTEMBER), java.util.Arrays.asList((List<LevelChangeFacts>) null));
        indicators.member(null, experienced("b", carnot));      // waits in line for the older load
        IndicatorsImpl.Loader newer = indicators.newLoader();
        newer.add(List.of(experienced("a", carnot), experienced("b", carnot), experienced("c", carnot)),
                List.of(SEPTEMBER, SEPTEMBER, SEPTEMBER), java.util.Arrays.asList(null, null, null));
        older.supersede();
        java.util.concurrent.ExecutorService reader = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Integer> report = reader.submit(() -> experiencedOnFirstTool(indicators));
            Thread.sleep(200);
            assertThat(report).isNotDone();
            newer.begin();      // its snapshot holds b: the update that waited for the older load is dropped
            assertThatThrownBy(older::finish).isInstanceOf(IllegalStateException.class);
            newer.finish();
            assertThat(report.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void a_newer_load_that_fails_frees_reports_waiting_on_the_load_it_superseded() {
        IndicatorsImpl indicators = new IndicatorsImpl(uai -> null);
        IndicatorsImpl.Loader older = indicators.loader();
        IndicatorsImpl.Loader newer = indicators.newLoader();
        older.supersede();
        newer.fail(new IllegalStateException("the snapshot could not be read"));
        assertThatThrownBy(() -> indicators.report(Territory.country(), YearMonth.of(2026, 9), YearMonth.of(2026, 9)))
                .isInstanceOf(IllegalStateException.class).hasRootCauseMessage("the snapshot could not be read");
    }
}
