package fr.sharenum.model;

import java.net.URI;
import java.util.Locale;

/**
 * How members join an online or hybrid event (a virtual class: the CNED's, BigBlueButton, Visio-agents…), and to
 * whom it is announced: a territory rather than a radius — the members of an académie, of a département, or of
 * the whole country.
 *
 * <pre>{@code
 * OnlineAccess national = OnlineAccess.of(URI.create("https://visio.education.fr/meeting/signin/1234"));
 * OnlineAccess dijon = OnlineAccess.of(URI.create("https://classe-virtuelle.cned.fr/abc")).forAcademie(Academie.DIJON);
 * }</pre>
 *
 * @param link        the virtual class's address: {@code https} only, with a host, at most 2,000 characters
 * @param academie    the académie announced to, or {@code null} for the whole country
 * @param departement the département announced to (within {@code academie}), or {@code null} for the whole académie
 */
public record OnlineAccess(URI link, Academie academie, String departement) {
    /** Longest link. */
    public static final int MAX_LINK = 2_000;
    /**
     * The link readers see in place of the real one until they hold a seat (organisers, staff of the académie and the
     * host see the real one): a reserved {@code .invalid} address that resolves nowhere.
     */
    public static final URI HIDDEN = URI.create("https://lien-reserve-aux-inscrits.invalid/");

    /**
     * Checks and normalises the components.
     *
     * @param link the virtual class's address: {@code https} only, with a host, at most 2,000 characters
     * @param academie the académie announced to, or {@code null} for the whole country
     * @param departement the département announced to (within {@code academie}), or {@code null} for the whole académie
     */
    public OnlineAccess {
        InvalidValueException.requireNonNull("link", link);
        String text = link.toString();
        if (text.length() > MAX_LINK) {
            throw new InvalidValueException("link", "a visio link is at most " + MAX_LINK + " characters");
        }
        if (!link.isAbsolute() || !"https".equalsIgnoreCase(link.getScheme()) || link.getHost() == null
                || link.getHost().isBlank() || link.getRawUserInfo() != null) {
            throw new InvalidValueException("link", "a visio link is an https address with a host (and no user name), was "
                    + text);
        }
        Texts.text("link", text, MAX_LINK);
        if (departement != null) {
            departement = departement.toUpperCase(Locale.ROOT);
            if (!departement.matches("0[0-9][0-9AB]|[0-9]{3}")) {
                throw new InvalidValueException("departement", "'" + departement + "' is not a 3-character département code");
            }
            if (academie == null) {
                throw new InvalidValueException("departement", "a département audience names its académie too");
            }
        }
    }

    /**
     * Announced to the whole country.
     *
     * @param link the virtual class's https address
     * @return the access
     */
    public static OnlineAccess of(URI link) {
        return new OnlineAccess(link, null, null);
    }

    /**
     * The same link announced to the members of one académie.
     *
     * @param a the académie
     * @return the access
     */
    public OnlineAccess forAcademie(Academie a) {
        return new OnlineAccess(link, InvalidValueException.requireNonNull("academie", a), null);
    }

    /**
     * The same link announced to the members of one département of an académie.
     *
     * @param a the académie
     * @param code the département code ({@code "021"})
     * @return the access
     */
    public OnlineAccess forDepartement(Academie a, String code) {
        return new OnlineAccess(link, InvalidValueException.requireNonNull("academie", a),
                InvalidValueException.require("departement", code));
    }

    /**
     * Whether a member working in {@code memberAcademie} and {@code memberDepartement} is in the audience.
     *
     * @param memberAcademie the académie of the member's establishment
     * @param memberDepartement the département of the member's establishment
     * @return whether the event is announced to them
     */
    public boolean reaches(Academie memberAcademie, String memberDepartement) {
        if (academie == null) {
            return true;
        }
        if (academie != memberAcademie) {
            return false;
        }
        return departement == null || departement.equalsIgnoreCase(memberDepartement);
    }

    /**
     * The time zone the event is shown in by default: its académie's, else Paris.
     *
     * @return the zone
     */
    public java.time.ZoneId zone() {
        return academie == null ? java.time.ZoneId.of("Europe/Paris") : academie.zone();
    }
}
