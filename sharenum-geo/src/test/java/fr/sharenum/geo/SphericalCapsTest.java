package fr.sharenum.geo;

import fr.sharenum.model.GeoPoint;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SphericalCapsTest {

    /** The point at {@code distanceKm} from a start along a bearing (spherical destination formula). */
    static GeoPoint destination(double lat, double lon, double bearingDeg, double distanceKm) {
        double d = distanceKm / GeoPoint.EARTH_MEAN_RADIUS_KM;
        double phi1 = Math.toRadians(lat);
        double lambda1 = Math.toRadians(lon);
        double theta = Math.toRadians(bearingDeg);
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(d) + Math.cos(phi1) * Math.sin(d) * Math.cos(theta));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(d) * Math.cos(phi1),
                Math.cos(d) - Math.sin(phi1) * Math.sin(phi2));
        double lonDeg = Math.toDegrees(lambda2);
        lonDeg = ((lonDeg + 540) % 360) - 180;
        return GeoPoint.of(Math.max(-90, Math.min(90, Math.toDegrees(phi2))), lonDeg);
    }

    static boolean inside(double[][] boxes, GeoPoint p) {
        for (double[] b : boxes) {
            if (p.latitude() >= b[0] && p.latitude() <= b[1] && p.longitude() >= b[2] && p.longitude() <= b[3]) {
                return true;
            }
        }
        return false;
    }

    @Property(tries = 2000)
    void every_point_of_the_cap_is_inside_the_boxes(@ForAll @DoubleRange(min = -89.99, max = 89.99) @Scale(6) double lat,
                                           @ForAll @DoubleRange(min = -180, max = 180) @Scale(6) double lon,
                                           @ForAll @DoubleRange(min = 0.001, max = 5000) @Scale(4) double radius,
                                           @ForAll @DoubleRange(min = 0, max = 360) double bearing,
                                           @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double fraction) {
        double[][] boxes = SphericalCaps.boxes(lat, lon, radius);
        GeoPoint onCircle = destination(lat, lon, bearing, radius * fraction);
        assertThat(inside(boxes, onCircle)).as("point %s at %s km", onCircle, radius * fraction).isTrue();
    }

    @Test
    void the_naive_box_would_miss_the_tangent_point() {
        // at 70°N with 500 km, asin(sin(r/R)/cos(lat)) is wider than (r/R)/cos(lat)
        double lat = 70;
        double r = 500;
        double naive = Math.toDegrees(r / GeoPoint.EARTH_MEAN_RADIUS_KM) / Math.cos(Math.toRadians(lat));
        double[][] boxes = SphericalCaps.boxes(lat, 0, r);
        assertThat(boxes[0][3]).isGreaterThan(naive);
    }

    @Test
    void caps_crossing_the_antimeridian_split_in_two() {
        double[][] futuna = SphericalCaps.boxes(-14.29, -178.15, 241);
        assertThat(futuna).hasNumberOfRows(2);
        assertThat(inside(futuna, GeoPoint.of(-14.3, 179.9))).isTrue();
        assertThat(inside(futuna, GeoPoint.of(-13.28, -176.17))).isTrue();
        assertThat(inside(futuna, GeoPoint.of(-14.3, 170))).isFalse();
        assertThat(SphericalCaps.boxes(-14.3, 179.9, 50)).hasNumberOfRows(2);
        assertThat(SphericalCaps.boxes(47.3, 5.0, 30)).hasNumberOfRows(1);
    }

    @Test
    void caps_reaching_a_pole_span_every_longitude() {
        double[][] b = SphericalCaps.boxes(89.5, 0, 100);
        assertThat(b).hasNumberOfRows(1);
        assertThat(b[0][2]).isEqualTo(-180);
        assertThat(b[0][3]).isEqualTo(180);
        assertThat(b[0][1]).isEqualTo(90);
        assertThat(SphericalCaps.boxes(0, 0, 30_000)[0]).containsExactly(-90, 90, -180, 180);
    }
}
