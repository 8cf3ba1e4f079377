package fr.sharenum.postgis;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.QualifiedQuery;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several ShareNum instances on one database: each has its own engine on the same schema and applies
 * the same change feed. Writes that change nothing write nothing (the row versions, {@code xmin}, stay
 * the same), every instance sees every write at once, and concurrent instances converge.
 */
class SharedDatabaseTest {
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");
    private static final GeoPoint DIJON = GeoPoint.of(47.3220, 5.0415);

    private String schema;
    private PostgisMatchingEngine first;
    private PostgisMatchingEngine second;

    @BeforeAll
    static void postgis() {
        Assumptions.assumeTrue(PostgisTesting.missing().isEmpty(), () -> PostgisTesting.missing().orElse(""));
    }

    @BeforeEach
    void twoInstances() {
        schema = PostgisTesting.schema("shared");
        first = PostgisMatchingEngine.builder(PostgisTesting.dataSource()).schema(schema).build();
        second = PostgisMatchingEngine.builder(PostgisTesting.dataSource()).schema(schema).build();
    }

    private static Uai uai(int n) {
        String seven = String.format("021%04d", n);
        return Uai.of(seven + Uai.checkLetter(seven));
    }

    private static MatchCandidate member(int i, CompetenceLevel level) {
        GeoPoint at = GeoPoint.of(47.3 + (i % 10) * 0.01, 5.0 + (i % 7) * 0.01);
        return new MatchCandidate(MemberId.of("m" + i), uai(i % 10), at, Map.of(GEOGEBRA, level),
                Set.of(GEOGEBRA), Set.of(Theme.of("evaluation")));
    }

    /** {@code xmin} (the transaction that wrote the current version) of every row of the member and its skills and follows. */
    private Map<String, String> versions(MemberId member) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = PostgisTesting.dataSource().getConnection()) {
            for (String table : List.of("sn_match_member", "sn_match_skill", "sn_match_follow")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT xmin::text, ctid::text FROM " + schema + "." + table
                        + " WHERE member_id = ?")) {
                    ps.setString(1, member.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(table + " " + rs.getString(2), rs.getString(1));
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void an_upsert_that_changes_nothing_writes_nothing() throws Exception {
        MatchCandidate m = member(1, CompetenceLevel.EXPERIENCED);
        first.upsert(m);
        Map<String, String> written = versions(m.member());
        assertThat(written).hasSize(4);   // the member, one skill, two follows

        second.upsert(m);   // the other instance applies the same change
        first.upsert(new MatchCandidate(m.member(), m.establishment(), m.location(), new HashMap<>(m.levels()),
                Set.copyOf(m.followedTools()), Set.copyOf(m.followedThemes())));   // equal, built anew
        assertThat(versions(m.member())).isEqualTo(written);

        second.upsert(member(1, CompetenceLevel.NOVICE));
        Map<String, String> rewritten = versions(m.member());
        assertThat(rewritten).hasSize(4);
        assertThat(rewritten.values()).doesNotContainAnyElementsOf(written.values());
        assertThat(first.qualified(QualifiedQuery.within(DIJON, 30, GEOGEBRA, CompetenceLevel.NOVICE)))
                .extracting(Match::level).containsExactly(CompetenceLevel.NOVICE);
    }

    @Test
    void a_bulk_load_writes_only_the_members_that_differ() throws Exception {
        List<MatchCandidate> all = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {   // more than one chunk
            all.add(member(i, CompetenceLevel.values()[i % 3]));
        }
        first.upsertAll(all);
        Map<String, String> before0 = versions(MemberId.of("m0"));
        Map<String, String> before7 = versions(MemberId.of("m2100"));

        List<MatchCandidate> again = new ArrayList<>(all);
        again.set(2_100, member(2_100, CompetenceLevel.EXPERIENCED));   // was NOVICE
        second.upsertAll(again);   // another instance starting: loads every active member

        assertThat(versions(MemberId.of("m0"))).isEqualTo(before0);
        assertThat(versions(MemberId.of("m2100"))).isNotEqualTo(before7);
        assertThat(first.size()).isEqualTo(2_500);
        long experienced = again.stream().filter(c -> c.levels().get(GEOGEBRA) == CompetenceLevel.EXPERIENCED).count();
        assertThat(first.qualified(QualifiedQuery.within(DIJON, 50, GEOGEBRA, CompetenceLevel.EXPERIENCED)))
                .extracting(Match::member).contains(MemberId.of("m2100")).hasSize((int) experienced);
    }

    @Test
    void the_last_candidate_of_a_member_in_one_bulk_wins() {
        first.upsertAll(List.of(member(3, CompetenceLevel.NOVICE), member(4, CompetenceLevel.NOVICE),
                member(3, CompetenceLevel.EXPERIENCED)));
        assertThat(second.qualified(QualifiedQuery.within(DIJON, 50, GEOGEBRA, CompetenceLevel.EXPERIENCED)))
                .extracting(Match::member).containsExactly(MemberId.of("m3"));
        assertThat(second.size()).isEqualTo(2);
    }

    @Test
    void every_instance_sees_every_write_at_once() {
        first.upsert(member(5, CompetenceLevel.EXPERIENCED));
        assertThat(second.qualified(QualifiedQuery.within(DIJON, 50, GEOGEBRA, CompetenceLevel.NOVICE)))
                .extracting(Match::member).containsExactly(MemberId.of("m5"));
        assertThat(second.followers(new FollowersQuery(DIJON, 50, Set.of(), Set.of(Theme.of("evaluation")), Set.of())))
                .hasSize(1);
        second.remove(MemberId.of("m5"));
        assertThat(first.qualified(QualifiedQuery.within(DIJON, 50, GEOGEBRA, CompetenceLevel.NOVICE))).isEmpty();
        assertThat(first.followers(new FollowersQuery(DIJON, 50, Set.of(GEOGEBRA), Set.of(), Set.of()))).isEmpty();
        assertThat(first.size()).isZero();
        first.remove(MemberId.of("m5"));   // unknown by now: nothing happens
    }

    /** Two instances apply the same feed at the same time, one by one and in bulk: no error, one result. */
    @Test
    void instances_applying_the_same_feed_concurrently_converge() throws Exception {
        List<MatchCandidate> feed = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            feed.add(member(i % 150, CompetenceLevel.values()[(i / 150) % 3]));   // each member changes up to 3 times
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> instances = List.of(
                    () -> { feed.forEach(first::upsert); return null; },
                    () -> { feed.forEach(second::upsert); return null; },
                    () -> { first.upsertAll(feed.subList(0, 200)); first.upsertAll(feed.subList(200, 400)); return null; },
                    () -> { second.upsertAll(feed); return null; });
            for (Future<Void> f : pool.invokeAll(instances)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // the instances finished in any order (the last committed write of a member wins): the feed's last word,
        // applied once more as the next feed event would, leaves every member at its last candidate, once
        Map<MemberId, MatchCandidate> last = new HashMap<>();
        feed.forEach(c -> last.put(c.member(), c));
        first.upsertAll(last.values());
        assertThat(second.size()).isEqualTo(150);
        List<Match> all = second.qualified(QualifiedQuery.within(DIJON, 100, GEOGEBRA, CompetenceLevel.NOVICE));
        assertThat(all).hasSize(150);
        for (Match m : all) {
            assertThat(m.level()).isEqualTo(last.get(m.member()).levels().get(GEOGEBRA));
        }
        assertThat(second.followers(new FollowersQuery(DIJON, 100, Set.of(GEOGEBRA), Set.of(), Set.of()))).hasSize(150);
    }
}
