package fr.sharenum;

/**
 * The radius a requester may choose for a ticket, in km around their establishment, and the radius of a ticket
 * whose requester chooses none. Also the largest radius an event may be announced within. Given to
 * {@link ShareNum.Builder#radiusKm(RadiusBounds)}.
 *
 * @param minKm     smallest radius a requester may choose, in km, above 0
 * @param maxKm     largest radius, in km, at least {@code minKm} and finite
 * @param defaultKm radius of a ticket whose requester chooses none, in km, between {@code minKm} and {@code maxKm}
 */
public record RadiusBounds(double minKm, double maxKm, double defaultKm) {

    /**
     * Checks the bounds together.
     *
     * @param minKm     smallest radius, above 0
     * @param maxKm     largest radius, at least {@code minKm} and finite
     * @param defaultKm default radius, between {@code minKm} and {@code maxKm}
     * @throws IllegalArgumentException unless {@code 0 < minKm <= defaultKm <= maxKm < infinity}
     */
    public RadiusBounds {
        if (!(minKm > 0) || !(maxKm >= minKm) || Double.isInfinite(maxKm) || !(defaultKm >= minKm && defaultKm <= maxKm)) {
            throw new IllegalArgumentException("radiusKm: need 0 < min <= default <= max < infinity, got "
                    + minKm + ", " + defaultKm + ", " + maxKm);
        }
    }

    /**
     * ShareNum's default: 1 to 200 km, 30 km when the requester chooses none.
     *
     * @return the default bounds
     */
    public static RadiusBounds defaults() {
        return new RadiusBounds(1, 200, 30);
    }

    /**
     * Bounds from {@code minKm} to {@code maxKm}, {@code defaultKm} by default.
     *
     * @param minKm     smallest radius, above 0
     * @param maxKm     largest radius, at least {@code minKm} and finite
     * @param defaultKm default radius, between the two
     * @return the bounds
     * @throws IllegalArgumentException unless {@code 0 < minKm <= defaultKm <= maxKm < infinity}
     */
    public static RadiusBounds of(double minKm, double maxKm, double defaultKm) {
        return new RadiusBounds(minKm, maxKm, defaultKm);
    }

    /**
     * Whether a requester may choose {@code km}.
     *
     * @param km a radius, in km
     * @return whether it lies within the bounds (both included)
     */
    public boolean allows(double km) {
        return km >= minKm && km <= maxKm;
    }
}
