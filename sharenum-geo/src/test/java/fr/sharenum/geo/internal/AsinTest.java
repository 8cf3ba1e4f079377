package fr.sharenum.geo.internal;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java port of fdlibm's asin gives the very bits of {@link StrictMath#asin}, on every branch. */
class AsinTest {

    private static void same(double x) {
        long expected = Double.doubleToRawLongBits(StrictMath.asin(x));
        long actual = Double.doubleToRawLongBits(Asin.asin(x));
        if (expected != actual && !(Double.isNaN(StrictMath.asin(x)) && Double.isNaN(Asin.asin(x)))) {
            assertThat(Asin.asin(x)).as("asin(%s) [%s]", x, Double.toHexString(x)).isEqualTo(StrictMath.asin(x));
        }
    }

    @Test
    void edges_and_branch_boundaries_give_the_same_bits() {
        double[] edges = {0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 0.975, 0.9749999999999999, Math.ulp(0.0), 1e-300,
                Math.scalb(1.0, -27), Math.scalb(1.0, -28), 1.0000000000000002, -1.0000000000000002, 2, Double.NaN,
                Double.POSITIVE_INFINITY, Double.longBitsToDouble(0x3FEF333300000000L),
                Double.longBitsToDouble(0x3FEF332FFFFFFFFFL), Double.longBitsToDouble(0x3FE0000000000000L - 1)};
        for (double x : edges) {
            same(x);
        }
        for (double x = 0; x <= 1; x = Math.nextUp(x + 1e-7)) {
            same(x);
        }
    }

    @Test
    void random_arguments_over_every_range_give_the_same_bits() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 3_000_000; i++) {
            double x = switch (i % 4) {
                case 0 -> r.nextDouble();                             // [0, 1): sqrt of the haversine term
                case 1 -> r.nextDouble() * 1e-3;                      // short distances
                case 2 -> 1 - r.nextDouble() * 1e-3;                  // near antipodes
                default -> Double.longBitsToDouble(r.nextLong(0x3FF0000000000000L)) * (r.nextBoolean() ? 1 : -1);
            };
            same(x);
        }
    }
}
