package fr.sharenum.annuaire;

import java.util.List;

/**
 * What an import did.
 *
 * @param rows     data rows read (the header excluded)
 * @param imported establishments handed to the consumer
 * @param rejected rows not imported, in file order
 */
public record ImportReport(long rows, long imported, List<Rejection> rejected) {
    public ImportReport {
        rejected = List.copyOf(rejected);
    }
}
