package fr.sharenum.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.sharenum.model.Academie;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.Event;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.Match;
import fr.sharenum.tck.TckData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeoJsonTest {

    private static final Establishment CARNOT = new Establishment(Uai.of("0210015C"), "Lycée Carnot", EstablishmentType.LYCEE,
            Academie.DIJON, GeoPoint.of(47.32261234567, 5.04661234567), "21231");
    private static final Establishment FUTUNA = new Establishment(Uai.of(TckData.uai(986, 1).value()), "Collège de Futuna",
            EstablishmentType.COLLEGE, Academie.WALLIS_ET_FUTUNA, GeoPoint.of(-14.29, -178.15));

    private static JsonNode parse(ObjectNode node) throws Exception {
        return ShareNumModule.mapper().readTree(GeoJson.toString(node));
    }

    @Test
    void establishments_are_point_features_with_longitude_first() throws Exception {
        JsonNode fc = parse(GeoJson.establishments(List.of(CARNOT, FUTUNA)));

        assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(fc.has("crs")).isFalse();
        JsonNode carnot = fc.path("features").get(0);
        assertThat(carnot.path("type").asText()).isEqualTo("Feature");
        assertThat(carnot.path("id").asText()).isEqualTo("0210015C");
        assertThat(carnot.path("geometry").path("type").asText()).isEqualTo("Point");
        assertThat(carnot.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(5.046612);
        assertThat(carnot.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(47.322612);
        assertThat(carnot.path("properties").path("name").asText()).isEqualTo("Lycée Carnot");
        assertThat(carnot.path("properties").path("commune").asText()).isEqualTo("21231");
        JsonNode futuna = fc.path("features").get(1);
        assertThat(futuna.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(-178.15);
        assertThat(futuna.path("properties").has("commune")).isFalse();
    }

    @Test
    void matches_are_placed_at_their_establishment_with_rounded_distances_after_the_origin() throws Exception {
        List<Match> matches = List.of(new Match(MemberId.of("h1"), CARNOT.uai(), CompetenceLevel.EXPERIENCED, 3.14159),
                new Match(MemberId.of("h2"), FUTUNA.uai(), CompetenceLevel.INTERMEDIATE, 12.0));
        Map<Uai, Establishment> at = Map.of(CARNOT.uai(), CARNOT, FUTUNA.uai(), FUTUNA);

        JsonNode fc = parse(GeoJson.matches(GeoPoint.of(47.3, 5.0), matches, at::get));

        assertThat(fc.path("features")).hasSize(3);
        assertThat(fc.path("features").get(0).path("properties").path("kind").asText()).isEqualTo("origin");
        JsonNode first = fc.path("features").get(1);
        assertThat(first.path("properties").path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("properties").path("distanceKm").asDouble()).isEqualTo(3.1);
        assertThat(first.path("properties").path("level").asText()).isEqualTo("EXPERIENCED");
        assertThat(first.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(47.322612);
        assertThat(GeoJson.toString(GeoJson.matches(GeoPoint.of(47.3, 5.0), matches, at::get))).doesNotContain("@");
        assertThatThrownBy(() -> GeoJson.matches(GeoPoint.of(47.3, 5.0), matches, u -> null))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void events_carry_time_status_and_seats() throws Exception {
        Instant start = Instant.parse("2026-12-02T13:00:00Z");
        Event e = TckData.event("E1", MemberId.of("o"), start, Duration.ofHours(2));

        JsonNode f = parse(GeoJson.events(List.of(e))).path("features").get(0);

        assertThat(f.path("id").asText()).isEqualTo("E1");
        assertThat(f.path("properties").path("start").asText()).isEqualTo("2026-12-02T13:00:00Z");
        assertThat(f.path("properties").path("end").asText()).isEqualTo("2026-12-02T15:00:00Z");
        assertThat(f.path("properties").path("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(f.path("properties").path("status").asText()).isEqualTo("PLANNED");
        assertThat(f.path("properties").path("seatsLeft").asInt()).isEqualTo(10);
        assertThat(f.path("properties").path("tools").get(0).asText()).isEqualTo("geogebra");
        assertThat(f.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(5.0415);
    }
}
