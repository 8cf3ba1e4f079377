package fr.sharenum.geo.internal;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The spatial-index matching engine. See the module README for the design; in short:
 * <ul>
 *   <li>{@link Sites}: establishments (sites) in an immutable STR-packed tree plus a small delta;</li>
 *   <li>per tool, per theme: {@link Postings} — for each site, an immutable {@link Bucket} of the
 *       members posted there, replaced copy-on-write;</li>
 *   <li>queries take no lock: they read volatile references only; writers serialise on one lock.</li>
 * </ul>
 */
public final class GeoIndex implements MatchingEngine {

    private static final CompetenceLevel[] LEVELS = CompetenceLevel.values();
    private static final int[] NONE = new int[0];
    private static final double FIRST_NEAREST_RADIUS_KM = 25;

    /** What the engine remembers of a member, to undo their postings on change. */
    private record Entry(MemberRef ref, int site, int[] tools, byte[] levels, int[] follows, int[] themes) {
    }

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Sites sites;
    private final ConcurrentHashMap<MemberId, Entry> members = new ConcurrentHashMap<>();
    private final Topics<ToolId> skills = new Topics<>(true);
    private final Topics<ToolId> follows = new Topics<>(false);
    private final Topics<Theme> themes = new Topics<>(false);
    /** Bumped before a member's postings move to another site: a query that saw it change dedupes its hits. */
    private volatile long moves;

    public GeoIndex(long siteCacheWeight) {
        this.sites = new Sites(siteCacheWeight);
    }

    // ================================================================= writes

    @Override
    public void upsert(MatchCandidate candidate) {
        writeLock.lock();
        try {
            upsertLocked(candidate, false);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void upsertAll(Collection<MatchCandidate> candidates) {
        writeLock.lock();
        try {
            if (members.isEmpty() && candidates.size() >= 1024) {
                bulkLoad(candidates);
            } else {
                for (MatchCandidate c : candidates) {
                    upsertLocked(c, true);
                }
            }
            sites.rebuildTree();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void remove(MemberId member) {
        writeLock.lock();
        try {
            Entry old = members.remove(member);
            if (old != null) {
                unpost(old);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void upsertLocked(MatchCandidate c, boolean deferTree) {
        Entry old = members.get(c.member());
        int site = sites.slotFor(c.establishment(), c.location(), deferTree);
        MemberRef ref = old != null && old.ref.establishment().equals(c.establishment())
                ? old.ref : new MemberRef(c.member(), c.establishment());
        Entry next = entry(c, ref, site);
        if (old == null || old.site != site || old.ref != ref) {
            if (old != null) {
                moves++;
                unpost(old);
            }
            post(next);
        } else {
            diff(old, next);
        }
        members.put(c.member(), next);
    }

    private Entry entry(MatchCandidate c, MemberRef ref, int site) {
        int capacity = sites.count();
        int[] tools = new int[c.levels().size()];
        byte[] levels = new byte[tools.length];
        int i = 0;
        for (Map.Entry<ToolId, CompetenceLevel> e : c.levels().entrySet()) {
            tools[i] = skills.idOf(e.getKey(), capacity);
            levels[i] = (byte) e.getValue().ordinal();
            i++;
        }
        int[] f = ids(follows, c.followedTools(), capacity);
        int[] t = ids(themes, c.followedThemes(), capacity);
        return new Entry(ref, site, tools, levels, f, t);
    }

    private static <K> int[] ids(Topics<K> topics, Set<K> keys, int capacity) {
        if (keys.isEmpty()) {
            return NONE;
        }
        int[] out = new int[keys.size()];
        int i = 0;
        for (K k : keys) {
            out[i++] = topics.idOf(k, capacity);
        }
        return out;
    }

    private void post(Entry e) {
        for (int i = 0; i < e.tools.length; i++) {
            skills.byId(e.tools[i]).add(e.site, e.ref, e.levels[i]);
        }
        for (int f : e.follows) {
            follows.byId(f).add(e.site, e.ref, 0);
        }
        for (int t : e.themes) {
            themes.byId(t).add(e.site, e.ref, 0);
        }
    }

    private void unpost(Entry e) {
        for (int tool : e.tools) {
            skills.byId(tool).remove(e.site, e.ref);
        }
        for (int f : e.follows) {
            follows.byId(f).remove(e.site, e.ref);
        }
        for (int t : e.themes) {
            themes.byId(t).remove(e.site, e.ref);
        }
    }

    /** Same member, same site: touch only the postings that changed. */
    private void diff(Entry old, Entry next) {
        for (int i = 0; i < old.tools.length; i++) {
            int j = indexOf(next.tools, old.tools[i]);
            if (j < 0 || next.levels[j] != old.levels[i]) {
                skills.byId(old.tools[i]).remove(old.site, old.ref);
            }
        }
        for (int j = 0; j < next.tools.length; j++) {
            int i = indexOf(old.tools, next.tools[j]);
            if (i < 0 || old.levels[i] != next.levels[j]) {
                skills.byId(next.tools[j]).add(next.site, next.ref, next.levels[j]);
            }
        }
        diffUnleveled(follows, old.follows, next.follows, old);
        diffUnleveled(themes, old.themes, next.themes, old);
    }

    private static <K> void diffUnleveled(Topics<K> topics, int[] before, int[] after, Entry e) {
        for (int id : before) {
            if (indexOf(after, id) < 0) {
                topics.byId(id).remove(e.site, e.ref);
            }
        }
        for (int id : after) {
            if (indexOf(before, id) < 0) {
                topics.byId(id).add(e.site, e.ref, 0);
            }
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Fast path into an empty engine: buckets are built whole, site by site. */
    private void bulkLoad(Collection<MatchCandidate> candidates) {
        int n = candidates.size();
        Entry[] entries = new Entry[n];
        int k = 0;
        for (MatchCandidate c : candidates) {
            if (members.containsKey(c.member())) {
                // the same member twice in one batch: the later one wins, through the normal path
                upsertLocked(c, true);
                continue;
            }
            int site = sites.slotFor(c.establishment(), c.location(), true);
            Entry e = entry(c, new MemberRef(c.member(), c.establishment()), site);
            members.put(c.member(), e);
            entries[k++] = e;
        }
        // group by site (counting sort), each site's members by id
        int siteCount = sites.count();
        int[] startOf = new int[siteCount + 1];
        for (int i = 0; i < k; i++) {
            startOf[entries[i].site + 1]++;
        }
        for (int s = 0; s < siteCount; s++) {
            startOf[s + 1] += startOf[s];
        }
        Entry[] bySite = new Entry[k];
        int[] fill = Arrays.copyOf(startOf, siteCount);
        for (int i = 0; i < k; i++) {
            Entry e = entries[i];
            if (members.get(e.ref.id()) == e) {
                bySite[fill[e.site]++] = e;
            }
        }
        long[] keys = new long[64];
        for (int s = 0; s < siteCount; s++) {
            int from = startOf[s];
            int to = fill[s];
            if (from == to) {
                continue;
            }
            Arrays.sort(bySite, from, to, (a, b) -> a.ref.id().compareTo(b.ref.id()));
            keys = buildBuckets(bySite, from, to, s, keys);
        }
    }

    private long[] buildBuckets(Entry[] bySite, int from, int to, int site, long[] keys) {
        // skills: key = tool << 34 | (2 - level) << 32 | local index  → runs per tool, best level first, then id
        int m = 0;
        for (int i = from; i < to; i++) {
            Entry e = bySite[i];
            for (int t = 0; t < e.tools.length; t++) {
                keys = ensure(keys, m);
                keys[m++] = ((long) e.tools[t] << 34) | ((long) (2 - e.levels[t]) << 32) | (i - from);
            }
        }
        emit(keys, m, bySite, from, site, skills, true);
        m = 0;
        for (int i = from; i < to; i++) {
            for (int f : bySite[i].follows) {
                keys = ensure(keys, m);
                keys[m++] = ((long) f << 34) | (i - from);
            }
        }
        emit(keys, m, bySite, from, site, follows, false);
        m = 0;
        for (int i = from; i < to; i++) {
            for (int t : bySite[i].themes) {
                keys = ensure(keys, m);
                keys[m++] = ((long) t << 34) | (i - from);
            }
        }
        emit(keys, m, bySite, from, site, themes, false);
        return keys;
    }

    private static long[] ensure(long[] keys, int m) {
        return m < keys.length ? keys : Arrays.copyOf(keys, keys.length * 2);
    }

    private static <K> void emit(long[] keys, int m, Entry[] bySite, int from, int site, Topics<K> topics, boolean leveled) {
        if (m == 0) {
            return;
        }
        Arrays.sort(keys, 0, m);
        int run = 0;
        while (run < m) {
            int topic = (int) (keys[run] >>> 34);
            int end = run;
            while (end < m && (int) (keys[end] >>> 34) == topic) {
                end++;
            }
            MemberRef[] refs = new MemberRef[end - run];
            byte[] levels = leveled ? new byte[end - run] : null;
            for (int i = run; i < end; i++) {
                Entry e = bySite[from + (int) (keys[i] & 0xFFFFFFFFL)];
                refs[i - run] = e.ref;
                if (leveled) {
                    levels[i - run] = (byte) (2 - ((keys[i] >>> 32) & 3));
                }
            }
            topics.byId(topic).set(site, new Bucket(refs, levels));
            run = end;
        }
    }

    // ================================================================= queries (no lock)

    @Override
    public List<Match> qualified(QualifiedQuery q) {
        Postings p = skills.get(q.tool());
        if (p == null) {
            return List.of();
        }
        if (Double.isInfinite(q.radiusKm())) {
            double r = FIRST_NEAREST_RADIUS_KM;
            while (true) {
                List<Match> hits = collect(p, q, r);
                if (hits.size() >= q.limit() || Double.isInfinite(r)) {
                    return hits;
                }
                r = r * 4 >= SphericalCaps.MAX_DISTANCE_KM ? Double.POSITIVE_INFINITY : r * 4;
            }
        }
        return collect(p, q, q.radiusKm());
    }

    private List<Match> collect(Postings p, QualifiedQuery q, double radius) {
        AtomicReferenceArray<Bucket> buckets = p.buckets();
        SiteHits hits = sites.within(q.center().latitude(), q.center().longitude(), radius);
        int min = q.minLevel().ordinal();
        int limit = q.limit();
        Set<MemberId> excluded = q.excluded();
        boolean excluding = !excluded.isEmpty();
        List<Match> out = new ArrayList<>();
        long movesBefore = moves;
        int length = buckets.length();
        for (int i = 0; i < hits.size; i++) {
            double d = hits.distances[i];
            if (out.size() >= limit && d > out.get(limit - 1).distanceKm()) {
                break;
            }
            int slot = hits.slots[i];
            if (slot >= length) {
                continue;
            }
            Bucket b = buckets.get(slot);
            if (b == null) {
                continue;
            }
            for (int j = 0; j < b.refs.length; j++) {
                int level = b.levels[j];
                if (level < min) {
                    break;
                }
                MemberRef ref = b.refs[j];
                if (excluding && excluded.contains(ref.id())) {
                    continue;
                }
                out.add(new Match(ref.id(), ref.establishment(), LEVELS[level], d));
            }
        }
        out.sort(Match.ORDER);
        if (moves != movesBefore) {
            // a member moved site during the query and may have been seen at both: keep the first
            Set<MemberId> seen = new java.util.HashSet<>();
            out.removeIf(m -> !seen.add(m.member()));
        }
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    @Override
    public List<Nearby> followers(FollowersQuery q) {
        List<AtomicReferenceArray<Bucket>> topics = new ArrayList<>();
        for (ToolId t : q.tools()) {
            Postings p = follows.get(t);
            if (p != null) {
                topics.add(p.buckets());
            }
        }
        for (Theme t : q.themes()) {
            Postings p = themes.get(t);
            if (p != null) {
                topics.add(p.buckets());
            }
        }
        if (topics.isEmpty()) {
            return List.of();
        }
        SiteHits hits = sites.within(q.center().latitude(), q.center().longitude(), q.radiusKm());
        Set<MemberId> excluded = q.excluded();
        List<Nearby> out = new ArrayList<>();
        long movesBefore = moves;
        for (int i = 0; i < hits.size; i++) {
            int slot = hits.slots[i];
            for (AtomicReferenceArray<Bucket> buckets : topics) {
                if (slot >= buckets.length()) {
                    continue;
                }
                Bucket b = buckets.get(slot);
                if (b == null) {
                    continue;
                }
                for (MemberRef ref : b.refs) {
                    if (!excluded.contains(ref.id())) {
                        out.add(new Nearby(ref.id(), ref.establishment(), hits.distances[i]));
                    }
                }
            }
        }
        out.sort(Nearby.ORDER);
        // a member following several of the topics appears once (adjacent after the sort), and once
        // only even if they moved site during the query
        Set<MemberId> seen = moves != movesBefore ? new java.util.HashSet<>() : null;
        List<Nearby> unique = new ArrayList<>(out.size());
        for (Nearby n : out) {
            boolean repeat = !unique.isEmpty() && unique.get(unique.size() - 1).member().equals(n.member());
            if (!repeat && (seen == null || seen.add(n.member()))) {
                unique.add(n);
            }
        }
        return unique;
    }

    @Override
    public int size() {
        return members.size();
    }

    // ================================================================= introspection

    public int siteCount() {
        return sites.count();
    }

    public int toolCount() {
        return skills.size();
    }

    public CacheStats siteCacheStats() {
        return sites.cacheStats();
    }
}
