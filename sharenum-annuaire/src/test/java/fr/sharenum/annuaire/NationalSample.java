package fr.sharenum.annuaire;

import fr.sharenum.annuaire.internal.CsvRecords;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Uai;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A national-size Annuaire de l'éducation (annuaire-2024 header, ~70,000 rows) generated from the real
 * extracts of {@code ../shared/data}, never committed: the Occitanie rows (all types, real names,
 * real nomenclature) are dealt over every département of France in proportion to its collèges in the
 * national collèges file, with synthetic UAIs of that département and positions moved by the offset
 * between the two départements' centres (plus a little noise); one establishment in 500 gets an annex
 * row sharing its UAI, written 1,000 rows later.
 *
 * <p>{@link #write(Path, int, int)} with {@code day = 0} gives the directory as a store holds it;
 * {@code day = 1} the same directory a day later, with deterministic changes whose counts it returns:
 * 1 % of establishments moved (100 m to 2 km), 0.5 % renamed, 0.2 % announced closing, 0.2 % gone, and
 * 0.3 % new. Shared with the benchmarks module through the test jar.
 */
public final class NationalSample {

    /**
     * The two real extracts the sample is built from.
     *
     * @param occitanie the Occitanie Annuaire de l'éducation extract
     * @param colleges  the national "adresse et géolocalisation" collèges file
     */
    public record Sources(Path occitanie, Path colleges) {
        /**
         * The files in {@code data} of the {@code sharenum.shared.dir} property, else of {@code ../shared}
         * or {@code ../../shared} (from the repository or from a module), or none if absent.
         */
        public static java.util.Optional<Sources> shared() {
            String property = System.getProperty("sharenum.shared.dir");
            Path data = Path.of(property != null ? property
                    : Files.isDirectory(Path.of("../shared/data")) ? "../shared" : "../../shared", "data");
            Path occitanie = data.resolve("fr_annuaire_education_occitanie_2024-11.csv");
            Path colleges = data.resolve("fr_colleges_adresse_geolocalisation_national.csv");
            return Files.isReadable(occitanie) && Files.isReadable(colleges)
                    ? java.util.Optional.of(new Sources(occitanie, colleges)) : java.util.Optional.empty();
        }
    }

    /**
     * How many rows the file has (establishments' rows, then annex rows), and what a day-1 file changes
     * against the day-0 one, counting only located, named rows (the others are rejected on both days).
     *
     * @param rows      main rows written
     * @param annexRows annex rows written (sharing a main row's UAI)
     * @param moved     establishments moved by 100 m to 2 km
     * @param renamed   establishments renamed
     * @param closing   establishments announced closing
     * @param gone      establishments no longer listed
     * @param added     establishments listed for the first time
     */
    public record Changes(long rows, long annexRows, long moved, long renamed, long closing, long gone, long added) {
    }

    private final List<String[]> occitanie = new ArrayList<>();
    private final List<String> header;
    private final Map<String, double[]> centres;
    private final Map<String, Integer> weights;
    private final int iUai;
    private final int iName;
    private final int iCommune;
    private final int iDepartement;
    private final int iAcademie;
    private final int iLatitude;
    private final int iLongitude;
    private final int iPosition;
    private final int iEtat;
    private final int iMulti;
    private final int iMail;

    /**
     * Reads the two extracts.
     *
     * @param sources the Occitanie annuaire and the national collèges file
     */
    public NationalSample(Sources sources) {
        try {
            header = read(sources.occitanie(), occitanie);
            List<String[]> colleges = new ArrayList<>();
            List<String> ch = read(sources.colleges(), colleges);
            int dep = ch.indexOf("code_departement");
            int lat = ch.indexOf("latitude");
            int lon = ch.indexOf("longitude");
            Map<String, double[]> sums = new TreeMap<>();
            for (String[] r : colleges) {
                String d = r[dep];
                if (r[lat].isEmpty() || Academie.byDepartement(d).isEmpty()) {
                    continue;
                }
                double[] s = sums.computeIfAbsent(d, k -> new double[3]);
                s[0] += Double.parseDouble(r[lat]);
                s[1] += Double.parseDouble(r[lon]);
                s[2]++;
            }
            centres = new TreeMap<>();
            weights = new TreeMap<>();
            sums.forEach((d, s) -> {
                centres.put(d, new double[] {s[0] / s[2], s[1] / s[2]});
                weights.put(d, (int) s[2]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        iUai = header.indexOf("Identifiant_de_l_etablissement");
        iName = header.indexOf("Nom_etablissement");
        iCommune = header.indexOf("Code_commune");
        iDepartement = header.indexOf("Code_departement");
        iAcademie = header.indexOf("Code_academie");
        iLatitude = header.indexOf("latitude");
        iLongitude = header.indexOf("longitude");
        iPosition = header.indexOf("position");
        iEtat = header.indexOf("etat");
        iMulti = header.indexOf("multi_uai");
        iMail = header.indexOf("Mail");
    }

    private static List<String> read(Path file, List<String[]> into) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(r, ';');
            records.next();
            List<String> h = new ArrayList<>(records.fields());
            h.set(0, h.get(0).replace("\uFEFF", ""));
            while (records.next()) {
                into.add(records.fields().toArray(new String[0]));
            }
            return h;
        }
    }

    /**
     * Writes the sample.
     *
     * @param target where, replaced if present
     * @param rows   about how many establishments (70,000 for national size)
     * @param day    0 for the directory as stored, 1 for the next day's
     * @return what the day-1 file changes against day 0 (zeros for day 0)
     */
    public Changes write(Path target, int rows, int day) throws IOException {
        long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        long written = 0;
        long moved = 0;
        long renamed = 0;
        long closing = 0;
        long gone = 0;
        long added = 0;
        long annexRows = 0;
        List<String> annexes = new ArrayList<>();
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(String.join(";", header));
            w.write('\n');
            int source = 0;      // the first Occitanie row of this département, the same on every day
            for (Map.Entry<String, Integer> d : weights.entrySet()) {
                String dep = d.getKey();
                int count = (int) Math.max(1, Math.round((double) rows * d.getValue() / total));
                int extra = day == 1 ? (int) Math.round(count * 0.003) : 0;
                for (int k = 0; k < count + extra; k++) {
                    String[] src = occitanie.get((k < count ? source + k : 7 * k + 3) % occitanie.size());
                    SplittableRandom random = new SplittableRandom(dep.hashCode() * 100_003L + k);
                    String[] row = place(src, dep, k, random);
                    boolean located = !row[iLatitude].isEmpty() && !row[iName].isBlank();
                    boolean isNew = k >= count;
                    double fate = random.nextDouble();
                    boolean annex = !isNew && k % 500 == 7 && located;
                    if (day == 1 && !isNew) {
                        if (fate < 0.002) {
                            if (located) {
                                gone++;
                            }
                            continue;
                        } else if (fate < 0.012 && located) {
                            double metres = 100 + random.nextDouble() * 1900;
                            double lat = Double.parseDouble(row[iLatitude]) + metres / 111_195.0;
                            setPosition(row, lat, Double.parseDouble(row[iLongitude]));
                            moved++;
                        } else if (fate < 0.017 && located) {
                            row[iName] = row[iName] + " (nouveau nom)";
                            renamed++;
                        } else if (fate < 0.019 && located) {
                            row[iEtat] = "A FERMER";
                            closing++;
                        }
                    }
                    if (isNew && located) {
                        added++;
                    }
                    if (annex) {
                        row[iMulti] = "1";
                        String[] site = row.clone();
                        site[iName] = src[iName] + " - annexe";
                        setPosition(site, Double.parseDouble(row[iLatitude]) + 0.002, Double.parseDouble(row[iLongitude]));
                        site[iEtat] = "OUVERT";
                        annexes.add(line(site));
                        annexRows++;
                    }
                    w.write(line(row));
                    written++;
                    if (written % 1000 == 0 && !annexes.isEmpty()) {
                        for (String a : annexes) {
                            w.write(a);
                        }
                        annexes.clear();
                    }
                }
                source += count;
            }
            for (String a : annexes) {
                w.write(a);
            }
        }
        return new Changes(written, annexRows, moved, renamed, closing, gone, added);
    }

    /** Row {@code k} of département {@code dep}, from an Occitanie row. */
    private String[] place(String[] src, String dep, int k, SplittableRandom random) {
        String[] row = src.clone();
        String prefix = dep.equals("02A") ? "620" : dep.equals("02B") ? "720" : dep;
        String seven = prefix + String.format("%04d", k);
        String uai = seven + Uai.checkLetter(seven);
        row[iUai] = uai;
        row[iMail] = "ce." + uai.toLowerCase() + "@example.invalid";
        row[iDepartement] = dep;
        row[iAcademie] = Academie.byDepartement(dep).orElseThrow().code();
        String sourceCommune = src[iCommune].length() == 5 ? src[iCommune] : "00000";
        row[iCommune] = dep.startsWith("97") ? dep + sourceCommune.substring(3)
                : dep.substring(1) + sourceCommune.substring(2);
        row[iMulti] = "0";
        if (!src[iLatitude].isEmpty()) {
            String srcDep = src[iDepartement];
            double[] from = centres.getOrDefault(srcDep, centres.get("031"));
            double[] to = centres.get(dep);
            double lat = Double.parseDouble(src[iLatitude]) - from[0] + to[0] + (random.nextDouble() - 0.5) * 0.02;
            double lon = Double.parseDouble(src[iLongitude]) - from[1] + to[1] + (random.nextDouble() - 0.5) * 0.02;
            setPosition(row, Math.max(-89.9, Math.min(89.9, lat)), Math.max(-179.9, Math.min(179.9, lon)));
        }
        return row;
    }

    private void setPosition(String[] row, double lat, double lon) {
        row[iLatitude] = Double.toString(lat);
        row[iLongitude] = Double.toString(lon);
        row[iPosition] = lat + ", " + lon;
    }

    private static String line(String[] fields) {
        StringBuilder b = new StringBuilder(600);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(';');
            }
            String f = fields[i] == null ? "" : fields[i];
            if (f.indexOf(';') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append('\n').toString();
    }

    /**
     * Writes a national-size sample: {@code java ... NationalSample target.csv [rows] [day]}.
     *
     * @param args target file, rows (default 70,000), day (default 0)
     */
    public static void main(String[] args) throws IOException {
        NationalSample sample = new NationalSample(Sources.shared().orElseThrow(
                () -> new IllegalStateException("the real extracts are not in ../shared/data")));
        Changes c = sample.write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 70_000,
                args.length > 2 ? Integer.parseInt(args[2]) : 0);
        System.out.println(c);
    }
}
