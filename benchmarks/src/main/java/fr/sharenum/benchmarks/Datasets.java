package fr.sharenum.benchmarks;

import fr.sharenum.annuaire.AnnuaireImporter;
import fr.sharenum.annuaire.ImportReport;
import fr.sharenum.model.Establishment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Datasets, kept per JVM so a fork builds each once: {@code synthetic} (the seeded synthetic France)
 * or {@code annuaire} (members dealt over the real establishments of an Annuaire de l'éducation CSV,
 * read with the library's own importer from the path in the system property {@code sharenum.annuaire},
 * by default the Occitanie extract of {@code ../shared/data}).
 */
final class Datasets {
    static final String ANNUAIRE_PROPERTY = "sharenum.annuaire";
    static final String DEFAULT_ANNUAIRE = "../shared/data/fr_annuaire_education_occitanie_2024-11.csv";

    private static final Map<String, SyntheticFrance> CACHE = new HashMap<>();

    private Datasets() {
    }

    static synchronized SyntheticFrance national(int members) {
        return get("synthetic", members);
    }

    static synchronized SyntheticFrance get(String dataset, int members) {
        return CACHE.computeIfAbsent(dataset + ":" + members, k -> {
            switch (dataset) {
                case "synthetic":
                    return SyntheticFrance.national(members);
                case "annuaire":
                    return SyntheticFrance.onEstablishments(annuaire(), members, 2026);
                default:
                    throw new IllegalArgumentException("unknown dataset " + dataset + " (synthetic or annuaire)");
            }
        });
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
}
