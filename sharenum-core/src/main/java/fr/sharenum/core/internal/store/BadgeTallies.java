package fr.sharenum.core.internal.store;

import fr.sharenum.BadgeRule;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Registration;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each member's record of events held, as the badge rules read it ({@link BadgeRule.HelperRecord},
 * {@link BadgeRule.ParticipantRecord}), kept as one kernel document per member (collection {@code badge-tally}, keyed
 * by the member's id) so that marking an event held reads the records of its own organisers and participants only,
 * never the whole history.
 *
 * <p>What an event adds to a member's tally is a function of the event alone ({@link #contributions}): nothing unless
 * it is {@link EventStatus#HELD}; then, to each organiser, a workshop or a meeting held, a BusNum event held when it was
 * in one, and its seats filled; to each registrant who came (registered, and marked present when attendance was
 * taken), an event attended, a workshop, a BusNum event, an online one. Every write of an event applies
 * {@code contributions(after) - contributions(before)} in the writing transaction ({@link #apply}), so a tally always
 * equals the sum over the events stored — attendance marked after the event was held included.
 *
 * <p>Stores that held events before tallies existed are brought up to date once ({@link #backfill}): the first
 * transaction that needs a tally and finds no marker (collection {@code badge-tally-state}, key {@code v1}) computes
 * every tally from every event, writes them and inserts the marker. Of two transactions doing so at once, the second
 * fails on the marker's key and is retried as a conflict; it then finds the marker.
 *
 * <p>An erased member's tally is deleted ({@link #forget}); should an event they took part in change afterwards, a
 * count never goes below zero.
 */
public final class BadgeTallies {

    /**
     * One member's tally.
     *
     * @param member            the member's id
     * @param workshopsHeld     workshops they organised that were held
     * @param meetingsHeld      meetings they organised that were held
     * @param busEventsHeld     of those, held in a BusNum
     * @param participants      seats filled over the events they organised that were held
     * @param eventsAttended    events held they came to
     * @param workshopsAttended of those, workshops
     * @param busEventsAttended of those, in a BusNum
     * @param onlineAttended    of those, online or hybrid
     */
    public record Tally(String member, int workshopsHeld, int meetingsHeld, int busEventsHeld, int participants,
                        int eventsAttended, int workshopsAttended, int busEventsAttended, int onlineAttended) {

        /**
         * @param member the member
         * @return a tally with every count at zero
         */
        public static Tally zero(MemberId member) {
            return new Tally(member.value(), 0, 0, 0, 0, 0, 0, 0, 0);
        }

        /**
         * @param o another tally of the same member
         * @return the sum, count by count
         */
        public Tally plus(Tally o) {
            return new Tally(member, workshopsHeld + o.workshopsHeld, meetingsHeld + o.meetingsHeld,
                    busEventsHeld + o.busEventsHeld, participants + o.participants, eventsAttended + o.eventsAttended,
                    workshopsAttended + o.workshopsAttended, busEventsAttended + o.busEventsAttended,
                    onlineAttended + o.onlineAttended);
        }

        /**
         * @param o another tally of the same member
         * @return the difference, count by count
         */
        public Tally minus(Tally o) {
            return plus(new Tally(member, -o.workshopsHeld, -o.meetingsHeld, -o.busEventsHeld, -o.participants,
                    -o.eventsAttended, -o.workshopsAttended, -o.busEventsAttended, -o.onlineAttended));
        }

        /** @return whether every count is zero */
        public boolean none() {
            return equals(new Tally(member, 0, 0, 0, 0, 0, 0, 0, 0));
        }

        /** @return the tally with every negative count raised to zero */
        Tally atLeastZero() {
            return new Tally(member, Math.max(0, workshopsHeld), Math.max(0, meetingsHeld), Math.max(0, busEventsHeld),
                    Math.max(0, participants), Math.max(0, eventsAttended), Math.max(0, workshopsAttended),
                    Math.max(0, busEventsAttended), Math.max(0, onlineAttended));
        }

        /** @return the record organisers' badge rules read */
        public BadgeRule.HelperRecord helperRecord() {
            return new BadgeRule.HelperRecord(workshopsHeld, meetingsHeld, busEventsHeld, participants);
        }

        /** @return the record participants' badge rules read */
        public BadgeRule.ParticipantRecord participantRecord() {
            return new BadgeRule.ParticipantRecord(eventsAttended, workshopsAttended, busEventsAttended, onlineAttended);
        }
    }

    static final DocCollection<Tally> TALLIES = new DocCollection<>("badge-tally", Tally.class, Tally::member,
            t -> Map.of());
    /** The marker's collection: its document {@link #MARKER} says every tally was computed. */
    static final String STATE = "badge-tally-state";
    static final String MARKER = "v1";

    private BadgeTallies() {
    }

    /**
     * What {@code e}, as it stands, adds to its members' tallies.
     *
     * @param e an event, or {@code null} (none)
     * @return member → what the event adds to their tally; empty unless it was held
     */
    public static Map<MemberId, Tally> contributions(Event e) {
        if (e == null || e.status() != EventStatus.HELD) {
            return Map.of();
        }
        Map<MemberId, Tally> out = new LinkedHashMap<>();
        int workshop = e.kind() == EventKind.WORKSHOP ? 1 : 0;
        int bus = e.bus() != null ? 1 : 0;
        for (MemberId organiser : new LinkedHashSet<>(e.organisers())) {
            out.merge(organiser, new Tally(organiser.value(), workshop, 1 - workshop, bus, e.registered().size(),
                    0, 0, 0, 0), Tally::plus);
        }
        int online = e.isOnline() ? 1 : 0;
        boolean taken = e.attendanceTaken();
        for (Registration seat : e.registered()) {
            MemberId m = seat.member();
            if (!taken || e.attendedBy(m)) {
                out.merge(m, new Tally(m.value(), 0, 0, 0, 0, 1, workshop, bus, online), Tally::plus);
            }
        }
        return out;
    }

    /**
     * What writing {@code after} over {@code before} changes in its members' tallies.
     *
     * @param before the event as stored, or {@code null} when it is new
     * @param after  the event as written
     * @return member → change, members whose tally does not change left out
     */
    public static Map<MemberId, Tally> difference(Event before, Event after) {
        Map<MemberId, Tally> was = contributions(before);
        Map<MemberId, Tally> is = contributions(after);
        if (was.isEmpty() && is.isEmpty()) {
            return Map.of();
        }
        Map<MemberId, Tally> out = new LinkedHashMap<>(is);
        was.forEach((m, t) -> out.merge(m, Tally.zero(m).minus(t), Tally::plus));
        out.values().removeIf(Tally::none);
        return out;
    }

    /**
     * @param d the transaction's kernel
     * @return whether every tally was computed (the marker is stored)
     */
    public static boolean backfilled(Documents d) {
        return d.get(STATE, MARKER).isPresent();
    }

    /**
     * Computes every tally from {@code all} events, writes them over whatever is stored, and stores the marker.
     *
     * @param d   the transaction's kernel
     * @param all every event the store holds, as this transaction sees them
     * @throws VersionConflictException when a concurrent transaction stored the marker first (retried)
     */
    public static void backfill(Documents d, Collection<Event> all) {
        Map<MemberId, Tally> sums = new HashMap<>();
        for (Event e : all) {
            contributions(e).forEach((m, t) -> sums.merge(m, t, Tally::plus));
        }
        write(d, sums, false);
        try {
            d.insert(STATE, Doc.of(MARKER, Map.of(), "{\"tallies\":\"v1\"}"));
        } catch (DuplicateException e) {
            throw new VersionConflictException("badge tallies were computed by a concurrent transaction");
        }
    }

    /**
     * Adds {@code changes} to the stored tallies (a count never goes below zero; a tally back to zero is deleted).
     *
     * @param d       the transaction's kernel
     * @param changes member → change, as {@link #difference} gives them
     * @throws VersionConflictException when a concurrent transaction changed one of these tallies (retried)
     */
    public static void apply(Documents d, Map<MemberId, Tally> changes) {
        write(d, changes, true);
    }

    /** Writes {@code values}, added to the stored tallies when {@code add}, replacing them otherwise. */
    private static void write(Documents d, Map<MemberId, Tally> values, boolean add) {
        if (values.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(values.size());
        values.keySet().forEach(m -> keys.add(m.value()));
        Map<String, Doc> stored = d.getAll(TALLIES.name(), keys);
        for (Map.Entry<MemberId, Tally> change : values.entrySet()) {
            String key = change.getKey().value();
            Doc doc = stored.get(key);
            Tally next = change.getValue();
            if (add && doc != null) {
                next = Codec.read(doc.body(), Tally.class).plus(next);
            }
            next = next.atLeastZero();
            if (next.none()) {
                if (doc != null) {
                    d.delete(TALLIES.name(), key);
                }
            } else if (doc != null) {
                TALLIES.replace(d, next, doc.version());
            } else {
                try {
                    TALLIES.insert(d, next);
                } catch (DuplicateException e) {
                    throw new VersionConflictException("the badge tally of " + key + " was created concurrently");
                }
            }
        }
    }

    /**
     * The stored tallies of {@code members}, read at once (a member without a document has a zero tally).
     *
     * @param d       the transaction's kernel
     * @param members the members
     * @return member → tally, one for each of {@code members}
     */
    public static Map<MemberId, Tally> of(Documents d, Collection<MemberId> members) {
        Set<MemberId> unique = new LinkedHashSet<>(members);
        List<String> keys = new ArrayList<>(unique.size());
        unique.forEach(m -> keys.add(m.value()));
        Map<String, Doc> stored = unique.isEmpty() ? Map.of() : d.getAll(TALLIES.name(), keys);
        Map<MemberId, Tally> out = new LinkedHashMap<>();
        for (MemberId m : unique) {
            Doc doc = stored.get(m.value());
            out.put(m, doc == null ? Tally.zero(m) : Codec.read(doc.body(), Tally.class));
        }
        return out;
    }

    /**
     * Deletes an erased member's tally.
     *
     * @param d      the transaction's kernel
     * @param member the member
     */
    public static void forget(Documents d, MemberId member) {
        TALLIES.delete(d, member.value());
    }
}
