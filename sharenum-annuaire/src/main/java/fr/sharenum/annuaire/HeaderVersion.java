package fr.sharenum.annuaire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the header of an official establishments file: its exact columns, and which column
 * holds each {@link Field} ShareNum reads. The ministry changes its open-data exports from time to
 * time; the importer recognises a file by its header (the same column names, in any order, ignoring
 * case) and refuses a header it does not know, listing the versions it expected.
 *
 * <table>
 *   <caption>Known versions</caption>
 *   <tr><th>id</th><th>columns</th><th>what it is</th></tr>
 *   <tr><td>{@code annuaire-2023}</td><td>69</td><td>Annuaire de l'éducation ({@code fr-en-annuaire-education})
 *       up to 2023: {@code Code postal} with a space, {@code coordonnee_X/Y}, {@code epsg},
 *       {@code etablissement_multi_lignes}, no circonscription or animation-zone columns</td></tr>
 *   <tr><td>{@code annuaire-2024}</td><td>72</td><td>Annuaire de l'éducation 2024–2025: {@code coordX_origine},
 *       {@code multi_uai}, circonscription and zone columns (the Occitanie extract of November 2024)</td></tr>
 *   <tr><td>{@code annuaire-2026}</td><td>71</td><td>Annuaire de l'éducation 2026: as 2024 without
 *       {@code Nombre_d_eleves}; {@code position} ("lat, lon") is read when latitude and longitude are empty</td></tr>
 *   <tr><td>{@code geolocalisation-2024}</td><td>35</td><td>"Adresse et géolocalisation des établissements
 *       d'enseignement du premier et second degrés"
 *       ({@code fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre})</td></tr>
 * </table>
 *
 * <p>A host meeting a new export before ShareNum knows it declares it without waiting for a release:
 *
 * <pre>{@code
 * HeaderVersion v2027 = HeaderVersion.builder("annuaire-2027", "Annuaire de l'éducation 2027")
 *         .columns(header)                                             // every column, as in the file
 *         .field(Field.UAI, "Identifiant_de_l_etablissement").field(Field.NAME, "Nom_etablissement")
 *         .field(Field.LATITUDE, "latitude").field(Field.LONGITUDE, "longitude")
 *         // ... the other fields the file has
 *         .build();
 * AnnuaireImporter importer = AnnuaireImporter.builder().headerVersion(v2027).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HeaderVersion {

    /** What ShareNum reads from a row; each version says which column holds it, if any. */
    public enum Field {
        /** The UAI. Required. */
        UAI,
        /** The official name. Required. */
        NAME,
        /** The coarse kind ({@code Type_etablissement}: "Ecole", "Collège", "Lycée", "EREA"…). */
        TYPE,
        /** The nature code of the Base centrale des établissements ({@code 340} for a collège). */
        NATURE_CODE,
        /** The nature label ({@code COLLEGE}, {@code LYCEE PROFESSIONNEL}…). */
        NATURE_LABEL,
        /** The académie code ({@code 07}, or {@code 7} in 2026 exports). */
        ACADEMIE,
        /** The INSEE code of the commune. */
        COMMUNE,
        /** WGS84 latitude in degrees. Required with {@link #LONGITUDE}, unless there is a {@link #POSITION}. */
        LATITUDE,
        /** WGS84 longitude in degrees. */
        LONGITUDE,
        /** "latitude, longitude" in one column, read when the two others are empty. */
        POSITION,
        /** The state as a label ({@code OUVERT}, {@code A FERMER}, {@code A OUVRIR}, {@code FERME}). */
        STATE,
        /** The state as a code ({@code 1} open, {@code 2} closing, {@code 3} opening, {@code 4} closed). */
        STATE_CODE,
        /** {@code 1} on every row of a UAI listed on several rows (cité scolaire, annexes). */
        MULTI_ROW
    }

    /** The Annuaire de l'éducation as exported up to 2023 (69 columns). */
    public static final HeaderVersion ANNUAIRE_2023 = annuaire("annuaire-2023",
            "Annuaire de l'éducation, export jusqu'en 2023 (69 colonnes)", "etablissement_multi_lignes", List.of(
            "Identifiant_de_l_etablissement", "Nom_etablissement", "Type_etablissement", "Statut_public_prive",
            "Adresse_1", "Adresse_2", "Adresse_3", "Code postal", "Code_commune", "Nom_commune", "Code_departement",
            "Code_academie", "Code_region", "Ecole_maternelle", "Ecole_elementaire", "Voie_generale",
            "Voie_technologique", "Voie_professionnelle", "Telephone", "Fax", "Web", "Mail", "Restauration",
            "Hebergement", "ULIS", "Apprentissage", "Segpa", "Section_arts", "Section_cinema", "Section_theatre",
            "Section_sport", "Section_internationale", "Section_europeenne", "Lycee_Agricole", "Lycee_militaire",
            "Lycee_des_metiers", "Post_BAC", "Appartenance_Education_Prioritaire", "GRETA", "SIREN_SIRET",
            "Nombre_d_eleves", "Fiche_onisep", "position", "Type_contrat_prive", "Libelle_departement",
            "Libelle_academie", "Libelle_region", "coordonnee_X", "coordonnee_Y", "epsg", "nom_circonscription",
            "latitude", "longitude", "precision_localisation", "date_ouverture", "date_maj_ligne", "etat",
            "ministere_tutelle", "etablissement_multi_lignes", "rpi_concentre", "rpi_disperse", "code_nature",
            "libelle_nature", "Code_type_contrat_prive", "PIAL", "etablissement_mere",
            "type_rattachement_etablissement_mere", "code_bassin_formation", "libelle_bassin_formation"));

    /** The Annuaire de l'éducation as exported in 2024 and 2025 (72 columns). */
    public static final HeaderVersion ANNUAIRE_2024 = annuaire("annuaire-2024",
            "Annuaire de l'éducation, export 2024-2025 (72 colonnes)", "multi_uai", List.of(
            "Identifiant_de_l_etablissement", "Nom_etablissement", "Type_etablissement", "Statut_public_prive",
            "Adresse_1", "Adresse_2", "Adresse_3", "Code_postal", "Code_commune", "Nom_commune", "Code_departement",
            "Code_academie", "Code_region", "Ecole_maternelle", "Ecole_elementaire", "Voie_generale",
            "Voie_technologique", "Voie_professionnelle", "Telephone", "Fax", "Web", "Mail", "Restauration",
            "Hebergement", "ULIS", "Apprentissage", "Segpa", "Section_arts", "Section_cinema", "Section_theatre",
            "Section_sport", "Section_internationale", "Section_europeenne", "Lycee_Agricole", "Lycee_militaire",
            "Lycee_des_metiers", "Post_BAC", "Appartenance_Education_Prioritaire", "GRETA", "SIREN_SIRET",
            "Nombre_d_eleves", "Fiche_onisep", "position", "Type_contrat_prive", "Libelle_departement",
            "Libelle_academie", "Libelle_region", "coordX_origine", "coordY_origine", "epsg_origine",
            "nom_circonscription", "latitude", "longitude", "precision_localisation", "date_ouverture",
            "date_maj_ligne", "etat", "ministere_tutelle", "multi_uai", "rpi_concentre", "rpi_disperse",
            "code_nature", "libelle_nature", "Code_type_contrat_prive", "PIAL", "etablissement_mere",
            "type_rattachement_etablissement_mere", "code_circonscription", "code_zone_animation_pedagogique",
            "libelle_zone_animation_pedagogique", "code_bassin_formation", "libelle_bassin_formation"));

    /** The Annuaire de l'éducation as exported in 2026 (71 columns: no {@code Nombre_d_eleves}). */
    public static final HeaderVersion ANNUAIRE_2026 = annuaire("annuaire-2026",
            "Annuaire de l'éducation, export 2026 (71 colonnes, sans Nombre_d_eleves)", "multi_uai", List.of(
            "Identifiant_de_l_etablissement", "Nom_etablissement", "Type_etablissement", "Statut_public_prive",
            "Adresse_1", "Adresse_2", "Adresse_3", "Code_postal", "Code_commune", "Nom_commune", "Code_departement",
            "Code_academie", "Code_region", "Ecole_maternelle", "Ecole_elementaire", "Voie_generale",
            "Voie_technologique", "Voie_professionnelle", "Telephone", "Fax", "Web", "Mail", "Restauration",
            "Hebergement", "ULIS", "Apprentissage", "Segpa", "Section_arts", "Section_cinema", "Section_theatre",
            "Section_sport", "Section_internationale", "Section_europeenne", "Lycee_Agricole", "Lycee_militaire",
            "Lycee_des_metiers", "Post_BAC", "Appartenance_Education_Prioritaire", "GRETA", "SIREN_SIRET",
            "Fiche_onisep", "position", "Type_contrat_prive", "Libelle_departement", "Libelle_academie",
            "Libelle_region", "coordX_origine", "coordY_origine", "epsg_origine", "nom_circonscription", "latitude",
            "longitude", "precision_localisation", "date_ouverture", "date_maj_ligne", "etat", "ministere_tutelle",
            "multi_uai", "rpi_concentre", "rpi_disperse", "code_nature", "libelle_nature", "Code_type_contrat_prive",
            "PIAL", "etablissement_mere", "type_rattachement_etablissement_mere", "code_circonscription",
            "code_zone_animation_pedagogique", "libelle_zone_animation_pedagogique", "code_bassin_formation",
            "libelle_bassin_formation"));

    /** "Adresse et géolocalisation des établissements d'enseignement du premier et second degrés" (35 columns). */
    public static final HeaderVersion GEOLOCALISATION_2024 = builder("geolocalisation-2024",
            "Adresse et géolocalisation des établissements du premier et second degrés (35 colonnes)")
            .columns(List.of(
            "numero_uai", "appellation_officielle", "denomination_principale", "patronyme_uai",
            "secteur_public_prive_libe", "adresse_uai", "lieu_dit_uai", "boite_postale_uai", "code_postal_uai",
            "localite_acheminement_uai", "libelle_commune", "coordonnee_x", "coordonnee_y", "EPSG", "latitude",
            "longitude", "appariement", "localisation", "nature_uai", "nature_uai_libe", "etat_etablissement",
            "etat_etablissement_libe", "code_departement", "code_region", "code_academie", "code_commune",
            "libelle_departement", "libelle_region", "libelle_academie", "position",
            "secteur_prive_code_type_contrat", "secteur_prive_libelle_type_contrat", "code_ministere",
            "libelle_ministere", "date_ouverture"))
            .field(Field.UAI, "numero_uai").field(Field.NAME, "appellation_officielle")
            .field(Field.NATURE_CODE, "nature_uai").field(Field.NATURE_LABEL, "nature_uai_libe")
            .field(Field.ACADEMIE, "code_academie").field(Field.COMMUNE, "code_commune")
            .field(Field.LATITUDE, "latitude").field(Field.LONGITUDE, "longitude").field(Field.POSITION, "position")
            .field(Field.STATE, "etat_etablissement_libe").field(Field.STATE_CODE, "etat_etablissement")
            .build();

    private static final List<HeaderVersion> KNOWN = List.of(ANNUAIRE_2024, ANNUAIRE_2026, ANNUAIRE_2023,
            GEOLOCALISATION_2024);

    private final String id;
    private final String description;
    private final List<String> columns;
    private final Map<Field, String> fields;
    private final Set<String> folded;

    private HeaderVersion(Builder b) {
        this.id = b.id;
        this.description = b.description;
        this.columns = List.copyOf(b.columns);
        this.fields = Collections.unmodifiableMap(new EnumMap<>(b.fields));
        Set<String> f = new HashSet<>();
        for (String c : columns) {
            f.add(c.toLowerCase(Locale.ROOT));
        }
        this.folded = Set.copyOf(f);
    }

    private static HeaderVersion annuaire(String id, String description, String multiRow, List<String> columns) {
        return builder(id, description).columns(columns)
                .field(Field.UAI, "Identifiant_de_l_etablissement").field(Field.NAME, "Nom_etablissement")
                .field(Field.TYPE, "Type_etablissement").field(Field.NATURE_CODE, "code_nature")
                .field(Field.NATURE_LABEL, "libelle_nature").field(Field.ACADEMIE, "Code_academie")
                .field(Field.COMMUNE, "Code_commune").field(Field.LATITUDE, "latitude").field(Field.LONGITUDE, "longitude")
                .field(Field.POSITION, "position").field(Field.STATE, "etat").field(Field.MULTI_ROW, multiRow)
                .build();
    }

    /**
     * The versions ShareNum knows, the most recent Annuaire first.
     *
     * @return the versions ShareNum knows, the most recent Annuaire first
     */
    public static List<HeaderVersion> known() {
        return KNOWN;
    }

    /**
     * The known version with this {@link #id()}.
     *
     * @param id e.g. {@code "annuaire-2024"}
     * @return the known version with this {@link #id()}
     */
    public static Optional<HeaderVersion> byId(String id) {
        return KNOWN.stream().filter(v -> v.id.equals(id)).findFirst();
    }

    /**
     * Starts a version a host declares itself.
     *
     * @param id          a short stable name, e.g. {@code "annuaire-2027"}
     * @param description what the file is, in words a person reads in error messages
     * @return the builder
     */
    public static Builder builder(String id, String description) {
        return new Builder(id, description);
    }

    /**
     * Short stable name: {@code "annuaire-2024"}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * What the file is, in French.
     *
     * @return what the file is, in French
     */
    public String description() {
        return description;
    }

    /**
     * Every column of the header, in the order of the official file.
     *
     * @return every column of the header, in the order of the official file
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * The column holding {@code field}, if this version has one.
     *
     * @param field what is read
     * @return the column holding {@code field}, if this version has one
     */
    public Optional<String> column(Field field) {
        return Optional.ofNullable(fields.get(Objects.requireNonNull(field, "field")));
    }

    /**
     * Whether {@code header} has exactly this version's columns (in any order, ignoring case and spaces
     * around names).
     *
     * @param header the column names of a file's first line
     * @return whether {@code header} has exactly this version's columns (in any order, ignoring case and spaces around names)
     */
    public boolean matches(List<String> header) {
        if (header.size() != columns.size()) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            String n = normalise(h);
            if (!folded.contains(n) || !seen.add(n)) {
                return false;
            }
        }
        return true;
    }

    /** This version's columns missing from {@code header}, in this version's order. */
    List<String> missingFrom(List<String> header) {
        Set<String> have = new HashSet<>();
        header.forEach(h -> have.add(normalise(h)));
        List<String> missing = new ArrayList<>();
        for (String c : columns) {
            if (!have.contains(c.toLowerCase(Locale.ROOT))) {
                missing.add(c);
            }
        }
        return missing;
    }

    /** The columns of {@code header} this version does not have, in the header's order. */
    List<String> unexpectedIn(List<String> header) {
        List<String> unexpected = new ArrayList<>();
        for (String h : header) {
            if (!folded.contains(normalise(h))) {
                unexpected.add(h.strip());
            }
        }
        return unexpected;
    }

    static String normalise(String headerName) {
        String n = headerName == null ? "" : headerName.strip();
        if (!n.isEmpty() && n.charAt(0) == '\uFEFF') {
            n = n.substring(1).strip();
        }
        return n.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id + " (" + columns.size() + " colonnes)";
    }

    /** Declares a {@link HeaderVersion}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String description;
        private final List<String> columns = new ArrayList<>();
        private final Map<Field, String> fields = new EnumMap<>(Field.class);

        private Builder(String id, String description) {
            if (id == null || id.isBlank() || description == null || description.isBlank()) {
                throw new IllegalArgumentException("a header version needs an id and a description");
            }
            this.id = id.strip();
            this.description = description.strip();
        }

        /**
         * Every column of the header, as in the file.
         *
         * @param header the column names, each once
         * @throws IllegalArgumentException when a name is blank or repeated (ignoring case)
         * @return this builder
         */
        public Builder columns(List<String> header) {
            columns.clear();
            Set<String> unique = new LinkedHashSet<>();
            for (String c : header) {
                if (c == null || c.isBlank() || !unique.add(c.strip().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("columns must be named and distinct: " + header);
                }
                columns.add(c.strip());
            }
            return this;
        }

        /**
         * Says which column holds {@code field}.
         *
         * @param field  what is read
         * @param column one of the {@link #columns(List) columns}
         * @return this builder
         */
        public Builder field(Field field, String column) {
            fields.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(column, "column").strip());
            return this;
        }

        /**
         * @throws IllegalArgumentException when a field names a column the header lacks, or UAI, NAME
         *                                  and a position (LATITUDE and LONGITUDE, or POSITION) are not all mapped
         * @return the {@link HeaderVersion}
         */
        public HeaderVersion build() {
            Set<String> have = new HashSet<>();
            columns.forEach(c -> have.add(c.toLowerCase(Locale.ROOT)));
            fields.forEach((f, c) -> {
                if (!have.contains(c.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException(f + " names column '" + c + "', which is not in the header " + columns);
                }
            });
            boolean located = (fields.containsKey(Field.LATITUDE) && fields.containsKey(Field.LONGITUDE))
                    || fields.containsKey(Field.POSITION);
            if (!fields.containsKey(Field.UAI) || !fields.containsKey(Field.NAME) || !located) {
                throw new IllegalArgumentException("a header version maps at least UAI, NAME and LATITUDE with LONGITUDE "
                        + "(or POSITION); got " + fields.keySet());
            }
            return new HeaderVersion(this);
        }
    }
}
