package fr.sharenum.tck;

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
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static fr.sharenum.tck.TckData.uai;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract of {@link MatchingEngine}: every answer equals that of a brute-force scan (written here,
 * independently of any engine), boundary included, in the documented order; the streaming form
 * {@link MatchingEngine#qualified(QualifiedQuery, fr.sharenum.spi.MatchSink)} hands over exactly the
 * hits of the list form, in the same order, and stops when asked; updates are visible to later
 * queries; concurrent queries and updates are safe, through either form.
 *
 * <pre>{@code
 * class MyEngineTest extends MatchingEngineContract {
 *     @Override protected MatchingEngine newEngine() { return new MyEngine(); }
 * }
 * }</pre>
 */
public abstract class MatchingEngineContract {

    /**
     * A new, empty engine.
     *
     * @return a new, empty engine
     */
    protected abstract MatchingEngine newEngine();

    /** The tool {@code geogebra}. */
    protected static final ToolId GEOGEBRA = ToolId.of("geogebra");
    /** The tool {@code scratch}. */
    protected static final ToolId SCRATCH = ToolId.of("scratch");
    /** The tool {@code pronote}. */
    protected static final ToolId PRONOTE = ToolId.of("pronote");
    /** The tool {@code rare-tool}. */
    protected static final List<ToolId> TOOLS = List.of(GEOGEBRA, SCRATCH, PRONOTE, ToolId.of("rare-tool"));
    /** Themes the generated members follow. */
    protected static final List<Theme> THEMES = List.of(Theme.of("evaluation"), Theme.of("inclusion"), Theme.of("ia"));
    /** Dijon, the centre of the generated establishments. */
    protected static final GeoPoint DIJON = GeoPoint.of(47.3220, 5.0415);

    /** Where members cluster: mainland cities and villages, overseas, the antimeridian, the poles. */
    protected static final List<GeoPoint> CLUSTERS = List.of(
            DIJON, GeoPoint.of(48.8566, 2.3522), GeoPoint.of(47.0250, 4.8372), GeoPoint.of(46.55, 3.33),
            GeoPoint.of(43.6045, 1.4440), GeoPoint.of(41.9192, 8.7386),
            GeoPoint.of(-21.1151, 55.5364), GeoPoint.of(-12.7806, 45.2279), GeoPoint.of(16.2650, -61.5510),
            GeoPoint.of(14.6161, -61.0588), GeoPoint.of(4.9224, -52.3135), GeoPoint.of(-22.2758, 166.4580),
            GeoPoint.of(-17.5516, -149.5585), GeoPoint.of(-13.2825, -176.1745), GeoPoint.of(-14.2900, -178.1500),
            GeoPoint.of(-14.30, 179.95), GeoPoint.of(89.95, 10), GeoPoint.of(-89.9, -120));

    // ------------------------------------------------------------------ brute force, independent

    /**
     * The expected answer of a qualified query, by brute force.
     *
     * @param all every candidate
     * @param q the query
     * @return every match, in {@code Match.ORDER}
     */
    protected static List<Match> bruteQualified(Map<MemberId, MatchCandidate> all, QualifiedQuery q) {
        List<Match> hits = new ArrayList<>();
        for (MatchCandidate c : all.values()) {
            CompetenceLevel l = c.levels().get(q.tool());
            if (l == null || l.compareTo(q.minLevel()) < 0 || q.excluded().contains(c.member())) {
                continue;
            }
            double d = GeoPoint.haversineKm(q.center().latitude(), q.center().longitude(),
                    c.location().latitude(), c.location().longitude());
            if (d <= q.radiusKm()) {
                hits.add(new Match(c.member(), c.establishment(), l, d));
            }
        }
        hits.sort(Match.ORDER);
        return hits.size() > q.limit() ? hits.subList(0, q.limit()) : hits;
    }

    /**
     * The expected answer of a followers query, by brute force.
     *
     * @param all every candidate
     * @param q the query
     * @return every follower, nearest first
     */
    protected static List<Nearby> bruteFollowers(Map<MemberId, MatchCandidate> all, FollowersQuery q) {
        List<Nearby> hits = new ArrayList<>();
        for (MatchCandidate c : all.values()) {
            if (q.excluded().contains(c.member())
                    || (Collections.disjoint(c.followedTools(), q.tools()) && Collections.disjoint(c.followedThemes(), q.themes()))) {
                continue;
            }
            double d = GeoPoint.haversineKm(q.center().latitude(), q.center().longitude(),
                    c.location().latitude(), c.location().longitude());
            if (d <= q.radiusKm()) {
                hits.add(new Nearby(c.member(), c.establishment(), d));
            }
        }
        hits.sort(Nearby.ORDER);
        return hits;
    }

    // ------------------------------------------------------------------ data

    /**
     * A random point within about {@code spreadKm} of {@code centre}, clamped to valid coordinates.
     *
     * @param r the r
     * @param centre the centre
     * @param spreadKm the spread km
     * @return a random point within about {@code spreadKm} of {@code centre}, clamped to valid coordinates
     */
    protected static GeoPoint jitter(Random r, GeoPoint centre, double spreadKm) {
        double dLat = r.nextGaussian() * spreadKm / 111.2;
        double cos = Math.max(0.01, Math.cos(Math.toRadians(centre.latitude())));
        double dLon = r.nextGaussian() * spreadKm / (111.2 * cos);
        double lat = Math.max(-90, Math.min(90, centre.latitude() + dLat));
        double lon = centre.longitude() + dLon;
        while (lon > 180) {
            lon -= 360;
        }
        while (lon < -180) {
            lon += 360;
        }
        return GeoPoint.of(lat, lon);
    }

    /**
     * A random dataset: establishments around the clusters, several members at each.
     *
     * @param seed the seed
     * @param establishments the establishments
     * @param maxMembersEach the max members each
     * @return a random dataset: establishments around the clusters, several members at each
     */
    protected static Map<MemberId, MatchCandidate> dataset(long seed, int establishments, int maxMembersEach) {
        Random r = new Random(seed);
        Map<MemberId, MatchCandidate> all = new LinkedHashMap<>();
        int next = 0;
        for (int e = 0; e < establishments; e++) {
            GeoPoint centre = CLUSTERS.get(r.nextInt(CLUSTERS.size()));
            GeoPoint at = jitter(r, centre, r.nextBoolean() ? 3 : 60);
            Uai uai = uai(1 + r.nextInt(95), e);
            int members = 1 + r.nextInt(maxMembersEach);
            for (int m = 0; m < members; m++) {
                MemberId id = MemberId.of("m" + (next++));
                all.put(id, randomCandidate(r, id, uai, at));
            }
        }
        return all;
    }

    /**
     * A random candidate at {@code at}.
     *
     * @param r the random source
     * @param id the identifier
     * @param uai the establishment's UAI
     * @param at when
     * @return the candidate
     */
    protected static MatchCandidate randomCandidate(Random r, MemberId id, Uai uai, GeoPoint at) {
        Map<ToolId, CompetenceLevel> levels = new HashMap<>();
        for (ToolId t : TOOLS) {
            double p = t.value().equals("rare-tool") ? 0.03 : 0.4;
            if (r.nextDouble() < p) {
                levels.put(t, CompetenceLevel.values()[r.nextInt(3)]);
            }
        }
        Set<ToolId> followed = new HashSet<>();
        for (ToolId t : TOOLS) {
            if (r.nextDouble() < 0.2) {
                followed.add(t);
            }
        }
        Set<Theme> themes = new HashSet<>();
        for (Theme t : THEMES) {
            if (r.nextDouble() < 0.2) {
                themes.add(t);
            }
        }
        return new MatchCandidate(id, uai, at, levels, followed, themes);
    }

    /**
     * A new engine of the implementation under test, loaded with {@code all}.
     *
     * @param all every candidate
     * @return the engine
     */
    protected MatchingEngine loaded(Map<MemberId, MatchCandidate> all) {
        MatchingEngine engine = newEngine();
        engine.upsertAll(all.values());
        return engine;
    }

    private static MatchCandidate at(String id, Uai uai, GeoPoint p, CompetenceLevel geogebra) {
        return new MatchCandidate(MemberId.of(id), uai, p, geogebra == null ? Map.of() : Map.of(GEOGEBRA, geogebra),
                Set.of(), Set.of());
    }

    // ------------------------------------------------------------------ tests

    @Test
    void anEmptyEngineFindsNobody() {
        MatchingEngine engine = newEngine();
        assertThat(engine.size()).isZero();
        assertThat(engine.qualified(QualifiedQuery.within(DIJON, 100, GEOGEBRA, CompetenceLevel.NOVICE))).isEmpty();
        assertThat(engine.qualified(QualifiedQuery.nearest(DIJON, GEOGEBRA, CompetenceLevel.NOVICE, 3))).isEmpty();
        assertThat(engine.followers(new FollowersQuery(DIJON, 100, Set.of(GEOGEBRA), Set.of(), Set.of()))).isEmpty();
    }

    @Test
    void thePointExactlyOnTheRadiusIsInsideAndOneMetreBeyondIsNot() {
        GeoPoint beaune = GeoPoint.of(47.0250, 4.8372);
        MatchingEngine engine = newEngine();
        engine.upsert(at("beaune", uai(21, 1), beaune, CompetenceLevel.EXPERIENCED));
        double d = DIJON.distanceKm(beaune);
        assertThat(engine.qualified(QualifiedQuery.within(DIJON, d, GEOGEBRA, CompetenceLevel.NOVICE)))
                .extracting(Match::member).containsExactly(MemberId.of("beaune"));
        assertThat(engine.qualified(QualifiedQuery.within(DIJON, d - 0.001, GEOGEBRA, CompetenceLevel.NOVICE))).isEmpty();
        assertThat(engine.qualified(QualifiedQuery.within(DIJON, d, GEOGEBRA, CompetenceLevel.NOVICE)).get(0).distanceKm())
                .isEqualTo(d);
    }

    @Test
    void levelExclusionLimitAndOrderAreHonoured() {
        Uai school = uai(21, 2);
        GeoPoint p = GeoPoint.of(47.30, 5.00);
        MatchingEngine engine = newEngine();
        engine.upsert(at("c-novice", school, p, CompetenceLevel.NOVICE));
        engine.upsert(at("b-inter", school, p, CompetenceLevel.INTERMEDIATE));
        engine.upsert(at("a-inter", school, p, CompetenceLevel.INTERMEDIATE));
        engine.upsert(at("z-expert", school, p, CompetenceLevel.EXPERIENCED));
        engine.upsert(at("far-expert", uai(21, 3), GeoPoint.of(47.5, 5.3), CompetenceLevel.EXPERIENCED));
        engine.upsert(at("no-skill", school, p, null));

        List<Match> hits = engine.qualified(QualifiedQuery.within(DIJON, 50, GEOGEBRA, CompetenceLevel.INTERMEDIATE));
        assertThat(hits).extracting(m -> m.member().value())
                .containsExactly("z-expert", "a-inter", "b-inter", "far-expert");
        assertThat(hits.get(0).level()).isEqualTo(CompetenceLevel.EXPERIENCED);
        assertThat(hits.get(0).establishment()).isEqualTo(school);

        assertThat(engine.qualified(QualifiedQuery.within(DIJON, 50, GEOGEBRA, CompetenceLevel.INTERMEDIATE)
                .excluding(Set.of(MemberId.of("z-expert"))).limit(2)))
                .extracting(m -> m.member().value()).containsExactly("a-inter", "b-inter");
        assertThat(engine.qualified(QualifiedQuery.within(DIJON, 50, GEOGEBRA, CompetenceLevel.EXPERIENCED)))
                .extracting(m -> m.member().value()).containsExactly("z-expert", "far-expert");
    }

    @Test
    void nearestWhateverTheDistanceFindsFarAwayMembers() {
        MatchingEngine engine = newEngine();
        engine.upsert(at("lyon", uai(69, 1), GeoPoint.of(45.76, 4.84), CompetenceLevel.EXPERIENCED));
        engine.upsert(at("noumea", uai(988, 1), GeoPoint.of(-22.27, 166.45), CompetenceLevel.EXPERIENCED));
        engine.upsert(at("paris", uai(75, 1), GeoPoint.of(48.85, 2.35), CompetenceLevel.INTERMEDIATE));
        assertThat(engine.qualified(QualifiedQuery.within(DIJON, 10, GEOGEBRA, CompetenceLevel.INTERMEDIATE))).isEmpty();
        assertThat(engine.qualified(QualifiedQuery.nearest(DIJON, GEOGEBRA, CompetenceLevel.INTERMEDIATE, 2)))
                .extracting(m -> m.member().value()).containsExactly("lyon", "paris");
        assertThat(engine.qualified(QualifiedQuery.nearest(DIJON, GEOGEBRA, CompetenceLevel.EXPERIENCED, 5)))
                .extracting(m -> m.member().value()).containsExactly("lyon", "noumea");
    }

    @Test
    void theCapAcrossTheAntimeridianFindsBothSides() {
        GeoPoint futuna = GeoPoint.of(-14.29, -178.15);
        GeoPoint wallis = GeoPoint.of(-13.28, -176.17);
        GeoPoint eastOf180 = GeoPoint.of(-14.40, 179.90);
        GeoPoint westOf180 = GeoPoint.of(-14.40, -179.95);
        MatchingEngine engine = newEngine();
        engine.upsert(at("wallis", uai(986, 1), wallis, CompetenceLevel.EXPERIENCED));
        engine.upsert(at("east", uai(986, 2), eastOf180, CompetenceLevel.EXPERIENCED));
        engine.upsert(at("west", uai(986, 3), westOf180, CompetenceLevel.EXPERIENCED));
        double toWallis = futuna.distanceKm(wallis); // about 242 km
        List<Match> hits = engine.qualified(QualifiedQuery.within(futuna, toWallis, GEOGEBRA, CompetenceLevel.NOVICE));
        assertThat(hits).extracting(m -> m.member().value()).containsExactlyInAnyOrder("wallis", "east", "west");
        // from the other side of the line
        assertThat(engine.qualified(QualifiedQuery.within(eastOf180, 50, GEOGEBRA, CompetenceLevel.NOVICE)))
                .extracting(m -> m.member().value()).containsExactly("east", "west");
    }

    @Test
    void capsReachingAPoleCoverEveryLongitude() {
        MatchingEngine engine = newEngine();
        engine.upsert(at("near-pole-a", uai(1, 1), GeoPoint.of(89.5, -170), CompetenceLevel.EXPERIENCED));
        engine.upsert(at("near-pole-b", uai(1, 2), GeoPoint.of(89.5, 10), CompetenceLevel.EXPERIENCED));
        engine.upsert(at("pole", uai(1, 3), GeoPoint.of(90, 0), CompetenceLevel.EXPERIENCED));
        assertThat(engine.qualified(QualifiedQuery.within(GeoPoint.of(89.9, 100), 120, GEOGEBRA, CompetenceLevel.NOVICE)))
                .extracting(m -> m.member().value()).containsExactlyInAnyOrder("near-pole-a", "near-pole-b", "pole");
    }

    @Test
    void updatesAndRemovalsAreVisibleToLaterQueries() {
        MatchingEngine engine = newEngine();
        Uai here = uai(21, 4);
        Uai far = uai(69, 4);
        engine.upsert(at("m", here, DIJON, CompetenceLevel.NOVICE));
        QualifiedQuery q = QualifiedQuery.within(DIJON, 20, GEOGEBRA, CompetenceLevel.INTERMEDIATE);
        assertThat(engine.qualified(q)).isEmpty();
        engine.upsert(at("m", here, DIJON, CompetenceLevel.EXPERIENCED));
        assertThat(engine.qualified(q)).extracting(Match::level).containsExactly(CompetenceLevel.EXPERIENCED);
        assertThat(engine.size()).isEqualTo(1);
        engine.upsert(at("m", far, GeoPoint.of(45.76, 4.84), CompetenceLevel.EXPERIENCED));
        assertThat(engine.qualified(q)).isEmpty();
        assertThat(engine.qualified(QualifiedQuery.within(GeoPoint.of(45.76, 4.84), 1, GEOGEBRA, CompetenceLevel.NOVICE)))
                .extracting(Match::establishment).containsExactly(far);
        engine.remove(MemberId.of("m"));
        engine.remove(MemberId.of("unknown"));
        assertThat(engine.size()).isZero();
        assertThat(engine.qualified(QualifiedQuery.within(GeoPoint.of(45.76, 4.84), 1, GEOGEBRA, CompetenceLevel.NOVICE))).isEmpty();
    }

    @Test
    void replacingAllForgetsWhoIsLeftOutAndKeepsTheRest() {
        MatchingEngine engine = newEngine();
        Map<MemberId, MatchCandidate> before = dataset(17, 40, 5);
        engine.upsertAll(before.values());
        Map<MemberId, MatchCandidate> after = new LinkedHashMap<>();
        Random r = new Random(18);
        for (MatchCandidate c : before.values()) {
            if (r.nextInt(3) > 0) {
                after.put(c.member(), r.nextBoolean() ? c : randomCandidate(r, c.member(), c.establishment(), c.location()));
            }
        }
        after.putAll(dataset(19, 5, 3).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                e -> MemberId.of("new-" + e.getKey().value()),
                e -> randomCandidate(r, MemberId.of("new-" + e.getKey().value()), e.getValue().establishment(), e.getValue().location()))));
        engine.replaceAll(after.values());
        assertThat(engine.size()).isEqualTo(after.size());
        for (GeoPoint centre : CLUSTERS) {
            for (ToolId tool : TOOLS) {
                QualifiedQuery q = QualifiedQuery.within(centre, 150, tool, CompetenceLevel.NOVICE).limit(10_000);
                assertThat(engine.qualified(q)).isEqualTo(bruteQualified(after, q));
            }
        }
    }

    @Test
    void relocatingAnEstablishmentMovesExactlyItsMembers() {
        MatchingEngine engine = newEngine();
        Map<MemberId, MatchCandidate> all = dataset(23, 30, 6);
        engine.upsertAll(all.values());
        Uai moved = all.values().iterator().next().establishment();
        GeoPoint there = GeoPoint.of(45.1885, 5.7245);
        try {
            engine.relocate(moved, there);
        } catch (UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("this engine does not relocate (ShareNum rebuilds it instead)");
        }
        Map<MemberId, MatchCandidate> expected = new LinkedHashMap<>();
        all.forEach((id, c) -> expected.put(id, c.establishment().equals(moved)
                ? new MatchCandidate(id, moved, there, c.levels(), c.followedTools(), c.followedThemes()) : c));
        assertThat(engine.size()).isEqualTo(all.size());
        for (GeoPoint centre : List.of(there, all.get(all.keySet().iterator().next()).location(), DIJON)) {
            for (ToolId tool : TOOLS) {
                QualifiedQuery q = QualifiedQuery.within(centre, 120, tool, CompetenceLevel.NOVICE).limit(10_000);
                assertThat(engine.qualified(q)).isEqualTo(bruteQualified(expected, q));
            }
        }
    }

    @Test
    void followersAreFoundByToolOrThemeWithoutOrganisers() {
        MatchingEngine engine = newEngine();
        Theme eval = Theme.of("evaluation");
        engine.upsert(new MatchCandidate(MemberId.of("tool-fan"), uai(21, 5), DIJON, Map.of(), Set.of(GEOGEBRA), Set.of()));
        engine.upsert(new MatchCandidate(MemberId.of("theme-fan"), uai(21, 6), GeoPoint.of(47.2, 5.0), Map.of(), Set.of(), Set.of(eval)));
        engine.upsert(new MatchCandidate(MemberId.of("organiser"), uai(21, 5), DIJON, Map.of(), Set.of(GEOGEBRA), Set.of(eval)));
        engine.upsert(new MatchCandidate(MemberId.of("other"), uai(21, 5), DIJON, Map.of(GEOGEBRA, CompetenceLevel.EXPERIENCED), Set.of(SCRATCH), Set.of()));
        engine.upsert(new MatchCandidate(MemberId.of("far-fan"), uai(75, 5), GeoPoint.of(48.85, 2.35), Map.of(), Set.of(GEOGEBRA), Set.of()));
        List<Nearby> hits = engine.followers(new FollowersQuery(DIJON, 30, Set.of(GEOGEBRA), Set.of(eval),
                Set.of(MemberId.of("organiser"))));
        assertThat(hits).extracting(n -> n.member().value()).containsExactly("tool-fan", "theme-fan");
    }

    @Test
    void randomDatasetsAnswerExactlyLikeABruteForceScan() {
        for (long seed = 1; seed <= 6; seed++) {
            Map<MemberId, MatchCandidate> all = dataset(seed, 400, 12);
            MatchingEngine engine = loaded(all);
            assertThat(engine.size()).isEqualTo(all.size());
            Random r = new Random(seed * 31);
            double[] radii = {0.5, 5, 30, 100, 241, 800, 5000};
            List<MemberId> ids = new ArrayList<>(all.keySet());
            for (int i = 0; i < 150; i++) {
                GeoPoint centre = r.nextInt(4) == 0 ? GeoPoint.of(r.nextDouble() * 180 - 90, r.nextDouble() * 360 - 180)
                        : jitter(r, CLUSTERS.get(r.nextInt(CLUSTERS.size())), 20);
                ToolId tool = TOOLS.get(r.nextInt(TOOLS.size()));
                CompetenceLevel min = CompetenceLevel.values()[r.nextInt(3)];
                Set<MemberId> excluded = Set.of(ids.get(r.nextInt(ids.size())));
                int limit = r.nextBoolean() ? Integer.MAX_VALUE : 1 + r.nextInt(20);
                QualifiedQuery q = new QualifiedQuery(centre, radii[r.nextInt(radii.length)], tool, min, excluded, limit);
                assertThat(engine.qualified(q)).as("seed %d query %s", seed, q).isEqualTo(bruteQualified(all, q));
                QualifiedQuery nearest = new QualifiedQuery(centre, Double.POSITIVE_INFINITY, tool, min, excluded, 1 + r.nextInt(10));
                assertThat(engine.qualified(nearest)).as("seed %d query %s", seed, nearest).isEqualTo(bruteQualified(all, nearest));
                FollowersQuery f = new FollowersQuery(centre, radii[r.nextInt(radii.length)],
                        Set.of(TOOLS.get(r.nextInt(TOOLS.size()))), r.nextBoolean() ? Set.of(THEMES.get(r.nextInt(THEMES.size()))) : Set.of(),
                        excluded);
                assertThat(engine.followers(f)).as("seed %d query %s", seed, f).isEqualTo(bruteFollowers(all, f));
            }
        }
    }

    @Test
    void randomUpdatesKeepAnswersExact() {
        Map<MemberId, MatchCandidate> all = dataset(42, 300, 8);
        MatchingEngine engine = loaded(all);
        Random r = new Random(7);
        List<MemberId> ids = new ArrayList<>(all.keySet());
        List<MatchCandidate> snapshot = new ArrayList<>(all.values());
        for (int step = 0; step < 2000; step++) {
            MemberId id = ids.get(r.nextInt(ids.size()));
            int op = r.nextInt(10);
            if (op == 0) {
                engine.remove(id);
                all.remove(id);
            } else if (op == 1) {
                MatchCandidate elsewhere = snapshot.get(r.nextInt(snapshot.size()));
                MatchCandidate moved = randomCandidate(r, id, elsewhere.establishment(), elsewhere.location());
                engine.upsert(moved);
                all.put(id, moved);
            } else if (op == 2) {
                // a brand new establishment appears
                MatchCandidate fresh = randomCandidate(r, id, uai(97, 5000 + step),
                        jitter(r, CLUSTERS.get(r.nextInt(CLUSTERS.size())), 10));
                engine.upsert(fresh);
                all.put(id, fresh);
            } else {
                MatchCandidate old = all.get(id);
                MatchCandidate changed = old == null
                        ? randomCandidate(r, id, snapshot.get(0).establishment(), snapshot.get(0).location())
                        : randomCandidate(r, id, old.establishment(), old.location());
                engine.upsert(changed);
                all.put(id, changed);
            }
            if (step % 50 == 0) {
                GeoPoint centre = jitter(r, CLUSTERS.get(r.nextInt(CLUSTERS.size())), 20);
                QualifiedQuery q = QualifiedQuery.within(centre, 30 + r.nextInt(300), TOOLS.get(r.nextInt(TOOLS.size())),
                        CompetenceLevel.INTERMEDIATE);
                assertThat(engine.qualified(q)).isEqualTo(bruteQualified(all, q));
                assertThat(engine.size()).isEqualTo(all.size());
            }
        }
    }

    /**
     * The hits a sink receives, as records, checking the count the engine returns.
     *
     * @param engine the engine
     * @param q      the query
     * @return the hits, as records
     */
    protected static List<Match> streamed(MatchingEngine engine, QualifiedQuery q) {
        List<Match> out = new ArrayList<>();
        int delivered = engine.qualified(q, (member, establishment, level, km) ->
                out.add(new Match(member, establishment, level, km)));
        assertThat(delivered).as("hits reported for %s", q).isEqualTo(out.size());
        return out;
    }

    @Test
    void theStreamingFormHandsOverExactlyTheHitsOfTheList() {
        MatchBuffer buffer = new MatchBuffer(1);
        for (long seed = 11; seed <= 14; seed++) {
            Map<MemberId, MatchCandidate> all = dataset(seed, 300, 12);
            MatchingEngine engine = loaded(all);
            Random r = new Random(seed);
            double[] radii = {0.5, 5, 30, 100, 241, 5000};
            List<MemberId> ids = new ArrayList<>(all.keySet());
            for (int i = 0; i < 80; i++) {
                GeoPoint centre = jitter(r, CLUSTERS.get(r.nextInt(CLUSTERS.size())), 20);
                ToolId tool = TOOLS.get(r.nextInt(TOOLS.size()));
                CompetenceLevel min = CompetenceLevel.values()[r.nextInt(3)];
                Set<MemberId> excluded = r.nextBoolean() ? Set.of() : Set.of(ids.get(r.nextInt(ids.size())));
                int limit = r.nextBoolean() ? Integer.MAX_VALUE : 1 + r.nextInt(20);
                for (QualifiedQuery q : List.of(
                        new QualifiedQuery(centre, radii[r.nextInt(radii.length)], tool, min, excluded, limit),
                        new QualifiedQuery(centre, Double.POSITIVE_INFINITY, tool, min, excluded, 1 + r.nextInt(10)))) {
                    List<Match> list = engine.qualified(q);
                    assertThat(list).as("seed %d list %s", seed, q).isEqualTo(bruteQualified(all, q));
                    assertThat(streamed(engine, q)).as("seed %d sink %s", seed, q).isEqualTo(list);
                    assertThat(engine.qualified(q, buffer.clear())).isEqualTo(list.size());
                    assertThat(buffer.toList()).as("seed %d buffer %s", seed, q).isEqualTo(list);
                    assertThat(buffer.asList()).isEqualTo(list);
                    if (!list.isEmpty()) {
                        // a sink that answers false after k hits gets exactly the first k
                        int k = 1 + r.nextInt(list.size());
                        List<Match> firstK = new ArrayList<>();
                        int delivered = engine.qualified(q, (member, establishment, level, km) -> {
                            firstK.add(new Match(member, establishment, level, km));
                            return firstK.size() < k;
                        });
                        assertThat(delivered).isEqualTo(k);
                        assertThat(firstK).isEqualTo(list.subList(0, k));
                    }
                }
            }
        }
    }

    @Test
    void hitsAtExactlyTheSameDistanceAreOrderedByLevelThenMember() {
        // two establishments mirrored about the centre's meridian are exactly as far; a third shares a point
        GeoPoint centre = GeoPoint.of(45.0, 0.0);
        GeoPoint east = GeoPoint.of(45.1, 0.2);
        GeoPoint west = GeoPoint.of(45.1, -0.2);
        assertThat(centre.distanceKm(east)).isEqualTo(centre.distanceKm(west));
        MatchingEngine engine = newEngine();
        engine.upsert(at("b-east-inter", uai(33, 1), east, CompetenceLevel.INTERMEDIATE));
        engine.upsert(at("d-east-expert", uai(33, 1), east, CompetenceLevel.EXPERIENCED));
        engine.upsert(at("a-west-inter", uai(33, 2), west, CompetenceLevel.INTERMEDIATE));
        engine.upsert(at("c-west-expert", uai(33, 2), west, CompetenceLevel.EXPERIENCED));
        engine.upsert(at("e-same-point-expert", uai(33, 3), west, CompetenceLevel.EXPERIENCED));
        engine.upsert(at("f-west-novice", uai(33, 2), west, CompetenceLevel.NOVICE));
        QualifiedQuery q = QualifiedQuery.within(centre, 50, GEOGEBRA, CompetenceLevel.INTERMEDIATE);
        List<Match> hits = engine.qualified(q);
        assertThat(hits).extracting(m -> m.member().value())
                .containsExactly("c-west-expert", "d-east-expert", "e-same-point-expert", "a-west-inter", "b-east-inter");
        assertThat(hits).extracting(Match::establishment)
                .containsExactly(uai(33, 2), uai(33, 1), uai(33, 3), uai(33, 2), uai(33, 1));
        assertThat(streamed(engine, q)).isEqualTo(hits);
        assertThat(engine.qualified(q.limit(2))).isEqualTo(hits.subList(0, 2));
    }

    /**
     * Readers query while writers churn other members: no query throws, every hit is valid, and
     * members that stay qualified for the whole run are always found.
     */
    @Test
    void concurrentQueriesAndUpdatesAreSafe() throws Exception {
        stress(false);
    }

    /** The same stress, readers using the streaming form into a reused {@link MatchBuffer}. */
    @Test
    void concurrentStreamingQueriesAndUpdatesAreSafe() throws Exception {
        stress(true);
    }

    private void stress(boolean streaming) throws Exception {
        Map<MemberId, MatchCandidate> stable = dataset(99, 200, 5);
        MatchingEngine engine = loaded(stable);
        List<MatchCandidate> places = new ArrayList<>(stable.values());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong queries = new AtomicLong();
        AtomicLong updates = new AtomicLong();
        int writers = 2;
        int readers = 2;
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int seed = w;
            futures.add(pool.submit(() -> {
                Random r = new Random(seed);
                while (!stop.get()) {
                    MemberId id = MemberId.of("churn-" + seed + "-" + r.nextInt(300));
                    if (r.nextInt(5) == 0) {
                        engine.remove(id);
                    } else {
                        MatchCandidate place = places.get(r.nextInt(places.size()));
                        engine.upsert(randomCandidate(r, id, place.establishment(), place.location()));
                    }
                    updates.incrementAndGet();
                }
                return null;
            }));
        }
        for (int q = 0; q < readers; q++) {
            int seed = 100 + q;
            futures.add(pool.submit(() -> {
                Random r = new Random(seed);
                MatchBuffer buffer = new MatchBuffer();
                while (!stop.get()) {
                    GeoPoint centre = jitter(r, CLUSTERS.get(r.nextInt(CLUSTERS.size())), 10);
                    QualifiedQuery query = QualifiedQuery.within(centre, 1 + r.nextInt(400), TOOLS.get(r.nextInt(3)),
                            CompetenceLevel.INTERMEDIATE);
                    List<Match> hits;
                    if (streaming) {
                        int delivered = engine.qualified(query, buffer.clear());
                        assertThat(delivered).isEqualTo(buffer.size());
                        hits = buffer.asList();
                    } else {
                        hits = engine.qualified(query);
                    }
                    Set<MemberId> seen = new HashSet<>();
                    for (Match m : hits) {
                        assertThat(seen.add(m.member())).as("duplicate hit %s", m).isTrue();
                        assertThat(m.distanceKm()).isLessThanOrEqualTo(query.radiusKm());
                        assertThat(m.level()).isGreaterThanOrEqualTo(CompetenceLevel.INTERMEDIATE);
                    }
                    for (Match expected : bruteQualified(stable, query)) {
                        assertThat(seen).as("stable member missed by %s", query).contains(expected.member());
                    }
                    for (int i = 1; i < hits.size(); i++) {
                        assertThat(Match.ORDER.compare(hits.get(i - 1), hits.get(i))).isLessThan(0);
                    }
                    queries.incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(stressMillis());
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<?> f : futures) {
            f.get();
        }
        assertThat(queries.get()).isPositive();
        assertThat(updates.get()).isPositive();
    }

    /**
     * How long the concurrency stress runs; override to run longer.
     *
     * @return how long the concurrency stress runs; override to run longer
     */
    protected long stressMillis() {
        return 1500;
    }
}
