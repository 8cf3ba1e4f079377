package fr.sharenum.annuaire;

import fr.sharenum.annuaire.HeaderVersion.Field;
import fr.sharenum.model.Establishment;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The hand-made fixtures of {@code src/test/resources/fr/sharenum/annuaire}, and a compact header for inline rows. */
final class Fixtures {

    /** Nine columns, for tests that write their rows inline. */
    static final HeaderVersion COMPACT = HeaderVersion.builder("compact", "en-tête réduit des tests (9 colonnes)")
            .columns(List.of("uai", "nom", "type", "commune", "academie", "latitude", "longitude", "nature", "etat"))
            .field(Field.UAI, "uai").field(Field.NAME, "nom").field(Field.TYPE, "type").field(Field.COMMUNE, "commune")
            .field(Field.ACADEMIE, "academie").field(Field.LATITUDE, "latitude").field(Field.LONGITUDE, "longitude")
            .field(Field.NATURE_LABEL, "nature").field(Field.STATE, "etat")
            .build();

    static final String COMPACT_HEADER = "uai;nom;type;commune;academie;latitude;longitude;nature;etat\n";

    private Fixtures() {
    }

    /** A fixture file. */
    static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An importer knowing the compact header besides the official ones. */
    static AnnuaireImporter.Builder compact() {
        return AnnuaireImporter.builder().headerVersion(COMPACT);
    }

    /** Collects what an import hands over. */
    static final class Collected implements Consumer<Establishment> {
        final List<Establishment> list = new ArrayList<>();

        @Override
        public void accept(Establishment e) {
            list.add(e);
        }

        Establishment get(String uai) {
            return list.stream().filter(e -> e.uai().value().equals(uai)).findFirst()
                    .orElseThrow(() -> new AssertionError(uai + " not imported: " + list));
        }
    }
}
