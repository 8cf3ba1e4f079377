package fr.sharenum.annuaire;

/**
 * A row of the CSV that was not imported.
 *
 * @param line   line number in the file (the header is line 1)
 * @param uai    the row's UAI as written, possibly empty
 * @param reason why, in words a person understands
 */
public record Rejection(long line, String uai, String reason) {
    @Override
    public String toString() {
        return "line " + line + (uai.isEmpty() ? "" : " (" + uai + ")") + ": " + reason;
    }
}
