package fr.sharenum.annuaire.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads semicolon-separated records one at a time from a {@link Reader}, keeping only the current
 * record: fields may be quoted ({@code "a;b"}, {@code ""} for a quote) and span lines; empty lines are
 * skipped; {@code \n}, {@code \r\n} and {@code \r} end a line. Every record knows the physical lines it
 * spans, and columns not {@linkplain #wanted(boolean[]) wanted} are counted but not kept, so a wide
 * file costs only the columns read.
 *
 * <p>Not thread-safe; one instance per input.
 */
public final class CsvRecords {

    /** A quoted field is never closed: the text after the quote up to the end of the input is not CSV. */
    public static final class UnterminatedQuoteException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;

        UnterminatedQuoteException(long line) {
            super("guillemet ouvert ligne " + line + " jamais fermé");
            this.line = line;
        }

        /** The line where the quoted field starts. */
        public long line() {
            return line;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char separator;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private long recordLine;
    private long recordEndLine;
    private boolean recordUnterminated;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(64);
    private boolean[] wanted;

    /**
     * @param in        the text, read through to its end and not closed
     * @param separator the column separator, {@code ';'} in the official files
     */
    public CsvRecords(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** Keeps only the columns whose index is {@code true} here; others read as {@code null}. {@code null} keeps all. */
    public void wanted(boolean[] columns) {
        this.wanted = columns == null ? null : columns.clone();
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the input
     * @throws UnterminatedQuoteException when a quoted field runs to the end of the input
     * @throws IOException                when the reader fails
     */
    public boolean next() throws IOException {
        fields.clear();
        int c;
        while (true) {
            c = read();
            if (c == EOF) {
                return false;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
            } else {
                break;
            }
        }
        recordLine = line;
        recordUnterminated = false;
        int column = 0;
        while (true) {
            boolean keep = wanted == null || (column < wanted.length && wanted[column]);
            text.setLength(0);
            if (c == '"') {
                c = quoted(keep);
            } else if (c != separator && c != '\n' && c != '\r' && c != EOF) {
                if (keep) {
                    text.append((char) c);
                }
                c = unquoted(keep);
            }
            fields.add(keep ? text.toString() : null);
            column++;
            if (c == separator) {
                c = read();
                continue;
            }
            recordEndLine = line;
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                line++;
            } else {
                recordUnterminated = true;
            }
            return true;
        }
    }

    /**
     * Reads the rest of an unquoted field, scanning the buffer in bulk; returns the character that ends it
     * (separator, line break or EOF), consumed.
     */
    private int unquoted(boolean keep) throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                return EOF;
            }
            int start = position;
            char[] b = buffer;
            int end = limit;
            char sep = separator;
            int i = start;
            while (i < end) {
                char ch = b[i];
                if (ch == sep || ch == '\n' || ch == '\r') {
                    break;
                }
                i++;
            }
            if (keep && i > start) {
                text.append(b, start, i - start);
            }
            position = i;
            if (i < end) {
                position++;
                return b[i];
            }
        }
    }

    /** Reads a quoted field whose opening quote was just read; returns the character after it. */
    private int quoted(boolean keep) throws IOException {
        long start = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new UnterminatedQuoteException(start);
            }
            if (c == '"') {
                if (peek() == '"') {
                    read();
                    if (keep) {
                        text.append('"');
                    }
                    continue;
                }
                break;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r' && peek() != '\n') {
                line++;
            }
            if (keep) {
                text.append((char) c);
            }
        }
        // anything between the closing quote and the separator is kept as written
        int c = read();
        while (c != separator && c != '\n' && c != '\r' && c != EOF) {
            if (keep) {
                text.append((char) c);
            }
            c = read();
        }
        return c;
    }

    /** Number of columns of the current record. */
    public int size() {
        return fields.size();
    }

    /** Column {@code index} of the current record, {@code null} when not wanted or beyond the record. */
    public String get(int index) {
        return index < fields.size() ? fields.get(index) : null;
    }

    /** The current record's columns (unwanted ones {@code null}); valid until {@link #next()}. */
    public List<String> fields() {
        return fields;
    }

    /** Line where the current record starts (the first line is 1). */
    public long line() {
        return recordLine;
    }

    /** Line where the current record ends (after the first when a quoted field spans lines). */
    public long endLine() {
        return recordEndLine;
    }

    /** Whether the current record ends the input without a line break: the last line of a cut file. */
    public boolean unterminated() {
        return recordUnterminated;
    }

    /** The line the reader has reached: the current record's, or the one after it. */
    public long currentLine() {
        return line;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
