package fr.sharenum.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.sharenum.annuaire.AnnuaireImportException;
import fr.sharenum.annuaire.AnnuaireImporter;
import fr.sharenum.annuaire.ImportReport;
import fr.sharenum.model.Establishment;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Any text as an Annuaire CSV, after a valid header: the import reports rows or refuses the file with
 * the documented exception; in strict mode a refusal imports nothing (no partial import).
 */
class AnnuaireImportFuzzTest {
    private static final String HEADER = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Code_commune;"
            + "Code_academie;latitude;longitude\n";

    @FuzzTest(maxDuration = "20s")
    void any_csv_is_imported_or_refused_without_partial_import(FuzzedDataProvider data) {
        boolean withHeader = data.consumeBoolean();
        String body = data.consumeRemainingAsString();
        String csv = withHeader ? HEADER + body : body;
        for (boolean strict : new boolean[] {false, true}) {
            List<Establishment> imported = new ArrayList<>();
            try {
                ImportReport report = AnnuaireImporter.builder().strict(strict).build()
                        .importFrom(new StringReader(csv), imported::add);
                if (report.imported() != imported.size() || report.imported() + report.rejected().size() != report.rows()) {
                    throw new AssertionError("the report does not add up: " + report);
                }
            } catch (AnnuaireImportException refused) {
                if (strict && !imported.isEmpty()) {
                    throw new AssertionError("a refused strict import handed " + imported.size() + " establishments over");
                }
            }
        }
    }
}
