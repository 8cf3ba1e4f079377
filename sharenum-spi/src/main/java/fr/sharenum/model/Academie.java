package fr.sharenum.model;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of académies and vice-rectorats (mainland, Corse, overseas), with their code as in
 * the Annuaire de l'éducation, their usual mail domains, départements, time zone and school-holiday
 * zone.
 *
 * <p>Normandie replaced Caen and Rouen in 2020; their former domains are still accepted as
 * Normandie's. Saint-Pierre-et-Miquelon has no mail domain of its own in this catalogue.
 */
public enum Academie {
    /** Académie of Paris. */
    PARIS("01", "Paris", "Europe/Paris", HolidayZone.C, List.of("ac-paris.fr"), "075"),
    /** Académie of Aix-Marseille. */
    AIX_MARSEILLE("02", "Aix-Marseille", "Europe/Paris", HolidayZone.B, List.of("ac-aix-marseille.fr"), "004", "005", "013", "084"),
    /** Académie of Besançon. */
    BESANCON("03", "Besançon", "Europe/Paris", HolidayZone.A, List.of("ac-besancon.fr"), "025", "039", "070", "090"),
    /** Académie of Bordeaux. */
    BORDEAUX("04", "Bordeaux", "Europe/Paris", HolidayZone.A, List.of("ac-bordeaux.fr"), "024", "033", "040", "047", "064"),
    /** Académie of Clermont-Ferrand. */
    CLERMONT_FERRAND("06", "Clermont-Ferrand", "Europe/Paris", HolidayZone.A, List.of("ac-clermont.fr"), "003", "015", "043", "063"),
    /** Académie of Dijon. */
    DIJON("07", "Dijon", "Europe/Paris", HolidayZone.A, List.of("ac-dijon.fr"), "021", "058", "071", "089"),
    /** Académie of Grenoble. */
    GRENOBLE("08", "Grenoble", "Europe/Paris", HolidayZone.A, List.of("ac-grenoble.fr"), "007", "026", "038", "073", "074"),
    /** Académie of Lille. */
    LILLE("09", "Lille", "Europe/Paris", HolidayZone.B, List.of("ac-lille.fr"), "059", "062"),
    /** Académie of Lyon. */
    LYON("10", "Lyon", "Europe/Paris", HolidayZone.A, List.of("ac-lyon.fr"), "001", "042", "069"),
    /** Académie of Montpellier. */
    MONTPELLIER("11", "Montpellier", "Europe/Paris", HolidayZone.C, List.of("ac-montpellier.fr"), "011", "030", "034", "048", "066"),
    /** Académie of Nancy-Metz. */
    NANCY_METZ("12", "Nancy-Metz", "Europe/Paris", HolidayZone.B, List.of("ac-nancy-metz.fr"), "054", "055", "057", "088"),
    /** Académie of Poitiers. */
    POITIERS("13", "Poitiers", "Europe/Paris", HolidayZone.A, List.of("ac-poitiers.fr"), "016", "017", "079", "086"),
    /** Académie of Rennes. */
    RENNES("14", "Rennes", "Europe/Paris", HolidayZone.B, List.of("ac-rennes.fr"), "022", "029", "035", "056"),
    /** Académie of Strasbourg. */
    STRASBOURG("15", "Strasbourg", "Europe/Paris", HolidayZone.B, List.of("ac-strasbourg.fr"), "067", "068"),
    /** Académie of Toulouse. */
    TOULOUSE("16", "Toulouse", "Europe/Paris", HolidayZone.C, List.of("ac-toulouse.fr"), "009", "012", "031", "032", "046", "065", "081", "082"),
    /** Académie of Nantes. */
    NANTES("17", "Nantes", "Europe/Paris", HolidayZone.B, List.of("ac-nantes.fr"), "044", "049", "053", "072", "085"),
    /** Académie of Orléans-Tours. */
    ORLEANS_TOURS("18", "Orléans-Tours", "Europe/Paris", HolidayZone.B, List.of("ac-orleans-tours.fr"), "018", "028", "036", "037", "041", "045"),
    /** Académie of Reims. */
    REIMS("19", "Reims", "Europe/Paris", HolidayZone.B, List.of("ac-reims.fr"), "008", "010", "051", "052"),
    /** Académie of Amiens. */
    AMIENS("20", "Amiens", "Europe/Paris", HolidayZone.B, List.of("ac-amiens.fr"), "002", "060", "080"),
    /** Académie of Limoges. */
    LIMOGES("22", "Limoges", "Europe/Paris", HolidayZone.A, List.of("ac-limoges.fr"), "019", "023", "087"),
    /** Académie of Nice. */
    NICE("23", "Nice", "Europe/Paris", HolidayZone.B, List.of("ac-nice.fr"), "006", "083"),
    /** Académie of Créteil. */
    CRETEIL("24", "Créteil", "Europe/Paris", HolidayZone.C, List.of("ac-creteil.fr"), "077", "093", "094"),
    /** Académie of Versailles. */
    VERSAILLES("25", "Versailles", "Europe/Paris", HolidayZone.C, List.of("ac-versailles.fr"), "078", "091", "092", "095"),
    /** Académie of Corse. */
    CORSE("27", "Corse", "Europe/Paris", HolidayZone.OWN, List.of("ac-corse.fr"), "02A", "02B"),
    /** Académie of La Réunion. */
    LA_REUNION("28", "La Réunion", "Indian/Reunion", HolidayZone.OWN, List.of("ac-reunion.fr"), "974"),
    /** Académie of Martinique. */
    MARTINIQUE("31", "Martinique", "America/Martinique", HolidayZone.OWN, List.of("ac-martinique.fr"), "972"),
    /** Académie of Guadeloupe. */
    GUADELOUPE("32", "Guadeloupe", "America/Guadeloupe", HolidayZone.OWN, List.of("ac-guadeloupe.fr"), "971", "977", "978"),
    /** Académie of Guyane. */
    GUYANE("33", "Guyane", "America/Cayenne", HolidayZone.OWN, List.of("ac-guyane.fr"), "973"),
    /** Académie of Nouvelle-Calédonie. */
    NOUVELLE_CALEDONIE("40", "Nouvelle-Calédonie", "Pacific/Noumea", HolidayZone.OWN, List.of("ac-noumea.nc"), "988"),
    /** Académie of Polynésie française. */
    POLYNESIE_FRANCAISE("41", "Polynésie française", "Pacific/Tahiti", HolidayZone.OWN, List.of("ac-polynesie.pf"), "987"),
    /** Académie of Wallis-et-Futuna. */
    WALLIS_ET_FUTUNA("42", "Wallis-et-Futuna", "Pacific/Wallis", HolidayZone.OWN, List.of("ac-wf.wf"), "986"),
    /** Académie of Mayotte. */
    MAYOTTE("43", "Mayotte", "Indian/Mayotte", HolidayZone.OWN, List.of("ac-mayotte.fr"), "976"),
    /** Académie of Saint-Pierre-et-Miquelon. */
    SAINT_PIERRE_ET_MIQUELON("44", "Saint-Pierre-et-Miquelon", "America/Miquelon", HolidayZone.OWN, List.of(), "975"),
    /** Académie of Normandie. */
    NORMANDIE("70", "Normandie", "Europe/Paris", HolidayZone.B, List.of("ac-normandie.fr", "ac-caen.fr", "ac-rouen.fr"), "014", "027", "050", "061", "076");

    /** Mainland school-holiday zone; {@link #OWN} for Corse and overseas, which have their own calendars. */
    public enum HolidayZone {
        /** Zone A. */
        A,
        /** Zone B. */
        B,
        /** Zone C. */
        C,
        /** A calendar of its own (Corse, overseas). */
        OWN
    }

    private final String code;
    private final String label;
    private final ZoneId zone;
    private final HolidayZone holidayZone;
    private final List<String> mailDomains;
    private final Set<String> departements;

    Academie(String code, String label, String zone, HolidayZone holidayZone, List<String> mailDomains, String... departements) {
        this.code = code;
        this.label = label;
        this.zone = ZoneId.of(zone);
        this.holidayZone = holidayZone;
        this.mailDomains = mailDomains;
        this.departements = Set.of(departements);
    }

    /**
     * Two-digit code used by the Annuaire de l'éducation ({@code "07"} for Dijon).
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Name as people write it ({@code "Orléans-Tours"}).
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Time zone of the académie's establishments.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The school-holiday zone of its establishments.
     *
     * @return the zone
     */
    public HolidayZone holidayZone() {
        return holidayZone;
    }

    /**
     * Mail domains of the académie's staff, lower case; the first is the current one. May be empty.
     *
     * @return the mail domains
     */
    public List<String> mailDomains() {
        return mailDomains;
    }

    /**
     * Département codes as in open data ({@code "021"}, {@code "02A"}, {@code "974"}).
     *
     * @return the departements
     */
    public Set<String> departements() {
        return departements;
    }

    /**
     * The académie with this Annuaire code ({@code "07"} or {@code "7"}).
     *
     * @param code the stable code
     * @return the académie with this Annuaire code ({@code "07"} or {@code "7"})
     */
    public static Optional<Academie> byCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.strip();
        String padded = c.length() == 1 ? "0" + c : c;
        return Arrays.stream(values()).filter(a -> a.code.equals(padded)).findFirst();
    }

    /**
     * The académie of a département code ({@code "021"}, {@code "21"}, {@code "2A"}, {@code "974"}).
     *
     * @param departement the departement
     * @return the académie of a département code ({@code "021"}, {@code "21"}, {@code "2A"}, {@code "974"})
     */
    public static Optional<Academie> byDepartement(String departement) {
        if (departement == null || departement.isBlank()) {
            return Optional.empty();
        }
        String d = departement.strip().toUpperCase(Locale.ROOT);
        while (d.length() < 3) {
            d = "0" + d;
        }
        String key = d;
        return Arrays.stream(values()).filter(a -> a.departements.contains(key)).findFirst();
    }

    /**
     * The académie of an establishment, read from its UAI's département prefix.
     *
     * @param uai the establishment's UAI
     * @return the académie of an establishment, read from its UAI's département prefix
     */
    public static Optional<Academie> of(Uai uai) {
        return byDepartement(uai.departement());
    }

    /**
     * The académie owning a mail domain (case-insensitive), if any.
     *
     * @param domain the domain
     * @return the académie owning a mail domain (case-insensitive), if any
     */
    public static Optional<Academie> byMailDomain(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        String d = domain.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.mailDomains.contains(d)).findFirst();
    }

    /**
     * The académie whose label or enum name matches, ignoring case (accents must match).
     *
     * @param label the label shown
     * @return the académie whose label or enum name matches, ignoring case (accents must match)
     */
    public static Optional<Academie> byLabel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String l = label.strip();
        return Arrays.stream(values())
                .filter(a -> a.label.equalsIgnoreCase(l) || a.name().equalsIgnoreCase(l))
                .findFirst();
    }
}
