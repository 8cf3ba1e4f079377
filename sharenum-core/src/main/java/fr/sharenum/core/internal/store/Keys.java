package fr.sharenum.core.internal.store;

import java.time.Instant;

/** Sortable index values for kernel documents: what {@code String.compareTo} orders as intended. */
public final class Keys {
    /** Sorts after every value ShareNum writes (index values are printable ASCII). */
    public static final String END = "\u007f";
    private static final long OFFSET = 1_000_000_000_000L;

    private Keys() {
    }

    /**
     * An instant as a fixed-width string ordering like the instant (years −29,000 to 9,999 and beyond).
     *
     * @param t the instant
     * @return its sortable form
     */
    public static String time(Instant t) {
        long s = t.getEpochSecond();
        if (s <= -OFFSET) {
            return "0".repeat(20);
        }
        return String.format("%020d.%09d", s + OFFSET, t.getNano());
    }

    /**
     * Values joined by {@code |}, each with {@code %} and {@code |} escaped ({@code %25}, {@code %7C}), so that
     * the values starting with {@code join(a) + "|"} are exactly those of {@code join(a, …)}.
     *
     * @param parts the parts
     * @return the joined value
     */
    public static String join(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('|');
            }
            String p = String.valueOf(parts[i]);
            if (p.indexOf('|') >= 0 || p.indexOf('%') >= 0) {
                p = p.replace("%", "%25").replace("|", "%7C");
            }
            b.append(p);
        }
        return b.toString();
    }

    /**
     * Every value starting with {@code prefix + "|"}: the upper bound of a range.
     *
     * @param prefix the prefix, as written by {@link #join}
     * @return the first value after them
     */
    public static String after(String prefix) {
        return prefix + "|" + END;
    }

    /**
     * The lower bound of the values starting with {@code prefix + "|"}.
     *
     * @param prefix the prefix
     * @return the first value of the range
     */
    public static String from(String prefix) {
        return prefix + "|";
    }
}
