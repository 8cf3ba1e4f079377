package fr.sharenum.annuaire;

import java.util.List;
import java.util.Objects;

/**
 * What an import did. Every data row is counted once: {@code rows == imported + annexes + rejected.size()}.
 *
 * @param headerVersion the {@linkplain HeaderVersion#id() id} of the header version the file has
 * @param rows          data rows read (the header excluded)
 * @param imported      establishments handed to the consumer, each once
 * @param annexes       rows merged into another row's establishment as an annex (same UAI)
 * @param rejected      rows not imported, in file order
 */
public record ImportReport(String headerVersion, long rows, long imported, long annexes, List<Rejection> rejected) {

    /**
     * Checks and normalises the components.
     *
     * @param headerVersion the {@linkplain HeaderVersion#id() id} of the header version the file has
     * @param rows data rows read (the header excluded)
     * @param imported establishments handed to the consumer, each once
     * @param annexes rows merged into another row's establishment as an annex (same UAI)
     * @param rejected rows not imported, in file order
     */
    public ImportReport {
        Objects.requireNonNull(headerVersion, "headerVersion");
        rejected = List.copyOf(rejected);
        if (rows != imported + annexes + rejected.size()) {
            throw new IllegalArgumentException("rows " + rows + " != imported " + imported + " + annexes " + annexes
                    + " + rejected " + rejected.size());
        }
    }
}
