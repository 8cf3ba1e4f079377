package fr.sharenum.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeoPointTest {

    @ParameterizedTest
    @CsvSource({"90.0001,0,latitude", "-90.5,0,latitude", "NaN,0,latitude", "0,180.01,longitude", "0,-181,longitude",
            "0,NaN,longitude", "Infinity,0,latitude"})
    void out_of_range_coordinates_are_refused(double lat, double lon, String field) {
        assertThatThrownBy(() -> GeoPoint.of(lat, lon)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field));
    }

    @Test
    void bounds_are_accepted() {
        assertThat(GeoPoint.of(90, 180).latitude()).isEqualTo(90);
        assertThat(GeoPoint.of(-90, -180).longitude()).isEqualTo(-180);
    }

    @Test
    void distances_are_great_circle_on_the_mean_sphere() {
        GeoPoint paris = GeoPoint.of(48.8566, 2.3522);
        GeoPoint lyon = GeoPoint.of(45.7640, 4.8357);
        assertThat(paris.distanceKm(lyon)).isCloseTo(391.5, within(1.0));
        assertThat(lyon.distanceKm(paris)).isEqualTo(paris.distanceKm(lyon));
        assertThat(paris.distanceKm(paris)).isZero();
        // a quarter of the meridian
        assertThat(GeoPoint.of(0, 0).distanceKm(GeoPoint.of(90, 0)))
                .isCloseTo(Math.PI / 2 * GeoPoint.EARTH_MEAN_RADIUS_KM, within(1e-6));
        // across the antimeridian: Futuna to Wallis is about 230 km, not 35,000
        assertThat(GeoPoint.of(-14.29, -178.15).distanceKm(GeoPoint.of(-13.28, -176.17))).isBetween(200.0, 260.0);
        assertThat(GeoPoint.of(0, 179.9).distanceKm(GeoPoint.of(0, -179.9))).isCloseTo(22.24, within(0.01));
    }
}
