package fr.sharenum.geo.internal;

import java.util.Arrays;

/**
 * The members of one site posted under one topic (a tool with levels, or a followed tool/theme
 * without). Immutable: writers replace a bucket with a modified copy, so readers never see a
 * half-done change. Entries are sorted by level, highest first, then by member id.
 */
final class Bucket {
    final MemberRef[] refs;
    /** Level ordinal per entry, or {@code null} for topics without levels. */
    final byte[] levels;

    Bucket(MemberRef[] refs, byte[] levels) {
        this.refs = refs;
        this.levels = levels;
    }

    int size() {
        return refs.length;
    }

    private static int compare(MemberRef a, int levelA, MemberRef b, int levelB) {
        if (levelA != levelB) {
            return Integer.compare(levelB, levelA);
        }
        return a.id().compareTo(b.id());
    }

    /** A copy of {@code bucket} (may be null) with {@code ref} added at {@code level} (ignored when levels are not kept). */
    static Bucket with(Bucket bucket, MemberRef ref, int level, boolean leveled) {
        if (bucket == null) {
            return new Bucket(new MemberRef[] {ref}, leveled ? new byte[] {(byte) level} : null);
        }
        int n = bucket.refs.length;
        int pos = 0;
        while (pos < n && compare(bucket.refs[pos], bucket.levelAt(pos), ref, leveled ? level : 0) < 0) {
            pos++;
        }
        MemberRef[] refs = new MemberRef[n + 1];
        System.arraycopy(bucket.refs, 0, refs, 0, pos);
        refs[pos] = ref;
        System.arraycopy(bucket.refs, pos, refs, pos + 1, n - pos);
        byte[] levels = null;
        if (leveled) {
            levels = new byte[n + 1];
            System.arraycopy(bucket.levels, 0, levels, 0, pos);
            levels[pos] = (byte) level;
            System.arraycopy(bucket.levels, pos, levels, pos + 1, n - pos);
        }
        return new Bucket(refs, levels);
    }

    /** A copy without the entry of {@code ref}; {@code null} when nothing remains. */
    static Bucket without(Bucket bucket, MemberRef ref) {
        if (bucket == null) {
            return null;
        }
        int n = bucket.refs.length;
        int pos = -1;
        for (int i = 0; i < n; i++) {
            if (bucket.refs[i] == ref) {
                pos = i;
                break;
            }
        }
        if (pos < 0) {
            return bucket;
        }
        if (n == 1) {
            return null;
        }
        MemberRef[] refs = new MemberRef[n - 1];
        System.arraycopy(bucket.refs, 0, refs, 0, pos);
        System.arraycopy(bucket.refs, pos + 1, refs, pos, n - pos - 1);
        byte[] levels = null;
        if (bucket.levels != null) {
            levels = new byte[n - 1];
            System.arraycopy(bucket.levels, 0, levels, 0, pos);
            System.arraycopy(bucket.levels, pos + 1, levels, pos, n - pos - 1);
        }
        return new Bucket(refs, levels);
    }

    int levelAt(int i) {
        return levels == null ? 0 : levels[i];
    }

    @Override
    public String toString() {
        return Arrays.toString(refs);
    }
}
