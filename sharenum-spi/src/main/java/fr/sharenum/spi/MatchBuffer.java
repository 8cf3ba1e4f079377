package fr.sharenum.spi;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A reusable buffer of hits in parallel arrays — member, establishment, level and distance — that a
 * {@link MatchingEngine} fills through {@link MatchSink#accept}: once it has grown to the largest
 * answer, filling it allocates nothing, and reading it back costs an array access per field. It keeps
 * the hits in the order it received them ({@link Match#ORDER} when filled by
 * {@link MatchingEngine#qualified(QualifiedQuery, MatchSink)}).
 *
 * <pre>{@code
 * MatchBuffer hits = new MatchBuffer();                 // one per thread, reused query after query
 * engine.qualified(query, hits.clear());
 * for (int i = 0; i < hits.size(); i++) {
 *     alert(hits.member(i), hits.level(i), hits.distanceKm(i));
 * }
 * }</pre>
 *
 * <p>Not thread-safe: a buffer belongs to one thread at a time.
 */
public final class MatchBuffer implements MatchSink {

    private static final CompetenceLevel[] LEVELS = CompetenceLevel.values();

    private MemberId[] members;
    private Uai[] establishments;
    private byte[] levels;
    private double[] distances;
    private int size;

    /** An empty buffer with room for 64 hits before it grows. */
    public MatchBuffer() {
        this(64);
    }

    /**
     * An empty buffer.
     *
     * @param initialCapacity hits it holds before it first grows, {@code >= 0}
     */
    public MatchBuffer(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0, was " + initialCapacity);
        }
        int n = Math.max(1, initialCapacity);
        members = new MemberId[n];
        establishments = new Uai[n];
        levels = new byte[n];
        distances = new double[n];
    }

    /**
     * Appends one hit; always returns {@code true}.
     *
     * @param member        the member
     * @param establishment where they work
     * @param level         their level on the queried tool
     * @param distanceKm    distance from the query centre, in km
     */
    @Override
    public boolean accept(MemberId member, Uai establishment, CompetenceLevel level, double distanceKm) {
        int i = size;
        if (i == members.length) {
            grow(i + 1);
        }
        members[i] = member;
        establishments[i] = establishment;
        levels[i] = (byte) level.ordinal();
        distances[i] = distanceKm;
        size = i + 1;
        return true;
    }

    /** Forgets every hit (keeps the arrays) and returns this buffer, ready for the next query. */
    public MatchBuffer clear() {
        // drop the references so the buffer does not keep members of an old answer alive
        Arrays.fill(members, 0, size, null);
        Arrays.fill(establishments, 0, size, null);
        size = 0;
        return this;
    }

    /** Number of hits held. */
    public int size() {
        return size;
    }

    /** Whether the buffer holds no hit. */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The member of hit {@code i}.
     *
     * @param i index of the hit, {@code 0 <= i < size()}
     */
    public MemberId member(int i) {
        return members[Objects.checkIndex(i, size)];
    }

    /**
     * The establishment of hit {@code i}.
     *
     * @param i index of the hit, {@code 0 <= i < size()}
     */
    public Uai establishment(int i) {
        return establishments[Objects.checkIndex(i, size)];
    }

    /**
     * The level of hit {@code i} on the queried tool.
     *
     * @param i index of the hit, {@code 0 <= i < size()}
     */
    public CompetenceLevel level(int i) {
        return LEVELS[levels[Objects.checkIndex(i, size)]];
    }

    /**
     * The distance of hit {@code i} from the query centre, in km.
     *
     * @param i index of the hit, {@code 0 <= i < size()}
     */
    public double distanceKm(int i) {
        return distances[Objects.checkIndex(i, size)];
    }

    /**
     * Hit {@code i} as a {@link Match} (allocates it).
     *
     * @param i index of the hit, {@code 0 <= i < size()}
     */
    public Match match(int i) {
        Objects.checkIndex(i, size);
        return new Match(members[i], establishments[i], LEVELS[levels[i]], distances[i]);
    }

    /** A new mutable list of the hits as {@link Match} records, in the buffer's order. */
    public List<Match> toList() {
        List<Match> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Match(members[i], establishments[i], LEVELS[levels[i]], distances[i]));
        }
        return out;
    }

    /**
     * A read-only view of the hits as {@link Match} records, made when read; it reflects later changes
     * to the buffer.
     */
    public List<Match> asList() {
        return new View();
    }

    private void grow(int minCapacity) {
        int n = Math.max(minCapacity, members.length + (members.length >> 1) + 16);
        members = Arrays.copyOf(members, n);
        establishments = Arrays.copyOf(establishments, n);
        levels = Arrays.copyOf(levels, n);
        distances = Arrays.copyOf(distances, n);
    }

    @Override
    public String toString() {
        return "MatchBuffer" + asList();
    }

    private final class View extends AbstractList<Match> implements RandomAccess {
        @Override
        public Match get(int index) {
            return match(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
