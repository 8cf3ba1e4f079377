package fr.sharenum.postgis;

// core's exhaustive reference engine (MatchingEngines.reference() returns it; its package fr.sharenum is not
// visible from this module's test sources, whose folder fr/sharenum/ the compiler takes for that package)
import fr.sharenum.core.internal.ReferenceMatchingEngine;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.QualifiedQuery;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: on any dataset — schools clustered in cities, the poles, both sides of ±180°, overseas, and
 * positions with every bit of their doubles set — the PostGIS engine returns exactly the reference
 * engine's hits: same members, same distances to the last bit, same order, after bulk or one-by-one
 * loading and after churn. One engine (schema) for the class, emptied before each try.
 */
@AddLifecycleHook(PostgisTesting.Required.class)
class PostgisEnginePropertiesTest {

    private static final List<ToolId> TOOLS = List.of(ToolId.of("geogebra"), ToolId.of("scratch"), ToolId.of("rare"));
    private static final List<Theme> THEMES = List.of(Theme.of("evaluation"), Theme.of("inclusion"));

    /** Where ShareNum operates and the awkward places of the sphere. */
    private static final List<GeoPoint> ANCHORS = List.of(
            GeoPoint.of(47.32, 5.04), GeoPoint.of(48.86, 2.35), GeoPoint.of(43.60, 1.44), GeoPoint.of(42.0, 9.0),
            GeoPoint.of(-21.11, 55.54), GeoPoint.of(-12.78, 45.23), GeoPoint.of(16.27, -61.55), GeoPoint.of(14.62, -61.06),
            GeoPoint.of(4.92, -52.31), GeoPoint.of(-22.28, 166.46), GeoPoint.of(-17.55, -149.56),
            GeoPoint.of(-14.29, -178.15), GeoPoint.of(-13.28, -176.17), GeoPoint.of(-14.3, 179.99), GeoPoint.of(0, 180),
            GeoPoint.of(0, -180), GeoPoint.of(89.99, 0), GeoPoint.of(-90, 0), GeoPoint.of(90, 45));

    private static PostgisMatchingEngine engine;

    record Site(Uai uai, GeoPoint at, int members) {
    }

    @BeforeContainer
    static void createEngine() {
        engine = PostgisTesting.newEngine("prop");
    }

    @AfterContainer
    static void forget() {
        engine = null;
    }

    @Provide
    Arbitrary<GeoPoint> points() {
        // 13 decimals: doubles with nearly every bit of their mantissa set, which must reach the database and come
        // back bit for bit
        Arbitrary<GeoPoint> anywhere = Combinators.combine(Arbitraries.doubles().between(-90, 90).ofScale(13),
                Arbitraries.doubles().between(-180, 180).ofScale(13)).as(GeoPoint::of);
        Arbitrary<GeoPoint> nearAnchor = Combinators.combine(Arbitraries.of(ANCHORS),
                Arbitraries.doubles().between(-0.6, 0.6).ofScale(15), Arbitraries.doubles().between(-0.6, 0.6).ofScale(15))
                .as((a, dLat, dLon) -> GeoPoint.of(clampLat(a.latitude() + dLat), wrapLon(a.longitude() + dLon)));
        return Arbitraries.frequencyOf(Tuple.of(1, anywhere), Tuple.of(4, nearAnchor), Tuple.of(1, Arbitraries.of(ANCHORS)));
    }

    @Provide
    Arbitrary<List<Site>> sites() {
        Arbitrary<Site> site = Combinators.combine(Arbitraries.integers().between(0, 9_999_999), points(),
                Arbitraries.integers().between(1, 30)).as((n, p, m) -> new Site(uai(n), p, m));
        return site.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<Double> radii() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(0.001, 60).ofScale(12)),
                Tuple.of(2, Arbitraries.doubles().between(60, 3000).ofScale(10)),
                Tuple.of(1, Arbitraries.of(241.0, 10_000.0, 20_000.0, 20_015.09, 25_000.0)));
    }

    private static Uai uai(int n) {
        String seven = String.format("%07d", n);
        return Uai.of(seven + Uai.checkLetter(seven));
    }

    private static double clampLat(double lat) {
        return Math.max(-90, Math.min(90, lat));
    }

    private static double wrapLon(double lon) {
        return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
    }

    private static List<MatchCandidate> candidates(List<Site> sites, long seed) {
        Random r = new Random(seed);
        List<MatchCandidate> out = new ArrayList<>();
        int id = 0;
        for (Site s : sites) {
            for (int i = 0; i < s.members(); i++) {
                Map<ToolId, CompetenceLevel> levels = new HashMap<>();
                for (ToolId t : TOOLS) {
                    if (r.nextInt(t.value().equals("rare") ? 20 : 2) == 0) {
                        levels.put(t, CompetenceLevel.values()[r.nextInt(3)]);
                    }
                }
                Set<ToolId> follows = r.nextInt(3) == 0 ? Set.of(TOOLS.get(r.nextInt(3))) : Set.of();
                Set<Theme> themes = r.nextInt(3) == 0 ? Set.of(THEMES.get(r.nextInt(2))) : Set.of();
                out.add(new MatchCandidate(MemberId.of("m" + (id++)), s.uai(), s.at(), levels, follows, themes));
            }
        }
        return out;
    }

    /** The class's engine, emptied, loaded with {@code all} in bulk or one by one; and a reference engine. */
    private static MatchingEngine[] load(List<MatchCandidate> all, boolean bulk) {
        PostgisTesting.truncate(engine);
        if (bulk) {
            engine.upsertAll(all);
        } else {
            all.forEach(engine::upsert);
        }
        MatchingEngine reference = new ReferenceMatchingEngine();
        reference.upsertAll(all);
        return new MatchingEngine[] {engine, reference};
    }

    @Property(tries = 120)
    void qualified_hits_equal_the_reference_engine(@ForAll("sites") List<Site> sites, @ForAll("points") GeoPoint centre,
                                              @ForAll("radii") double radius, @ForAll @IntRange(min = 0, max = 2) int tool,
                                              @ForAll CompetenceLevel min, @ForAll @IntRange(min = 1, max = 40) int limit,
                                              @ForAll boolean bulk, @ForAll boolean excludeFirst) {
        List<MatchCandidate> all = candidates(sites, sites.size() * 31L + limit);
        MatchingEngine[] engines = load(all, bulk);
        Set<MemberId> excluded = excludeFirst ? Set.of(all.get(0).member()) : Set.of();
        for (QualifiedQuery q : List.of(
                new QualifiedQuery(centre, radius, TOOLS.get(tool), min, excluded, Integer.MAX_VALUE),
                new QualifiedQuery(centre, radius, TOOLS.get(tool), min, excluded, limit),
                new QualifiedQuery(centre, Double.POSITIVE_INFINITY, TOOLS.get(tool), min, excluded, limit))) {
            assertThat(engines[0].qualified(q)).as("%s", q).isEqualTo(engines[1].qualified(q));
        }
        assertThat(engines[0].size()).isEqualTo(all.size());
    }

    @Property(tries = 80)
    void followers_equal_the_reference_engine(@ForAll("sites") List<Site> sites, @ForAll("points") GeoPoint centre,
                                          @ForAll("radii") double radius, @ForAll @IntRange(min = 0, max = 2) int tool,
                                          @ForAll @IntRange(min = 0, max = 2) int theme) {
        List<MatchCandidate> all = candidates(sites, sites.size() * 17L + tool);
        MatchingEngine[] engines = load(all, true);
        FollowersQuery q = new FollowersQuery(centre, Math.min(radius, 25_000), Set.of(TOOLS.get(tool)),
                theme < 2 ? Set.of(THEMES.get(theme)) : Set.of(), Set.of(all.get(0).member()));
        assertThat(engines[0].followers(q)).isEqualTo(engines[1].followers(q));
    }

    /** A site exactly at the radius is found, with the reference distance; at the next double below it is not. */
    @Property(tries = 150)
    void the_boundary_is_decided_exactly(@ForAll("points") GeoPoint centre, @ForAll("points") GeoPoint at) {
        MatchCandidate c = new MatchCandidate(MemberId.of("edge"), uai(1), at, Map.of(TOOLS.get(0), CompetenceLevel.EXPERIENCED),
                Set.of(TOOLS.get(0)), Set.of());
        load(List.of(c), false);
        double d = centre.distanceKm(at);
        if (d > 0) {
            List<Match> hits = engine.qualified(QualifiedQuery.within(centre, d, TOOLS.get(0), CompetenceLevel.NOVICE));
            assertThat(hits).extracting(Match::distanceKm).containsExactly(d);
            assertThat(engine.followers(new FollowersQuery(centre, d, Set.of(TOOLS.get(0)), Set.of(), Set.of()))).hasSize(1);
            double below = Math.nextDown(d);
            if (below > 0) {
                assertThat(engine.qualified(QualifiedQuery.within(centre, below, TOOLS.get(0), CompetenceLevel.NOVICE))).isEmpty();
                assertThat(engine.followers(new FollowersQuery(centre, below, Set.of(TOOLS.get(0)), Set.of(), Set.of()))).isEmpty();
            }
        }
    }

    /** Churn (level changes, moves, leaves), one upsert at a time, keeps the two engines equal. */
    @Property(tries = 40)
    void updates_keep_the_engines_equal(@ForAll("sites") List<Site> sites, @ForAll("points") GeoPoint centre,
                                    @ForAll("radii") double radius, @ForAll @IntRange(min = 1, max = 150) int steps) {
        List<MatchCandidate> all = candidates(sites, steps);
        MatchingEngine[] engines = load(all, true);
        Random r = new Random(steps);
        for (int i = 0; i < steps; i++) {
            MatchCandidate victim = all.get(r.nextInt(all.size()));
            int op = r.nextInt(4);
            if (op == 0) {
                for (MatchingEngine e : engines) {
                    e.remove(victim.member());
                }
            } else {
                Site to = op == 1 ? sites.get(r.nextInt(sites.size())) : null;
                Map<ToolId, CompetenceLevel> levels = new HashMap<>(victim.levels());
                levels.put(TOOLS.get(r.nextInt(3)), CompetenceLevel.values()[r.nextInt(3)]);
                MatchCandidate changed = new MatchCandidate(victim.member(), to == null ? victim.establishment() : to.uai(),
                        to == null ? victim.location() : to.at(), levels, victim.followedTools(),
                        r.nextBoolean() ? victim.followedThemes() : Set.of(THEMES.get(r.nextInt(2))));
                for (MatchingEngine e : engines) {
                    e.upsert(changed);
                }
            }
        }
        for (ToolId t : TOOLS) {
            QualifiedQuery q = QualifiedQuery.within(centre, radius, t, CompetenceLevel.INTERMEDIATE);
            assertThat(engines[0].qualified(q)).isEqualTo(engines[1].qualified(q));
        }
        FollowersQuery f = new FollowersQuery(centre, Math.min(radius, 25_000), Set.copyOf(TOOLS), Set.copyOf(THEMES), Set.of());
        assertThat(engines[0].followers(f)).isEqualTo(engines[1].followers(f));
        assertThat(engines[0].size()).isEqualTo(engines[1].size());
    }
}
