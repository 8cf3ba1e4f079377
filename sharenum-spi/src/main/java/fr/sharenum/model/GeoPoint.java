package fr.sharenum.model;

/**
 * A WGS84 position in decimal degrees. Latitude in [-90, 90], longitude in [-180, 180]; NaN and
 * infinities are refused.
 *
 * <p>{@link #distanceKm(GeoPoint)} is the single great-circle distance used everywhere in ShareNum
 * (every matching engine decides the radius boundary with it): haversine on a sphere of mean radius
 * {@value #EARTH_MEAN_RADIUS_KM} km.
 *
 * <pre>{@code
 * GeoPoint dijon = GeoPoint.of(47.3220, 5.0415);
 * double km = dijon.distanceKm(GeoPoint.of(47.0250, 4.8372)); // ≈ 36.4 km to Beaune
 * }</pre>
 *
 * @param latitude  degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {

    /** Mean Earth radius (IUGG), in kilometres. */
    public static final double EARTH_MEAN_RADIUS_KM = 6371.0088;

    /**
     * Checks and normalises the components.
     *
     * @param latitude degrees north, -90 to 90
     * @param longitude degrees east, -180 to 180
     */
    public GeoPoint {
        if (!(latitude >= -90.0 && latitude <= 90.0)) {
            throw new InvalidValueException("latitude", "must be between -90 and 90 degrees, was " + latitude);
        }
        if (!(longitude >= -180.0 && longitude <= 180.0)) {
            throw new InvalidValueException("longitude", "must be between -180 and 180 degrees, was " + longitude);
        }
    }

    /**
     * Same as the constructor.
     *
     * @param latitude the latitude, in degrees
     * @param longitude the longitude, in degrees
     * @return the {@code GeoPoint}
     */
    public static GeoPoint of(double latitude, double longitude) {
        return new GeoPoint(latitude, longitude);
    }

    /**
     * Great-circle distance in kilometres to {@code other} (haversine, mean Earth radius).
     *
     * @param other the other one
     * @return the distance km
     */
    public double distanceKm(GeoPoint other) {
        return haversineKm(latitude, longitude, other.latitude, other.longitude);
    }

    /**
     * Great-circle distance in kilometres between two positions given in degrees. This is the exact
     * function behind {@link #distanceKm(GeoPoint)}; engines working on primitive arrays call it to
     * decide boundaries bit-for-bit like every other engine.
     *
     * @param lat1 latitude of the first point, in degrees
     * @param lon1 longitude of the first point, in degrees
     * @param lat2 latitude of the second point, in degrees
     * @param lon2 longitude of the second point, in degrees
     * @return the haversine km
     */
    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double sinPhi = Math.sin(dPhi * 0.5);
        double sinLambda = Math.sin(dLambda * 0.5);
        double h = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
        if (h > 1.0) {
            h = 1.0;
        }
        return 2.0 * EARTH_MEAN_RADIUS_KM * Math.asin(Math.sqrt(h));
    }

    @Override
    public String toString() {
        return "(" + latitude + ", " + longitude + ")";
    }
}
