package fr.sharenum.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A school or service where members work. Members are located at their establishment, never more
 * precisely.
 *
 * <pre>{@code
 * Establishment carnot = new Establishment(Uai.of("0210015C"), "Lycée Carnot", EstablishmentType.LYCEE,
 *         Academie.DIJON, GeoPoint.of(47.3192, 5.0463), "21231");          // open, no annex
 * Establishment closing = carnot.withStatus(EstablishmentStatus.CLOSING);
 * }</pre>
 *
 * <p>{@code status} and {@code annexes} may be given as {@code null} — as in documents written
 * before they existed — and then read as {@link EstablishmentStatus#OPEN} and no annex.
 *
 * @param uai         identifier
 * @param name        official name, not blank
 * @param type        kind of establishment
 * @param academie    académie it belongs to
 * @param location    WGS84 position of its main site; members are placed there
 * @param communeCode INSEE code of the commune (5 characters, e.g. {@code "21231"}), or {@code null} when unknown
 * @param status      open, opening, closing or closed; {@code null} means {@link EstablishmentStatus#OPEN}
 * @param annexes     its other sites sharing the UAI (a cité scolaire's second row, an annex), in the
 *                    directory's order; {@code null} means none
 */
public record Establishment(Uai uai, String name, EstablishmentType type, Academie academie, GeoPoint location,
                            String communeCode, EstablishmentStatus status, List<EstablishmentAnnex> annexes) {

    private static final Pattern COMMUNE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

    /**
     * Checks and normalises the components.
     *
     * @param uai identifier
     * @param name official name, not blank
     * @param type kind of establishment
     * @param academie académie it belongs to
     * @param location WGS84 position of its main site; members are placed there
     * @param communeCode INSEE code of the commune (5 characters, e.g. {@code "21231"}), or {@code null} when unknown
     * @param status open, opening, closing or closed; {@code null} means {@link EstablishmentStatus#OPEN}
     * @param annexes its other sites sharing the UAI (a cité scolaire's second row, an annex), in the directory's order; {@code null} means none
     */
    public Establishment {
        InvalidValueException.requireNonNull("uai", uai);
        name = InvalidValueException.require("name", name);
        InvalidValueException.requireNonNull("type", type);
        InvalidValueException.requireNonNull("academie", academie);
        InvalidValueException.requireNonNull("location", location);
        communeCode = communeCode(communeCode);
        status = status == null ? EstablishmentStatus.OPEN : status;
        if (annexes == null) {
            annexes = List.of();
        } else {
            for (EstablishmentAnnex annex : annexes) {
                InvalidValueException.requireNonNull("annexes", annex);
            }
            annexes = List.copyOf(annexes);
        }
    }

    /**
     * An open establishment without annexes: the constructor every caller used before statuses and annexes.
     *
     * @param uai identifier
     * @param name official name, not blank
     * @param type kind of establishment
     * @param academie académie it belongs to
     * @param location WGS84 position of its main site; members are placed there
     * @param communeCode INSEE code of the commune (5 characters, e.g. {@code "21231"}), or {@code null} when unknown
     */
    public Establishment(Uai uai, String name, EstablishmentType type, Academie academie, GeoPoint location,
                         String communeCode) {
        this(uai, name, type, academie, location, communeCode, EstablishmentStatus.OPEN, List.of());
    }

    /**
     * An open establishment without annexes whose commune is not known.
     *
     * @param uai identifier
     * @param name official name, not blank
     * @param type kind of establishment
     * @param academie académie it belongs to
     * @param location WGS84 position of its main site; members are placed there
     */
    public Establishment(Uai uai, String name, EstablishmentType type, Academie academie, GeoPoint location) {
        this(uai, name, type, academie, location, null);
    }

    /**
     * Département code, from the UAI ({@code "021"}, {@code "02A"}, {@code "974"}).
     *
     * @return the departement
     */
    public String departement() {
        return uai.departement();
    }

    /**
     * Same establishment at another position (a move, a corrected geocoding).
     *
     * @param newLocation the new location
     * @return the with location
     */
    public Establishment withLocation(GeoPoint newLocation) {
        return new Establishment(uai, name, type, academie, Objects.requireNonNull(newLocation), communeCode, status,
                annexes);
    }

    /**
     * Same establishment with another status (announced closing, closed, reopened).
     *
     * @param newStatus the new status
     * @return the with status
     */
    public Establishment withStatus(EstablishmentStatus newStatus) {
        return new Establishment(uai, name, type, academie, location, communeCode, Objects.requireNonNull(newStatus),
                annexes);
    }

    /**
     * Same establishment with these annexes instead of its own.
     *
     * @param newAnnexes the new annexes
     * @return the with annexes
     */
    public Establishment withAnnexes(List<EstablishmentAnnex> newAnnexes) {
        return new Establishment(uai, name, type, academie, location, communeCode, status,
                Objects.requireNonNull(newAnnexes));
    }

    /** Normalises and checks an INSEE commune code; {@code null} stays {@code null}. */
    static String communeCode(String communeCode) {
        if (communeCode == null) {
            return null;
        }
        String c = communeCode.strip().toUpperCase(Locale.ROOT);
        if (!COMMUNE.matcher(c).matches()) {
            throw new InvalidValueException("communeCode", "'" + c + "' is not an INSEE commune code");
        }
        return c;
    }
}
