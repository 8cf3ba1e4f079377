package fr.sharenum.geo;

import fr.sharenum.geo.internal.Asin;
import fr.sharenum.model.GeoPoint;

/**
 * Latitude/longitude boxes that contain a spherical cap (all points within a great-circle radius of
 * a centre), computed exactly rather than with the naive {@code r / cos(lat)}:
 * <ul>
 *   <li>Δlat = r / R;</li>
 *   <li>Δlon = asin(sin(r / R) / cos(lat)) — the longitude of the cap's tangent meridians;</li>
 *   <li>every longitude when the cap contains a pole (or the ratio above reaches 1);</li>
 *   <li>two boxes when the cap crosses the ±180° meridian.</li>
 * </ul>
 * Boxes are padded by {@value #PAD_DEGREES}° (about 1 cm) so rounding never loses a point that lies
 * exactly on the circle; the exact decision is always {@link GeoPoint#haversineKm}.
 *
 * <pre>{@code
 * for (double[] box : SphericalCaps.boxes(-14.29, -178.15, 241)) {   // Futuna: two boxes
 *     tree.query(new Envelope(box[2], box[3], box[0], box[1]), visitor); // JTS: x = longitude
 * }
 * }</pre>
 */
public final class SphericalCaps {

    /** Padding in degrees added on every side of a box. */
    public static final double PAD_DEGREES = 1e-7;

    /** Half the Earth's circumference: no two points are farther apart. */
    public static final double MAX_DISTANCE_KM = Math.PI * GeoPoint.EARTH_MEAN_RADIUS_KM;

    private SphericalCaps() {
    }

    /**
     * Boxes covering the cap of radius {@code radiusKm} around ({@code lat}, {@code lon}), each as
     * {@code {minLat, maxLat, minLon, maxLon}} in degrees.
     *
     * @param lat      latitude of the centre, degrees
     * @param lon      longitude of the centre, degrees
     * @param radiusKm radius of the cap, km
     * @return boxes covering the cap of radius radiusKm around (lat, lon), each as {minLat, maxLat, minLon, maxLon} in degrees
     */
    public static double[][] boxes(double lat, double lon, double radiusKm) {
        double[] out = new double[8];
        int n = boxes(lat, lon, radiusKm, out);
        double[][] boxes = new double[n][];
        for (int i = 0; i < n; i++) {
            boxes[i] = java.util.Arrays.copyOfRange(out, 4 * i, 4 * i + 4);
        }
        return boxes;
    }

    /**
     * The same boxes written into {@code out} without allocating: box {@code i} is
     * {@code out[4i .. 4i+3]} = minLat, maxLat, minLon, maxLon.
     *
     * @param lat      latitude of the centre, degrees
     * @param lon      longitude of the centre, degrees
     * @param radiusKm radius of the cap, km
     * @param out      receives the boxes; at least 8 long
     * @return the number of boxes, 1 or 2
     */
    public static int boxes(double lat, double lon, double radiusKm, double[] out) {
        if (radiusKm >= MAX_DISTANCE_KM) {
            return box(out, 0, -90, 90, -180, 180);
        }
        double angular = radiusKm / GeoPoint.EARTH_MEAN_RADIUS_KM;
        double dLat = Math.toDegrees(angular);
        double minLat = lat - dLat - PAD_DEGREES;
        double maxLat = lat + dLat + PAD_DEGREES;
        if (maxLat >= 90 || minLat <= -90) {
            return box(out, 0, Math.max(-90, minLat), Math.min(90, maxLat), -180, 180);
        }
        double ratio = Math.sin(angular) / Math.cos(Math.toRadians(lat));
        if (ratio >= 1) {
            return box(out, 0, minLat, maxLat, -180, 180);
        }
        double dLon = Math.toDegrees(Asin.asin(ratio)) + PAD_DEGREES;
        double minLon = lon - dLon;
        double maxLon = lon + dLon;
        if (maxLon - minLon >= 360) {
            return box(out, 0, minLat, maxLat, -180, 180);
        }
        if (minLon < -180) {
            box(out, 0, minLat, maxLat, minLon + 360, 180);
            return box(out, 1, minLat, maxLat, -180, maxLon);
        }
        if (maxLon > 180) {
            box(out, 0, minLat, maxLat, minLon, 180);
            return box(out, 1, minLat, maxLat, -180, maxLon - 360);
        }
        return box(out, 0, minLat, maxLat, minLon, maxLon);
    }

    private static int box(double[] out, int i, double minLat, double maxLat, double minLon, double maxLon) {
        out[4 * i] = minLat;
        out[4 * i + 1] = maxLat;
        out[4 * i + 2] = minLon;
        out[4 * i + 3] = maxLon;
        return i + 1;
    }
}
