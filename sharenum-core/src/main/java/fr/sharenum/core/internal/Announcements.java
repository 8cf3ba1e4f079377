package fr.sharenum.core.internal;

import fr.sharenum.core.internal.alerts.AlertTiming;
import fr.sharenum.core.internal.store.Codec;
import fr.sharenum.core.internal.store.DocCollection;
import fr.sharenum.core.internal.store.Keys;
import fr.sharenum.core.internal.store.Throttles;
import fr.sharenum.model.Academie;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventSummary;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Invitation;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.QualifiedQuery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Announcing a confirmed event, as the ShareNum document says: every member located near it — within its broadcast
 * radius of the venue, or in the territory an online event is announced to — who has one of its tools in their
 * profile (any level) or follows one of its tools or themes, through the same fair-alert machinery as ticket alerts:
 * less those who opted out of announcements, paused their alerts or muted every tool of the event, less blocks both
 * ways with an organiser, at most {@code announcementsPerWeek} per member over 7 days (a counter in the store, so
 * every instance agrees), at most {@code maxAnnouncementsPerEvent} members per event (nearest first; members passed
 * over do not count), delivered at the end of the quiet hours or with the member's digest. One announcement per
 * member per event, ever: the members told are recorded in one document per event written with them, so a
 * re-confirmation, a retry or another instance does not announce twice.
 *
 * <p>Its cost does not grow with reads per member: at national density an event reaches thousands of members, so the
 * members told are read and written once per event, and the weekly counters are read by slices of the nearest, each
 * in one batched read ({@link Throttles#open}, {@link fr.sharenum.spi.Documents#getAll}); a member's record is read
 * only once their counter has a slot left.
 */
final class Announcements {
    /** Most members one event is announced to (nearest first for a venue): the rest find it by searching. */
    static final int MAX_AUDIENCE = 5_000;

    /** The first form of the record of an announcement made (key: event and member), still read; no longer written. */
    record Announced(EventId event, MemberId member, Instant at) {
    }

    static final DocCollection<Announced> ANNOUNCED = new DocCollection<>("event-announced", Announced.class,
            a -> Keys.join(a.event().value(), a.member().value()), a -> Map.of());

    private final Settings settings;
    private final Dispatcher dispatcher;
    private final MatchingEngine matching;
    private final Map<Uai, Establishment> places;
    private final AlertTiming timing;

    /**
     * @param settings   the host's settings (quiet hours, broadcast limits)
     * @param dispatcher where announcements held for later are queued
     * @param matching   the matching engine, as workflows query it
     * @param places     every establishment, as the change feed brings them (read-only view)
     */
    Announcements(Settings settings, Dispatcher dispatcher, MatchingEngine matching, Map<Uai, Establishment> places) {
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.matching = matching;
        this.places = places;
        this.timing = new AlertTiming(settings.quietHours());
    }

    /**
     * Who the event reaches before preferences, from the instance's derived state (matching engine, establishments):
     * for a venue, the members within its broadcast radius who have one of its tools or follow one of its tools or
     * themes, nearest first whatever brought them in; then, for an online event, its territory's members, the
     * académies of the territory taken in turn (each one's members nearest its centre first); at most
     * {@link #MAX_AUDIENCE}; organisers and invited members left out.
     */
    List<MemberId> audience(Event e) {
        MatchingEngine me = matching;
        Set<MemberId> excluded = new HashSet<>(e.organisers());
        excluded.addAll(e.invited());
        List<MemberId> venue = e.isOnSite()
                ? reach(me, e.venue().location(), e.broadcastRadiusKm(), e, excluded, (m, uai) -> true) : List.of();
        if (!e.isOnline()) {
            return venue;       // each member once already, nearest first, at most MAX_AUDIENCE
        }
        Set<MemberId> out = new LinkedHashSet<>(venue);
        Map<Uai, Establishment> places = this.places;
        List<List<MemberId>> territories = new ArrayList<>();
        for (Academie a : e.online().academie() == null ? List.of(Academie.values()) : List.of(e.online().academie())) {
            String dept = e.online().departement();
            Circle c = circle(places, a, dept);
            if (c != null) {
                BiPredicate<MemberId, Uai> inside = (m, uai) -> {
                    Establishment x = places.get(uai);
                    return x != null && x.academie() == a && (dept == null || dept.equalsIgnoreCase(x.departement()));
                };
                territories.add(reach(me, c.center(), c.radiusKm(), e, excluded, inside));
            }
        }
        // the académies in turn: a cap on the members told does not leave the last académies out
        for (int i = 0; out.size() < MAX_AUDIENCE; i++) {
            boolean more = false;
            for (List<MemberId> members : territories) {
                if (i < members.size()) {
                    more = true;
                    if (out.size() < MAX_AUDIENCE) {
                        out.add(members.get(i));
                    }
                }
            }
            if (!more) {
                break;
            }
        }
        return List.copyOf(out);
    }

    /**
     * The members within {@code radiusKm} of {@code center} who have one of the event's tools (any level) or follow
     * one of its tools or themes, each at their distance, nearest first (then by member id), at most
     * {@link #MAX_AUDIENCE}. Each source answers nearest first, so its {@link #MAX_AUDIENCE} nearest are all it can
     * give to the merge.
     */
    private static List<MemberId> reach(MatchingEngine me, GeoPoint center, double radiusKm, Event e, Set<MemberId> excluded,
                                        BiPredicate<MemberId, Uai> inside) {
        // each source's nearest, nearest first: the engine's hits per tool, then the followers
        List<List<Nearby>> sources = new ArrayList<>();
        for (ToolId tool : new TreeSet<>(e.tools())) {
            List<Nearby> hits = new ArrayList<>();
            me.qualified(QualifiedQuery.within(center, radiusKm, tool, CompetenceLevel.NOVICE).excluding(excluded),
                    (member, uai, level, km) -> {
                        if (inside.test(member, uai)) {
                            hits.add(new Nearby(member, uai, km));
                        }
                        return hits.size() < MAX_AUDIENCE;
                    });
            sources.add(hits);
        }
        List<Nearby> followers = new ArrayList<>();
        for (Nearby n : me.followers(new FollowersQuery(center, radiusKm, e.tools(), e.themes(), excluded))) {
            if (followers.size() >= MAX_AUDIENCE) {
                break;
            }
            if (inside.test(n.member(), n.establishment())) {
                followers.add(n);
            }
        }
        sources.add(followers);
        sources.removeIf(List::isEmpty);
        List<Nearby> nearest;
        if (sources.size() <= 1) {
            // one source (a one-tool workshop nobody follows): already nearest first, each member once
            nearest = sources.isEmpty() ? List.of() : sources.get(0);
        } else {
            // several: each member at their least distance, merged nearest first (then by member id)
            Map<MemberId, Nearby> least = new HashMap<>();
            for (List<Nearby> source : sources) {
                for (Nearby n : source) {
                    least.merge(n.member(), n, (x, y) -> x.distanceKm() <= y.distanceKm() ? x : y);
                }
            }
            nearest = new ArrayList<>(least.values());
            nearest.sort(Nearby.ORDER);
        }
        List<MemberId> out = new ArrayList<>(Math.min(nearest.size(), MAX_AUDIENCE));
        for (int i = 0; i < nearest.size() && i < MAX_AUDIENCE; i++) {
            out.add(nearest.get(i).member());
        }
        return out;
    }

    /** A circle around every establishment of an académie (or one of its départements). */
    private record Circle(GeoPoint center, double radiusKm) {
    }

    private static Circle circle(Map<Uai, Establishment> places, Academie a, String dept) {
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;
        List<GeoPoint> points = new ArrayList<>();
        for (Establishment x : places.values()) {
            if (x.academie() == a && (dept == null || dept.equalsIgnoreCase(x.departement()))) {
                GeoPoint p = x.location();
                points.add(p);
                minLat = Math.min(minLat, p.latitude());
                maxLat = Math.max(maxLat, p.latitude());
                minLon = Math.min(minLon, p.longitude());
                maxLon = Math.max(maxLon, p.longitude());
            }
        }
        if (points.isEmpty()) {
            return null;
        }
        GeoPoint center = GeoPoint.of((minLat + maxLat) / 2, (minLon + maxLon) / 2);
        double r = 0;
        for (GeoPoint p : points) {
            r = Math.max(r, center.distanceKm(p));
        }
        return new Circle(center, r + 1);
    }

    /**
     * Announces {@code confirmed} to its audience in {@code t}: notifications due now go to {@code immediate} (the
     * caller enqueues them), those held for quiet hours or a digest are enqueued here for later.
     *
     * @return how many members were told (now or later)
     */
    int announce(Tx t, Event confirmed, List<MemberId> audience, Invitation announcement, Instant now,
                 List<Notification> immediate) {
        if (audience.isEmpty()) {
            return 0;
        }
        Settings s = settings;
        Set<MemberId> blockedByOrganisers = new HashSet<>();
        for (MemberId o : confirmed.organisers()) {
            t.alertPreferences(o).ifPresent(p -> blockedByOrganisers.addAll(p.blocked()));
        }
        Map<MemberId, AlertPreferences> preferences = t.alertPreferencesOf(audience);
        Told told = Told.read(t, confirmed.id());
        // who may be told by their preferences: welcome now, no block either way, not told of this event before
        List<MemberId> eligible = new ArrayList<>();
        for (MemberId id : audience) {
            AlertPreferences theirs = preferences.getOrDefault(id, AlertPreferences.NONE);
            if (told.contains(id) || blockedByOrganisers.contains(id) || theirs != AlertPreferences.NONE
                    && (!welcome(theirs, confirmed, now) || confirmed.organisers().stream().anyMatch(theirs::blocks))) {
                continue;
            }
            eligible.add(id);
        }
        // nearest first, until the event's cap: the weekly counters read by slices (one batched read each); a member
        // with a slot left is read (active, not every tool muted) before the slot is taken, so that members over their
        // weekly cap cost no read
        int wanted = s.gatherings().maxAnnouncementsPerEvent() - told.size();
        Map<Uai, ZoneId> zones = new HashMap<>();
        List<MemberId> newlyTold = new ArrayList<>();
        EventSummary summary = confirmed.summary();
        int next = 0;
        while (newlyTold.size() < wanted && next < eligible.size()) {
            int end = (int) Math.min(eligible.size(), next + Math.max(64L, 2L * (wanted - newlyTold.size())));
            Map<String, MemberId> byCounter = new LinkedHashMap<>();
            for (MemberId id : eligible.subList(next, end)) {
                byCounter.put(counterKey(id), id);
            }
            next = end;
            Throttles.Open open = Throttles.open(t, byCounter.keySet(), s.gatherings().announcementsPerWeek(), WEEK, now);
            for (String key : open.keys()) {
                if (newlyTold.size() >= wanted) {
                    break;
                }
                MemberId id = byCounter.get(key);
                AlertPreferences theirs = preferences.getOrDefault(id, AlertPreferences.NONE);
                Member m = t.member(id).filter(Member::isActive).orElse(null);
                if (m == null || mutedEverything(theirs, m, confirmed)) {
                    continue;
                }
                open.take(key);
                newlyTold.add(id);
                Notification note = new Notification.EventInvitation("event:" + confirmed.id() + ":announced:" + id, id,
                        m.email(), summary, Notification.InvitationReason.ANNOUNCED, announcement);
                ZoneId zone = zones.computeIfAbsent(m.establishment(), uai -> t.establishment(uai)
                        .map(x -> x.academie().zone()).orElse(ZoneOffset.UTC));
                Optional<Instant> later = timing.hold(theirs.digest(), zone, now).map(AlertTiming.Held::until);
                if (later.isPresent()) {
                    dispatcher.enqueueAt(t, note, later.get());
                } else {
                    immediate.add(note);
                }
            }
        }
        told.add(t, confirmed.id(), newlyTold);
        return newlyTold.size();
    }

    private static final Duration WEEK = Duration.ofDays(7);

    /**
     * The key of a member's weekly announcement counter ({@link Throttles}).
     *
     * @param member the member
     * @return the counter's key
     */
    static String counterKey(MemberId member) {
        return "announcements|" + member.value();
    }

    /**
     * The members told of one event (key: the event), written with the announcements: one document per event, read
     * and written once per confirmation. The record of the first form, {@link Announced} (one document per event and
     * member), is still read.
     *
     * @param event   the event
     * @param members the members told, in the order they were told
     */
    record AnnouncedTo(EventId event, List<String> members) {
        /**
         * @param event   the event
         * @param members the members told, in the order they were told
         */
        AnnouncedTo {
            members = List.copyOf(members);
        }
    }

    static final DocCollection<AnnouncedTo> ANNOUNCED_TO = new DocCollection<>("event-announced-to", AnnouncedTo.class,
            a -> a.event().value(), a -> Map.of());

    /** Who was told of an event before this confirmation, and the document to extend. */
    private static final class Told {
        private final Set<String> members;
        private final Doc doc;

        private Told(Set<String> members, Doc doc) {
            this.members = members;
            this.doc = doc;
        }

        /** One read of the event's document; the first form's markers (one range read) when there is none. */
        static Told read(Tx t, EventId event) {
            Optional<Doc> doc = ANNOUNCED_TO.doc(t, event.value());
            Set<String> members = new HashSet<>();
            if (doc.isPresent()) {
                members.addAll(Codec.read(doc.get().body(), AnnouncedTo.class).members());
            } else {
                String prefix = Keys.join(event.value());
                for (Announced a : ANNOUNCED.between(t, Documents.BY_KEY, Keys.from(prefix), Keys.after(prefix))) {
                    members.add(a.member().value());
                }
            }
            return new Told(members, doc.orElse(null));
        }

        boolean contains(MemberId member) {
            return members.contains(member.value());
        }

        /** @return how many members were told before */
        int size() {
            return members.size();
        }

        /** Records {@code more} as told: the document written once (a concurrent writer makes the transaction retry). */
        void add(Tx t, EventId event, List<MemberId> more) {
            if (more.isEmpty()) {
                return;
            }
            List<String> all = new ArrayList<>();
            if (doc != null) {
                all.addAll(Codec.read(doc.body(), AnnouncedTo.class).members());
            } else {
                all.addAll(new TreeSet<>(members));       // the first form's markers, carried over
            }
            more.forEach(m -> all.add(m.value()));
            AnnouncedTo next = new AnnouncedTo(event, all);
            if (doc != null) {
                ANNOUNCED_TO.replace(t, next, doc.version());
            } else {
                try {
                    ANNOUNCED_TO.insert(t, next);
                } catch (DuplicateException e) {
                    throw new VersionConflictException("the announcements of event " + event + " were written concurrently");
                }
            }
        }
    }

    /** Whether the member's preferences welcome announcements now. */
    private static boolean welcome(AlertPreferences p, Event e, Instant now) {
        return !p.noAnnouncements() && (p.pausedUntil() == null || !now.isBefore(p.pausedUntil()));
    }

    /** A member who muted every tool of the event and follows none of its themes does not hear of it. */
    private static boolean mutedEverything(AlertPreferences p, Member m, Event e) {
        return !e.tools().isEmpty() && p.mutedTools().containsAll(e.tools())
                && e.themes().stream().noneMatch(m.followedThemes()::contains);
    }

    /** The weekly cap is reached: the member is not told of this event. */
    private static final class OverCap extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final OverCap INSTANCE = new OverCap();

        private OverCap() {
            super("announcements per week reached", null, false, false);
        }
    }
}
