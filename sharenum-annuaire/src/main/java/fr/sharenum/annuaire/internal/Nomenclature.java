package fr.sharenum.annuaire.internal;

import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.EstablishmentType;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The official nomenclature read into ShareNum's values: {@code Type_etablissement}, nature codes
 * and labels into an {@link EstablishmentType}; {@code etat} into an {@link EstablishmentStatus}. The
 * table is documented on {@code AnnuaireImporter}; keep both in step. Thread-safe.
 */
public final class Nomenclature {

    /** Nature codes of the Base centrale des établissements with their kind. */
    static final Map<Integer, EstablishmentType> BY_NATURE = new HashMap<>();

    static {
        for (int code : new int[] {101, 102, 103, 111, 151, 152, 153, 160, 161, 162, 169, 170}) {
            BY_NATURE.put(code, EstablishmentType.ECOLE);
        }
        for (int code : new int[] {336, 340, 346, 349, 350, 352, 390}) {
            BY_NATURE.put(code, EstablishmentType.COLLEGE);
        }
        for (int code : new int[] {300, 301, 302, 306, 307, 310, 312, 315, 335, 400}) {
            BY_NATURE.put(code, EstablishmentType.LYCEE);
        }
        for (int code : new int[] {320, 332, 334}) {
            BY_NATURE.put(code, EstablishmentType.LYCEE_PROFESSIONNEL);
        }
        BY_NATURE.put(370, EstablishmentType.EREA);
        BY_NATURE.put(380, EstablishmentType.OTHER);
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Map<String, String> FOLDED = new ConcurrentHashMap<>();

    private Nomenclature() {
    }

    /**
     * The kind of an establishment from its row.
     *
     * @param typeLabel   {@code Type_etablissement} ("Lycée", "EREA"…), empty when absent
     * @param natureCode  {@code code_nature} / {@code nature_uai} ("340"), empty when absent
     * @param natureLabel {@code libelle_nature} / {@code nature_uai_libe}, empty when absent
     */
    public static EstablishmentType type(String typeLabel, String natureCode, String natureLabel) {
        Integer code = natureCode(natureCode);
        switch (fold(typeLabel)) {
            case "ECOLE":
                return EstablishmentType.ECOLE;
            case "COLLEGE":
                return EstablishmentType.COLLEGE;
            case "LYCEE":
                if (code != null) {
                    return BY_NATURE.get(code) == EstablishmentType.LYCEE_PROFESSIONNEL
                            ? EstablishmentType.LYCEE_PROFESSIONNEL : EstablishmentType.LYCEE;
                }
                return fold(natureLabel).contains("PROFESSIONNEL") ? EstablishmentType.LYCEE_PROFESSIONNEL
                        : EstablishmentType.LYCEE;
            case "EREA":
                return EstablishmentType.EREA;
            case "MEDICO-SOCIAL":
            case "AUTRE":
                return EstablishmentType.OTHER;
            case "SERVICE ADMINISTRATIF":
            case "INFORMATION ET ORIENTATION":
                return EstablishmentType.SERVICE;
            default:
                break;
        }
        if (code != null) {
            EstablishmentType known = BY_NATURE.get(code);
            if (known != null) {
                return known;
            }
            if (code >= 100 && code < 200) {
                return EstablishmentType.ECOLE;
            }
            if (code >= 800 && code < 900) {
                return EstablishmentType.SERVICE;
            }
            if (code >= 200 && code < 300) {
                return EstablishmentType.OTHER;
            }
        }
        return byLabel(fold(natureLabel));
    }

    /** The kind named by a nature label alone; EREA before any "LYCEE", post-bac schools before any "ECOLE". */
    static EstablishmentType byLabel(String label) {
        if (label.isEmpty()) {
            return EstablishmentType.OTHER;
        }
        if (label.contains("EREA") || label.contains("ENSEIGNEMENT ADAPTE") || label.contains("ENSEIGNT ADAPTE")) {
            return EstablishmentType.EREA;
        }
        if (label.contains("STS") || label.contains("CPGE")) {
            return EstablishmentType.LYCEE;
        }
        if (label.contains("ENSEIGNEMENT PROFESSIONNEL") || label.contains("LYCEE PROFESSIONNEL")
                || label.contains("PROFESSIONNELLE SPECIALISEE")) {
            return EstablishmentType.LYCEE_PROFESSIONNEL;
        }
        if (label.contains("LYCEE") || label.contains("ENSEIGT GENERAL ET TECHNOLOGIQUE") || label.contains("SECONDAIRE")) {
            return EstablishmentType.LYCEE;
        }
        if (label.contains("COLLEGE") || label.contains("GEN. ET PROF. ADAPTE") || label.contains("REINSERTION")) {
            return EstablishmentType.COLLEGE;
        }
        if (label.contains("ECOLE")) {
            return EstablishmentType.ECOLE;
        }
        if (label.contains("RECTORA") || label.contains("SERVICE") || label.contains("DIRECTION")
                || label.contains("CIRCONSCRIPTION") || label.contains("INFORMATION ET D ORIENTATION")
                || label.contains("ADMINISTRATION")) {
            return EstablishmentType.SERVICE;
        }
        return EstablishmentType.OTHER;
    }

    private static Integer natureCode(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 4) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.valueOf(t);
    }

    /**
     * The status named by {@code etat} ({@code OUVERT}, {@code A FERMER}, {@code A OUVRIR}, {@code FERME},
     * any case and accents) or, when it is empty, by {@code etat_etablissement} ({@code 1} to {@code 4});
     * both empty read as open.
     *
     * @return the status, or {@code null} when the text names none
     */
    public static EstablishmentStatus status(String label, String code) {
        String l = fold(label);
        if (l.isEmpty()) {
            l = code == null ? "" : code.strip();
        }
        switch (l) {
            case "":
            case "OUVERT":
            case "1":
                return EstablishmentStatus.OPEN;
            case "A FERMER":
            case "2":
                return EstablishmentStatus.CLOSING;
            case "A OUVRIR":
            case "3":
                return EstablishmentStatus.OPENING;
            case "FERME":
            case "4":
                return EstablishmentStatus.CLOSED;
            default:
                return null;
        }
    }

    /** Upper case without accents, spaces collapsed: {@code "Médico-social "} is {@code "MEDICO-SOCIAL"}. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String cached = FOLDED.get(text);
        if (cached != null) {
            return cached;
        }
        String folded = SPACES.matcher(MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll(""))
                .replaceAll(" ").strip().toUpperCase(Locale.ROOT);
        if (FOLDED.size() < 4096) {
            FOLDED.put(text, folded);
        }
        return folded;
    }
}
