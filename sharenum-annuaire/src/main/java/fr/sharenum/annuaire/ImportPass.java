package fr.sharenum.annuaire;

import fr.sharenum.annuaire.AnnuaireImportException.Code;
import fr.sharenum.annuaire.RowReader.Row;
import fr.sharenum.annuaire.internal.CsvRecords;
import fr.sharenum.annuaire.internal.DecodingReader;
import fr.sharenum.annuaire.internal.DecodingReader.Malformation;
import fr.sharenum.annuaire.internal.Encodings;
import fr.sharenum.annuaire.internal.Nomenclature;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentAnnex;
import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.Uai;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One reading of the input, row after row, keeping only the current row, the rows of UAIs listed on
 * several rows until their last one, and the UAIs seen. What becomes of each establishment depends on
 * the {@link Sink}: counted (checking pass), handed at once, or held until the whole input is valid.
 */
final class ImportPass {

    /** What the pass does with each finished establishment. */
    enum Sink { COUNT, HAND, HOLD }

    /** What the checking pass of a file learnt, for the handing pass. */
    static final class Plan {
        final Map<String, Integer> rowsOfSharedUais;
        final long rows;

        Plan(Map<String, Integer> rowsOfSharedUais, long rows) {
            this.rowsOfSharedUais = rowsOfSharedUais;
            this.rows = rows;
        }
    }

    private static final Pattern ANNEX_NAME = Pattern.compile(".*\\b(ANNEXE|SITE|ANTENNE)\\b.*");

    private final AnnuaireImporter importer;
    private final Sink sink;
    private final Consumer<? super Establishment> into;
    private final Plan plan;
    /** Whether a malformed row stands for the whole file being in another encoding (decided as bytes come). */
    private final boolean streamingEncodingRule;
    /** A lenient checking pass: only the CSV, the encoding and the rows of each UAI, no row is parsed. */
    private final boolean quickCount;

    private final List<Rejection> rejected = new ArrayList<>();
    private final Map<String, List<Row>> held = new LinkedHashMap<>();
    private final Map<String, Long> seen = new HashMap<>();
    private final Map<String, Integer> uaiCounts;
    private final List<Establishment> holding;
    private long rows;
    private long emitted;
    private long annexes;
    private long handed;
    private HeaderVersion version;

    ImportPass(AnnuaireImporter importer, Sink sink, Consumer<? super Establishment> into, Plan plan,
               boolean streamingEncodingRule) {
        this.importer = importer;
        this.sink = sink;
        this.into = into;
        this.plan = plan;
        this.streamingEncodingRule = streamingEncodingRule;
        this.uaiCounts = sink == Sink.COUNT ? new HashMap<>() : null;
        this.quickCount = sink == Sink.COUNT && !importer.strict();
        this.holding = sink == Sink.HOLD ? new ArrayList<>() : null;
    }

    /**
     * Reads every row.
     *
     * @param text  the characters
     * @param bytes the decoder producing them when the importer decodes the bytes itself, else {@code null}
     * @return what was imported; {@code null} for a checking pass, whose findings are {@link #plan()}
     *         and {@link #firstRefused()}
     */
    ImportReport run(Reader text, DecodingReader bytes) {
        CsvRecords records = new CsvRecords(text, ';');
        try {
            if (!records.next()) {
                throw refusal(Code.EMPTY, "le fichier est vide : pas même une ligne d'en-tête", 1, null, null);
            }
            if (bytes != null) {
                Malformation m = bytes.takeMalformation(1, records.endLine());
                if (m != null) {
                    throw encodingRefusal(bytes, m, "dans l'en-tête");
                }
            }
            List<String> header = new ArrayList<>(records.fields());
            version = detect(header);
            RowReader reader = new RowReader(version, header);
            if (quickCount) {
                records.wanted(reader.uaiOnly());
                while (records.next()) {
                    rows++;
                    String uai = reader.uaiText(records);
                    if (Uai.isValid(uai)) {
                        uaiCounts.merge(uai.toUpperCase(Locale.ROOT), 1, Integer::sum);
                    }
                }
                return null;
            }
            records.wanted(reader.wanted());
            while (records.next()) {
                rows++;
                long line = records.line();
                if (bytes != null) {
                    Malformation m = bytes.takeMalformation(line, records.endLine());
                    if (m != null) {
                        if (streamingEncodingRule && m.validNonAsciiBefore() == 0) {
                            throw encodingRefusal(bytes, m, "avant tout caractère accentué valide");
                        }
                        String likely = Encodings.likely(m.bytes(), false);
                        reject(new Rejection(line, reader.uaiText(records), Rejection.Code.ENCODING, "octets invalides en "
                                + bytes.charset().name() + " (" + m.hex() + ", « " + Encodings.asWindows1252(m.bytes())
                                + " » en Windows-1252) : cette ligne est probablement en " + likely
                                + " ; corrigez-la dans le fichier"));
                        continue;
                    }
                }
                Object read = reader.read(records);
                if (read instanceof Rejection) {
                    reject((Rejection) read);
                } else {
                    accept((Row) read);
                }
            }
            for (List<Row> group : held.values()) {
                emit(merge(group));
            }
            held.clear();
        } catch (CsvRecords.UnterminatedQuoteException e) {
            throw refusal(Code.MALFORMED_CSV, "CSV mal formé : " + e.getMessage()
                    + " ; tout ce qui suit serait lu comme une seule valeur", e.line(), null, e);
        } catch (CharacterCodingException e) {
            throw refusal(Code.ENCODING, "le texte n'a pas pu être décodé après la ligne " + records.currentLine() + " ("
                    + e + ") : le fichier n'est probablement pas en UTF-8 mais en ISO-8859-1 (Latin-1) ou Windows-1252 ;"
                    + " donnez à l'importeur le fichier (Path) ou ses octets (InputStream) pour qu'il nomme la ligne"
                    + " exacte, ou précisez l'encodage", records.currentLine(), null, e);
        } catch (IOException e) {
            throw refusal(Code.UNREADABLE, "le fichier ne peut pas être lu : " + e, records.currentLine(), null, e);
        }
        if (sink == Sink.HOLD) {
            for (Establishment e : holding) {
                into.accept(e);
                handed++;
            }
            holding.clear();
        }
        return sink == Sink.COUNT ? null : new ImportReport(version.id(), rows, emitted, annexes, rejected);
    }

    /** The version of a header, or the refusal listing the known ones. */
    private HeaderVersion detect(List<String> header) {
        HeaderVersion closest = null;
        int distance = Integer.MAX_VALUE;
        for (HeaderVersion v : importer.headerVersions()) {
            if (v.matches(header)) {
                return v;
            }
            int d = v.missingFrom(header).size() + v.unexpectedIn(header).size();
            if (d < distance) {
                distance = d;
                closest = v;
            }
        }
        StringBuilder m = new StringBuilder("en-tête inconnu (").append(header.size())
                .append(" colonnes) : ce n'est aucune des versions attendues — ");
        List<String> expected = new ArrayList<>();
        for (HeaderVersion v : importer.headerVersions()) {
            expected.add(v.id() + " : " + v.description());
        }
        m.append(String.join(" ; ", expected)).append('.');
        if (closest != null) {
            List<String> missing = closest.missingFrom(header);
            List<String> unexpected = closest.unexpectedIn(header);
            m.append(" La plus proche, ").append(closest.id()).append(", diffère par ");
            m.append(missing.isEmpty() ? "" : "les colonnes manquantes " + shortList(missing));
            m.append(!missing.isEmpty() && !unexpected.isEmpty() ? " et " : "");
            m.append(unexpected.isEmpty() ? "" : "les colonnes inattendues " + shortList(unexpected));
            m.append('.');
        }
        m.append(" Pour un nouvel export, déclarez sa version (HeaderVersion.builder, voir le README de sharenum-annuaire).");
        throw refusal(Code.UNKNOWN_HEADER, m.toString(), 1, null, null);
    }

    private static String shortList(List<String> names) {
        return names.size() <= 8 ? names.toString()
                : names.subList(0, 8) + " (et " + (names.size() - 8) + " autres)";
    }

    private void reject(Rejection r) {
        if (sink != Sink.COUNT && importer.refuses(r)) {
            throw refusal(plan != null ? Code.FILE_CHANGED : Code.INVALID_ROW, (plan != null
                    ? "le fichier a changé pendant l'import : " : "import strict arrêté, rien n'a été importé : ") + r,
                    r.line(), r, null);
        }
        rejected.add(r);
    }

    private void accept(Row row) {
        String uai = row.uai.value();
        if (sink == Sink.COUNT) {
            uaiCounts.merge(uai, 1, Integer::sum);
            return;
        }
        if (plan != null) {
            Integer expected = plan.rowsOfSharedUais.get(uai);
            if (expected == null) {
                emit(single(row));
                return;
            }
            List<Row> group = held.computeIfAbsent(uai, k -> new ArrayList<>());
            group.add(row);
            if (group.size() == expected) {
                held.remove(uai);
                emit(merge(group));
            }
            return;
        }
        List<Row> group = held.get(uai);
        if (group != null) {
            group.add(row);
            return;
        }
        Long first = seen.get(uai);
        if (first != null) {
            reject(new Rejection(row.line, uai, Rejection.Code.DUPLICATE_UAI, "UAI déjà importé depuis la ligne " + first
                    + (version.column(HeaderVersion.Field.MULTI_ROW).isPresent()
                    ? " sans que ses lignes soient marquées " + version.column(HeaderVersion.Field.MULTI_ROW).get() + " = 1"
                    : " ; cet export ne marque pas les UAI partagés par plusieurs lignes : importez le fichier lui-même"
                    + " (Path) pour que ses lignes soient réunies")));
            return;
        }
        if (row.multi) {
            List<Row> g = new ArrayList<>();
            g.add(row);
            held.put(uai, g);
            return;
        }
        seen.put(uai, row.line);
        emit(single(row));
    }

    private static Establishment single(Row r) {
        return new Establishment(r.uai, r.name, r.type, r.academie, r.location, r.commune, r.status, List.of());
    }

    /**
     * One establishment from the rows of one UAI: the main row is the first whose name does not call it
     * an annex, a site or an antenna (else the first); the others become its annexes, in file order,
     * except closed ones.
     */
    private Establishment merge(List<Row> group) {
        if (plan == null) {
            seen.put(group.get(0).uai.value(), group.get(0).line);
        }
        if (group.size() == 1) {
            return single(group.get(0));
        }
        Row main = group.get(0);
        for (Row r : group) {
            if (!ANNEX_NAME.matcher(Nomenclature.fold(r.name)).matches()) {
                main = r;
                break;
            }
        }
        List<EstablishmentAnnex> sites = new ArrayList<>();
        for (Row r : group) {
            if (r != main) {
                annexes++;
                if (r.status != EstablishmentStatus.CLOSED) {
                    sites.add(new EstablishmentAnnex(r.name, r.type, r.location, r.commune));
                }
            }
        }
        return new Establishment(main.uai, main.name, main.type, main.academie, main.location, main.commune,
                main.status, sites);
    }

    private void emit(Establishment e) {
        emitted++;
        switch (sink) {
            case HAND:
                into.accept(e);
                handed++;
                break;
            case HOLD:
                holding.add(e);
                break;
            default:
                break;
        }
    }

    private AnnuaireImportException encodingRefusal(DecodingReader bytes, Malformation m, String where) {
        String likely = Encodings.likely(m.bytes(), bytes.sawC1Bytes());
        return refusal(Code.ENCODING, "le fichier n'est pas en " + bytes.charset().name() + " : ligne " + m.line()
                + ", octets " + m.hex() + " invalides " + where + " (« " + Encodings.asWindows1252(m.bytes())
                + " » en Windows-1252) ; encodage probable : " + likely + ". Convertissez-le en UTF-8 ou indiquez son "
                + "encodage : AnnuaireImporter.builder().charset(Charset.forName(\"" + Encodings.charsetName(likely)
                + "\"))", m.line(), null, null);
    }

    /** After a checking pass: refuses a file that is in another encoding than the importer's, naming the first bad line. */
    static void checkEncoding(DecodingReader bytes) {
        Malformation first = bytes.firstMalformation();
        if (first != null && bytes.malformedCount() > bytes.validNonAscii()) {
            String likely = Encodings.likely(first.bytes(), bytes.sawC1Bytes());
            throw new AnnuaireImportException(Code.ENCODING, "le fichier n'est pas en " + bytes.charset().name()
                    + " : ligne " + first.line() + ", octets " + first.hex() + " invalides (« "
                    + Encodings.asWindows1252(first.bytes()) + " » en Windows-1252), et " + bytes.malformedCount()
                    + " séquences invalides pour " + bytes.validNonAscii() + " caractères accentués valides ; encodage "
                    + "probable : " + likely + ". Convertissez-le en UTF-8 ou indiquez son encodage : "
                    + "AnnuaireImporter.builder().charset(Charset.forName(\"" + Encodings.charsetName(likely) + "\"))",
                    first.line(), null, 0, null);
        }
    }

    private AnnuaireImportException refusal(Code code, String message, long line, Rejection rejection, Throwable cause) {
        return new AnnuaireImportException(code, message, line, rejection, handed, cause);
    }

    /** The plan for a handing pass, after this checking pass. */
    Plan plan() {
        Map<String, Integer> shared = new HashMap<>();
        uaiCounts.forEach((uai, n) -> {
            if (n > 1) {
                shared.put(uai, n);
            }
        });
        return new Plan(shared, rows);
    }

    /** The first rejected row that a strict import refuses, or {@code null}. */
    Rejection firstRefused() {
        for (Rejection r : rejected) {
            if (importer.refuses(r)) {
                return r;
            }
        }
        return null;
    }

    long handed() {
        return handed;
    }
}
