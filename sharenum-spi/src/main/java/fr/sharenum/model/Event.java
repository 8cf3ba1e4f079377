package fr.sharenum.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A workshop (atelier) or meeting (rencontre): created from an accepted TicketNum or directly by an
 * experienced member, held at a {@link Venue} (possibly in a BusNum), online ({@link OnlineAccess}: a virtual class
 * announced to a territory), or both (hybrid). Immutable: every transition
 * returns a copy with the same {@link #version()} (the store bumps it) and refuses an illegal move
 * with {@link IllegalTransitionException}.
 *
 * <p>{@link #sequence()} is the iCalendar SEQUENCE of the invitations sent for the event: it starts
 * at 0 and grows with every change members must see in their agenda (new time, cancellation).
 *
 * @param id                identifier (also the base of the iCalendar UID)
 * @param kind              workshop or meeting
 * @param title             1–200 characters
 * @param description       what participants will do, up to 4000 characters, may be empty
 * @param tools             tools it is about
 * @param themes            pedagogical themes it is about; tools and themes are not both empty
 * @param start             when it starts
 * @param duration          how long it lasts, 15 minutes to 12 hours
 * @param capacity          how many members may register (organisers not counted), at least 1
 * @param organisers        who runs it, the creator first; never empty
 * @param venue             where, or {@code null} for an event held only online
 * @param bus               the BusNum booked for it, or {@code null}
 * @param ticket            the TicketNum it answers, or {@code null}
 * @param broadcastRadiusKm members within this distance of the venue who follow its tools or themes
 *                          are told when it is confirmed
 * @param status            current state
 * @param registered        registered members, in arrival order; never more than {@code capacity}
 * @param waitlist          members waiting for a seat, in arrival order
 * @param sequence          iCalendar SEQUENCE, from 0
 * @param history           states entered, oldest first, never empty (starts with PLANNED at creation)
 * @param version           optimistic-concurrency version, from 1
 * @param invited           members invited to co-organise who have not answered yet; they organise only once
 *                          they accept
 * @param online            how to join online (a visio link and the territory it is announced to), or {@code null}
 *                          for an event held only at its venue
 * @param attended          registered members who came: marked by an organiser or checked in with the room's code
 * @param checkInCode       the code shown in the room for self check-in (6 digits), or {@code null} before it is made
 * @param cancellationReason why it was cancelled (told to everyone), or {@code null}
 */
public record Event(EventId id, EventKind kind, String title, String description, Set<ToolId> tools,
                    Set<Theme> themes, Instant start, Duration duration, int capacity, List<MemberId> organisers,
                    Venue venue, BusId bus, TicketId ticket, double broadcastRadiusKm, EventStatus status,
                    List<Registration> registered, List<Registration> waitlist, int sequence,
                    List<EventStatusChange> history, long version, List<MemberId> invited, OnlineAccess online,
                    List<MemberId> attended, String checkInCode, String cancellationReason) {

    /** Most tools or themes an event is about. */
    public static final int MAX_TOPICS = 20;
    /** Most members invited to co-organise at once. */
    public static final int MAX_INVITED = 20;

    /**
     * An event with no pending invitation to co-organise.
     *
     * @param id identifier (also the base of the iCalendar UID)
     * @param kind workshop or meeting
     * @param title 1–200 characters
     * @param description what participants will do, up to 4000 characters, may be empty
     * @param tools tools it is about
     * @param themes pedagogical themes it is about; tools and themes are not both empty
     * @param start when it starts
     * @param duration how long it lasts, 15 minutes to 12 hours
     * @param capacity how many members may register (organisers not counted), at least 1
     * @param organisers who runs it, the creator first; never empty
     * @param venue where
     * @param bus the BusNum booked for it, or {@code null}
     * @param ticket the TicketNum it answers, or {@code null}
     * @param broadcastRadiusKm members within this distance of the venue who follow its tools or themes are told when it is confirmed
     * @param status current state
     * @param registered registered members, in arrival order; never more than {@code capacity}
     * @param waitlist members waiting for a seat, in arrival order
     * @param sequence iCalendar SEQUENCE, from 0
     * @param history states entered, oldest first, never empty (starts with PLANNED at creation)
     * @param version optimistic-concurrency version, from 1
     */
    public Event(EventId id, EventKind kind, String title, String description, Set<ToolId> tools, Set<Theme> themes,
                 Instant start, Duration duration, int capacity, List<MemberId> organisers, Venue venue, BusId bus,
                 TicketId ticket, double broadcastRadiusKm, EventStatus status, List<Registration> registered,
                 List<Registration> waitlist, int sequence, List<EventStatusChange> history, long version) {
        this(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus, ticket,
                broadcastRadiusKm, status, registered, waitlist, sequence, history, version, List.of());
    }

    /**
     * An event held only at its venue, nobody marked as having come yet (the form before online events and attendance).
     *
     * @param id identifier (also the base of the iCalendar UID)
     * @param kind workshop or meeting
     * @param title 1–200 characters
     * @param description what participants will do, up to 4000 characters, may be empty
     * @param tools tools it is about
     * @param themes pedagogical themes it is about; tools and themes are not both empty
     * @param start when it starts
     * @param duration how long it lasts, 15 minutes to 12 hours
     * @param capacity how many members may register (organisers not counted), at least 1
     * @param organisers who runs it, the creator first; never empty
     * @param venue where
     * @param bus the BusNum booked for it, or {@code null}
     * @param ticket the TicketNum it answers, or {@code null}
     * @param broadcastRadiusKm members within this distance of the venue who follow its tools or themes are told when it is confirmed
     * @param status current state
     * @param registered registered members, in arrival order; never more than {@code capacity}
     * @param waitlist members waiting for a seat, in arrival order
     * @param sequence iCalendar SEQUENCE, from 0
     * @param history states entered, oldest first, never empty (starts with PLANNED at creation)
     * @param version optimistic-concurrency version, from 1
     * @param invited members invited to co-organise who have not answered yet
     */
    public Event(EventId id, EventKind kind, String title, String description, Set<ToolId> tools, Set<Theme> themes,
                 Instant start, Duration duration, int capacity, List<MemberId> organisers, Venue venue, BusId bus,
                 TicketId ticket, double broadcastRadiusKm, EventStatus status, List<Registration> registered,
                 List<Registration> waitlist, int sequence, List<EventStatusChange> history, long version,
                 List<MemberId> invited) {
        this(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus, ticket,
                broadcastRadiusKm, status, registered, waitlist, sequence, history, version, invited, null, List.of(),
                null, null);
    }

    /** Shortest event. */
    public static final Duration MIN_DURATION = Duration.ofMinutes(15);
    /** Longest event. */
    public static final Duration MAX_DURATION = Duration.ofHours(12);
    /** Largest capacity. */
    public static final int MAX_CAPACITY = 10_000;

    /**
     * Checks and normalises the components.
     *
     * @param id identifier (also the base of the iCalendar UID)
     * @param kind workshop or meeting
     * @param title 1–200 characters
     * @param description what participants will do, up to 4000 characters, may be empty
     * @param tools tools it is about
     * @param themes pedagogical themes it is about; tools and themes are not both empty
     * @param start when it starts
     * @param duration how long it lasts, 15 minutes to 12 hours
     * @param capacity how many members may register (organisers not counted), at least 1
     * @param organisers who runs it, the creator first; never empty
     * @param venue where
     * @param bus the BusNum booked for it, or {@code null}
     * @param ticket the TicketNum it answers, or {@code null}
     * @param broadcastRadiusKm members within this distance of the venue who follow its tools or themes are told when it is confirmed
     * @param status current state
     * @param registered registered members, in arrival order; never more than {@code capacity}
     * @param waitlist members waiting for a seat, in arrival order
     * @param sequence iCalendar SEQUENCE, from 0
     * @param history states entered, oldest first, never empty (starts with PLANNED at creation)
     * @param version optimistic-concurrency version, from 1
     * @param invited members invited to co-organise who have not answered yet; they organise only once they accept
     * @param online how to join online, or {@code null} for an event held only at its venue
     * @param attended registered members who came
     * @param checkInCode the code shown in the room for self check-in, or {@code null}
     * @param cancellationReason why it was cancelled, or {@code null}
     */
    public Event {
        InvalidValueException.requireNonNull("id", id);
        InvalidValueException.requireNonNull("kind", kind);
        title = Texts.text("title", title, 200);
        description = description == null || description.isBlank() ? "" : Texts.multiline("description", description, 4000);
        tools = Texts.copySet("tools", tools, MAX_TOPICS);
        themes = Texts.copySet("themes", themes, MAX_TOPICS);
        if (tools.isEmpty() && themes.isEmpty()) {
            throw new InvalidValueException("tools", "an event is about at least one tool or theme");
        }
        InvalidValueException.requireNonNull("start", start);
        InvalidValueException.requireNonNull("duration", duration);
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidValueException("duration", "must be between 15 minutes and 12 hours, was " + duration);
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new InvalidValueException("capacity", "must be between 1 and " + MAX_CAPACITY + ", was " + capacity);
        }
        if (organisers == null || organisers.isEmpty()) {
            throw new InvalidValueException("organisers", "an event has at least one organiser");
        }
        organisers = List.copyOf(new LinkedHashSet<>(organisers));
        if (venue == null && online == null) {
            throw new InvalidValueException("venue", "an event takes place at a venue, online, or both");
        }
        if (venue == null && bus != null) {
            throw new InvalidValueException("bus", "a BusNum parks at a venue: an online-only event has none");
        }
        if (!(broadcastRadiusKm > 0) || Double.isInfinite(broadcastRadiusKm)) {
            throw new InvalidValueException("broadcastRadiusKm", "must be a positive number of km, was " + broadcastRadiusKm);
        }
        InvalidValueException.requireNonNull("status", status);
        registered = registered == null ? List.of() : List.copyOf(registered);
        waitlist = waitlist == null ? List.of() : List.copyOf(waitlist);
        if (registered.size() > capacity) {
            throw new InvalidValueException("registered", registered.size() + " registrations exceed the capacity " + capacity);
        }
        if (sequence < 0) {
            throw new InvalidValueException("sequence", "must not be negative");
        }
        if (history == null || history.isEmpty()) {
            throw new InvalidValueException("history", "starts with the event's creation");
        }
        history = List.copyOf(history);
        if (version < 1) {
            throw new InvalidValueException("version", "must be at least 1");
        }
        invited = invited == null ? List.of() : List.copyOf(new LinkedHashSet<>(invited));
        if (invited.size() > MAX_INVITED) {
            throw new InvalidValueException("invited", "at most " + MAX_INVITED + " members invited to co-organise, got "
                    + invited.size());
        }
        for (MemberId m : invited) {
            if (organisers.contains(m)) {
                throw new InvalidValueException("invited", "member " + m + " already organises the event");
            }
        }
        attended = attended == null ? List.of() : List.copyOf(new LinkedHashSet<>(attended));
        for (MemberId m : attended) {
            if (registered.stream().noneMatch(r -> r.member().equals(m))) {
                throw new InvalidValueException("attended", "member " + m + " did not hold a seat at event " + id);
            }
        }
        if (checkInCode != null && !checkInCode.matches("[0-9]{6}")) {
            throw new InvalidValueException("checkInCode", "a check-in code is 6 digits");
        }
        cancellationReason = cancellationReason == null || cancellationReason.isBlank() ? null
                : Texts.multiline("cancellationReason", cancellationReason, 1000);
    }

    /**
     * Whether {@code member} was invited to co-organise and has not answered yet.
     *
     * @param member the member
     * @return whether {@code member} was invited to co-organise and has not answered yet
     */
    public boolean isInvited(MemberId member) {
        return invited.contains(member);
    }

    /**
     * The event with {@code member}'s invitation answered: an organiser when they {@code accept}.
     *
     * @param member the member
     * @param accept whether accept
     * @return the event with {@code member}'s invitation answered: an organiser when they {@code accept}
     */
    public Event withInvitationAnswered(MemberId member, boolean accept) {
        if (!isInvited(member)) {
            throw new NotFoundException("invitation", member + " to event " + id);
        }
        List<MemberId> i = new ArrayList<>(invited);
        i.remove(member);
        List<MemberId> o = new ArrayList<>(organisers);
        if (accept) {
            o.add(member);
        }
        return new Event(id, kind, title, description, tools, themes, start, duration, capacity, o, venue, bus,
                ticket, broadcastRadiusKm, status, registered, waitlist, sequence, history, version, i, online, attended,
                checkInCode, cancellationReason);
    }

    /**
     * The same event with other registrations: for views that hide who registered.
     *
     * @param newRegistered the seats shown
     * @param newWaitlist   the waitlist shown
     * @return the copy
     */
    public Event withRegistrations(List<Registration> newRegistered, List<Registration> newWaitlist) {
        return new Event(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus,
                ticket, broadcastRadiusKm, status, newRegistered, newWaitlist, sequence, history, version, invited, online,
                attended.stream().filter(m -> newRegistered.stream().anyMatch(x -> x.member().equals(m))).toList(),
                checkInCode, cancellationReason);
    }

    /**
     * When it ends.
     *
     * @return when it ends
     */
    public Instant end() {
        return start.plus(duration);
    }

    /**
     * Its time on the time line.
     *
     * @return its time on the time line
     */
    public TimeWindow window() {
        return new TimeWindow(start, end());
    }

    /**
     * The BusNum the event takes place in, if any.
     *
     * @return the bus, or empty
     */
    public Optional<BusId> busId() {
        return Optional.ofNullable(bus);
    }

    /**
     * The ticket id.
     *
     * @return the ticket id, or empty when there is none
     */
    public Optional<TicketId> ticketId() {
        return Optional.ofNullable(ticket);
    }

    /**
     * Whether {@code member} organises this event.
     *
     * @param member the member
     * @return whether they organise it
     */
    public boolean isOrganiser(MemberId member) {
        return organisers.contains(member);
    }

    /**
     * Whether {@code member} holds a seat (the waitlist does not count).
     *
     * @param member the member
     * @return whether {@code member} holds a seat (the waitlist does not count)
     */
    public boolean isRegistered(MemberId member) {
        return registered.stream().anyMatch(r -> r.member().equals(member));
    }

    /**
     * Position of {@code member} on the waitlist, from 1.
     *
     * @param member the member
     * @return the waitlist position, or empty when there is none
     */
    public OptionalInt waitlistPosition(MemberId member) {
        for (int i = 0; i < waitlist.size(); i++) {
            if (waitlist.get(i).member().equals(member)) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Whether {@code member} organises it or holds a seat: it is in their agenda.
     *
     * @param member the member
     * @return whether {@code member} organises it or holds a seat: it is in their agenda
     */
    public boolean occupies(MemberId member) {
        return isOrganiser(member) || isRegistered(member);
    }

    /**
     * The seats left.
     *
     * @return the seats left
     */
    public int seatsLeft() {
        return capacity - registered.size();
    }

    /**
     * When the event entered {@code state}, if it did.
     *
     * @param state the state
     * @return when the event entered {@code state}, if it did
     */
    public Optional<Instant> enteredAt(EventStatus state) {
        return history.stream().filter(h -> h.status() == state).map(EventStatusChange::at).reduce((a, b) -> b);
    }

    /**
     * The event moved to {@code target} at {@code at}; a cancellation raises the sequence.
     *
     * @param target the target
     * @param at when
     * @return the event moved to {@code target} at {@code at}; a cancellation raises the sequence
     */
    public Event moveTo(EventStatus target, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("event " + id, status, target);
        }
        List<EventStatusChange> h = new ArrayList<>(history);
        h.add(new EventStatusChange(target, at));
        int seq = target == EventStatus.CANCELLED ? sequence + 1 : sequence;
        return new Event(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus,
                ticket, broadcastRadiusKm, target, registered, waitlist, seq, h, version, invited, online, attended,
                checkInCode, cancellationReason);
    }

    /**
     * The event with {@code member} added: to the seats if one is left, else to the end of the
     * waitlist. Refuses a member already registered or waiting with {@link DuplicateException}.
     *
     * @param registration the registration
     * @return the event with {@code member} added: to the seats if one is left, else to the end of the waitlist
     */
    public Event withRegistration(Registration registration) {
        MemberId m = registration.member();
        if (isRegistered(m)) {
            throw new DuplicateException("member " + m + " is already registered to event " + id);
        }
        if (waitlistPosition(m).isPresent()) {
            throw new DuplicateException("member " + m + " is already on the waitlist of event " + id
                    + " (position " + waitlistPosition(m).getAsInt() + ")");
        }
        List<Registration> r = new ArrayList<>(registered);
        List<Registration> w = new ArrayList<>(waitlist);
        if (r.size() < capacity) {
            r.add(registration);
        } else {
            w.add(registration);
        }
        return new Event(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus,
                ticket, broadcastRadiusKm, status, r, w, sequence, history, version, invited, online, attended,
                checkInCode, cancellationReason);
    }

    /**
     * The event without {@code member}'s seat or waitlist place; a freed seat goes to the head of the
     * waitlist. Refuses a member who is neither registered nor waiting with {@link NotFoundException}.
     *
     * @param member the member
     * @return the event without {@code member}'s seat or waitlist place; a freed seat goes to the head of the waitlist
     */
    public Event withoutRegistration(MemberId member) {
        List<Registration> r = new ArrayList<>(registered);
        List<Registration> w = new ArrayList<>(waitlist);
        boolean seat = r.removeIf(x -> x.member().equals(member));
        boolean waiting = w.removeIf(x -> x.member().equals(member));
        if (!seat && !waiting) {
            throw new NotFoundException("registration", member + " on event " + id);
        }
        while (r.size() < capacity && !w.isEmpty()) {
            r.add(w.remove(0));
        }
        return new Event(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus,
                ticket, broadcastRadiusKm, status, r, w, sequence, history, version, invited, online,
                attended.stream().filter(m -> !m.equals(member)).toList(), checkInCode, cancellationReason);
    }

    /**
     * The event at a new time (same duration unless given), with a higher sequence.
     *
     * @param newStart the new start
     * @param newDuration the new duration
     * @return the event at a new time (same duration unless given), with a higher sequence
     */
    public Event rescheduled(Instant newStart, Duration newDuration) {
        if (!status.isActive()) {
            throw new IllegalTransitionException("event " + id + " (new time)", status, status);
        }
        return new Event(id, kind, title, description, tools, themes, newStart,
                newDuration == null ? duration : newDuration, capacity, organisers, venue, bus, ticket, broadcastRadiusKm,
                status, registered, waitlist, sequence + 1, history, version, invited, online, attended, checkInCode,
                cancellationReason);
    }

    /**
     * This event at the next version; used when an edit is saved.
     *
     * @return this event at the next version; used when an edit is saved
     */
    public Event nextVersion() {
        return new Event(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus,
                ticket, broadcastRadiusKm, status, registered, waitlist, sequence, history, version + 1, invited, online,
                attended, checkInCode, cancellationReason);
    }

    /**
     * What a notification about the event tells members, without the visio link.
     *
     * @return what a notification about the event tells members
     */
    public EventSummary summary() {
        return summary(false);
    }

    /**
     * What a notification about the event tells members.
     *
     * @param withLink whether to carry the visio link (for organisers and members holding a seat)
     * @return what a notification about the event tells members
     */
    public EventSummary summary(boolean withLink) {
        String place = venue != null ? venue.label() + (online != null ? " et en ligne" : "") : "En ligne (classe virtuelle)";
        return new EventSummary(id, kind, title, tools, themes, start, end(), zone(), place, bus != null, status,
                withLink && online != null ? online.link() : null);
    }

    /**
     * Whether members may join online (an online or hybrid event).
     *
     * @return whether there is a visio link
     */
    public boolean isOnline() {
        return online != null;
    }

    /**
     * Whether the event takes place at a venue (on site or hybrid).
     *
     * @return whether there is a venue
     */
    public boolean isOnSite() {
        return venue != null;
    }

    /**
     * The event's formats: on site, online, in a BusNum (a hybrid event has the first two).
     *
     * @return the formats
     */
    public Set<EventFormat> formats() {
        Set<EventFormat> f = java.util.EnumSet.noneOf(EventFormat.class);
        if (venue != null) {
            f.add(EventFormat.ON_SITE);
        }
        if (online != null) {
            f.add(EventFormat.ONLINE);
        }
        if (bus != null) {
            f.add(EventFormat.BUSNUM);
        }
        return f;
    }

    /**
     * Where the venue stands, if there is one.
     *
     * @return its coordinates, or empty for an online-only event
     */
    public Optional<GeoPoint> location() {
        return venue == null ? Optional.empty() : Optional.of(venue.location());
    }

    /**
     * The académie the event belongs to: its venue's, else the académie it is announced to online.
     *
     * @return the académie, or {@code null} for an online event announced to the whole country
     */
    public Academie academie() {
        return venue != null ? venue.academie() : online.academie();
    }

    /**
     * The time zone its times are shown in: its venue's, else its online audience's (Paris for the whole country).
     *
     * @return the zone
     */
    public java.time.ZoneId zone() {
        return venue != null ? venue.zone() : online.zone();
    }

    /**
     * Whether {@code member} was marked as having come.
     *
     * @param member the member
     * @return whether they attended
     */
    public boolean attendedBy(MemberId member) {
        return attended.contains(member);
    }

    /**
     * Whether attendance was taken: someone was marked as having come.
     *
     * @return whether attendance was taken
     */
    public boolean attendanceTaken() {
        return !attended.isEmpty();
    }

    /**
     * The event with {@code member}'s attendance marked or unmarked.
     *
     * @param member a member holding a seat
     * @param came whether they came
     * @return the event
     * @throws NotFoundException when the member holds no seat
     */
    public Event withAttendance(MemberId member, boolean came) {
        if (!isRegistered(member)) {
            throw new NotFoundException("registration", member + " on event " + id);
        }
        List<MemberId> a = new ArrayList<>(attended);
        a.remove(member);
        if (came) {
            a.add(member);
        }
        return new Event(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus,
                ticket, broadcastRadiusKm, status, registered, waitlist, sequence, history, version, invited, online, a,
                checkInCode, cancellationReason);
    }

    /**
     * The event with another way to join online (a view hiding the link).
     *
     * @param access the access shown
     * @return the event
     */
    public Event withOnline(OnlineAccess access) {
        return new Event(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus,
                ticket, broadcastRadiusKm, status, registered, waitlist, sequence, history, version, invited, access,
                attended, checkInCode, cancellationReason);
    }

    /**
     * The event with a code for self check-in.
     *
     * @param code 6 digits
     * @return the event
     */
    public Event withCheckInCode(String code) {
        return new Event(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus,
                ticket, broadcastRadiusKm, status, registered, waitlist, sequence, history, version, invited, online,
                attended, code, cancellationReason);
    }

    /**
     * The event cancelled at {@code at}, for {@code reason}.
     *
     * @param at when
     * @param reason why, told to everyone, or {@code null}
     * @return the event, CANCELLED
     */
    public Event cancelled(Instant at, String reason) {
        Event c = moveTo(EventStatus.CANCELLED, at);
        return new Event(id, kind, title, description, tools, themes, start, duration, capacity, organisers, venue, bus,
                ticket, broadcastRadiusKm, c.status, registered, waitlist, c.sequence, c.history, version, invited, online,
                attended, checkInCode, reason);
    }
}
