package fr.sharenum.annuaire;

import fr.sharenum.annuaire.HeaderVersion.Field;
import fr.sharenum.annuaire.Rejection.Code;
import fr.sharenum.annuaire.internal.CsvRecords;
import fr.sharenum.annuaire.internal.Nomenclature;
import fr.sharenum.model.Academie;
import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads one row of a known header version into a {@link Row}, or says why it cannot. */
final class RowReader {

    /** A valid row. */
    static final class Row {
        final long line;
        final Uai uai;
        final String name;
        final EstablishmentType type;
        final Academie academie;
        final GeoPoint location;
        final String commune;
        final EstablishmentStatus status;
        final boolean multi;

        Row(long line, Uai uai, String name, EstablishmentType type, Academie academie, GeoPoint location,
            String commune, EstablishmentStatus status, boolean multi) {
            this.line = line;
            this.uai = uai;
            this.name = name;
            this.type = type;
            this.academie = academie;
            this.location = location;
            this.commune = commune;
            this.status = status;
            this.multi = multi;
        }
    }

    private static final Pattern COMMUNE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

    private final HeaderVersion version;
    private final int columns;
    private final Map<Field, Integer> index = new HashMap<>();
    private final boolean[] wanted;

    RowReader(HeaderVersion version, List<String> header) {
        this.version = version;
        this.columns = header.size();
        this.wanted = new boolean[columns];
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.put(HeaderVersion.normalise(header.get(i)), i);
        }
        for (Field f : Field.values()) {
            version.column(f).ifPresent(c -> {
                Integer i = byName.get(HeaderVersion.normalise(c));
                if (i != null) {
                    index.put(f, i);
                    wanted[i] = true;
                }
            });
        }
    }

    HeaderVersion version() {
        return version;
    }

    /** The columns worth keeping in memory: those of the version's fields. */
    boolean[] wanted() {
        return wanted.clone();
    }

    /** Only the UAI column: what a quick count of the rows of each UAI needs. */
    boolean[] uaiOnly() {
        boolean[] only = new boolean[columns];
        Integer i = index.get(Field.UAI);
        if (i != null) {
            only[i] = true;
        }
        return only;
    }

    /** The UAI as written in the current record, or empty. */
    String uaiText(CsvRecords r) {
        return text(r, Field.UAI);
    }

    /** The current record as a {@link Row}, or the {@link Rejection} saying why not. */
    Object read(CsvRecords r) {
        long line = r.line();
        String uaiText = uaiText(r);
        if (r.size() != columns) {
            return new Rejection(line, uaiText, Code.COLUMN_COUNT, "la ligne a " + r.size() + " colonne"
                    + (r.size() > 1 ? "s" : "") + " au lieu des " + columns + " de l'en-tête ("
                    + version.id() + ")" + (r.size() < columns
                    ? (r.unterminated() ? " : dernière ligne coupée sans fin de ligne, le fichier est tronqué"
                    : " : ligne incomplète ou coupée") : " : un séparateur « ; » de trop dans une valeur non entre guillemets"));
        }
        for (String v : r.fields()) {
            if (v != null && v.indexOf('\uFFFD') >= 0) {
                return new Rejection(line, uaiText, Code.ENCODING, "caractère de remplacement U+FFFD dans « "
                        + v.strip() + " » : le texte a été décodé avec un autre encodage que le sien (le fichier est "
                        + "probablement en ISO-8859-1 ou Windows-1252) ; passez le fichier lui-même à l'importeur");
            }
        }
        if (uaiText.isEmpty()) {
            return new Rejection(line, uaiText, Code.BAD_UAI, "pas d'UAI");
        }
        if (!Uai.isValid(uaiText)) {
            String u = uaiText.toUpperCase(java.util.Locale.ROOT);
            String why = u.matches("[0-9]{7}[A-Z]")
                    ? "la lettre clé devrait être " + Uai.checkLetter(u.substring(0, 7))
                    : "un UAI s'écrit avec 7 chiffres puis une lettre (0211928G)";
            return new Rejection(line, uaiText, Code.BAD_UAI, "UAI « " + uaiText + " » invalide : " + why);
        }
        Uai uai = Uai.of(uaiText);
        String name = text(r, Field.NAME);
        if (name.isEmpty()) {
            return new Rejection(line, uaiText, Code.NO_NAME, "l'établissement n'a pas de nom");
        }
        Object location = location(r, line, uaiText);
        if (location instanceof Rejection) {
            return location;
        }
        String academieCode = text(r, Field.ACADEMIE);
        Academie academie = Academie.byCode(academieCode).or(() -> Academie.of(uai)).orElse(null);
        if (academie == null) {
            return new Rejection(line, uaiText, Code.UNKNOWN_ACADEMIE, "aucune académie ne porte le code « "
                    + academieCode + " » ni ne compte le département " + uai.departement());
        }
        String stateText = text(r, Field.STATE);
        String stateCode = text(r, Field.STATE_CODE);
        EstablishmentStatus status = Nomenclature.status(stateText, stateCode);
        if (status == null) {
            return new Rejection(line, uaiText, Code.UNKNOWN_STATE, "état « " + (stateText.isEmpty() ? stateCode : stateText)
                    + " » inconnu : OUVERT, A FERMER, A OUVRIR ou FERME attendu");
        }
        String commune = text(r, Field.COMMUNE).toUpperCase(java.util.Locale.ROOT);
        EstablishmentType type = Nomenclature.type(text(r, Field.TYPE), text(r, Field.NATURE_CODE),
                text(r, Field.NATURE_LABEL));
        return new Row(line, uai, name, type, academie, (GeoPoint) location,
                COMMUNE.matcher(commune).matches() ? commune : null, status, "1".equals(text(r, Field.MULTI_ROW)));
    }

    private Object location(CsvRecords r, long line, String uaiText) {
        String lat = text(r, Field.LATITUDE);
        String lon = text(r, Field.LONGITUDE);
        if (lat.isEmpty() && lon.isEmpty()) {
            String position = text(r, Field.POSITION);
            int comma = position.indexOf(", ");
            if (comma < 0) {
                comma = position.indexOf(',');
            }
            if (position.isEmpty()) {
                return new Rejection(line, uaiText, Code.NOT_LOCATED, "pas de coordonnées : l'établissement n'est pas localisé");
            }
            if (comma < 0) {
                return new Rejection(line, uaiText, Code.BAD_COORDINATES, "position « " + position
                        + " » illisible : « latitude, longitude » attendu");
            }
            lat = position.substring(0, comma).strip();
            lon = position.substring(comma + 1).strip();
        }
        if (lat.isEmpty() || lon.isEmpty()) {
            return new Rejection(line, uaiText, Code.BAD_COORDINATES, "il manque la " + (lat.isEmpty() ? "latitude" : "longitude"));
        }
        double latitude = degrees(lat);
        double longitude = degrees(lon);
        if (Double.isNaN(latitude) || Double.isNaN(longitude)) {
            return new Rejection(line, uaiText, Code.BAD_COORDINATES, "« " + (Double.isNaN(latitude) ? lat : lon)
                    + " » n'est pas un nombre de degrés");
        }
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            return new Rejection(line, uaiText, Code.BAD_COORDINATES, (latitude < -90 || latitude > 90
                    ? "latitude " + lat + " hors de [-90, 90]" : "longitude " + lon + " hors de [-180, 180]"));
        }
        if (latitude == 0 && longitude == 0) {
            return new Rejection(line, uaiText, Code.NOT_LOCATED, "coordonnées (0, 0) : l'établissement n'est pas localisé");
        }
        return GeoPoint.of(latitude, longitude);
    }

    /** Decimal degrees with a point or a comma; NaN for anything else (no hexadecimal, no "Infinity"). */
    static double degrees(String text) {
        int n = text.length();
        if (n == 0 || n > 40) {
            return Double.NaN;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != ',' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private String text(CsvRecords r, Field f) {
        Integer i = index.get(f);
        if (i == null) {
            return "";
        }
        String v = r.get(i);
        return v == null ? "" : v.strip();
    }
}
