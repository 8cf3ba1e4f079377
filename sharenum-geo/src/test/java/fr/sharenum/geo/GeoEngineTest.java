package fr.sharenum.geo;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.QualifiedQuery;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GeoEngineTest {

    private static final ToolId GEOGEBRA = ToolId.of("geogebra");
    private static final GeoPoint DIJON = GeoPoint.of(47.3220, 5.0415);

    private static Uai uai(int n) {
        String seven = String.format("021%04d", n);
        return Uai.of(seven + Uai.checkLetter(seven));
    }

    @Test
    void membership_changes_at_a_known_site_are_seen_at_once() {
        GeoMatchingEngine engine = GeoMatchingEngine.create();
        engine.upsert(new MatchCandidate(MemberId.of("a"), uai(1), GeoPoint.of(47.30, 5.00), Map.of(GEOGEBRA, CompetenceLevel.EXPERIENCED), Set.of(), Set.of()));
        QualifiedQuery q = QualifiedQuery.within(DIJON, 30, GEOGEBRA, CompetenceLevel.INTERMEDIATE);
        assertThat(engine.qualified(q)).hasSize(1);
        engine.upsert(new MatchCandidate(MemberId.of("b"), uai(1), GeoPoint.of(47.30, 5.00), Map.of(GEOGEBRA, CompetenceLevel.INTERMEDIATE), Set.of(), Set.of()));
        engine.upsert(new MatchCandidate(MemberId.of("a"), uai(1), GeoPoint.of(47.30, 5.00), Map.of(GEOGEBRA, CompetenceLevel.NOVICE), Set.of(), Set.of()));
        assertThat(engine.qualified(q)).extracting(m -> m.member().value()).containsExactly("b");
        // a new site is seen at once
        engine.upsert(new MatchCandidate(MemberId.of("c"), uai(2), GeoPoint.of(47.31, 5.01), Map.of(GEOGEBRA, CompetenceLevel.EXPERIENCED), Set.of(), Set.of()));
        assertThat(engine.qualified(q)).extracting(m -> m.member().value()).containsExactlyInAnyOrder("b", "c");
        // two establishments at one position share a site, each hit keeps its own establishment
        engine.upsert(new MatchCandidate(MemberId.of("d"), uai(3), GeoPoint.of(47.31, 5.01), Map.of(GEOGEBRA, CompetenceLevel.EXPERIENCED), Set.of(), Set.of()));
        assertThat(engine.siteCount()).isEqualTo(2);
        assertThat(engine.qualified(q)).extracting(m -> m.member().value(), Match::establishment)
                .contains(org.assertj.core.groups.Tuple.tuple("c", uai(2)), org.assertj.core.groups.Tuple.tuple("d", uai(3)));
    }

    @Test
    void a_bulk_load_over_thousands_of_sites_answers_as_members_added_one_by_one() {
        java.util.Random r = new java.util.Random(20261201);
        List<ToolId> tools = new java.util.ArrayList<>();
        for (int t = 0; t < 12; t++) {
            tools.add(ToolId.of("outil-" + t));
        }
        int sites = 4_000;
        GeoPoint[] where = new GeoPoint[sites];
        for (int s = 0; s < sites; s++) {
            where[s] = GeoPoint.of(DIJON.latitude() + (r.nextDouble() - 0.5) * 3, DIJON.longitude() + (r.nextDouble() - 0.5) * 4);
        }
        List<MatchCandidate> all = new java.util.ArrayList<>();
        for (int i = 0; i < 16_000; i++) {
            int s = r.nextInt(sites);
            Map<ToolId, CompetenceLevel> levels = new java.util.HashMap<>();
            for (ToolId t : tools) {
                if (r.nextInt(3) == 0) {
                    levels.put(t, CompetenceLevel.values()[r.nextInt(3)]);
                }
            }
            Set<ToolId> follows = r.nextInt(4) == 0 ? Set.of(tools.get(r.nextInt(tools.size()))) : Set.of();
            // a few members come twice: the last one wins
            String id = "m" + (r.nextInt(50) == 0 && i > 0 ? r.nextInt(i) : i);
            all.add(new MatchCandidate(MemberId.of(id), uai(s % 10_000), where[s], levels, follows, Set.of()));
        }
        GeoMatchingEngine bulk = GeoMatchingEngine.create();
        bulk.upsertAll(all);
        GeoMatchingEngine oneByOne = GeoMatchingEngine.create();
        all.forEach(oneByOne::upsert);
        assertThat(bulk.size()).isEqualTo(oneByOne.size());
        for (int q = 0; q < 300; q++) {
            GeoPoint centre = where[r.nextInt(sites)];
            QualifiedQuery query = QualifiedQuery.within(centre, 5 + r.nextInt(150), tools.get(r.nextInt(tools.size())),
                    CompetenceLevel.values()[r.nextInt(3)]);
            assertThat(bulk.qualified(query)).isEqualTo(oneByOne.qualified(query));
        }
    }

    @Test
    void one_metre_beyond_the_radius_is_outside() {
        GeoMatchingEngine engine = GeoMatchingEngine.create();
        GeoPoint p = SphericalCapsTest.destination(DIJON.latitude(), DIJON.longitude(), 37, 30.001);
        engine.upsert(new MatchCandidate(MemberId.of("a"), uai(1), p, Map.of(GEOGEBRA, CompetenceLevel.EXPERIENCED), Set.of(), Set.of()));
        double d = DIJON.distanceKm(p);
        assertThat(d).isBetween(30.0005, 30.0015);
        assertThat(engine.qualified(QualifiedQuery.within(DIJON, 30, GEOGEBRA, CompetenceLevel.NOVICE))).isEmpty();
        assertThat(engine.qualified(QualifiedQuery.within(DIJON, d, GEOGEBRA, CompetenceLevel.NOVICE))).hasSize(1);
    }

    @Test
    void many_sites_added_one_by_one_stay_findable() {
        GeoMatchingEngine engine = GeoMatchingEngine.create();
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 5000; i++) {
            GeoPoint p = GeoPoint.of(46 + r.nextDouble() * 3, 3 + r.nextDouble() * 4);
            engine.upsert(new MatchCandidate(MemberId.of("m" + i), uai(i), p, Map.of(GEOGEBRA, CompetenceLevel.EXPERIENCED), Set.of(), Set.of()));
            if (i % 997 == 0) {
                List<Match> hits = engine.qualified(QualifiedQuery.within(p, 0.001, GEOGEBRA, CompetenceLevel.NOVICE));
                assertThat(hits).extracting(m -> m.member().value()).contains("m" + i);
            }
        }
        assertThat(engine.siteCount()).isEqualTo(5000);
        assertThat(engine.size()).isEqualTo(5000);
    }

    @Test
    void a_bulk_load_with_the_same_member_twice_keeps_the_last_one() {
        java.util.List<MatchCandidate> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            batch.add(new MatchCandidate(MemberId.of("m" + i), uai(i % 50), GeoPoint.of(47 + (i % 50) * 0.01, 5.0),
                    Map.of(GEOGEBRA, CompetenceLevel.INTERMEDIATE), Set.of(), Set.of()));
        }
        batch.add(new MatchCandidate(MemberId.of("m7"), uai(900), GeoPoint.of(45.0, 3.0),
                Map.of(GEOGEBRA, CompetenceLevel.EXPERIENCED), Set.of(), Set.of()));
        GeoMatchingEngine engine = GeoMatchingEngine.create();
        engine.upsertAll(batch);
        assertThat(engine.size()).isEqualTo(2000);
        assertThat(engine.qualified(QualifiedQuery.within(GeoPoint.of(45.0, 3.0), 1, GEOGEBRA, CompetenceLevel.NOVICE)))
                .extracting(m -> m.member().value(), Match::level).containsExactly(org.assertj.core.groups.Tuple.tuple("m7", CompetenceLevel.EXPERIENCED));
        assertThat(engine.qualified(QualifiedQuery.within(GeoPoint.of(47.07, 5.0), 0.5, GEOGEBRA, CompetenceLevel.NOVICE)))
                .extracting(m -> m.member().value()).doesNotContain("m7").hasSize(39);
    }
}
