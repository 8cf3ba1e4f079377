package fr.sharenum.model;

import java.util.Set;

/**
 * A BusNum: a bus fitted with digital equipment that comes to a venue to host a workshop.
 *
 * <pre>{@code
 * Bus bus = Bus.of(BusId.of("busnum-21"), "BusNum Côte-d'Or", GeoPoint.of(47.3220, 5.0415), 120,
 *         Set.of("16 tablettes", "écran interactif", "imprimante 3D"), 16);
 * }</pre>
 *
 * @param id                identifier
 * @param name              name shown to members, 1–120 characters
 * @param home              home base
 * @param operatingRadiusKm how far from home it may go, in km, {@code > 0}
 * @param equipment         what it carries, each 1–120 characters, at most 50
 * @param seats             how many participants it hosts, at least 1
 * @param version           optimistic-concurrency version, from 1; bumped by every booking change so
 *                          that two concurrent bookings of the same bus cannot both succeed
 */
public record Bus(BusId id, String name, GeoPoint home, double operatingRadiusKm, Set<String> equipment, int seats,
                  long version) {

    /**
     * Checks and normalises the components.
     *
     * @param id identifier
     * @param name name shown to members, 1–120 characters
     * @param home home base
     * @param operatingRadiusKm how far from home it may go, in km, {@code > 0}
     * @param equipment what it carries, each 1–120 characters, at most 50
     * @param seats how many participants it hosts, at least 1
     * @param version optimistic-concurrency version, from 1; bumped by every booking change so that two concurrent bookings of the same bus cannot both succeed
     */
    public Bus {
        InvalidValueException.requireNonNull("id", id);
        name = Texts.text("name", name, 120);
        InvalidValueException.requireNonNull("home", home);
        if (!(operatingRadiusKm > 0) || operatingRadiusKm > 20_000) {
            throw new InvalidValueException("operatingRadiusKm", "must be between 0 and 20000 km, was " + operatingRadiusKm);
        }
        equipment = Texts.cleanSet("equipment", equipment, 50, 120);
        if (seats < 1) {
            throw new InvalidValueException("seats", "a bus hosts at least 1 participant, was " + seats);
        }
        if (version < 1) {
            throw new InvalidValueException("version", "must be at least 1, was " + version);
        }
    }

    /**
     * A new bus (version 1).
     *
     * @param id the identifier
     * @param name the name
     * @param home the home
     * @param operatingRadiusKm the operating radius km
     * @param equipment the equipment
     * @param seats the seats
     * @return a new bus (version 1)
     */
    public static Bus of(BusId id, String name, GeoPoint home, double operatingRadiusKm, Set<String> equipment, int seats) {
        return new Bus(id, name, home, operatingRadiusKm, equipment, seats, 1);
    }

    /**
     * Whether {@code place} lies within the operating radius (a point exactly on it is inside).
     *
     * @param place the place
     * @return whether {@code place} lies within the operating radius (a point exactly on it is inside)
     */
    public boolean serves(GeoPoint place) {
        return home.distanceKm(place) <= operatingRadiusKm;
    }

    /**
     * This bus at the next version.
     *
     * @return this bus at the next version
     */
    public Bus nextVersion() {
        return new Bus(id, name, home, operatingRadiusKm, equipment, seats, version + 1);
    }
}
