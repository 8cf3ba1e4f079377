package fr.sharenum.simulation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The establishments the simulation runs on: the real ones from the open data in {@code ../shared/data} — every
 * located, open collège of the national file, and every located école, collège and lycée of the Annuaire extract
 * (Occitanie) — or, when those files are absent, synthetic establishments spread over mainland France (said so on
 * the console). Nothing is copied into the project.
 */
final class France {
    private static final Logger LOG = LoggerFactory.getLogger(France.class);

    static final String COLLEGES = "fr_colleges_adresse_geolocalisation_national.csv";
    static final String ANNUAIRE = "fr_annuaire_education_occitanie_2024-11.csv";

    /** Where the establishments came from, and the establishments. */
    record Establishments(String source, List<Establishment> list) {
    }

    private France() {
    }

    /** The data folder: {@code -Dsharenum.data}, else {@code ../shared/data} from the project or from this module. */
    static Optional<Path> dataDir() {
        String given = System.getProperty("sharenum.data");
        List<Path> candidates = given != null ? List.of(Path.of(given))
                : List.of(Path.of("../shared/data"), Path.of("../../shared/data"));
        return candidates.stream().filter(p -> Files.isRegularFile(p.resolve(COLLEGES))).findFirst();
    }

    static Establishments load(long seed) {
        Optional<Path> dir = dataDir();
        if (dir.isEmpty()) {
            LOG.warn("the open data ({}) is not in ../shared/data (-Dsharenum.data=dir): synthetic establishments stand in",
                    COLLEGES);
            return new Establishments("synthetic", synthetic(seed, 12_000));
        }
        try {
            Map<Uai, Establishment> all = new LinkedHashMap<>();
            read(dir.get().resolve(COLLEGES), "numero_uai", "appellation_officielle", null, "code_commune", all);
            Path annuaire = dir.get().resolve(ANNUAIRE);
            if (Files.isRegularFile(annuaire)) {
                read(annuaire, "Identifiant_de_l_etablissement", "Nom_etablissement", "Type_etablissement", "Code_commune", all);
            }
            return new Establishments("open data (" + dir.get().toAbsolutePath().normalize() + ")", new ArrayList<>(all.values()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the open data in " + dir.get(), e);
        }
    }

    private static void read(Path file, String uaiColumn, String nameColumn, String typeColumn, String communeColumn,
                             Map<Uai, Establishment> into) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                return;
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            Map<String, Integer> col = new HashMap<>();
            String[] names = header.split(";", -1);
            for (int i = 0; i < names.length; i++) {
                col.put(names[i].strip(), i);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(";", -1);
                if (f.length < names.length) {
                    continue;
                }
                String lat = f[col.get("latitude")];
                String lon = f[col.get("longitude")];
                if (lat.isBlank() || lon.isBlank()) {
                    continue;
                }
                EstablishmentType type = EstablishmentType.COLLEGE;
                if (typeColumn != null) {
                    String t = f[col.get(typeColumn)];
                    if (t.startsWith("Ecole")) {
                        type = EstablishmentType.ECOLE;
                    } else if (t.startsWith("Lyc")) {
                        type = EstablishmentType.LYCEE;
                    } else if (!t.startsWith("Coll")) {
                        continue;
                    }
                }
                try {
                    Uai uai = Uai.of(f[col.get(uaiColumn)].strip());
                    Optional<Academie> a = Academie.of(uai);
                    if (a.isEmpty() || into.containsKey(uai)) {
                        continue;
                    }
                    String commune = f[col.get(communeColumn)].strip();
                    String name = f[col.get(nameColumn)].strip();
                    into.put(uai, new Establishment(uai, name.isEmpty() ? uai.value() : name, type, a.get(),
                            GeoPoint.of(Double.parseDouble(lat), Double.parseDouble(lon)), commune.length() == 5 ? commune : null));
                } catch (RuntimeException e) {
                    // a row the library refuses (an unusual UAI, coordinates out of range): left out, as an importer would
                }
            }
        }
    }

    /** Establishments spread over mainland France, in départements 001–095, with valid UAIs. */
    static List<Establishment> synthetic(long seed, int count) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Establishment> out = new ArrayList<>();
        int n = 0;
        while (out.size() < count) {
            int dept = 1 + r.nextInt(95);
            if (dept == 20) {
                continue;
            }
            String d = String.format("%03d", dept);
            Optional<Academie> a = Academie.byDepartement(d);
            if (a.isEmpty()) {
                continue;
            }
            String seven = d + String.format("%04d", n++ % 10_000);
            Uai uai = Uai.of(seven + Uai.checkLetter(seven));
            double roll = r.nextDouble();
            EstablishmentType type = roll < 0.75 ? EstablishmentType.ECOLE : roll < 0.92 ? EstablishmentType.COLLEGE
                    : EstablishmentType.LYCEE;
            out.add(new Establishment(uai, "Établissement " + seven, type, a.get(),
                    GeoPoint.of(43.0 + r.nextDouble() * 7.5, -1.5 + r.nextDouble() * 8.5), null));
        }
        return out;
    }

    /** How many staff an establishment has, relative to the others (écoles 8, collèges 50, lycées 80). */
    static double weight(Establishment e) {
        return switch (e.type()) {
            case ECOLE -> 8;
            case COLLEGE -> 50;
            case LYCEE, LYCEE_PROFESSIONNEL -> 80;
            default -> 10;
        };
    }
}
