package fr.sharenum.postgis.internal;

import fr.sharenum.model.GeoPoint;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Which sites a query asks the database for: those in the exact search boxes of the cap
 * ({@link CapBoxes}) and, unless the cap is the whole sphere, those the SQL haversine pre-filter keeps.
 * Both only ever keep too much: the decision is {@link #distanceKm} in Java.
 */
public final class SiteFilter {
    private final GeoPoint center;
    private final double radiusKm;
    private final double[][] boxes;
    private final Sql.Boxes kind;
    private final boolean distance;

    private SiteFilter(GeoPoint center, double radiusKm) {
        this.center = center;
        this.radiusKm = radiusKm;
        double[][] b = CapBoxes.boxes(center.latitude(), center.longitude(), radiusKm);
        this.boxes = CapBoxes.isWholeSphere(b) ? new double[0][] : b;
        this.kind = boxes.length == 0 ? Sql.Boxes.NONE : boxes.length == 1 ? Sql.Boxes.ONE : Sql.Boxes.TWO;
        this.distance = radiusKm < CapBoxes.MAX_DISTANCE_KM;
    }

    /**
     * The sites within {@code radiusKm} of {@code center}.
     *
     * @param center   the centre
     * @param radiusKm the radius, km, {@code > 0}, possibly infinite
     * @return the filter
     */
    public static SiteFilter around(GeoPoint center, double radiusKm) {
        return new SiteFilter(center, radiusKm);
    }

    /** @return how the statement selects sites */
    public Sql.Boxes kind() {
        return kind;
    }

    /** @return whether the statement has the SQL distance pre-filter */
    public boolean distance() {
        return distance;
    }

    /**
     * Binds the boxes ({@code minLon, minLat, maxLon, maxLat} each), then the pre-filter's φ₁ (radians),
     * cos φ₁, λ₁ (degrees) and padded half angle.
     *
     * @param ps    the statement of {@link Sql#qualified} or {@link Sql#followers}
     * @param index the first parameter to bind
     * @return the next parameter index
     * @throws SQLException as JDBC does
     */
    public int bind(PreparedStatement ps, int index) throws SQLException {
        int i = index;
        for (double[] box : boxes) {
            ps.setDouble(i++, box[2]);
            ps.setDouble(i++, box[0]);
            ps.setDouble(i++, box[3]);
            ps.setDouble(i++, box[1]);
        }
        if (distance) {
            double phi = Math.toRadians(center.latitude());
            ps.setDouble(i++, phi);
            ps.setDouble(i++, Math.cos(phi));
            ps.setDouble(i++, center.longitude());
            double half = radiusKm / (2.0 * GeoPoint.EARTH_MEAN_RADIUS_KM);
            ps.setDouble(i++, half * (1 + Sql.PREFILTER_SLACK) + 1e-12);
        }
        return i;
    }

    /**
     * The exact distance, as every engine computes it.
     *
     * @param lat a site's latitude
     * @param lon a site's longitude
     * @return {@link GeoPoint#haversineKm} from the centre
     */
    public double distanceKm(double lat, double lon) {
        return GeoPoint.haversineKm(center.latitude(), center.longitude(), lat, lon);
    }

    /**
     * The exact decision: a site at exactly the radius is inside.
     *
     * @param distanceKm what {@link #distanceKm} returned
     * @return whether it is within the radius
     */
    public boolean contains(double distanceKm) {
        return distanceKm <= radiusKm;
    }
}
