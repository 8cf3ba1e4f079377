package fr.sharenum.postgis;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.postgis.internal.Fingerprint;
import fr.sharenum.spi.MatchCandidate;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Equal candidates have one fingerprint whatever their maps' order; any difference changes it. */
class FingerprintTest {
    private static final ToolId A = ToolId.of("geogebra");
    private static final ToolId B = ToolId.of("scratch");
    private static final Theme T = Theme.of("evaluation");
    private static final Theme U = Theme.of("inclusion");
    private static final GeoPoint AT = GeoPoint.of(47.3220, 5.0415);

    private static MatchCandidate of(String id, String uai, GeoPoint at, Map<ToolId, CompetenceLevel> levels, Set<ToolId> tools,
                                     Set<Theme> themes) {
        return new MatchCandidate(MemberId.of(id), Uai.of(uai), at, levels, tools, themes);
    }

    @Test
    void equal_candidates_have_one_fingerprint() {
        Map<ToolId, CompetenceLevel> ab = new LinkedHashMap<>();
        ab.put(A, CompetenceLevel.NOVICE);
        ab.put(B, CompetenceLevel.EXPERIENCED);
        Map<ToolId, CompetenceLevel> ba = new LinkedHashMap<>();
        ba.put(B, CompetenceLevel.EXPERIENCED);
        ba.put(A, CompetenceLevel.NOVICE);
        MatchCandidate one = of("m", "0211136W", AT, ab, new LinkedHashSet<>(List.of(A, B)), new LinkedHashSet<>(List.of(T, U)));
        MatchCandidate two = of("m", "0211136W", GeoPoint.of(47.3220, 5.0415), ba, new LinkedHashSet<>(List.of(B, A)),
                new LinkedHashSet<>(List.of(U, T)));
        assertThat(Fingerprint.of(one)).hasSize(32).isEqualTo(Fingerprint.of(two));
    }

    @Test
    void every_difference_changes_it() {
        MatchCandidate base = of("m", "0211136W", AT, Map.of(A, CompetenceLevel.NOVICE), Set.of(A), Set.of(T));
        List<MatchCandidate> others = List.of(
                of("n", "0211136W", AT, Map.of(A, CompetenceLevel.NOVICE), Set.of(A), Set.of(T)),
                of("m", "0211928G", AT, Map.of(A, CompetenceLevel.NOVICE), Set.of(A), Set.of(T)),
                of("m", "0211136W", GeoPoint.of(Math.nextUp(AT.latitude()), AT.longitude()), Map.of(A, CompetenceLevel.NOVICE), Set.of(A), Set.of(T)),
                of("m", "0211136W", GeoPoint.of(AT.latitude(), Math.nextDown(AT.longitude())), Map.of(A, CompetenceLevel.NOVICE), Set.of(A), Set.of(T)),
                of("m", "0211136W", AT, Map.of(A, CompetenceLevel.INTERMEDIATE), Set.of(A), Set.of(T)),
                of("m", "0211136W", AT, Map.of(B, CompetenceLevel.NOVICE), Set.of(A), Set.of(T)),
                of("m", "0211136W", AT, Map.of(), Set.of(A), Set.of(T)),
                of("m", "0211136W", AT, Map.of(A, CompetenceLevel.NOVICE), Set.of(), Set.of(T)),
                of("m", "0211136W", AT, Map.of(A, CompetenceLevel.NOVICE), Set.of(A), Set.of()),
                of("m", "0211136W", AT, Map.of(A, CompetenceLevel.NOVICE), Set.of(A), Set.of(T, U)),
                // the same words in another field
                of("m", "0211136W", AT, Map.of(A, CompetenceLevel.NOVICE), Set.of(), Set.of(T, Theme.of("geogebra"))));
        for (MatchCandidate other : others) {
            assertThat(Fingerprint.of(other)).as("%s", other).isNotEqualTo(Fingerprint.of(base));
        }
    }
}
