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
 * A reusable buffer of hits in primitive arrays — a member slot, a level and a distance per hit —
 * filled by a {@link MatchingEngine} through
 * {@link MatchingEngine#qualified(QualifiedQuery, MatchSink)}: once it has grown to the largest answer,
 * filling it allocates nothing. An engine that numbers its members ({@link MemberSlots}) writes plain
 * ints, several hits at a time ({@link #addAll}); the member and establishment of a hit are looked up
 * when read. Any other engine goes through {@link #accept}, and the buffer keeps the references itself.
 * It keeps the hits in the order it received them ({@link Match#ORDER} when filled by a query).
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

    /** Per hit: a slot of {@link #engine} when {@code >= 0}, else {@code -1 - i} for {@code own*[i]}. */
    private int[] slots;
    private byte[] levels;
    private double[] distances;
    private int size;
    private MemberSlots engine;
    private MemberId[] ownMembers = new MemberId[0];
    private Uai[] ownEstablishments = new Uai[0];
    private int ownSize;

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
        slots = new int[n];
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
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(establishment, "establishment");
        if (ownSize == ownMembers.length) {
            int n = Math.max(16, ownSize * 2);
            ownMembers = Arrays.copyOf(ownMembers, n);
            ownEstablishments = Arrays.copyOf(ownEstablishments, n);
        }
        ownMembers[ownSize] = member;
        ownEstablishments[ownSize] = establishment;
        append(-1 - ownSize++, level.ordinal(), distanceKm);
        return true;
    }

    /**
     * Appends one hit named by an engine's slot (for engines).
     *
     * @param names      how the engine names its slots
     * @param slot       the member's slot
     * @param level      their level on the queried tool
     * @param distanceKm distance from the query centre, in km
     */
    public void add(MemberSlots names, int slot, CompetenceLevel level, double distanceKm) {
        use(names);
        append(slot, level.ordinal(), distanceKm);
    }

    /**
     * Appends the hits {@code slots[from..to)}, all at one level and one distance (for engines: the
     * members of one establishment, already in order).
     *
     * @param names      how the engine names its slots
     * @param slots      the members' slots
     * @param from       first index in {@code slots}, inclusive
     * @param to         last index in {@code slots}, exclusive
     * @param level      their level on the queried tool
     * @param distanceKm their distance from the query centre, in km
     */
    public void addAll(MemberSlots names, int[] slots, int from, int to, CompetenceLevel level, double distanceKm) {
        use(names);
        int n = to - from;
        if (n <= 0) {
            return;
        }
        int at = size;
        if (at + n > this.slots.length) {
            grow(at + n);
        }
        int[] to32 = this.slots;
        if (n < 16) {
            for (int i = 0; i < n; i++) {
                to32[at + i] = slots[from + i];
            }
        } else {
            System.arraycopy(slots, from, to32, at, n);
        }
        byte l = (byte) level.ordinal();
        byte[] ls = levels;
        double[] ds = distances;
        for (int i = at, end = at + n; i < end; i++) {
            ls[i] = l;
            ds[i] = distanceKm;
        }
        size = at + n;
    }

    private void append(int slot, int level, double distanceKm) {
        int i = size;
        if (i == slots.length) {
            grow(i + 1);
        }
        slots[i] = slot;
        levels[i] = (byte) level;
        distances[i] = distanceKm;
        size = i + 1;
    }

    /** Makes {@code names} the engine of the slots; hits of another engine already held are resolved first. */
    private void use(MemberSlots names) {
        if (names == engine) {
            return;
        }
        Objects.requireNonNull(names, "names");
        if (engine != null) {
            for (int i = 0; i < size; i++) {
                int s = slots[i];
                if (s >= 0) {
                    MemberId m = engine.member(s);
                    Uai e = engine.establishment(s);
                    if (ownSize == ownMembers.length) {
                        int n = Math.max(16, ownSize * 2);
                        ownMembers = Arrays.copyOf(ownMembers, n);
                        ownEstablishments = Arrays.copyOf(ownEstablishments, n);
                    }
                    ownMembers[ownSize] = m;
                    ownEstablishments[ownSize] = e;
                    slots[i] = -1 - ownSize++;
                }
            }
        }
        engine = names;
    }

    /**
     * Forgets every hit (keeps the arrays) and returns this buffer, ready for the next query.
     *
     * @return forgets every hit (keeps the arrays) and returns this buffer, ready for the next query
     */
    public MatchBuffer clear() {
        // drop the references so the buffer does not keep members of an old answer alive
        Arrays.fill(ownMembers, 0, ownSize, null);
        Arrays.fill(ownEstablishments, 0, ownSize, null);
        ownSize = 0;
        size = 0;
        return this;
    }

    /**
     * Number of hits held.
     *
     * @return number of hits held
     */
    public int size() {
        return size;
    }

    /**
     * Whether the buffer holds no hit.
     *
     * @return whether the buffer holds no hit
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The member of hit {@code i}.
     *
     * @param i index of the hit, {@code 0 <= i < size()}
     * @return the member of hit i
     */
    public MemberId member(int i) {
        int s = slots[Objects.checkIndex(i, size)];
        return s >= 0 ? engine.member(s) : ownMembers[-1 - s];
    }

    /**
     * The establishment of hit {@code i}.
     *
     * @param i index of the hit, {@code 0 <= i < size()}
     * @return the establishment of hit i
     */
    public Uai establishment(int i) {
        int s = slots[Objects.checkIndex(i, size)];
        return s >= 0 ? engine.establishment(s) : ownEstablishments[-1 - s];
    }

    /**
     * The level of hit {@code i} on the queried tool.
     *
     * @param i index of the hit, {@code 0 <= i < size()}
     * @return the level of hit i on the queried tool
     */
    public CompetenceLevel level(int i) {
        return LEVELS[levels[Objects.checkIndex(i, size)]];
    }

    /**
     * The distance of hit {@code i} from the query centre, in km.
     *
     * @param i index of the hit, {@code 0 <= i < size()}
     * @return the distance of hit i from the query centre, in km
     */
    public double distanceKm(int i) {
        return distances[Objects.checkIndex(i, size)];
    }

    /**
     * Hit {@code i} as a {@link Match} (allocates it).
     *
     * @param i index of the hit, {@code 0 <= i < size()}
     * @return hit i as a Match (allocates it)
     */
    public Match match(int i) {
        return new Match(member(i), establishment(i), level(i), distanceKm(i));
    }

    /**
     * A new mutable list of the hits as {@link Match} records, in the buffer's order.
     *
     * @return a new mutable list of the hits as Match records, in the buffer's order
     */
    public List<Match> toList() {
        List<Match> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(match(i));
        }
        return out;
    }

    /**
     * A read-only view of the hits as {@link Match} records, made when read; it reflects later changes
     * to the buffer.
     *
     * @return a read-only view of the hits as Match records, made when read;
     */
    public List<Match> asList() {
        return new View();
    }

    private void grow(int minCapacity) {
        int n = Math.max(minCapacity, slots.length + (slots.length >> 1) + 16);
        slots = Arrays.copyOf(slots, n);
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
