package fr.sharenum.benchmarks;

import fr.sharenum.annuaire.AnnuaireImporter;
import fr.sharenum.annuaire.ImportReport;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Datasets, kept per JVM so a fork builds each once: {@code france} (real collèges, écoles and lycées
 * spread by commune population, from the open data in {@code ../shared/data} or the directory in the
 * system property {@code sharenum.data}; the synthetic placement, with a message, when the files are
 * absent), {@code synthetic} (the seeded placement around prefectures) or {@code annuaire} (members
 * dealt over the real establishments of an Annuaire de l'éducation CSV, read with the library's own
 * importer from {@code sharenum.annuaire}, by default the Occitanie extract of {@code ../shared/data}).
 */
final class Datasets {
    static final String DATA_PROPERTY = "sharenum.data";
    static final String DEFAULT_DATA = "../shared/data";
    static final String ANNUAIRE_PROPERTY = "sharenum.annuaire";
    static final String DEFAULT_ANNUAIRE = "../shared/data/fr_annuaire_education_occitanie_2024-11.csv";
    static final int ESTABLISHMENTS = 60_000;
    static final long SEED = 2026;

    private static final Map<String, SyntheticFrance> CACHE = new HashMap<>();

    private Datasets() {
    }

    /** The synthetic placement (kept for the benchmarks written against it). */
    static synchronized SyntheticFrance national(int members) {
        return get("synthetic", members);
    }

    static synchronized SyntheticFrance get(String dataset, int members) {
        return CACHE.computeIfAbsent(dataset + ":" + members, k -> {
            switch (dataset) {
                case "france":
                    return france(members);
                case "synthetic":
                    return SyntheticFrance.national(members);
                case "annuaire":
                    return SyntheticFrance.onEstablishments(annuaire(), members, SEED);
                default:
                    throw new IllegalArgumentException("unknown dataset " + dataset + " (france, synthetic or annuaire)");
            }
        });
    }

    private static SyntheticFrance france(int members) {
        Path dir = Path.of(System.getProperty(DATA_PROPERTY, DEFAULT_DATA));
        SyntheticFrance data = SyntheticFrance.france(dir, ESTABLISHMENTS, members, SEED);
        if (data == null) {
            System.out.printf("%nno open data in %s (set -D%s): the synthetic placement stands in for the real one%n",
                    dir.toAbsolutePath(), DATA_PROPERTY);
            return SyntheticFrance.national(members);
        }
        return data;
    }

    /** The establishments of the Annuaire CSV, imported with {@link AnnuaireImporter}. */
    static List<Establishment> annuaire() {
        Path file = Path.of(System.getProperty(ANNUAIRE_PROPERTY, DEFAULT_ANNUAIRE));
        if (!Files.isReadable(file)) {
            throw new IllegalStateException("the annuaire dataset needs an Annuaire de l'éducation CSV: none at " + file
                    + " (set -D" + ANNUAIRE_PROPERTY + "=path/to/fr-en-annuaire-education.csv)");
        }
        List<Establishment> list = new ArrayList<>();
        ImportReport report = AnnuaireImporter.builder().build().importFile(file, list::add);
        System.out.printf("%nannuaire: %s — %d rows, %d establishments, %d rejected%n", file, report.rows(),
                report.imported(), report.rejected().size());
        return list;
    }

    /**
     * {@code n} collèges of the Dijon académie within about 7 km of the city centre (a venue's 30 km radius covers them
     * all), with valid UAIs 0215000 onwards.
     *
     * @param random where the positions are drawn from
     * @param n      how many
     * @return the collèges
     */
    static List<Establishment> collegesAroundDijon(SplittableRandom random, int n) {
        List<Establishment> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String seven = String.format("021%04d", 5000 + i);
            out.add(new Establishment(Uai.of(seven + Uai.checkLetter(seven)), "Collège " + i, EstablishmentType.COLLEGE,
                    Academie.DIJON, GeoPoint.of(47.32 + random.nextDouble(-0.06, 0.06), 5.04 + random.nextDouble(-0.08, 0.08)), null));
        }
        return out;
    }
}
