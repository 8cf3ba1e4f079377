package fr.sharenum.postgis;

import fr.sharenum.geo.SphericalCaps;
import fr.sharenum.postgis.internal.CapBoxes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy of the search boxes equals sharenum-geo's {@code SphericalCaps}, bit for bit, everywhere. */
class CapBoxesTest {

    @Provide
    Arbitrary<Double> radii() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(0.0001, 300).ofScale(9)),
                Tuple.of(1, Arbitraries.doubles().between(300, 25_000).ofScale(6)),
                Tuple.of(1, Arbitraries.of(20_015.08, 20_015.09, Double.POSITIVE_INFINITY, 241.0)));
    }

    @Property(tries = 3000)
    void same_boxes_as_spherical_caps(@ForAll @DoubleRange(min = -90, max = 90) double lat,
                                  @ForAll @DoubleRange(min = -180, max = 180) double lon, @ForAll("radii") double radius) {
        assertThat(CapBoxes.boxes(lat, lon, radius)).isDeepEqualTo(SphericalCaps.boxes(lat, lon, radius));
        assertThat(CapBoxes.MAX_DISTANCE_KM).isEqualTo(SphericalCaps.MAX_DISTANCE_KM);
    }

    @Property(tries = 200)
    void only_caps_over_the_whole_sphere_have_no_box(@ForAll @DoubleRange(min = -89, max = 89) double lat,
                                              @ForAll @DoubleRange(min = -180, max = 180) double lon) {
        assertThat(CapBoxes.isWholeSphere(CapBoxes.boxes(lat, lon, 30))).isFalse();
        assertThat(CapBoxes.isWholeSphere(CapBoxes.boxes(lat, lon, Double.POSITIVE_INFINITY))).isTrue();
        assertThat(CapBoxes.isWholeSphere(CapBoxes.boxes(lat, lon, 25_000))).isTrue();
        assertThat(CapBoxes.isWholeSphere(CapBoxes.boxes(89.99, lon, 100))).isFalse();   // a polar cap: latitudes bounded
    }
}
