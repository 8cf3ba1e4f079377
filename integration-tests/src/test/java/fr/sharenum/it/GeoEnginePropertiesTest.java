package fr.sharenum.it;

import fr.sharenum.geo.GeoMatchingEngine;

import fr.sharenum.MatchingEngines;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchBuffer;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.QualifiedQuery;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: on any dataset — clustered schools, poles, both sides of the antimeridian, overseas —
 * the geo engine returns exactly the reference engine's hits, in the same order, with the same
 * distances, through the list and through the streaming form.
 */
class GeoEnginePropertiesTest {

    private static final List<ToolId> TOOLS = List.of(ToolId.of("geogebra"), ToolId.of("scratch"), ToolId.of("rare"));
    private static final List<Theme> THEMES = List.of(Theme.of("evaluation"), Theme.of("inclusion"));

    /** Centres where ShareNum operates and the awkward places of the sphere. */
    private static final List<GeoPoint> ANCHORS = List.of(
            GeoPoint.of(47.32, 5.04), GeoPoint.of(48.86, 2.35), GeoPoint.of(43.60, 1.44), GeoPoint.of(42.0, 9.0),
            GeoPoint.of(-21.11, 55.54), GeoPoint.of(-12.78, 45.23), GeoPoint.of(16.27, -61.55), GeoPoint.of(14.62, -61.06),
            GeoPoint.of(4.92, -52.31), GeoPoint.of(-22.28, 166.46), GeoPoint.of(-17.55, -149.56),
            GeoPoint.of(-14.29, -178.15), GeoPoint.of(-13.28, -176.17), GeoPoint.of(-14.3, 179.99), GeoPoint.of(0, 180),
            GeoPoint.of(0, -180), GeoPoint.of(89.99, 0), GeoPoint.of(-90, 0), GeoPoint.of(90, 45));

    record Site(Uai uai, GeoPoint at, int members) {
    }

    @Provide
    Arbitrary<GeoPoint> points() {
        Arbitrary<GeoPoint> anywhere = Combinators.combine(Arbitraries.doubles().between(-90, 90).ofScale(6),
                Arbitraries.doubles().between(-180, 180).ofScale(6)).as(GeoPoint::of);
        Arbitrary<GeoPoint> nearAnchor = Combinators.combine(Arbitraries.of(ANCHORS),
                Arbitraries.doubles().between(-0.6, 0.6).ofScale(6), Arbitraries.doubles().between(-0.6, 0.6).ofScale(6))
                .as((a, dLat, dLon) -> GeoPoint.of(clampLat(a.latitude() + dLat), wrapLon(a.longitude() + dLon)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, anywhere),
                net.jqwik.api.Tuple.of(4, nearAnchor),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(ANCHORS)));
    }

    @Provide
    Arbitrary<List<Site>> sites() {
        Arbitrary<Site> site = Combinators.combine(Arbitraries.integers().between(0, 9_999_999), points(),
                Arbitraries.integers().between(1, 30))
                .as((n, p, m) -> new Site(uai(n), p, m));
        return site.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<Double> radii() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.doubles().between(0.001, 60).ofScale(4)),
                net.jqwik.api.Tuple.of(2, Arbitraries.doubles().between(60, 3000).ofScale(3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(241.0, 20_000.0, 20_015.09, 25_000.0)));
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
        java.util.Random r = new java.util.Random(seed);
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

    private static void load(MatchingEngine engine, List<MatchCandidate> all, boolean bulk) {
        if (bulk) {
            engine.upsertAll(all);
        } else {
            all.forEach(engine::upsert);
        }
    }

    @Property(tries = 200)
    void qualified_hits_equal_the_reference_engine(@ForAll("sites") List<Site> sites, @ForAll("points") GeoPoint centre,
                                              @ForAll("radii") double radius, @ForAll @IntRange(min = 0, max = 2) int tool,
                                              @ForAll CompetenceLevel min, @ForAll @IntRange(min = 1, max = 40) int limit,
                                              @ForAll boolean bulk, @ForAll boolean excludeFirst) {
        List<MatchCandidate> all = candidates(sites, sites.size() * 31L + limit);
        MatchingEngine geo = GeoMatchingEngine.create();
        MatchingEngine reference = MatchingEngines.reference();
        load(geo, all, bulk);
        load(reference, all, true);
        Set<MemberId> excluded = excludeFirst ? Set.of(all.get(0).member()) : Set.of();
        for (QualifiedQuery q : List.of(
                new QualifiedQuery(centre, radius, TOOLS.get(tool), min, excluded, Integer.MAX_VALUE),
                new QualifiedQuery(centre, radius, TOOLS.get(tool), min, excluded, limit),
                new QualifiedQuery(centre, Double.POSITIVE_INFINITY, TOOLS.get(tool), min, excluded, limit))) {
            List<Match> expected = reference.qualified(q);
            assertThat(geo.qualified(q)).as("%s", q).isEqualTo(expected);
            MatchBuffer buffer = new MatchBuffer();
            assertThat(geo.qualified(q, buffer)).isEqualTo(expected.size());
            assertThat(buffer.toList()).as("streamed %s", q).isEqualTo(expected);
        }
    }

    @Property(tries = 150)
    void followers_equal_the_reference_engine(@ForAll("sites") List<Site> sites, @ForAll("points") GeoPoint centre,
                                          @ForAll("radii") double radius, @ForAll @IntRange(min = 0, max = 2) int tool,
                                          @ForAll @IntRange(min = 0, max = 2) int theme) {
        List<MatchCandidate> all = candidates(sites, sites.size() * 17L + tool);
        MatchingEngine geo = GeoMatchingEngine.create();
        MatchingEngine reference = MatchingEngines.reference();
        load(geo, all, true);
        load(reference, all, true);
        FollowersQuery q = new FollowersQuery(centre, Math.min(radius, 25_000), Set.of(TOOLS.get(tool)),
                theme < 2 ? Set.of(THEMES.get(theme)) : Set.of(), Set.of(all.get(0).member()));
        assertThat(geo.followers(q)).isEqualTo(reference.followers(q));
    }

    /** Churn (level changes, moves, leaves) keeps the two engines equal. */
    @Property(tries = 60)
    void updates_keep_the_engines_equal(@ForAll("sites") List<Site> sites, @ForAll("points") GeoPoint centre,
                                    @ForAll("radii") double radius, @ForAll @IntRange(min = 1, max = 400) int steps) {
        List<MatchCandidate> all = candidates(sites, steps);
        MatchingEngine geo = GeoMatchingEngine.create();
        MatchingEngine reference = MatchingEngines.reference();
        load(geo, all, true);
        load(reference, all, true);
        java.util.Random r = new java.util.Random(steps);
        for (int i = 0; i < steps; i++) {
            MatchCandidate victim = all.get(r.nextInt(all.size()));
            int op = r.nextInt(4);
            if (op == 0) {
                geo.remove(victim.member());
                reference.remove(victim.member());
            } else {
                Site to = op == 1 ? sites.get(r.nextInt(sites.size())) : null;
                Map<ToolId, CompetenceLevel> levels = new HashMap<>(victim.levels());
                levels.put(TOOLS.get(r.nextInt(3)), CompetenceLevel.values()[r.nextInt(3)]);
                MatchCandidate changed = new MatchCandidate(victim.member(), to == null ? victim.establishment() : to.uai(),
                        to == null ? victim.location() : to.at(), levels, victim.followedTools(), victim.followedThemes());
                geo.upsert(changed);
                reference.upsert(changed);
            }
        }
        for (ToolId t : TOOLS) {
            for (CompetenceLevel min : CompetenceLevel.values()) {
                QualifiedQuery q = QualifiedQuery.within(centre, radius, t, min);
                List<Match> expected = reference.qualified(q);
                assertThat(geo.qualified(q)).isEqualTo(expected);
                MatchBuffer buffer = new MatchBuffer();
                geo.qualified(q, buffer);
                assertThat(buffer.toList()).isEqualTo(expected);
            }
        }
        FollowersQuery f = new FollowersQuery(centre, Math.min(radius, 25_000), Set.of(TOOLS.get(steps % 3)),
                Set.of(THEMES.get(steps % 2)), Set.of());
        assertThat(geo.followers(f)).isEqualTo(reference.followers(f));
        assertThat(geo.size()).isEqualTo(reference.size());
    }
}
