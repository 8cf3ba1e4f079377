package fr.sharenum.geo.internal;

/**
 * Buckets are plain immutable {@code MemberNode[]} arrays: the members of one site posted under one
 * topic. Writers replace a bucket with a modified copy, so a reader never sees a half-done change.
 *
 * <p>A leveled bucket (a tool's skill) keeps three sections separated by {@link MemberNode#BREAK}:
 * EXPERIENCED members, then INTERMEDIATE, then NOVICE — so the level of an entry costs nothing to
 * store and a query stops as soon as it reaches a level below its minimum. Inside a section members
 * are sorted by id, so a bucket read front to back is already in {@code Match.ORDER} for its site.
 * An unleveled bucket (a followed tool or theme) is just the members, sorted by id.
 */
final class Buckets {
    private Buckets() {
    }

    /** Level ordinal of the highest section. */
    static final int TOP = 2;

    /** A copy of {@code b} (may be null) with {@code node} added at {@code level}. */
    static MemberNode[] withLeveled(MemberNode[] b, MemberNode node, int level) {
        if (b == null) {
            b = new MemberNode[] {MemberNode.BREAK, MemberNode.BREAK};
        }
        // the section of `level` starts after (TOP - level) breaks; insert in id order inside it
        int pos = 0;
        for (int breaks = 0; breaks < TOP - level; pos++) {
            if (b[pos] == MemberNode.BREAK) {
                breaks++;
            }
        }
        while (pos < b.length && b[pos] != MemberNode.BREAK && b[pos].id.compareTo(node.id) < 0) {
            pos++;
        }
        return insertAt(b, pos, node);
    }

    /** A copy of {@code b} (may be null) with {@code node} inserted in id order. */
    static MemberNode[] with(MemberNode[] b, MemberNode node) {
        if (b == null) {
            return new MemberNode[] {node};
        }
        int pos = 0;
        while (pos < b.length && b[pos].id.compareTo(node.id) < 0) {
            pos++;
        }
        return insertAt(b, pos, node);
    }

    private static MemberNode[] insertAt(MemberNode[] b, int pos, MemberNode node) {
        MemberNode[] out = new MemberNode[b.length + 1];
        System.arraycopy(b, 0, out, 0, pos);
        out[pos] = node;
        System.arraycopy(b, pos, out, pos + 1, b.length - pos);
        return out;
    }

    /** A copy without {@code node}; {@code null} when no member remains; {@code b} itself when absent. */
    static MemberNode[] without(MemberNode[] b, MemberNode node, boolean leveled) {
        if (b == null) {
            return null;
        }
        int pos = indexOf(b, node);
        if (pos < 0) {
            return b;
        }
        if (b.length == (leveled ? 3 : 1)) {
            return null;
        }
        MemberNode[] out = new MemberNode[b.length - 1];
        System.arraycopy(b, 0, out, 0, pos);
        System.arraycopy(b, pos + 1, out, pos, b.length - pos - 1);
        return out;
    }

    static int indexOf(MemberNode[] b, MemberNode node) {
        if (b != null) {
            for (int i = 0; i < b.length; i++) {
                if (b[i] == node) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Level of {@code node} in a leveled bucket, or -1 when absent. */
    static int levelOf(MemberNode[] b, MemberNode node) {
        if (b == null) {
            return -1;
        }
        int level = TOP;
        for (MemberNode n : b) {
            if (n == MemberNode.BREAK) {
                level--;
            } else if (n == node) {
                return level;
            }
        }
        return -1;
    }
}
