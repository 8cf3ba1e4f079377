package fr.sharenum.geo.internal;

import fr.sharenum.geo.SphericalCaps;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchBuffer;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchSink;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The spatial-index matching engine. See the module README for the design; in short:
 * <ul>
 *   <li>{@link Sites}: the distinct positions, append-only, with what the distance needs precomputed;</li>
 *   <li>{@link Slots}: members interned to int slots (id and establishment per slot);</li>
 *   <li>one {@link Topic} per tool (skills), followed tool and theme: its pairs (site, members) packed
 *       in Morton order, a packed R-tree per minimum level, and copy-on-write changes since;</li>
 *   <li>queries take no lock and allocate nothing per hit: they collect the pairs within the radius
 *       into a per-thread {@link Search}, sort them by distance and hand the members to a sink;</li>
 *   <li>writers serialise on one lock and replace the few buckets that change.</li>
 * </ul>
 */
public final class GeoIndex implements MatchingEngine {

    private static final CompetenceLevel[] LEVELS = CompetenceLevel.values();
    private static final double FIRST_NEAREST_RADIUS_KM = 25;
    private static final int[] NO_CODES = new int[0];
    /** Topic ids are kept in chars where a site lists its topics. */
    static final int MAX_TOPICS = Character.MAX_VALUE + 1;
    private static final ThreadLocal<Search> SEARCH = ThreadLocal.withInitial(Search::new);

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Sites sites = new Sites();
    private final Slots slots = new Slots();
    // keyed by the ids' strings: String's hash is cached and its equals intrinsic
    private final ConcurrentHashMap<String, Topic> skills = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Topic> follows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Topic> themes = new ConcurrentHashMap<>();
    /** Every topic by id (writer). */
    private Topic[] topics = new Topic[16];
    private int topicCount;
    /** Per site, the sorted ids of the topics with a pair there (writer): where to look for a member's postings. */
    private char[][] siteTopics = new char[256][];
    /**
     * Odd while a member is being given a new slot (new member, or moved to another site or
     * establishment); a query that overlaps such a change may meet a member twice or miss an
     * exclusion, so it then checks by id.
     */
    private volatile long moves;
    private volatile int size;

    // ================================================================= writes (write lock)

    @Override
    public void upsert(MatchCandidate candidate) {
        writeLock.lock();
        try {
            upsertLocked(candidate);
            size = slots.activeCount();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void upsertAll(Collection<MatchCandidate> candidates) {
        writeLock.lock();
        try {
            if (slots.count() == 0 && sites.count() == 0 && candidates.size() >= 1024) {
                new BulkLoad(this).load(candidates);
            } else {
                for (MatchCandidate c : candidates) {
                    upsertLocked(c);
                }
            }
            size = slots.activeCount();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void remove(MemberId member) {
        writeLock.lock();
        try {
            int slot = slots.lookup(member);
            if (slot >= 0 && slots.isActive(slot)) {
                Sites.Snapshot ss = sites.snapshot();
                int site = slots.siteOf(slot);
                for (int code : postingsOf(slot, site, ss)) {
                    Topic t = topics[code >>> 2];
                    t.put(site, Topic.without(t.state.bucketCopy(t.state.find(site, ss.morton)), slot), ss);
                }
                slots.deactivate(slot);
            }
            size = slots.activeCount();
        } finally {
            writeLock.unlock();
        }
    }

    private void upsertLocked(MatchCandidate c) {
        int site = sites.siteFor(c.location().latitude(), c.location().longitude());
        ensureSite(site);
        Sites.Snapshot ss = sites.snapshot();
        int[] now = codes(c);
        int slot = slots.lookup(c.member());
        if (slot >= 0 && slots.siteOf(slot) == site && slots.establishmentOf(slot).equals(c.establishment())) {
            if (slots.isActive(slot)) {
                change(slot, site, postingsOf(slot, site, ss), now, ss);
            } else {
                change(slot, site, NO_CODES, now, ss);
                slots.activate(slot);
            }
            return;
        }
        moves++;
        try {
            if (slot >= 0 && slots.isActive(slot)) {
                int oldSite = slots.siteOf(slot);
                change(slot, oldSite, postingsOf(slot, oldSite, ss), NO_CODES, ss);
                slots.deactivate(slot);
            }
            int fresh = slots.add(c.member(), c.establishment(), site);
            change(fresh, site, NO_CODES, now, ss);
        } finally {
            moves++;
        }
    }

    /** Moves {@code slot} at {@code site} from the postings {@code before} to {@code after} (sorted codes). */
    private void change(int slot, int site, int[] before, int[] after, Sites.Snapshot ss) {
        MemberId[] ids = slots.ids();
        int i = 0;
        int j = 0;
        while (i < before.length || j < after.length) {
            int tb = i < before.length ? before[i] >>> 2 : Integer.MAX_VALUE;
            int ta = j < after.length ? after[j] >>> 2 : Integer.MAX_VALUE;
            Topic t = topics[Math.min(tb, ta)];
            TopicState st = t.state;
            int p = st.find(site, ss.morton);
            int[] bucket = p >= 0 ? st.bucketCopy(p) : new int[] {0, 0};
            if (tb < ta) {
                bucket = Topic.without(bucket, slot);
                i++;
            } else if (ta < tb) {
                bucket = Topic.with(bucket, slot, after[j] & 3, ids);
                addSiteTopic(site, ta);
                j++;
            } else {
                i++;
                j++;
                if (before[i - 1] == after[j - 1]) {
                    continue;
                }
                bucket = Topic.with(Topic.without(bucket, slot), slot, after[j - 1] & 3, ids);
            }
            t.put(site, bucket, ss);
        }
        long mask = 0;
        for (int code : after) {
            mask |= Slots.topicBit(code >>> 2);
        }
        slots.topicMask(slot, mask);
    }

    /** The sorted posting codes (topic id << 2 | level) of {@code slot} at {@code site}, read back from the topics. */
    private int[] postingsOf(int slot, int site, Sites.Snapshot ss) {
        char[] present = siteTopics[site];
        if (present == null) {
            return NO_CODES;
        }
        long mask = slots.topicMask(slot);
        int[] codes = new int[present.length];
        int n = 0;
        for (char id : present) {
            if ((mask & Slots.topicBit(id)) == 0) {
                continue;
            }
            TopicState st = topics[id].state;
            int p = st.find(site, ss.morton);
            if (p >= 0) {
                int level = Topic.levelIn(st, p, slot);
                if (level >= 0) {
                    codes[n++] = (id << 2) | level;
                }
            }
        }
        return Arrays.copyOf(codes, n);
    }

    /** The sorted posting codes of a candidate, registering new topics. */
    int[] codes(MatchCandidate c) {
        int[] codes = new int[postingCount(c)];
        codesInto(c, codes, 0);
        Arrays.sort(codes);
        return codes;
    }

    static int postingCount(MatchCandidate c) {
        return c.skillCount() + c.followedTools().size() + c.followedThemes().size();
    }

    /** Writes the posting codes (topic id << 2 | level) of a candidate at {@code out[at..]}, unsorted. */
    void codesInto(MatchCandidate c, int[] out, int at) {
        int i = at;
        for (int k = 0, n = c.skillCount(); k < n; k++) {
            out[i++] = (topic(skills, c.skillTool(k).value(), true).id << 2) | c.skillLevel(k).ordinal();
        }
        for (ToolId t : c.followedTools()) {
            out[i++] = topic(follows, t.value(), false).id << 2;
        }
        for (Theme t : c.followedThemes()) {
            out[i++] = topic(themes, t.value(), false).id << 2;
        }
    }

    private Topic topic(ConcurrentHashMap<String, Topic> map, String key, boolean leveled) {
        Topic t = map.get(key);
        return t != null ? t : newTopic(map, key, leveled);
    }

    /** Registers a topic; synchronized because the bulk load reads candidates on several threads. */
    private synchronized Topic newTopic(ConcurrentHashMap<String, Topic> map, String key, boolean leveled) {
        Topic t = map.get(key);
        if (t == null) {
            if (topicCount == MAX_TOPICS) {
                throw new IllegalStateException("an engine holds at most " + MAX_TOPICS + " tools, followed tools and themes");
            }
            t = new Topic(topicCount, leveled);
            if (topicCount == topics.length) {
                topics = Arrays.copyOf(topics, topicCount * 2);
            }
            topics[topicCount++] = t;
            map.put(key, t);
        }
        return t;
    }

    private void ensureSite(int site) {
        if (site >= siteTopics.length) {
            siteTopics = Arrays.copyOf(siteTopics, Math.max(site + 1, siteTopics.length * 2));
        }
    }

    private void addSiteTopic(int site, int topic) {
        char[] present = siteTopics[site];
        if (present == null) {
            siteTopics[site] = new char[] {(char) topic};
            return;
        }
        int at = Arrays.binarySearch(present, (char) topic);
        if (at < 0) {
            int ins = -at - 1;
            char[] grown = new char[present.length + 1];
            System.arraycopy(present, 0, grown, 0, ins);
            grown[ins] = (char) topic;
            System.arraycopy(present, ins, grown, ins + 1, present.length - ins);
            siteTopics[site] = grown;
        }
    }

    // ---------------------------------------------------------------- for the bulk load (write lock held)

    Sites sites() {
        return sites;
    }

    Slots slots() {
        return slots;
    }

    Topic topicById(int id) {
        return topics[id];
    }

    int topicCount() {
        return topicCount;
    }

    void setSiteTopics(char[][] perSite) {
        siteTopics = perSite;
    }

    // ================================================================= queries (no lock)

    @Override
    public List<Match> qualified(QualifiedQuery q) {
        ListSink sink = new ListSink();
        qualified(q, sink);
        return sink.out;
    }

    /** Collects {@link Match} records into a list sized once the number of hits is known. */
    private static final class ListSink implements MatchSink {
        final ArrayList<Match> out = new ArrayList<>();

        @Override
        public boolean accept(MemberId member, Uai establishment, CompetenceLevel level, double distanceKm) {
            out.add(new Match(member, establishment, level, distanceKm));
            return true;
        }
    }

    @Override
    public int qualified(QualifiedQuery q, MatchSink sink) {
        Topic topic = skills.get(q.tool().value());
        if (topic == null) {
            return 0;
        }
        if (Double.isInfinite(q.radiusKm())) {
            return nearest(topic, q, sink);
        }
        Search s = search();
        try {
            return within(topic, q, q.radiusKm(), s, sink);
        } finally {
            s.end();
        }
    }

    /** The N nearest: widen the radius until enough hits, into a private buffer, then hand them over. */
    private int nearest(Topic topic, QualifiedQuery q, MatchSink sink) {
        MatchBuffer found = new MatchBuffer(Math.min(q.limit(), 1024));
        double r = FIRST_NEAREST_RADIUS_KM;
        while (true) {
            found.clear();
            Search s = search();
            try {
                within(topic, q, r, s, found);
            } finally {
                s.end();
            }
            if (found.size() >= q.limit() || Double.isInfinite(r)) {
                break;
            }
            r = r * 4 >= SphericalCaps.MAX_DISTANCE_KM ? Double.POSITIVE_INFINITY : r * 4;
        }
        int delivered = 0;
        for (int i = 0; i < found.size(); i++) {
            delivered++;
            if (!sink.accept(found.member(i), found.establishment(i), found.level(i), found.distanceKm(i))) {
                break;
            }
        }
        return delivered;
    }

    private static Search search() {
        Search s = SEARCH.get();
        if (s.busy) {
            s = new Search(); // a sink querying again from inside a query
        }
        s.busy = true;
        return s;
    }

    private int within(Topic topic, QualifiedQuery q, double radius, Search s, MatchSink sink) {
        int min = q.minLevel().ordinal();
        long before = moves;
        int[] excluded = excludedSlots(q.excluded());
        TopicState st = topic.state;
        Sites.Snapshot ss = sites.snapshot();
        s.begin(q.center().latitude(), q.center().longitude(), radius);
        s.collect(st, min, ss);
        boolean stable = (before & 1) == 0 && moves == before;
        s.sort();
        if (sink instanceof ListSink) {
            ((ListSink) sink).out.ensureCapacity(Math.min(q.limit(), s.hitCount));
        }
        return emit(min, s, q.limit(), excluded, stable ? null : q.excluded(), sink);
    }

    private int[] excludedSlots(Set<MemberId> excluded) {
        if (excluded.isEmpty()) {
            return NO_CODES;
        }
        int[] out = new int[excluded.size()];
        int n = 0;
        for (MemberId id : excluded) {
            int slot = slots.lookup(id);
            if (slot >= 0) {
                out[n++] = slot;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Hands the members of the collected entries to the sink, nearest first, each entry's sections
     * from the most experienced down (already in id order); entries at exactly the same distance are
     * merged by level then id. Into a {@link MatchBuffer}, whole sections are copied as ints.
     *
     * @param unstable null when no member changed slot during the collect; else the excluded ids,
     *                 checked by id, and members met twice are handed over once
     */
    private int emit(int min, Search s, int limit, int[] excluded, Set<MemberId> unstable, MatchSink sink) {
        MemberId[] ids = slots.ids();
        Uai[] establishments = slots.establishments();
        Set<MemberId> seen = unstable == null ? null : new HashSet<>();
        MatchBuffer buffer = sink instanceof MatchBuffer ? (MatchBuffer) sink : null;
        boolean copy = buffer != null && excluded.length == 0 && unstable == null;
        int[] order = s.order;
        double[] dist = s.dist;
        int[] hits = s.hits;
        int delivered = 0;
        int n = s.size;
        for (int i = 0; i < n && delivered < limit; ) {
            int e = order[i];
            double d = dist[e];
            int j = i + 1;
            while (j < n && dist[order[j]] == d) {
                j++;
            }
            if (j - i > 1) {
                int r = emitGroup(min, s, i, j, d, limit - delivered, excluded, unstable, seen, ids, establishments, sink);
                if (r < 0) {
                    return delivered - r - 1;
                }
                delivered += r;
                i = j;
                continue;
            }
            i = j;
            for (int level = 2; level >= min; level--) {
                int a = level == 2 ? s.seg[e] : level == 1 ? s.cutE[e] : s.cutI[e];
                int b = level == 2 ? s.cutE[e] : level == 1 ? s.cutI[e] : s.end[e];
                CompetenceLevel lv = LEVELS[level];
                if (copy) {
                    int take = Math.min(b - a, limit - delivered);
                    buffer.addAll(slots, hits, a, a + take, lv, d);
                    delivered += take;
                    if (delivered == limit) {
                        return delivered;
                    }
                    continue;
                }
                for (int k = a; k < b; k++) {
                    int slot = hits[k];
                    if (excluded.length != 0 && contains(excluded, slot)) {
                        continue;
                    }
                    if (unstable != null && (unstable.contains(ids[slot]) || !seen.add(ids[slot]))) {
                        continue;
                    }
                    delivered++;
                    if (buffer != null) {
                        buffer.add(slots, slot, lv, d);
                    } else if (!sink.accept(ids[slot], establishments[slot], lv, d)) {
                        return delivered;
                    }
                    if (delivered == limit) {
                        return delivered;
                    }
                }
            }
        }
        return delivered;
    }

    /**
     * Entries {@code order[i..j)} are at the same distance: their members, merged by level (highest
     * first) then id. Returns the number handed over, or {@code -1 - n} when the sink stopped after n.
     */
    private int emitGroup(int min, Search s, int i, int j, double d, int room, int[] excluded,
                          Set<MemberId> unstable, Set<MemberId> seen, MemberId[] ids, Uai[] establishments,
                          MatchSink sink) {
        int count = 0;
        for (int k = i; k < j; k++) {
            int e = s.order[k];
            count += s.end[e] - s.seg[e];
        }
        s.ensureKeys(count);
        Integer[] idx = new Integer[count];
        int m = 0;
        for (int k = i; k < j; k++) {
            int e = s.order[k];
            for (int x = s.seg[e]; x < s.end[e]; x++) {
                s.slots[m] = s.hits[x];
                s.keys[m] = x < s.cutE[e] ? 2 : x < s.cutI[e] ? 1 : 0;
                idx[m] = m;
                m++;
            }
        }
        int[] sl = s.slots;
        long[] lv = s.keys;
        Arrays.sort(idx, (a, b) -> lv[a] != lv[b] ? Long.compare(lv[b], lv[a]) : ids[sl[a]].compareTo(ids[sl[b]]));
        MatchBuffer buffer = sink instanceof MatchBuffer ? (MatchBuffer) sink : null;
        int delivered = 0;
        for (Integer x : idx) {
            int slot = sl[x];
            if (excluded.length != 0 && contains(excluded, slot)) {
                continue;
            }
            if (unstable != null && (unstable.contains(ids[slot]) || !seen.add(ids[slot]))) {
                continue;
            }
            delivered++;
            if (buffer != null) {
                buffer.add(slots, slot, LEVELS[(int) lv[x]], d);
            } else if (!sink.accept(ids[slot], establishments[slot], LEVELS[(int) lv[x]], d)) {
                return -1 - delivered;
            }
            if (delivered == room) {
                break;
            }
        }
        return delivered;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Nearby> followers(FollowersQuery q) {
        List<Topic> wanted = new ArrayList<>();
        for (ToolId t : q.tools()) {
            Topic topic = follows.get(t.value());
            if (topic != null) {
                wanted.add(topic);
            }
        }
        for (Theme t : q.themes()) {
            Topic topic = themes.get(t.value());
            if (topic != null) {
                wanted.add(topic);
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        Search s = search();
        try {
            long before = moves;
            int[] excluded = excludedSlots(q.excluded());
            TopicState[] states = new TopicState[wanted.size()];
            for (int i = 0; i < states.length; i++) {
                states[i] = wanted.get(i).state;
            }
            Sites.Snapshot ss = sites.snapshot();
            s.begin(q.center().latitude(), q.center().longitude(), q.radiusKm());
            for (TopicState st : states) {
                s.collect(st, 0, ss);
            }
            boolean stable = (before & 1) == 0 && moves == before;
            s.sort();
            MemberId[] ids = slots.ids();
            Uai[] establishments = slots.establishments();
            Set<MemberId> seen = stable ? null : new HashSet<>();
            List<Nearby> out = new ArrayList<>();
            int n = s.size;
            for (int i = 0; i < n; ) {
                double d = s.dist[s.order[i]];
                int j = i + 1;
                while (j < n && s.dist[s.order[j]] == d) {
                    j++;
                }
                // every member of the entries at this distance (one site, several topics, or a tie), by id, once each
                int count = 0;
                for (int k = i; k < j; k++) {
                    int e = s.order[k];
                    count += s.end[e] - s.seg[e];
                }
                Integer[] idx = new Integer[count];
                int m = 0;
                for (int k = i; k < j; k++) {
                    int e = s.order[k];
                    for (int x = s.seg[e]; x < s.end[e]; x++) {
                        idx[m++] = s.hits[x];
                    }
                }
                if (j - i > 1) {
                    Arrays.sort(idx, (a, b) -> ids[a].compareTo(ids[b]));
                }
                MemberId last = null;
                for (int slot : idx) {
                    MemberId id = ids[slot];
                    if (id.equals(last)) {
                        continue;
                    }
                    last = id;
                    if ((excluded.length != 0 && contains(excluded, slot)) || q.excluded().contains(id)
                            || (seen != null && !seen.add(id))) {
                        continue;
                    }
                    out.add(new Nearby(id, establishments[slot], d));
                }
                i = j;
            }
            return out;
        } finally {
            s.end();
        }
    }

    @Override
    public int size() {
        return size;
    }

    // ================================================================= introspection

    /** Number of distinct establishment positions (sites) indexed. */
    public int siteCount() {
        return sites.count();
    }

    /** Figures about the index, for tests and benchmarks. */
    public Map<String, Long> statistics() {
        long pairs = 0;
        long postings = 0;
        for (int i = 0; i < topicCount; i++) {
            TopicState st = topics[i].state;
            pairs += st.n + st.newCount;
            postings += st.members.length;
        }
        return Map.of("sites", (long) sites.count(), "slots", (long) slots.count(), "members", (long) size,
                "topics", (long) topicCount, "pairs", pairs, "postings", postings);
    }
}
