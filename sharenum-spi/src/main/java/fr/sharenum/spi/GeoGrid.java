package fr.sharenum.spi;

import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;

import java.util.ArrayList;
import java.util.List;

/**
 * The grid stores index places on for "near a point" queries: cells of {@value #CELL_DEGREES}° of latitude by
 * {@value #CELL_DEGREES}° of longitude, each numbered by one int, and the bounding box of a circle. A store keeps each
 * place's cell (and its latitude and longitude) in indexed columns, reads the cells {@link #cellsCovering covering}
 * the circle within its {@link #box box}, then keeps the places at most the radius away by
 * {@link GeoPoint#distanceKm} (the exact great-circle distance): the index narrows, the distance decides.
 *
 * <p>Static and thread-safe.
 */
public final class GeoGrid {
    /** Side of a cell, in degrees. */
    public static final double CELL_DEGREES = 0.5;
    /** Kilometres per degree of latitude on the mean Earth sphere. */
    static final double KM_PER_DEGREE = GeoPoint.EARTH_MEAN_RADIUS_KM * Math.PI / 180;
    private static final int LON_CELLS = (int) Math.round(360 / CELL_DEGREES);
    private static final int LAT_CELLS = (int) Math.round(180 / CELL_DEGREES);
    /** Beyond this many cells a circle is read without the cell index (a bounding box on latitude only). */
    public static final int MAX_CELLS = 400;

    private GeoGrid() {
    }

    /**
     * The cell a point lies in.
     *
     * @param p the point
     * @return its cell number, from 0
     */
    public static int cell(GeoPoint p) {
        return cell(p.latitude(), p.longitude());
    }

    /**
     * The cell of a latitude and longitude.
     *
     * @param latitude  degrees, −90 to 90
     * @param longitude degrees, −180 to 180
     * @return its cell number, from 0
     */
    public static int cell(double latitude, double longitude) {
        int row = Math.min(LAT_CELLS - 1, (int) Math.floor((latitude + 90) / CELL_DEGREES));
        int col = Math.floorMod((int) Math.floor((longitude + 180) / CELL_DEGREES), LON_CELLS);
        return row * LON_CELLS + col;
    }

    /**
     * The latitude and longitude bounds of every point at most {@code radiusKm} from {@code center}: what a store
     * compares its latitude and longitude columns with. Near a pole, or when the box would cross the 180th meridian,
     * the longitude is unbounded ({@link Box#lonBounded()} false).
     *
     * @param center   the centre
     * @param radiusKm the radius, positive and finite
     * @return the box
     */
    public static Box box(GeoPoint center, double radiusKm) {
        if (center == null || !(radiusKm > 0) || Double.isInfinite(radiusKm)) {
            throw new InvalidValueException("radiusKm", "a box needs a centre and a positive, finite radius, was " + radiusKm);
        }
        // a small margin absorbs the rounding of the distance formula: the exact distance decides afterwards
        double dLat = radiusKm / KM_PER_DEGREE * 1.0001 + 1e-9;
        double minLat = Math.max(-90, center.latitude() - dLat);
        double maxLat = Math.min(90, center.latitude() + dLat);
        double widest = Math.max(Math.abs(minLat), Math.abs(maxLat));
        if (widest >= 89.9) {
            return new Box(minLat, maxLat, -180, 180, false);
        }
        double delta = Math.toRadians(dLat);
        double exact = Math.toDegrees(Math.asin(Math.min(1, Math.sin(delta) / Math.cos(Math.toRadians(center.latitude())))));
        double dLon = Math.max(exact * 1.0001, dLat / Math.cos(Math.toRadians(widest)));
        double minLon = center.longitude() - dLon;
        double maxLon = center.longitude() + dLon;
        if (dLon >= 180 || minLon < -180 || maxLon > 180) {
            return new Box(minLat, maxLat, -180, 180, false);
        }
        return new Box(minLat, maxLat, minLon, maxLon, true);
    }

    /**
     * The cells a store reads for the circle, or empty when there would be more than {@link #MAX_CELLS} (the store
     * then reads the box's latitude band).
     *
     * @param center   the centre
     * @param radiusKm the radius, positive and finite
     * @return the cells, ascending; empty for "too many, use the box only"
     */
    public static List<Integer> cellsCovering(GeoPoint center, double radiusKm) {
        Box b = box(center, radiusKm);
        int rowFrom = cell(b.minLat(), 0) / LON_CELLS;
        int rowTo = cell(b.maxLat(), 0) / LON_CELLS;
        double lonFrom = b.lonBounded() ? b.minLon() : -180;
        double lonTo = b.lonBounded() ? b.maxLon() : 180 - 1e-9;
        int colFrom = cell(0, lonFrom) % LON_CELLS;
        int colTo = cell(0, lonTo) % LON_CELLS;
        long count = (long) (rowTo - rowFrom + 1) * (colTo - colFrom + 1);
        if (count > MAX_CELLS) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>((int) count);
        for (int row = rowFrom; row <= rowTo; row++) {
            for (int col = colFrom; col <= colTo; col++) {
                out.add(row * LON_CELLS + col);
            }
        }
        return out;
    }

    /**
     * A latitude/longitude rectangle containing a circle.
     *
     * @param minLat     lowest latitude
     * @param maxLat     highest latitude
     * @param minLon     lowest longitude (−180 when unbounded)
     * @param maxLon     highest longitude (180 when unbounded)
     * @param lonBounded whether the longitude bounds apply
     */
    public record Box(double minLat, double maxLat, double minLon, double maxLon, boolean lonBounded) {
        /**
         * Whether a point lies in the box.
         *
         * @param p the point
         * @return whether it lies within the bounds
         */
        public boolean contains(GeoPoint p) {
            return p.latitude() >= minLat && p.latitude() <= maxLat
                    && (!lonBounded || p.longitude() >= minLon && p.longitude() <= maxLon);
        }
    }
}
