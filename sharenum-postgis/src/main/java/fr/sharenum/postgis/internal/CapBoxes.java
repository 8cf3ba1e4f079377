package fr.sharenum.postgis.internal;

import fr.sharenum.model.GeoPoint;

/**
 * The latitude/longitude boxes that contain a spherical cap, exactly as {@code fr.sharenum.geo.SphericalCaps}
 * computes them (copied so that this module needs neither JTS nor Caffeine; {@code CapBoxesTest} checks the
 * two agree): Δlat = r/ρ, Δlon = asin(sin(r/ρ)/cos φ), every longitude when the cap holds a pole, two boxes
 * across ±180°, each side padded by {@value #PAD_DEGREES}°. The boxes only select candidate sites; the
 * decision is always {@link GeoPoint#haversineKm}.
 */
public final class CapBoxes {

    /** Padding in degrees added on every side of a box (about 1 cm). */
    public static final double PAD_DEGREES = 1e-7;

    /** Half the Earth's circumference: no two points are farther apart, a cap this wide is the whole sphere. */
    public static final double MAX_DISTANCE_KM = Math.PI * GeoPoint.EARTH_MEAN_RADIUS_KM;

    private CapBoxes() {
    }

    /**
     * Boxes covering the cap.
     *
     * @param lat      centre latitude, degrees
     * @param lon      centre longitude, degrees
     * @param radiusKm radius, km, {@code > 0}, possibly infinite
     * @return one or two boxes, each {@code {minLat, maxLat, minLon, maxLon}} in degrees
     */
    public static double[][] boxes(double lat, double lon, double radiusKm) {
        if (radiusKm >= MAX_DISTANCE_KM) {
            return new double[][] {{-90, 90, -180, 180}};
        }
        double angular = radiusKm / GeoPoint.EARTH_MEAN_RADIUS_KM;
        double dLat = Math.toDegrees(angular);
        double minLat = lat - dLat - PAD_DEGREES;
        double maxLat = lat + dLat + PAD_DEGREES;
        if (maxLat >= 90 || minLat <= -90) {
            return new double[][] {{Math.max(-90, minLat), Math.min(90, maxLat), -180, 180}};
        }
        double ratio = Math.sin(angular) / Math.cos(Math.toRadians(lat));
        if (ratio >= 1) {
            return new double[][] {{minLat, maxLat, -180, 180}};
        }
        double dLon = Math.toDegrees(Math.asin(ratio)) + PAD_DEGREES;
        double minLon = lon - dLon;
        double maxLon = lon + dLon;
        if (maxLon - minLon >= 360) {
            return new double[][] {{minLat, maxLat, -180, 180}};
        }
        if (minLon < -180) {
            return new double[][] {{minLat, maxLat, minLon + 360, 180}, {minLat, maxLat, -180, maxLon}};
        }
        if (maxLon > 180) {
            return new double[][] {{minLat, maxLat, minLon, 180}, {minLat, maxLat, -180, maxLon - 360}};
        }
        return new double[][] {{minLat, maxLat, minLon, maxLon}};
    }

    /**
     * Whether the boxes are the whole sphere (no spatial condition is worth asking the database).
     *
     * @param boxes what {@link #boxes} returned
     * @return true for the single box {-90, 90, -180, 180}
     */
    public static boolean isWholeSphere(double[][] boxes) {
        return boxes.length == 1 && boxes[0][0] <= -90 && boxes[0][1] >= 90 && boxes[0][2] <= -180 && boxes[0][3] >= 180;
    }
}
