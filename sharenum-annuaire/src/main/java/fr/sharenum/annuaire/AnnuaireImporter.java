package fr.sharenum.annuaire;

import fr.sharenum.annuaire.AnnuaireImportException.Code;
import fr.sharenum.annuaire.internal.DecodingReader;
import fr.sharenum.model.Establishment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams the official open-data CSV of establishments — the "Annuaire de l'éducation"
 * ({@code fr-en-annuaire-education}) or the "Adresse et géolocalisation des établissements"
 * ({@code fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre}) — into
 * {@link Establishment}s: semicolon separated, UTF-8 with or without BOM (or the {@linkplain
 * Builder#charset(Charset) charset} given), one of the {@linkplain HeaderVersion#known() known header
 * versions}. Rows are read one at a time; memory holds the current row, the UAIs seen and the rows of
 * UAIs listed on several rows, never the file.
 *
 * <pre>{@code
 * ImportReport report = AnnuaireImporter.builder().build()
 *         .importFile(Path.of("fr-en-annuaire-education.csv"), sharenum.establishments()::put);
 * report.rejected().forEach(r -> log.warn("{}", r));
 * }</pre>
 *
 * <h2>Rows</h2>
 * <ul>
 *   <li>Every row must have as many columns as the header: a row cut short (the last line of a
 *       truncated download) or with an extra separator is rejected ({@link Rejection.Code#COLUMN_COUNT}).</li>
 *   <li>A row with a bad UAI, no name, no or bad coordinates, no académie, an unknown state, or bytes
 *       that are not valid in the file's encoding is rejected with its line and reason
 *       ({@link Rejection}) and the import goes on. In {@linkplain Builder#strict(boolean) strict} mode
 *       the first such row refuses the whole file and nothing is handed — except the kinds it
 *       {@linkplain Builder#tolerate(Rejection.Code...) tolerates}, such as the establishments a genuine
 *       export has not located yet, which are reported.</li>
 *   <li>Rows sharing a UAI — a cité scolaire's collège and lycée, an establishment and its annex —
 *       become one establishment: its main row is the first whose name does not call it an annex, a
 *       site or an antenna (else the first), and the other rows are recorded as its
 *       {@link Establishment#annexes() annexes} (closed ones left out). From a file they are recognised
 *       whatever their order; from a stream, by the version's multi-row column ({@code multi_uai}),
 *       and a UAI repeated without it is rejected ({@link Rejection.Code#DUPLICATE_UAI}).</li>
 *   <li>The state ({@code etat}: {@code OUVERT}, {@code A FERMER}, {@code A OUVRIR}, {@code FERME};
 *       or {@code etat_etablissement} 1 to 4) becomes the {@link fr.sharenum.model.EstablishmentStatus}:
 *       closing and closed establishments are imported, marked.</li>
 *   <li>The position is {@code latitude}/{@code longitude} (decimal point or comma), else the
 *       {@code position} column ("lat, lon"); (0, 0) counts as not located.</li>
 *   <li>The académie is the {@code Code_academie} ({@code 07} or {@code 7}), else the UAI's département's.</li>
 * </ul>
 *
 * <h2>Types</h2>
 * The {@link fr.sharenum.model.EstablishmentType} comes from {@code Type_etablissement} when the file
 * has one, refined by the nature code; otherwise from the nature code ({@code code_nature},
 * {@code nature_uai}); otherwise from the nature label.
 * <table>
 *   <caption>Official nomenclature → ShareNum type</caption>
 *   <tr><th>{@code Type_etablissement}</th><th>nature codes (BCE) and labels</th><th>type</th></tr>
 *   <tr><td>Ecole</td><td>101 maternelle, 102 maternelle annexe d'IUFM, 103 maternelle d'application,
 *       111 maternelle spécialisée, 151 élémentaire, 152 élémentaire annexe d'IUFM, 153 élémentaire
 *       d'application, 160 plein air, 161 autonome de perfectionnement, 162 élémentaire spécialisée,
 *       169 régionale du premier degré, 170 sans effectifs permanents; any other 1xx</td><td>ECOLE</td></tr>
 *   <tr><td>Collège</td><td>340 collège, 346 expérimental, 349 établissement de réinsertion scolaire,
 *       350 climatique, 352 spécialisé, 336 section techno 1<sup>er</sup> cycle, 390 SEGPA</td><td>COLLEGE</td></tr>
 *   <tr><td>Lycée</td><td>300 LEGT, 301 technologique, 302 général, 306 polyvalent, 307 polyvalent
 *       agricole, 310 climatique, 312 école secondaire spécialisée, 315 expérimental, 335 SGT,
 *       400 écoles composées uniquement de STS et/ou CPGE (also with an empty type)</td><td>LYCEE</td></tr>
 *   <tr><td>Lycée</td><td>320 lycée professionnel, 332 école professionnelle spécialisée,
 *       334 SEP</td><td>LYCEE_PROFESSIONNEL</td></tr>
 *   <tr><td>EREA</td><td>370 EREA / LEA ("ETAB REGIONAL/LYCEE ENSEIGNEMENT ADAPTE")</td><td>EREA</td></tr>
 *   <tr><td>Médico-social</td><td>2xx: 240 IME, 241 ITEP, 242 IEM, 245 polyhandicapés, 247 and 248 IES,
 *       249 médico-expérimental…</td><td>OTHER</td></tr>
 *   <tr><td>Autre</td><td>380 maison familiale rurale</td><td>OTHER</td></tr>
 *   <tr><td>Service Administratif, Information et orientation</td><td>8xx: 801 administration centrale,
 *       802 rectorat, 803 service rectoral, 805 DSDEN, 806 service de la DSDEN, 809 circonscription
 *       d'IEN, 841 CIO</td><td>SERVICE</td></tr>
 *   <tr><td>(empty or unknown)</td><td>a code above; else by label, in this order: EREA or
 *       "ENSEIGNEMENT ADAPTE" → EREA; STS or CPGE → LYCEE; "ENSEIGNEMENT PROFESSIONNEL", "LYCEE
 *       PROFESSIONNEL" → LYCEE_PROFESSIONNEL; LYCEE, SECONDAIRE → LYCEE; COLLEGE, SEGPA, réinsertion →
 *       COLLEGE; ECOLE → ECOLE; rectorat, service, direction, circonscription, orientation →
 *       SERVICE</td><td>else OTHER</td></tr>
 * </table>
 * A cité scolaire's rows keep their own types: its collège row is a COLLEGE even when the UAI's nature
 * is a lycée's.
 *
 * <h2>What was handed</h2>
 * A file ({@link #importFile}) is read twice: a checking pass (header, CSV, encoding, and in strict
 * mode every row), then the handing pass. So when {@code importFile} throws, nothing was handed
 * (except {@link Code#FILE_CHANGED}, whose {@link AnnuaireImportException#handed()} says how many).
 * A stream ({@link #importFrom(Reader, Consumer)}) is read once: in strict mode it is held in memory
 * and handed only when entirely valid; in lenient mode establishments are handed as they come, and a
 * refusal says in {@link AnnuaireImportException#handed()} how many were. An exception thrown by the
 * consumer stops the import and propagates unchanged.
 *
 * <h2>Encodings</h2>
 * Reading bytes (a file or an {@code InputStream}), bytes that are not valid in the charset are
 * never guessed silently: when the file as a whole is in another encoding (more invalid sequences than
 * valid accented characters in a file; an invalid sequence before any valid accent in a stream) it is
 * refused ({@link Code#ENCODING}) naming the first bad line, the bytes and the likely encoding
 * (Windows-1252, ISO-8859-1, UTF-16); otherwise the rows holding them are rejected
 * ({@link Rejection.Code#ENCODING}) and the rest imported. A {@code Reader} decodes by itself: a row
 * holding U+FFFD is rejected, and a decoding failure refuses the file.
 *
 * <p>Immutable and thread-safe; each call reads its own input.
 */
public final class AnnuaireImporter {
    private static final Logger LOG = LoggerFactory.getLogger(AnnuaireImporter.class);

    private final boolean strict;
    private final Set<Rejection.Code> tolerated;
    private final Charset charset;
    private final List<HeaderVersion> versions;

    private AnnuaireImporter(Builder b) {
        this.strict = b.strict;
        this.tolerated = b.tolerated.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.tolerated));
        this.charset = b.charset;
        this.versions = List.copyOf(b.versions);
    }

    /**
     * A lenient importer of UTF-8 files of every known header version.
     *
     * @return a lenient importer of UTF-8 files of every known header version
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether the first invalid row refuses the whole file.
     *
     * @return whether the first invalid row refuses the whole file
     */
    public boolean strict() {
        return strict;
    }

    /**
     * The kinds of rejected rows a strict import reports without refusing the file.
     *
     * @return the kinds of rejected rows a strict import reports without refusing the file
     */
    public Set<Rejection.Code> tolerated() {
        return tolerated;
    }

    /** Whether this importer refuses the whole file for {@code r}: strict, and not a tolerated kind. */
    boolean refuses(Rejection r) {
        return strict && !tolerated.contains(r.code());
    }

    /**
     * The charset bytes are decoded with.
     *
     * @return the charset bytes are decoded with
     */
    public Charset charset() {
        return charset;
    }

    /**
     * The header versions recognised, in the order they are tried.
     *
     * @return the header versions recognised, in the order they are tried
     */
    public List<HeaderVersion> headerVersions() {
        return versions;
    }

    /**
     * Imports a file: checks it whole, then hands each establishment to {@code into} as its last row is
     * read. Nothing is handed when this throws, unless the file changed between the two passes.
     *
     * @param csv  the file
     * @param into receives each establishment once
     * @return what was imported and rejected
     * @throws AnnuaireImportException when the file cannot be read, is empty, has an unknown header, is
     *                                 not CSV, is in another encoding, or (strict) has an invalid row
     */
    public ImportReport importFile(Path csv, Consumer<? super Establishment> into) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(into, "into");
        Stamp before = stamp(csv);
        ImportPass check = new ImportPass(this, ImportPass.Sink.COUNT, into, null, false);
        try (DecodingReader bytes = new DecodingReader(Files.newInputStream(csv), charset)) {
            check.run(bytes, bytes);
            ImportPass.checkEncoding(bytes);
        } catch (IOException e) {
            throw unreadable(csv, e);
        }
        if (check.firstRefused() != null) {
            Rejection r = check.firstRefused();
            throw new AnnuaireImportException(Code.INVALID_ROW, "import strict refusé, rien n'a été importé : " + r,
                    r.line(), r, 0, null);
        }
        ImportPass.Plan plan = check.plan();
        ImportPass hand = new ImportPass(this, ImportPass.Sink.HAND, into, plan, false);
        ImportReport report;
        try (DecodingReader bytes = new DecodingReader(Files.newInputStream(csv), charset)) {
            if (!before.equals(stamp(csv))) {
                throw new AnnuaireImportException(Code.FILE_CHANGED, csv + " a changé pendant l'import ; rien n'a été "
                        + "importé, relancez-le", 0, null, 0, null);
            }
            report = hand.run(bytes, bytes);
        } catch (AnnuaireImportException e) {
            throw new AnnuaireImportException(Code.FILE_CHANGED, csv + " a changé pendant l'import : " + e.getMessage()
                    + " ; " + e.handed() + " établissements avaient été transmis", e.line().orElse(0),
                    e.rejection().orElse(null), e.handed(), e);
        } catch (IOException e) {
            throw new AnnuaireImportException(Code.FILE_CHANGED, csv + " ne peut plus être lu pendant l'import ("
                    + e + ") ; " + hand.handed() + " établissements avaient été transmis", 0, null, hand.handed(), e);
        }
        if (report.rows() != plan.rows || report.rejected().stream().anyMatch(this::refuses) || !before.equals(stamp(csv))) {
            throw new AnnuaireImportException(Code.FILE_CHANGED, csv + " a changé pendant l'import ("
                    + plan.rows + " lignes vérifiées, " + report.rows() + " lues ensuite) ; " + hand.handed()
                    + " établissements ont été transmis, relancez l'import", 0, null, hand.handed(), null);
        }
        log(report);
        return report;
    }

    /**
     * Imports bytes, decoded with the {@linkplain #charset() charset}: one pass, line-exact encoding
     * errors. The stream is read to its end and not closed.
     *
     * @param csv  the bytes of the CSV
     * @param into receives each establishment once
     * @return what was imported and rejected
     * @throws AnnuaireImportException see {@link #importFrom(Reader, Consumer)}
     */
    public ImportReport importFrom(InputStream csv, Consumer<? super Establishment> into) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(into, "into");
        DecodingReader bytes = new DecodingReader(new UnclosedInput(csv), charset);
        ImportReport report = new ImportPass(this, strict ? ImportPass.Sink.HOLD : ImportPass.Sink.HAND, into, null,
                true).run(bytes, bytes);
        log(report);
        return report;
    }

    /**
     * Imports text already decoded. The reader is read to its end and not closed.
     *
     * @param csv  the text of the CSV
     * @param into receives each establishment once
     * @return what was imported and rejected
     * @throws AnnuaireImportException when the text is empty, has an unknown header, is not CSV, cannot be
     *                                 read or decoded, or (strict) has an invalid row; in lenient mode
     *                                 {@link AnnuaireImportException#handed()} says how many
     *                                 establishments had been handed
     */
    public ImportReport importFrom(Reader csv, Consumer<? super Establishment> into) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(into, "into");
        ImportReport report = new ImportPass(this, strict ? ImportPass.Sink.HOLD : ImportPass.Sink.HAND, into, null,
                true).run(csv, null);
        log(report);
        return report;
    }

    private static void log(ImportReport report) {
        LOG.info("Import de l'annuaire ({}) : {} lignes, {} établissements, {} annexes, {} lignes rejetées",
                report.headerVersion(), report.rows(), report.imported(), report.annexes(), report.rejected().size());
    }

    private static AnnuaireImportException unreadable(Path csv, IOException e) {
        String why = e instanceof NoSuchFileException ? "il n'existe pas" : e.toString();
        return new AnnuaireImportException(Code.UNREADABLE, "le fichier " + csv + " ne peut pas être lu : " + why, 0,
                null, 0, e);
    }

    private record Stamp(long size, long modified) {
    }

    private static Stamp stamp(Path csv) {
        try {
            BasicFileAttributes a = Files.readAttributes(csv, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            throw unreadable(csv, e);
        }
    }

    /** Keeps the caller's stream open when the decoder is closed. */
    private static final class UnclosedInput extends java.io.FilterInputStream {
        UnclosedInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller's stream
        }
    }

    /** Configures an {@link AnnuaireImporter}. Not thread-safe. */
    public static final class Builder {
        private boolean strict;
        private final Set<Rejection.Code> tolerated = EnumSet.noneOf(Rejection.Code.class);
        private Charset charset = StandardCharsets.UTF_8;
        private final List<HeaderVersion> versions = new ArrayList<>(HeaderVersion.known());

        private Builder() {
        }

        /**
         * Whether the first invalid row refuses the whole file, importing nothing; default false (report
         * it and go on).
         *
         * @param strict true to refuse files with any invalid row
         * @return this builder
         */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Kinds of rows a strict import rejects and reports without refusing the file: the gaps of a
         * genuine export rather than defects of the file. The real Annuaire has establishments not
         * located yet ({@link Rejection.Code#NOT_LOCATED}) and new ones without a name
         * ({@link Rejection.Code#NO_NAME}); {@code strict(true).tolerate(NOT_LOCATED, NO_NAME)} imports it
         * and still refuses a truncated row, a bad encoding or a bad UAI. No effect in lenient mode.
         *
         * @param codes the kinds tolerated
         * @return this builder
         */
        public Builder tolerate(Rejection.Code... codes) {
            tolerated.addAll(Arrays.asList(codes));
            return this;
        }

        /**
         * The encoding of the bytes read by {@link #importFile} and {@link #importFrom(InputStream, Consumer)};
         * default UTF-8 (a BOM is skipped).
         *
         * @param charset e.g. {@code Charset.forName("windows-1252")} for a file re-saved by a spreadsheet
         * @return this builder
         */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * Also recognises {@code version}, tried before the known ones: an export ShareNum does not know
         * yet.
         *
         * @param version a version declared with {@link HeaderVersion#builder(String, String)}
         * @return this builder
         */
        public Builder headerVersion(HeaderVersion version) {
            versions.add(0, Objects.requireNonNull(version, "version"));
            return this;
        }

        /**
         * Recognises only these versions (e.g. to accept a single official export).
         *
         * @param only the versions, tried in this order; not empty
         * @return this builder
         */
        public Builder onlyHeaderVersions(List<HeaderVersion> only) {
            if (only.isEmpty()) {
                throw new IllegalArgumentException("at least one header version");
            }
            versions.clear();
            versions.addAll(only);
            return this;
        }

        /**
         * The importer.
         *
         * @return the {@link AnnuaireImporter}
         */
        public AnnuaireImporter build() {
            return new AnnuaireImporter(this);
        }
    }
}
