package fr.sharenum.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.sharenum.annuaire.AnnuaireImportException;
import fr.sharenum.annuaire.AnnuaireImporter;
import fr.sharenum.annuaire.HeaderVersion;
import fr.sharenum.annuaire.HeaderVersion.Field;
import fr.sharenum.annuaire.ImportReport;
import fr.sharenum.model.Establishment;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Any text or bytes as an establishments CSV, after a header of a compact test version, of the
 * official 2024 Annuaire, or none: the import reports every row once (imported, merged as an annex, or
 * rejected) and hands each UAI once, or refuses the input with the documented exception; a refused
 * strict import has handed nothing, and a refused lenient one has handed exactly what it says.
 */
class AnnuaireImportFuzzTest {
    private static final HeaderVersion COMPACT = HeaderVersion.builder("fuzz", "en-tête du fuzzing")
            .columns(List.of("uai", "nom", "type", "commune", "academie", "latitude", "longitude", "etat", "multi", "position"))
            .field(Field.UAI, "uai").field(Field.NAME, "nom").field(Field.TYPE, "type").field(Field.COMMUNE, "commune")
            .field(Field.ACADEMIE, "academie").field(Field.LATITUDE, "latitude").field(Field.LONGITUDE, "longitude")
            .field(Field.STATE, "etat").field(Field.MULTI_ROW, "multi").field(Field.POSITION, "position")
            .build();
    private static final String[] HEADERS = {String.join(";", COMPACT.columns()) + "\n",
            String.join(";", HeaderVersion.ANNUAIRE_2024.columns()) + "\n", ""};

    @FuzzTest(maxDuration = "20s")
    void any_csv_is_imported_or_refused_without_partial_import(FuzzedDataProvider data) {
        String header = HEADERS[data.consumeInt(0, HEADERS.length - 1)];
        boolean asBytes = data.consumeBoolean();
        byte[] bytes = asBytes ? data.consumeRemainingAsBytes() : null;
        String text = asBytes ? null : data.consumeRemainingAsString();
        for (boolean strict : new boolean[] {false, true}) {
            List<Establishment> imported = new ArrayList<>();
            AnnuaireImporter importer = AnnuaireImporter.builder().headerVersion(COMPACT).strict(strict).build();
            try {
                ImportReport report = asBytes
                        ? importer.importFrom(new ByteArrayInputStream(concat(header, bytes)), imported::add)
                        : importer.importFrom(new StringReader(header + text), imported::add);
                if (report.imported() != imported.size()
                        || report.imported() + report.annexes() + report.rejected().size() != report.rows()) {
                    throw new AssertionError("the report does not add up: " + report + " for " + imported.size());
                }
                Set<Object> uais = new HashSet<>();
                for (Establishment e : imported) {
                    if (!uais.add(e.uai())) {
                        throw new AssertionError("establishment " + e.uai() + " handed twice");
                    }
                }
            } catch (AnnuaireImportException refused) {
                if (strict && (!imported.isEmpty() || refused.handed() != 0)) {
                    throw new AssertionError("a refused strict import handed " + imported.size() + " establishments over");
                }
                if (refused.handed() != imported.size()) {
                    throw new AssertionError("the refusal says " + refused.handed() + " were handed, not " + imported.size());
                }
                if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                    throw new AssertionError("a refusal without a message: " + refused.code());
                }
            }
        }
    }

    private static byte[] concat(String header, byte[] body) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }
}
