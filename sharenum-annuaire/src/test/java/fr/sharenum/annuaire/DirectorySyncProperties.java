package fr.sharenum.annuaire;

import fr.sharenum.annuaire.HeaderVersion.Field;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentAnnex;
import fr.sharenum.model.EstablishmentChange;
import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Uai;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the synchronisation on random stores and random directories: applying a change set
 * then synchronising again proposes nothing; the result lists exactly the file's establishments; the
 * change set does not depend on how often it is computed.
 */
class DirectorySyncProperties {

    private static final HeaderVersion ROWS = HeaderVersion.builder("properties", "en-tête des propriétés (10 colonnes)")
            .columns(List.of("uai", "nom", "type", "nature", "commune", "academie", "latitude", "longitude", "etat", "multi"))
            .field(Field.UAI, "uai").field(Field.NAME, "nom").field(Field.TYPE, "type").field(Field.NATURE_LABEL, "nature")
            .field(Field.COMMUNE, "commune").field(Field.ACADEMIE, "academie").field(Field.LATITUDE, "latitude")
            .field(Field.LONGITUDE, "longitude").field(Field.STATE, "etat").field(Field.MULTI_ROW, "multi")
            .build();

    private static final List<EstablishmentType> IMPORTABLE = List.of(EstablishmentType.ECOLE, EstablishmentType.COLLEGE,
            EstablishmentType.LYCEE, EstablishmentType.LYCEE_PROFESSIONNEL, EstablishmentType.EREA, EstablishmentType.SERVICE,
            EstablishmentType.OTHER);

    private final DirectorySync sync = DirectorySync.builder()
            .importer(AnnuaireImporter.builder().onlyHeaderVersions(List.of(ROWS)).strict(true).build())
            .maxAbsentClosures(1_000, 1).build();

    @Property(tries = 300)
    void applying_a_change_set_leaves_nothing_to_synchronise(@ForAll("directories") List<Establishment> store,
                                                            @ForAll("importable") List<Establishment> file) {
        String csv = csv(file);

        ChangeSet first = sync.diff(new StringReader(csv), store);
        List<Establishment> applied = first.applyTo(store);
        ChangeSet second = sync.diff(new StringReader(csv), applied);

        assertThat(second.changes()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(file.size());
        assertThat(sync.diff(new StringReader(csv), store)).isEqualTo(first);
        Map<Uai, Establishment> result = new LinkedHashMap<>();
        applied.forEach(e -> result.put(e.uai(), e));
        for (Establishment f : file) {
            Establishment r = result.get(f.uai());
            assertThat(r.withLocation(f.location())).isEqualTo(f);
            assertThat(r.location().distanceKm(f.location())).isLessThan(0.01);
        }
        for (EstablishmentChange c : first.changes()) {
            assertThat(c.kinds()).isNotEmpty();
            assertThat(c.before() == null).isEqualTo(c.is(EstablishmentChange.Kind.NEW));
        }
    }

    @Provide
    Arbitrary<List<Establishment>> directories() {
        return establishment(Arbitraries.of(EstablishmentType.values()), Arbitraries.of(EstablishmentStatus.values()))
                .list().ofMaxSize(25).map(DirectorySyncProperties::uniqueUais);
    }

    @Provide
    Arbitrary<List<Establishment>> importable() {
        return establishment(Arbitraries.of(IMPORTABLE), Arbitraries.of(EstablishmentStatus.values()))
                .list().ofMaxSize(25).map(DirectorySyncProperties::uniqueUais);
    }

    private static List<Establishment> uniqueUais(List<Establishment> list) {
        Map<Uai, Establishment> unique = new LinkedHashMap<>();
        list.forEach(e -> unique.putIfAbsent(e.uai(), e));
        return new ArrayList<>(unique.values());
    }

    /** Establishments of 30 UAIs of Toulouse and Montpellier, near each other so moves are small or large. */
    private static Arbitrary<Establishment> establishment(Arbitrary<EstablishmentType> types,
                                                         Arbitrary<EstablishmentStatus> statuses) {
        Arbitrary<String> uais = Arbitraries.integers().between(0, 29).map(i -> {
            String seven = (i < 20 ? "03100" : "03400") + String.format("%02d", i);
            return seven + Uai.checkLetter(seven);
        });
        Arbitrary<String> names = Arbitraries.of("Collège Jean Moulin", "Lycée \"Les Pins\"", "École; Pasteur",
                "Collège Émile Zola", "Lycée Déodat de Séverac", "CIO de Toulouse");
        Arbitrary<GeoPoint> points = Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 40))
                .as((a, b) -> GeoPoint.of(43.6 + a * 0.00003, 1.44 + b * 0.00004));
        Arbitrary<List<EstablishmentAnnex>> annexes = Combinators.combine(Arbitraries.of("Annexe du Parc", "Site de la Gare"),
                        Arbitraries.of(IMPORTABLE), points)
                .as((n, t, p) -> new EstablishmentAnnex(n, t, p, "31555")).list().ofMaxSize(2);
        return Combinators.combine(uais, names, types, points, statuses, annexes).as((u, n, t, p, s, a) -> {
            Uai uai = Uai.of(u);
            return new Establishment(uai, n, t, Academie.of(uai).orElseThrow(), p, u.startsWith("031") ? "31555" : "34172",
                    s, a);
        });
    }

    /** The directory as an official-like file: each establishment's main row, then its annexes' rows. */
    private static String csv(List<Establishment> file) {
        StringBuilder b = new StringBuilder(String.join(";", ROWS.columns())).append('\n');
        for (Establishment e : file) {
            String multi = e.annexes().isEmpty() ? "0" : "1";
            row(b, e.uai(), e.name(), e.type(), e.communeCode(), e.academie(), e.location(), e.status(), multi);
            for (EstablishmentAnnex a : e.annexes()) {
                row(b, e.uai(), a.name(), a.type(), a.communeCode(), e.academie(), a.location(), EstablishmentStatus.OPEN, multi);
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, Uai uai, String name, EstablishmentType type, String commune, Academie academie,
                            GeoPoint p, EstablishmentStatus status, String multi) {
        String[] label = switch (type) {
            case ECOLE -> new String[] {"Ecole", ""};
            case COLLEGE -> new String[] {"Collège", ""};
            case LYCEE -> new String[] {"Lycée", "LYCEE POLYVALENT"};
            case LYCEE_PROFESSIONNEL -> new String[] {"Lycée", "LYCEE PROFESSIONNEL"};
            case EREA -> new String[] {"EREA", ""};
            case SERVICE -> new String[] {"Service Administratif", ""};
            default -> new String[] {"Autre", ""};
        };
        String etat = switch (status) {
            case OPEN -> "OUVERT";
            case OPENING -> "A OUVRIR";
            case CLOSING -> "A FERMER";
            case CLOSED -> "FERME";
        };
        b.append(uai.value()).append(';').append('"').append(name.replace("\"", "\"\"")).append('"').append(';')
                .append(label[0]).append(';').append(label[1]).append(';').append(commune == null ? "" : commune).append(';')
                .append(academie.code()).append(';').append(p.latitude()).append(';').append(p.longitude()).append(';')
                .append(etat).append(';').append(multi).append('\n');
    }
}
