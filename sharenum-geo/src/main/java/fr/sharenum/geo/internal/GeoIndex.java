package fr.sharenum.geo.internal;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import fr.sharenum.geo.SphericalCaps;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * The spatial-index matching engine. See the module README for the design; in short:
 * <ul>
 *   <li>{@link Sites}: establishments (sites) in an immutable STR-packed tree plus a small delta;</li>
 *   <li>per tool, followed tool and theme: {@link Postings} — for each site an immutable bucket of
 *       the members posted there, replaced copy-on-write;</li>
 *   <li>queries take no lock: they read volatile references only; writers serialise on one lock.</li>
 * </ul>
 * The engine keeps no copy of members' profiles: what a member is posted under is read back from
 * the buckets of their site when they change.
 */
public final class GeoIndex implements MatchingEngine {

    private static final CompetenceLevel[] LEVELS = CompetenceLevel.values();
    private static final double FIRST_NEAREST_RADIUS_KM = 25;

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Sites sites;
    private volatile ConcurrentHashMap<MemberId, MemberNode> members = new ConcurrentHashMap<>();
    private final Topics<ToolId> skills = new Topics<>(true);
    private final Topics<ToolId> follows = new Topics<>(false);
    private final Topics<Theme> themes = new Topics<>(false);
    /** Bumped before a member's postings move to another site: a query that saw it change dedupes its hits. */
    private volatile long moves;

    public GeoIndex(long siteCacheWeight) {
        this.sites = new Sites(siteCacheWeight);
    }

    // ================================================================= writes (write lock)

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
            MemberNode old = members.remove(member);
            if (old != null) {
                unpostAll(old);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void upsertLocked(MatchCandidate c, boolean deferTree) {
        MemberNode old = members.get(c.member());
        int site = sites.slotFor(c.establishment(), c.location(), deferTree);
        if (old != null && old.site == site && old.establishment.equals(c.establishment())) {
            refresh(old, c);
            return;
        }
        MemberNode node = new MemberNode(c.member(), c.establishment(), site);
        if (old != null) {
            moves++;
            unpostAll(old);
        }
        postAll(node, c);
        members.put(c.member(), node);
    }

    // A posting code: kind (2 bits) | level (2 bits) | topic id (28 bits); sorted codes make diffs cheap.
    private static final int SKILL = 0;
    private static final int FOLLOW = 1;
    private static final int THEME = 2;

    static int post(int kind, int level, int topic) {
        return (kind << 30) | (level << 28) | topic;
    }

    private static int kindOf(int code) {
        return code >>> 30;
    }

    private static int levelOf(int code) {
        return (code >>> 28) & 3;
    }

    private static int topicOf(int code) {
        return code & 0x0FFFFFFF;
    }

    private Topics<?> topics(int kind) {
        return kind == SKILL ? skills : kind == FOLLOW ? follows : themes;
    }

    /** The sorted posting codes of a candidate, registering new topics. */
    private int[] codes(MatchCandidate c, int capacity) {
        int[] codes = new int[c.levels().size() + c.followedTools().size() + c.followedThemes().size()];
        int i = 0;
        for (Map.Entry<ToolId, CompetenceLevel> e : c.levels().entrySet()) {
            codes[i++] = post(SKILL, e.getValue().ordinal(), id(skills, e.getKey(), capacity));
        }
        for (ToolId t : c.followedTools()) {
            codes[i++] = post(FOLLOW, 0, id(follows, t, capacity));
        }
        for (Theme t : c.followedThemes()) {
            codes[i++] = post(THEME, 0, id(themes, t, capacity));
        }
        Arrays.sort(codes);
        return codes;
    }

    private void postAll(MemberNode node, MatchCandidate c) {
        int[] codes = codes(c, sites.count());
        for (int code : codes) {
            topics(kindOf(code)).byId(topicOf(code)).add(node.site, node, levelOf(code));
        }
        node.posts = codes;
    }

    private void unpostAll(MemberNode node) {
        for (int code : node.posts) {
            topics(kindOf(code)).byId(topicOf(code)).remove(node.site, node);
        }
    }

    /** Same member, same site: touch only the buckets whose posting changed. */
    private void refresh(MemberNode node, MatchCandidate c) {
        int[] before = node.posts;
        int[] after = codes(c, sites.count());
        for (int code : before) {
            if (Arrays.binarySearch(after, code) < 0) {
                topics(kindOf(code)).byId(topicOf(code)).remove(node.site, node);
            }
        }
        for (int code : after) {
            if (Arrays.binarySearch(before, code) < 0) {
                topics(kindOf(code)).byId(topicOf(code)).add(node.site, node, levelOf(code));
            }
        }
        node.posts = after;
    }

    /**
     * Fast path into an empty engine. Sites are numbered in spatial order and each site's member
     * nodes are allocated together, so that a query reads neighbouring memory; then every site's
     * buckets are built whole, sites split across the cores (each site is written by one thread).
     */
    private void bulkLoad(Collection<MatchCandidate> candidates) {
        MatchCandidate[] cands = candidates.toArray(new MatchCandidate[0]);
        int n = cands.length;
        // distinct sites, registered in spatial order
        Map<Uai, Integer> firstAt = new HashMap<>();
        for (int i = 0; i < n; i++) {
            firstAt.putIfAbsent(cands[i].establishment(), i);
        }
        int distinct = firstAt.size();
        Uai[] uais = new Uai[distinct];
        double[] lats = new double[distinct];
        double[] lons = new double[distinct];
        int d = 0;
        for (int i : firstAt.values()) {
            uais[d] = cands[i].establishment();
            lats[d] = cands[i].location().latitude();
            lons[d++] = cands[i].location().longitude();
        }
        sites.slotsForAll(uais, lats, lons, distinct);
        int[] siteOf = new int[n];
        for (int i = 0; i < n; i++) {
            siteOf[i] = sites.slotFor(cands[i].establishment(), cands[i].location(), true);
        }
        int siteCount = sites.count();
        // group by site (counting sort), members of a site by id
        int[] start = new int[siteCount + 1];
        for (int i = 0; i < n; i++) {
            start[siteOf[i] + 1]++;
        }
        for (int s = 0; s < siteCount; s++) {
            start[s + 1] += start[s];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(start, siteCount);
        for (int i = 0; i < n; i++) {
            order[fill[siteOf[i]]++] = i;
        }
        MatchCandidate[] bySite = new MatchCandidate[n];
        for (int pos = 0; pos < n; pos++) {
            bySite[pos] = cands[order[pos]];
        }
        MemberNode[] nodes = new MemberNode[n];
        ConcurrentHashMap<MemberId, MemberNode> loaded = new ConcurrentHashMap<>(Math.max(16, n * 4 / 3));
        for (Topics<?> topics : List.of(skills, follows, themes)) {
            for (int t = 0; t < topics.size(); t++) {
                topics.byId(t).ensureCapacity(siteCount);
            }
        }
        AtomicBoolean duplicates = new AtomicBoolean();
        int chunk = 512;
        IntStream.range(0, (siteCount + chunk - 1) / chunk).parallel().forEach(block -> {
            Scratch scratch = new Scratch();
            for (int s = block * chunk; s < Math.min(siteCount, (block + 1) * chunk); s++) {
                if (start[s + 1] > start[s]) {
                    sortById(bySite, start[s], start[s + 1]);
                    for (int pos = start[s]; pos < start[s + 1]; pos++) {
                        MatchCandidate c = bySite[pos];
                        nodes[pos] = new MemberNode(c.member(), c.establishment(), s);
                        if (loaded.put(c.member(), nodes[pos]) != null) {
                            duplicates.set(true);
                        }
                    }
                    buildSite(s, start[s], start[s + 1], bySite, nodes, scratch);
                }
            }
        });
        if (duplicates.get()) {
            // the same member more than once in the batch: start again one by one, so the last one wins
            for (Topics<?> topics : List.of(skills, follows, themes)) {
                for (int t = 0; t < topics.size(); t++) {
                    for (int slot = 0; slot < siteCount; slot++) {
                        topics.byId(t).set(slot, null);
                    }
                }
            }
            for (MatchCandidate c : cands) {
                upsertLocked(c, true);
            }
            return;
        }
        members = loaded;
    }

    private static void sortById(MatchCandidate[] bySite, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            MatchCandidate x = bySite[i];
            int j = i - 1;
            while (j >= from && bySite[j].member().compareTo(x.member()) > 0) {
                bySite[j + 1] = bySite[j];
                j--;
            }
            bySite[j + 1] = x;
        }
    }

    /** Per-thread scratch arrays of sort keys, one per kind of topic. */
    private static final class Scratch {
        final long[][] keys = {new long[256], new long[64], new long[64]};
        final int[] counts = new int[3];
    }

    /**
     * Builds every bucket of one site from its members' posting codes; sort keys are
     * topic << 34 | rank << 32 | position, positions being in id order within the site.
     */
    private void buildSite(int site, int from, int to, MatchCandidate[] bySite, MemberNode[] nodes, Scratch scratch) {
        int capacity = sites.count();
        Arrays.fill(scratch.counts, 0);
        for (int pos = from; pos < to; pos++) {
            int[] codes = codes(bySite[pos], capacity);
            nodes[pos].posts = codes;
            for (int code : codes) {
                int kind = kindOf(code);
                int rank = kind == SKILL ? Buckets.TOP - levelOf(code) : 0;
                long[] k = scratch.keys[kind];
                int m = scratch.counts[kind];
                if (m == k.length) {
                    k = Arrays.copyOf(k, m * 2);
                    scratch.keys[kind] = k;
                }
                k[m] = ((long) topicOf(code) << 34) | ((long) rank << 32) | pos;
                scratch.counts[kind] = m + 1;
            }
        }
        emit(scratch.keys[SKILL], scratch.counts[SKILL], nodes, site, skills, true);
        emit(scratch.keys[FOLLOW], scratch.counts[FOLLOW], nodes, site, follows, false);
        emit(scratch.keys[THEME], scratch.counts[THEME], nodes, site, themes, false);
    }

    private static <K> int id(Topics<K> topics, K key, int capacity) {
        int id = topics.existingId(key);
        return id >= 0 ? id : topics.idOf(key, capacity);
    }

    private static <K> void emit(long[] keys, int m, MemberNode[] nodes, int site, Topics<K> topics, boolean leveled) {
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
            MemberNode[] bucket = new MemberNode[end - run + (leveled ? 2 : 0)];
            int w = 0;
            int rank = 0;
            for (int i = run; i < end; i++) {
                if (leveled) {
                    int r = (int) ((keys[i] >>> 32) & 3);
                    while (rank < r) {
                        bucket[w++] = MemberNode.BREAK;
                        rank++;
                    }
                }
                bucket[w++] = nodes[(int) (keys[i] & 0xFFFFFFFFL)];
            }
            while (leveled && rank < Buckets.TOP) {
                bucket[w++] = MemberNode.BREAK;
                rank++;
            }
            topics.byId(topic).set(site, bucket);
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
        AtomicReferenceArray<MemberNode[]> buckets = p.buckets();
        long movesBefore = moves;
        SiteHits hits = sites.within(q.center().latitude(), q.center().longitude(), radius, buckets);
        int min = q.minLevel().ordinal();
        int limit = q.limit();
        Set<MemberId> excluded = q.excluded();
        boolean excluding = !excluded.isEmpty();
        List<Match> out = new ArrayList<>();
        int length = buckets.length();
        // Sites come nearest first and each bucket is in level-then-id order, so hits are produced in
        // Match.ORDER; only sites at exactly the same distance need their hits merged (sorted).
        int group = 0;
        double groupDistance = -1;
        int sitesInGroup = 0;
        for (int i = 0; i < hits.size; i++) {
            double d = hits.distances[i];
            if (d != groupDistance) {
                if (sitesInGroup > 1) {
                    out.subList(group, out.size()).sort(Match.ORDER);
                }
                if (out.size() >= limit) {
                    break;
                }
                group = out.size();
                groupDistance = d;
                sitesInGroup = 0;
            }
            int slot = hits.slots[i];
            MemberNode[] b = slot < length ? buckets.get(slot) : null;
            if (b == null) {
                continue;
            }
            sitesInGroup++;
            int level = Buckets.TOP;
            for (MemberNode node : b) {
                if (node == MemberNode.BREAK) {
                    if (--level < min) {
                        break;
                    }
                    continue;
                }
                if (excluding && excluded.contains(node.id)) {
                    continue;
                }
                out.add(new Match(node.id, node.establishment, LEVELS[level], d));
            }
        }
        if (sitesInGroup > 1) {
            out.subList(group, out.size()).sort(Match.ORDER);
        }
        if (moves != movesBefore) {
            // a member moved site during the query and may have been seen at both: keep the first
            Set<MemberId> seen = new HashSet<>();
            out.removeIf(m -> !seen.add(m.member()));
        }
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    @Override
    public List<Nearby> followers(FollowersQuery q) {
        List<AtomicReferenceArray<MemberNode[]>> topics = new ArrayList<>();
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
        long movesBefore = moves;
        SiteHits hits = sites.within(q.center().latitude(), q.center().longitude(), q.radiusKm(), null);
        Set<MemberId> excluded = q.excluded();
        List<Nearby> out = new ArrayList<>();
        for (int i = 0; i < hits.size; i++) {
            int slot = hits.slots[i];
            for (AtomicReferenceArray<MemberNode[]> buckets : topics) {
                MemberNode[] b = slot < buckets.length() ? buckets.get(slot) : null;
                if (b == null) {
                    continue;
                }
                for (MemberNode node : b) {
                    if (!excluded.contains(node.id)) {
                        out.add(new Nearby(node.id, node.establishment, hits.distances[i]));
                    }
                }
            }
        }
        out.sort(Nearby.ORDER);
        // a member following several of the topics appears once (adjacent after the sort), and once
        // only even if they moved site during the query
        Set<MemberId> seen = moves != movesBefore ? new HashSet<>() : null;
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

    public CacheStats siteCacheStats() {
        return sites.cacheStats();
    }
}
