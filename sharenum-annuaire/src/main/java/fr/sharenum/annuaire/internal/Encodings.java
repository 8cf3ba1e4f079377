package fr.sharenum.annuaire.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Says which encoding bytes that are not UTF-8 are probably in, and what they would read as there. */
public final class Encodings {

    private static final Charset WINDOWS_1252 = Charset.isSupported("windows-1252") ? Charset.forName("windows-1252")
            : StandardCharsets.ISO_8859_1;

    private Encodings() {
    }

    /**
     * The likely encoding of a file whose bytes failed to decode.
     *
     * @param bad   the first offending bytes
     * @param sawC1 whether some offending byte was in 0x80–0x9F (printable only in Windows-1252)
     */
    public static String likely(byte[] bad, boolean sawC1) {
        if (bad.length >= 2 && ((bad[0] & 0xFF) == 0xFF && (bad[1] & 0xFF) == 0xFE
                || (bad[0] & 0xFF) == 0xFE && (bad[1] & 0xFF) == 0xFF)) {
            return "UTF-16";
        }
        for (byte b : bad) {
            if ((b & 0xFF) >= 0x80 && (b & 0xFF) <= 0x9F) {
                sawC1 = true;
            }
        }
        return sawC1 ? "Windows-1252" : "ISO-8859-1 (Latin-1) ou Windows-1252";
    }

    /** How the bytes read in Windows-1252 (a superset of Latin-1's printable characters): {@code 0xE9} is "é". */
    public static String asWindows1252(byte[] bad) {
        return new String(bad, WINDOWS_1252);
    }

    /** A Java name to give the importer for that encoding. */
    public static String charsetName(String likely) {
        return likely.startsWith("UTF-16") ? "UTF-16" : likely.startsWith("Windows") ? "windows-1252" : "ISO-8859-1";
    }
}
