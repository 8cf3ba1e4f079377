package fr.sharenum.annuaire.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decodes bytes into characters like {@link java.io.InputStreamReader}, but where the bytes are not
 * valid in the charset it does not fail and does not guess silently: it writes U+FFFD in their place
 * and records a {@link Malformation} naming the line (counted in line feeds of the bytes themselves)
 * and the bytes, so the caller can refuse that row and say which encoding the file is likely in.
 * A UTF-8 byte order mark is dropped; a UTF-16 one is recorded as a malformation of line 1.
 *
 * <p>Not thread-safe.
 */
public final class DecodingReader extends Reader {

    /**
     * Bytes that are not valid in the charset.
     *
     * @param line              line where they are (the first line is 1)
     * @param bytes             the offending bytes (at most 4)
     * @param validNonAsciiBefore characters beyond ASCII decoded correctly before them, in the whole input
     */
    public record Malformation(long line, byte[] bytes, long validNonAsciiBefore) {
        /** The bytes in hexadecimal: {@code 0xE9}, {@code 0xC3 0x28}. */
        public String hex() {
            StringBuilder b = new StringBuilder();
            for (byte x : bytes) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(String.format("0x%02X", x & 0xFF));
            }
            return b.toString();
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private final Deque<Malformation> malformations = new ArrayDeque<>();
    private boolean started;
    private boolean endOfInput;
    private boolean flushed;
    private long newlines;
    private long validNonAscii;
    private long malformedCount;
    private Malformation first;
    private boolean sawC1Bytes;

    /**
     * @param in      the bytes, read to their end; closed by {@link #close()}
     * @param charset how they are encoded
     */
    public DecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            decodeMore();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    private void decodeMore() throws IOException {
        chars.clear();
        try {
            if (!started) {
                started = true;
                fillBytes();
                skipByteOrderMark();
            }
            while (true) {
                int from = bytes.position();
                int charsFrom = chars.position();
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                count(from, bytes.position(), charsFrom);
                if (result.isError()) {
                    if (!chars.hasRemaining()) {
                        break;                                  // reported again by the next call
                    }
                    int start = bytes.position();
                    int length = result.length();
                    byte[] bad = new byte[Math.min(4, length)];
                    for (int i = 0; i < bad.length; i++) {
                        bad[i] = bytes.get(start + i);
                    }
                    record(bad);
                    bytes.position(start + length);
                    count(start, start + length, chars.position());
                    chars.put('\uFFFD');
                } else if (result.isOverflow()) {
                    break;
                } else if (endOfInput) {
                    decoder.flush(chars);
                    flushed = true;
                    break;
                } else if (chars.position() > 0) {
                    break;
                } else {
                    bytes.compact();
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) {
                        endOfInput = true;
                    } else {
                        bytes.position(bytes.position() + n);
                    }
                    bytes.flip();
                }
            }
        } finally {
            chars.flip();
        }
    }

    private void fillBytes() throws IOException {
        bytes.compact();
        while (bytes.hasRemaining()) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
                break;
            }
            bytes.position(bytes.position() + n);
            if (bytes.position() >= 4) {
                break;
            }
        }
        bytes.flip();
    }

    private void skipByteOrderMark() {
        int r = bytes.remaining();
        int p = bytes.position();
        int b0 = r > 0 ? bytes.get(p) & 0xFF : -1;
        int b1 = r > 1 ? bytes.get(p + 1) & 0xFF : -1;
        int b2 = r > 2 ? bytes.get(p + 2) & 0xFF : -1;
        if (StandardCharsets.UTF_8.equals(charset) && b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bytes.position(p + 3);
        } else if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            if (!charset.name().startsWith("UTF-16")) {
                record(new byte[] {(byte) b0, (byte) b1});
            }
        }
    }

    private void record(byte[] bad) {
        Malformation m = new Malformation(newlines + 1, bad, validNonAscii);
        malformedCount++;
        if (first == null) {
            first = m;
        }
        for (byte b : bad) {
            int x = b & 0xFF;
            if (x >= 0x80 && x <= 0x9F) {
                sawC1Bytes = true;
            }
        }
        if (malformations.size() < 10_000) {
            malformations.addLast(m);
        }
    }

    /** Counts line feeds among the bytes consumed, and the non-ASCII characters produced. */
    private void count(int fromByte, int toByte, int fromChar) {
        byte[] a = bytes.array();
        for (int i = fromByte; i < toByte; i++) {
            if (a[i] == '\n') {
                newlines++;
            }
        }
        char[] c = chars.array();
        for (int i = fromChar; i < chars.position(); i++) {
            if (c[i] > 0x7F && c[i] != '\uFFFD') {
                validNonAscii++;
            }
        }
    }

    /**
     * Removes and returns the first recorded malformation on a line up to {@code lastLine}, or
     * {@code null}; malformations of earlier lines than {@code firstLine} are dropped on the way.
     */
    public Malformation takeMalformation(long firstLine, long lastLine) {
        while (!malformations.isEmpty()) {
            Malformation m = malformations.peekFirst();
            if (m.line() < firstLine) {
                malformations.pollFirst();
                continue;
            }
            if (m.line() <= lastLine) {
                malformations.pollFirst();
                while (!malformations.isEmpty() && malformations.peekFirst().line() <= lastLine) {
                    malformations.pollFirst();
                }
                return m;
            }
            return null;
        }
        return null;
    }

    /** The first malformation of the input so far, or {@code null}. */
    public Malformation firstMalformation() {
        return first;
    }

    /** Number of malformed sequences so far. */
    public long malformedCount() {
        return malformedCount;
    }

    /** Non-ASCII characters decoded correctly so far. */
    public long validNonAscii() {
        return validNonAscii;
    }

    /** Whether a malformed byte was in 0x80–0x9F, which only Windows-1252 prints. */
    public boolean sawC1Bytes() {
        return sawC1Bytes;
    }

    /** The charset the bytes are decoded with. */
    public Charset charset() {
        return charset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
