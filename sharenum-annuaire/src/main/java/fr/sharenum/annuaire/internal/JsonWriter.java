package fr.sharenum.annuaire.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** A small streaming JSON writer (no dependency): objects, arrays, strings, numbers, booleans, null. Not thread-safe. */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final Deque<boolean[]> first = new ArrayDeque<>();
    private boolean afterName;

    /** Opens an object. */
    public JsonWriter beginObject() {
        separate();
        out.append('{');
        first.push(new boolean[] {true});
        return this;
    }

    /** Closes the current object. */
    public JsonWriter endObject() {
        first.pop();
        out.append('}');
        return this;
    }

    /** Opens an array. */
    public JsonWriter beginArray() {
        separate();
        out.append('[');
        first.push(new boolean[] {true});
        return this;
    }

    /** Closes the current array. */
    public JsonWriter endArray() {
        first.pop();
        out.append(']');
        return this;
    }

    /** Names the next value of the current object. */
    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    /** A string, or null. */
    public JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    /** An integer. */
    public JsonWriter value(long value) {
        separate();
        out.append(value);
        return this;
    }

    /** A finite number. */
    public JsonWriter value(double value) {
        separate();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value);
        }
        out.append(value);
        return this;
    }

    /** A boolean. */
    public JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!first.isEmpty()) {
            boolean[] f = first.peek();
            if (!f[0]) {
                out.append(',');
            }
            f[0] = false;
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
