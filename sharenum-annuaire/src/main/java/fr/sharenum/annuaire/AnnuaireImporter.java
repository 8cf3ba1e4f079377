package fr.sharenum.annuaire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.model.Uai;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams the official open-data CSV of establishments — the "Annuaire de l'éducation"
 * ({@code fr-en-annuaire-education}) or the "Adresse et géolocalisation des établissements"
 * ({@code fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre}) — into
 * {@link Establishment}s: semicolon separated, UTF-8 with or without BOM, header names of either
 * export. Read with Jackson's CSV module, one row at a time.
 *
 * <p>A row with a bad UAI, a missing name, missing or out-of-range coordinates, an unknown académie
 * or a UAI already imported is not imported: it is reported with its line number and reason, and the
 * import goes on. In {@link Builder#strict(boolean) strict} mode the first such row stops the import
 * with {@link AnnuaireImportException} and nothing is handed to the consumer.
 *
 * <pre>{@code
 * ImportReport report = AnnuaireImporter.builder().build()
 *         .importFile(Path.of("fr-en-annuaire-education.csv"), sharenum.establishments()::put);
 * report.rejected().forEach(r -> log.warn("{}", r));
 * }</pre>
 *
 * <p>Immutable and thread-safe; each call reads its own input.
 */
public final class AnnuaireImporter {
    private static final Logger LOG = LoggerFactory.getLogger(AnnuaireImporter.class);

    /** Accepted header names of each column, the Annuaire's first. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "uai", List.of("Identifiant_de_l_etablissement", "numero_uai"),
            "name", List.of("Nom_etablissement", "appellation_officielle"),
            "type", List.of("Type_etablissement", "nature_uai_libe", "libelle_nature"),
            "nature", List.of("libelle_nature", "nature_uai_libe"),
            "academie", List.of("Code_academie", "code_academie"),
            "commune", List.of("Code_commune", "code_commune"),
            "latitude", List.of("latitude"),
            "longitude", List.of("longitude"));

    private final boolean strict;

    private AnnuaireImporter(Builder b) {
        this.strict = b.strict;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Imports a file; see {@link #importFrom(Reader, Consumer)}. */
    public ImportReport importFile(Path csv, Consumer<? super Establishment> into) {
        Objects.requireNonNull(csv, "csv");
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return importFrom(reader, into);
        } catch (IOException e) {
            throw new AnnuaireImportException("cannot read " + csv + ": " + e.getMessage(), null, e);
        }
    }

    /**
     * Reads every row of {@code csv} and hands each valid establishment to {@code into}, in file
     * order. The reader is not closed.
     *
     * @throws AnnuaireImportException when the header lacks a required column, the text is not
     *                                 well-formed CSV, or (strict mode) a row is invalid
     */
    public ImportReport importFrom(Reader csv, Consumer<? super Establishment> into) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(into, "into");
        List<Establishment> held = strict ? new ArrayList<>() : null;
        List<Rejection> rejected = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        long rows = 0;
        long imported = 0;
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(';');
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema)
                .readValues(withoutBom(csv))) {
            Map<String, String> names = null;
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                long line = it.getParser().currentTokenLocation().getLineNr();
                if (names == null) {
                    names = resolve(((CsvSchema) it.getParserSchema()));
                }
                rows++;
                String uaiText = value(row, names, "uai");
                try {
                    Establishment e = parse(row, names);
                    Long first = seen.putIfAbsent(e.uai().value(), line);
                    if (first != null) {
                        throw new InvalidValueException("uai", "already imported from line " + first
                                + " (an annex or a cité scolaire sharing the UAI)");
                    }
                    if (held != null) {
                        held.add(e);
                    } else {
                        into.accept(e);
                    }
                    imported++;
                } catch (ShareNumException bad) {
                    Rejection r = new Rejection(line, uaiText, bad.getMessage());
                    if (strict) {
                        throw new AnnuaireImportException("strict import stopped at " + r, r, bad);
                    }
                    rejected.add(r);
                }
            }
        } catch (JsonProcessingException e) {
            throw new AnnuaireImportException("not a readable establishments CSV: " + e.getOriginalMessage(), null, e);
        } catch (IOException e) {
            throw new AnnuaireImportException("cannot read the CSV: " + e.getMessage(), null, e);
        } catch (RuntimeException e) {
            if (e instanceof AnnuaireImportException) {
                throw e;
            }
            if (e.getCause() instanceof IOException) {
                throw new AnnuaireImportException("not a readable establishments CSV: " + e.getCause().getMessage(), null, e);
            }
            throw e;
        }
        if (held != null) {
            held.forEach(into);
        }
        LOG.info("Annuaire import: {} rows, {} establishments imported, {} rejected", rows, imported, rejected.size());
        return new ImportReport(rows, imported, rejected);
    }

    /** Maps each logical column to the header name present in the file. */
    private static Map<String, String> resolve(CsvSchema schema) {
        Map<String, String> names = new HashMap<>();
        COLUMNS.forEach((logical, candidates) -> {
            for (String c : candidates) {
                if (schema.column(c) != null) {
                    names.put(logical, c);
                    break;
                }
            }
        });
        for (String required : List.of("uai", "name", "latitude", "longitude")) {
            if (!names.containsKey(required)) {
                throw new AnnuaireImportException("the header has no " + required + " column (expected one of "
                        + COLUMNS.get(required) + ")", null, null);
            }
        }
        return names;
    }

    private static String value(Map<String, String> row, Map<String, String> names, String logical) {
        String header = names.get(logical);
        String v = header == null ? null : row.get(header);
        return v == null ? "" : v.strip();
    }

    private static Establishment parse(Map<String, String> row, Map<String, String> names) {
        Uai uai = Uai.of(value(row, names, "uai"));
        String name = value(row, names, "name");
        if (name.isEmpty()) {
            throw new InvalidValueException("name", "the establishment has no name");
        }
        double lat = coordinate(value(row, names, "latitude"), "latitude");
        double lon = coordinate(value(row, names, "longitude"), "longitude");
        GeoPoint location = GeoPoint.of(lat, lon);
        Academie academie = Academie.byCode(value(row, names, "academie")).or(() -> Academie.of(uai))
                .orElseThrow(() -> new InvalidValueException("academie", "no académie for code '"
                        + value(row, names, "academie") + "' nor for département " + uai.departement()));
        String commune = value(row, names, "commune");
        return new Establishment(uai, name, type(value(row, names, "type"), value(row, names, "nature")), academie,
                location, commune.matches("[0-9][0-9AB][0-9]{3}") ? commune : null);
    }

    private static double coordinate(String text, String field) {
        if (text.isEmpty()) {
            throw new InvalidValueException(field, "missing: the establishment is not located");
        }
        try {
            double v = Double.parseDouble(text.replace(',', '.'));
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, "'" + text + "' is not a number of degrees");
        }
    }

    /** The ShareNum type for the Annuaire's type and nature labels. */
    static EstablishmentType type(String type, String nature) {
        String t = (type + " " + nature).toUpperCase(Locale.ROOT);
        if (t.contains("PROFESSIONNEL")) {
            return EstablishmentType.LYCEE_PROFESSIONNEL;
        }
        if (t.contains("LYC")) {
            return EstablishmentType.LYCEE;
        }
        if (t.contains("COLL")) {
            return EstablishmentType.COLLEGE;
        }
        if (t.contains("ECOLE") || t.contains("ÉCOLE")) {
            return EstablishmentType.ECOLE;
        }
        if (t.contains("EREA") || t.contains("ENSEIGNEMENT ADAPT")) {
            return EstablishmentType.EREA;
        }
        if (t.contains("SERVICE") || t.contains("INFORMATION ET ORIENTATION") || t.contains("CIO")) {
            return EstablishmentType.SERVICE;
        }
        return EstablishmentType.OTHER;
    }

    /** Drops a leading UTF-8 byte order mark, which would otherwise glue itself to the first header name. */
    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader r = new PushbackReader(in instanceof BufferedReader ? in : new BufferedReader(in), 1);
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }


    /** Configures an {@link AnnuaireImporter}. Not thread-safe. */
    public static final class Builder {
        private boolean strict;

        private Builder() {
        }

        /** Stop at the first invalid row and import nothing; default false (report and go on). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public AnnuaireImporter build() {
            return new AnnuaireImporter(this);
        }
    }

}
