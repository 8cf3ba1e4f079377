package fr.sharenum.core.internal;

import fr.sharenum.BadgeRule;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.core.internal.rules.RegistrationRules;
import fr.sharenum.model.Actor;
import fr.sharenum.model.IllegalTransitionException;

import fr.sharenum.EventRequest;
import fr.sharenum.EventSearch;
import fr.sharenum.Events;
import fr.sharenum.Page;
import fr.sharenum.PageRequest;
import fr.sharenum.Rating;
import fr.sharenum.core.internal.store.BadgeTallies;
import fr.sharenum.core.internal.store.DocCollection;
import fr.sharenum.core.internal.store.Keys;
import fr.sharenum.core.internal.store.Throttles;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.EventStatusChange;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Invitation;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Notification.InvitationReason;
import fr.sharenum.model.Participation;
import fr.sharenum.model.Registration;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.EventQuery;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Nearby;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Events: creation (with bus booking and ticket scheduling), confirmation and broadcast, registrations. */
final class EventsImpl implements Events {

    private static final Logger LOG = LoggerFactory.getLogger(EventsImpl.class);

    private final Transactions transactions;
    private final Settings settings;
    private final Dispatcher dispatcher;
    private final BusNumImpl buses;
    private final Invitations invitations;
    private final Announcements announcements;

    /**
     * @param transactions  the unit of work
     * @param settings      the host's settings (clock, tools, radius bounds, badges, gatherings…)
     * @param dispatcher    where notifications go
     * @param buses         the BusNum fleet, for events on a bus
     * @param announcements who a confirmed event reaches, and its announcement
     */
    EventsImpl(Transactions transactions, Settings settings, Dispatcher dispatcher, BusNumImpl buses,
               Announcements announcements) {
        this.transactions = transactions;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.buses = buses;
        this.invitations = new Invitations(settings.invitationSender());
        this.announcements = announcements;
    }

    @Override
    public Event create(Actor actor, EventRequest r) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(r, "request");
        Instant now = settings.clock().instant();
        if (r.start() == null || !r.start().isAfter(now)) {
            throw new InvalidValueException("start", "an event starts in the future, was " + r.start());
        }
        for (ToolId tool : r.tools()) {
            settings.tools().get(tool);
        }
        double radius = Double.isNaN(r.broadcastRadiusKm()) ? settings.broadcastRadiusKm() : r.broadcastRadiusKm();
        if (!(radius > 0) || radius > settings.maxRadiusKm()) {
            throw new InvalidValueException("broadcastRadiusKm", "must be between 0 and " + settings.maxRadiusKm()
                    + " km, was " + r.broadcastRadiusKm());
        }
        List<Notification> out = new ArrayList<>();
        Event created = transactions.retryingConflicts(() -> transactions.tx(t -> {
            out.clear();
            Principal p = Access.principal(t, actor);
            Access.require(Operation.EVENTS_CREATE, Access.relations(p, null));
            Member creator = p.member();
            Set<MemberId> organisers = new LinkedHashSet<>();
            organisers.add(creator.id());
            Set<ToolId> tools = r.tools();
            TicketNum ticket = null;
            TicketNum scheduled = null;
            if (r.ticket() != null) {
                ticket = t.ticket(r.ticket()).orElseThrow(() -> new NotFoundException("ticket", r.ticket()));
                Access.require(Operation.EVENTS_CREATE_FROM_TICKET, TicketsImpl.relations(t, p, ticket));
                scheduled = ticket.moveTo(TicketStatus.SCHEDULED, now);
                organisers.add(ticket.requester());
                organisers.add(ticket.acceptedHelper());
                if (tools.isEmpty()) {
                    tools = ticket.tools();
                }
            } else if (tools.stream().noneMatch(tool -> creator.levelOn(tool).orElse(null) == CompetenceLevel.EXPERIENCED)) {
                throw new NotAllowedException("only a member experienced (ex-pair) on one of the event's tools may create"
                        + " an event directly; " + creator.id() + " is not experienced on " + tools);
            }
            List<MemberId> invited = new ArrayList<>();
            for (MemberId co : r.coOrganisers()) {
                if (organisers.contains(co)) {
                    continue;
                }
                Member guest = Engine.activeMember(t, co);
                Access.requireNotBlocked(t, Operation.EVENTS_INVITATION, creator.id(), guest.id());
                invited.add(guest.id());
            }
            Venue venue = r.venue() != null ? r.venue() : r.establishment() == null ? null
                    : Venue.of(t.establishment(r.establishment())
                    .orElseThrow(() -> new NotFoundException("establishment", r.establishment())));
            Event event = new Event(EventId.random(), r.kind(), r.title(), r.description(), tools, r.themes(), r.start(),
                    r.duration(), r.capacity(), List.copyOf(organisers), venue, r.bus(), r.ticket(), radius,
                    EventStatus.PLANNED, List.of(), List.of(), 0, List.of(new EventStatusChange(EventStatus.PLANNED, now)), 1,
                    invited, r.online(), List.of(), null, null);
            if (r.bus() != null) {
                buses.book(t, r.bus(), event);
            }
            t.insertEvent(event);
            if (scheduled != null) {
                TicketNum next = scheduled.nextVersion();
                t.updateTicket(next, ticket.version());
            }
            for (MemberId guest : invited) {
                t.member(guest).ifPresent(g -> out.add(new Notification.OrganiserInvited("invited:" + event.id() + ":" + guest,
                        guest, g.email(), event.summary(), creator.displayName())));
            }
            dispatcher.enqueue(t, out);
            return event;
        }));
        dispatcher.deliver(out);
        return created;
    }

    @Override
    public Event acceptInvitation(Actor actor, EventId id) {
        return answerInvitation(actor, id, true);
    }

    @Override
    public Event declineInvitation(Actor actor, EventId id) {
        return answerInvitation(actor, id, false);
    }

    private Event answerInvitation(Actor actor, EventId id, boolean accept) {
        Objects.requireNonNull(actor, "actor");
        return change(id, (t, ev, out) -> {
            Access.Relations r = relations(t, Access.principal(t, actor), ev);
            Access.require(Operation.EVENTS_INVITATION, r);
            MemberId guest = (MemberId) actor;
            if (accept) {
                for (MemberId o : ev.organisers()) {
                    Access.requireNotBlocked(t, Operation.EVENTS_INVITATION, guest, o);
                }
            }
            return ev.withInvitationAnswered(guest, accept);
        });
    }

    @Override
    public Event confirm(Actor actor, EventId id) {
        transactions.freshen();
        // who the event reaches comes from this instance's derived state (engine, establishments), read before the step
        List<MemberId>[] audience = new List[1];
        return change(id, (t, ev, out) -> {
            requireOrganiser(t, ev, actor, Operation.EVENTS_ORGANISE);
            Instant now = settings.clock().instant();
            if (!ev.start().isAfter(now)) {
                throw new IllegalTransitionException("event " + id + " (it has already started)", ev.status(), EventStatus.CONFIRMED);
            }
            Event confirmed = ev.moveTo(EventStatus.CONFIRMED, now).withCheckInCode(checkInCode());
            String names = organiserNames(t, confirmed);
            inviteAll(t, confirmed, confirmed.organisers(), InvitationReason.ORGANISING, Invitations.REQUEST, now, out);
            if (audience[0] == null) {
                audience[0] = announcements.audience(confirmed);
            }
            // an announcement names no attendee: one iCalendar document serves every member told
            Invitation announcement = invitations.of(confirmed, Invitations.PUBLISH, null, null, names, now,
                    false);
            announcements.announce(t, confirmed, audience[0], announcement, now, out);
            return confirmed;
        });
    }

    private static final SecureRandom CODES = new SecureRandom();

    /** A fresh 6-digit check-in code. */
    private static String checkInCode() {
        return String.format("%06d", CODES.nextInt(1_000_000));
    }

    @Override
    public Event reschedule(Actor actor, EventId id, Instant newStart, Duration newDuration) {
        Objects.requireNonNull(newStart, "newStart");
        return change(id, (t, ev, out) -> {
            requireOrganiser(t, ev, actor, Operation.EVENTS_ORGANISE);
            Instant now = settings.clock().instant();
            if (!newStart.isAfter(now)) {
                throw new InvalidValueException("start", "an event starts in the future, was " + newStart);
            }
            Event moved = ev.rescheduled(newStart, newDuration);
            if (moved.bus() != null) {
                buses.book(t, moved.bus(), moved);
            }
            if (moved.status() == EventStatus.CONFIRMED) {
                inviteAll(t, moved, agendaHolders(moved), InvitationReason.UPDATED, Invitations.REQUEST, now, out);
            }
            return moved;
        });
    }

    @Override
    public Event cancel(Actor actor, EventId id) {
        return cancel(actor, id, null);
    }

    @Override
    public Event cancel(Actor actor, EventId id, String reason) {
        String why = reason == null || reason.isBlank() ? null : HelpOffersImpl.clean("reason", reason, 1000, false);
        return change(id, (t, ev, out) -> {
            Access.Relations r = relations(t, Access.principal(t, actor), ev);
            Access.require(Operation.EVENTS_CANCEL, r);
            if (why == null && !r.set().contains(Relation.ORGANISER)) {
                throw new InvalidValueException("reason", "staff of the académie and the host say why they cancel an event;"
                        + " everyone registered is told");
            }
            Instant now = settings.clock().instant();
            Event cancelled = ev.cancelled(now, why);
            if (cancelled.bus() != null) {
                buses.release(t, cancelled.bus(), cancelled);
            }
            moveTicket(t, cancelled, TicketStatus.HELPER_ACCEPTED, now);
            Set<MemberId> told = new LinkedHashSet<>(agendaHolders(cancelled));
            cancelled.waitlist().forEach(w -> told.add(w.member()));
            if (actor instanceof MemberId me) {
                told.remove(me);
            }
            String names = organiserNames(t, cancelled);
            for (MemberId m : told) {
                t.member(m).ifPresent(x -> out.add(new Notification.EventInvitation(
                        invitationKey(cancelled, x, InvitationReason.CANCELLED, now), x.id(), x.email(),
                        cancelled.summary(cancelled.occupies(x.id())), InvitationReason.CANCELLED,
                        invitations.of(cancelled, Invitations.CANCEL, x.email(), x.displayName(), names, now), why)));
            }
            return cancelled;
        });
    }

    @Override
    public Event markHeld(Actor actor, EventId id) {
        return change(id, (t, ev, out) -> {
            requireOrganiser(t, ev, actor, Operation.EVENTS_ORGANISE);
            Instant now = settings.clock().instant();
            if (ev.status() == EventStatus.CONFIRMED && now.isBefore(ev.end())) {
                throw new IllegalTransitionException("event " + id + " (it ends at " + ev.end() + ")", ev.status(), EventStatus.HELD);
            }
            Event held = ev.moveTo(EventStatus.HELD, now);
            Attendance.sync(t, held);
            moveTicket(t, held, TicketStatus.DONE, now);
            awardBadges(t, ev, held, now, out);
            for (Registration seat : held.registered()) {
                if (held.attendanceTaken() && !held.attendedBy(seat.member())) {
                    continue;   // a no-show is not asked how useful it was
                }
                t.member(seat.member()).filter(Member::isActive).ifPresent(m -> out.add(new Notification.FeedbackRequested(
                        "feedback:" + held.id() + ":" + m.id(), m.id(), m.email(), held.summary())));
            }
            return held;
        });
    }

    @Override
    public Event register(Actor actor, EventId id) {
        Objects.requireNonNull(actor, "actor");
        Principal[] who = new Principal[1];
        Event registered = change(id, (t, ev, out) -> {
            who[0] = Access.principal(t, actor);
            Access.require(Operation.EVENTS_REGISTER, relations(t, who[0], ev));
            MemberId memberId = (MemberId) actor;
            for (MemberId o : ev.organisers()) {
                Access.requireNotBlocked(t, Operation.EVENTS_REGISTER, memberId, o);
            }
            Member member = Engine.activeMember(t, memberId);
            Instant now = settings.clock().instant();
            RegistrationRules.check(ev, memberId, now);
            Event updated = ev.withRegistration(new Registration(memberId, now));
            if (updated.isRegistered(memberId)) {
                out.add(invitation(updated, member, InvitationReason.REGISTERED, Invitations.REQUEST,
                        organiserNames(t, updated), now));
            } else {
                int position = updated.waitlistPosition(memberId).orElseThrow();
                out.add(new Notification.Waitlisted("event:" + id + ":waitlisted:" + memberId + ":" + now.toEpochMilli(),
                        memberId, member.email(), updated.summary(), position));
            }
            return updated;
        });
        return EventViews.forReader(registered, relations(null, who[0], registered));
    }

    @Override
    public Event unregister(Actor actor, EventId id) {
        Objects.requireNonNull(actor, "actor");
        Principal[] who = new Principal[1];
        Event left = change(id, (t, ev, out) -> {
            who[0] = Access.principal(t, actor);
            Access.require(Operation.EVENTS_UNREGISTER, relations(t, who[0], ev));
            MemberId memberId = (MemberId) actor;
            if (!ev.status().isActive()) {
                throw new IllegalTransitionException("event " + id + " (registrations no longer change)", ev.status(),
                        "an unregistration");
            }
            Event updated = ev.withoutRegistration(memberId);
            List<MemberId> promoted = updated.registered().stream().map(Registration::member)
                    .filter(m -> !ev.isRegistered(m)).toList();
            inviteAll(t, updated, promoted, InvitationReason.PROMOTED, Invitations.REQUEST, settings.clock().instant(), out);
            return updated;
        });
        return EventViews.forReader(left, relations(null, who[0], left));
    }

    @Override
    public Optional<Event> find(Actor actor, EventId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "event");
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Optional<Event> found = t.event(id);
            if (found.isEmpty()) {
                Access.require(Operation.EVENTS_READ, Access.relations(p, null));
                return found;
            }
            Access.Relations r = relations(t, p, found.get());
            Access.require(Operation.EVENTS_READ, r);
            return Optional.of(EventViews.forReader(found.get(), r));
        });
    }

    @Override
    public Event get(Actor actor, EventId id) {
        return find(actor, id).orElseThrow(() -> new NotFoundException("event", id));
    }

    @Override
    public List<Event> between(Actor actor, Instant from, Instant to) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new InvalidValueException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(400)) > 0) {
            throw new InvalidValueException("to", "a period is at most 400 days long");
        }
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.EVENTS_READ, Access.relations(p, null));
            List<Event> out = new ArrayList<>();
            for (Event e : t.eventsOverlapping(from, to)) {
                Access.Relations r = relations(t, p, e);
                Set<Relation> rs = r.set();
                boolean visible = rs.contains(Relation.HOST) || rs.contains(Relation.ORGANISER) || rs.contains(Relation.INVITED)
                        || rs.contains(Relation.STAFF) || e.status() == EventStatus.CONFIRMED || e.status() == EventStatus.HELD;
                if (visible) {
                    out.add(EventViews.forReader(e, r));
                }
            }
            return out;
        });
    }

    // --- the lists people read (issue 16)

    @Override
    public Page<Event> search(Actor actor, EventSearch search, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(page, "page");
        Settings s = settings;
        boolean placed = search.near() != null || search.nearMe();
        double radius = Double.isNaN(search.radiusKm()) ? s.defaultRadiusKm() : search.radiusKm();
        if (placed && !(radius >= s.minRadiusKm() && radius <= s.maxRadiusKm())) {
            throw new InvalidValueException("radiusKm", "must be between " + s.minRadiusKm() + " and " + s.maxRadiusKm()
                    + " km, was " + search.radiusKm());
        }
        for (ToolId tool : search.tools()) {
            s.tools().get(tool);
        }
        EventQuery base = EventQuery.starting(search.from(), search.to(), page.limit() + 1)
                .about(search.tools(), search.themes());
        Cursors.Key after = Cursors.decode("events", page.cursor());
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.EVENTS_READ, Access.relations(p, null));
            EventQuery q = base;
            if (search.near() != null) {
                q = q.near(search.near(), radius);
            } else if (search.nearMe()) {
                if (p.member() == null) {
                    throw new InvalidValueException("nearMe", "only a member has an establishment to search around");
                }
                Establishment mine = t.establishment(p.member().establishment())
                        .orElseThrow(() -> new NotFoundException("establishment", p.member().establishment()));
                q = q.near(mine.location(), radius).reaching(mine.academie(), mine.departement());
            }
            Set<EventStatus> statuses = search.statuses();
            if (!p.isHost()) {
                Set<EventStatus> visible = EnumSet.of(EventStatus.CONFIRMED, EventStatus.HELD);
                if (!statuses.isEmpty()) {
                    visible.retainAll(statuses);
                }
                if (visible.isEmpty()) {
                    return new Page<Event>(List.of(), null);
                }
                statuses = visible;
            }
            q = q.in(search.formats(), statuses);
            if (after != null) {
                q = q.after(after.at(), EventId.of(after.id()));
            }
            return page(t, p, t.searchEvents(q), page.limit());
        });
    }

    @Override
    public Page<Event> of(Actor actor, MemberId member, Set<Participation> as, Instant from,
                                      Instant to, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(as, "as");
        Objects.requireNonNull(page, "page");
        EventQuery base = EventQuery.starting(from, to, page.limit() + 1).of(member, as);
        Cursors.Key after = Cursors.decode("my-events", page.cursor());
        return transactions.tx(t -> {
            Member m = t.member(member).orElseThrow(() -> new NotFoundException("member", member));
            Principal p = Access.principal(t, actor);
            Access.require(Operation.EVENTS_OF_MEMBER, Access.relations(p, null).self(m.id()));
            EventQuery q = after == null ? base : base.after(after.at(), EventId.of(after.id()));
            Page<Event> found = page(t, p, t.searchEvents(q), page.limit());
            return found.next() == null ? found : new Page<>(found.items(), Cursors.encode("my-events",
                    found.items().get(found.items().size() - 1).start(), found.items().get(found.items().size() - 1).id().value()));
        });
    }

    /** A page of {@code limit} events out of {@code found} (one more means a next page), each as the reader sees it. */
    private static Page<Event> page(Tx t, Principal p, List<Event> found, int limit) {
        List<Event> out = new ArrayList<>();
        for (Event e : found.subList(0, Math.min(limit, found.size()))) {
            out.add(EventViews.forReader(e, relations(t, p, e)));
        }
        String next = found.size() > limit
                ? Cursors.encode("events", out.get(out.size() - 1).start(), out.get(out.size() - 1).id().value()) : null;
        return new Page<>(out, next);
    }

    // --- attendance (issue 16)

    /** Check-in and attendance open this long before the start. */
    static final Duration CHECK_IN_OPENS = Duration.ofMinutes(30);
    /** Self check-in closes this long after the end. */
    static final Duration CHECK_IN_CLOSES = Duration.ofHours(2);

    @Override
    public Event markAttendance(Actor actor, EventId id, MemberId member, boolean attended) {
        Objects.requireNonNull(member, "member");
        return change(id, (t, ev, out) -> {
            requireOrganiser(t, ev, actor, Operation.EVENTS_ORGANISE);
            requireAttendanceOpen(ev, settings.clock().instant(), false);
            if (ev.attendedBy(member) == attended && ev.isRegistered(member)) {
                return ev;
            }
            Event marked = ev.withAttendance(member, attended);
            Attendance.sync(t, marked);
            return marked;
        });
    }

    private static void requireAttendanceOpen(Event ev, Instant now, boolean selfCheckIn) {
        if (ev.status() != EventStatus.CONFIRMED && ev.status() != EventStatus.HELD) {
            throw new IllegalTransitionException("event " + ev.id() + " (attendance is taken once it is confirmed)", ev.status(),
                    "attendance");
        }
        if (now.isBefore(ev.start().minus(CHECK_IN_OPENS))) {
            throw new IllegalTransitionException("event " + ev.id() + " (attendance opens half an hour before "
                    + ev.start() + ")", ev.status(), "attendance");
        }
        if (selfCheckIn && now.isAfter(ev.end().plus(CHECK_IN_CLOSES))) {
            throw new IllegalTransitionException("event " + ev.id() + " (self check-in closed two hours after its end)",
                    ev.status(), "attendance");
        }
    }

    @Override
    public String checkInCode(Actor actor, EventId id) {
        Objects.requireNonNull(actor, "actor");
        Event e = change(id, (t, ev, out) -> {
            requireOrganiser(t, ev, actor, Operation.EVENTS_ORGANISE);
            if (ev.status() != EventStatus.CONFIRMED && ev.status() != EventStatus.HELD) {
                throw new IllegalTransitionException("event " + id + " (a check-in code exists once it is confirmed)",
                        ev.status(), "a check-in code");
            }
            return ev.checkInCode() != null ? ev : ev.withCheckInCode(checkInCode());
        });
        return e.checkInCode();
    }

    /** Self check-in attempts allowed per member and event per hour. */
    static final int CHECK_IN_ATTEMPTS = 10;

    @Override
    public Event checkIn(Actor actor, EventId id, String code) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "event");
        Instant now = settings.clock().instant();
        Principal[] who = new Principal[1];
        // the attempt is counted in a transaction of its own, so that a wrong code still counts
        transactions.retryingConflicts(() -> transactions.tx(t -> {
            Event ev = t.event(id).orElseThrow(() -> new NotFoundException("event", id));
            Access.require(Operation.EVENTS_CHECK_IN, relations(t, Access.principal(t, actor), ev));
            if (!ev.isRegistered((MemberId) actor)) {
                throw new IllegalTransitionException("event " + id + " (only members holding a seat check in)", ev.status(),
                        "attendance");
            }
            requireAttendanceOpen(ev, now, true);
            Throttles.take(t, "checkin|" + ((MemberId) actor).value() + "|" + id.value(),
                    CHECK_IN_ATTEMPTS, Duration.ofHours(1), now, next -> new LimitExceededException(
                            "member " + actor + " tried " + CHECK_IN_ATTEMPTS + " check-in codes for event " + id
                                    + " within an hour; try again after " + next));
            return null;
        }));
        Event checked = change(id, (t, ev, out) -> {
            who[0] = Access.principal(t, actor);
            MemberId me = (MemberId) actor;
            if (code == null || ev.checkInCode() == null || !MessageDigest.isEqual(
                    code.strip().getBytes(StandardCharsets.UTF_8),
                    ev.checkInCode().getBytes(StandardCharsets.UTF_8))) {
                throw new InvalidValueException("code", "not the code shown in the room");
            }
            if (ev.attendedBy(me)) {
                return ev;
            }
            Event marked = ev.withAttendance(me, true);
            Attendance.sync(t, marked);
            return marked;
        });
        return EventViews.forReader(checked, relations(null, who[0], checked));
    }

    // --- reminders (issue 16)

    /** The marker of a reminder sent (key: event, moment, sequence): one per event and moment, whichever instance. */
    record Reminded(EventId event, Notification.Reminder when, int sequence, Instant at) {
    }

    static final DocCollection<Reminded> REMINDED = new DocCollection<>(
            "event-reminded", Reminded.class, r -> Keys.join(r.event().value(), r.when().name(),
            r.sequence()), r -> Map.of());

    /** The day-before reminder is not sent when the event starts this soon (the hour-before one will be). */
    static final Duration DAY_BEFORE_AT_LEAST = Duration.ofHours(2);

    @Override
    public int sendReminders(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        transactions.tx(t -> {
            Access.require(Operation.EVENTS_REMIND, Access.relations(Access.principal(t, actor), null));
            return null;
        });
        return remind();
    }

    /** The background step: reminders due now; a failure is logged and retried at the next poll. */
    void remindInBackground() {
        try {
            remind();
        } catch (RuntimeException e) {
            LOG.warn("event reminders not sent this time ({}); retried at the next poll", e.getClass().getSimpleName());
            LOG.debug("reminder failure", e);
        }
    }

    /** Queues the reminders due now: confirmed events starting within a day (those within an hour: the hour-before). */
    private int remind() {
        Instant now = settings.clock().instant();
        int sent = 0;
        EventQuery q = EventQuery.starting(now, now.plus(Duration.ofDays(1)).plusNanos(1), 200)
                .in(Set.of(), Set.of(EventStatus.CONFIRMED));
        while (true) {
            EventQuery asked = q;
            List<Event> soon = transactions.tx(t -> t.searchEvents(asked));
            for (Event e : soon) {
                Duration left = Duration.between(now, e.start());
                Notification.Reminder when = left.compareTo(Duration.ofHours(1)) <= 0 ? Notification.Reminder.HOUR_BEFORE
                        : left.compareTo(DAY_BEFORE_AT_LEAST) >= 0 ? Notification.Reminder.DAY_BEFORE : null;
                if (when != null) {
                    sent += remind(e.id(), when, now);
                }
            }
            if (soon.size() < q.limit()) {
                return sent;
            }
            Event last = soon.get(soon.size() - 1);
            q = q.after(last.start(), last.id());
        }
    }

    /** Sends one reminder of one event, unless it was sent (by any instance); returns how many members. */
    private int remind(EventId id, Notification.Reminder when, Instant now) {
        List<Notification> out = new ArrayList<>();
        Integer n;
        try {
            n = transactions.retryingConflicts(() -> transactions.tx(t -> {
                out.clear();
                Event e = t.event(id).orElse(null);
                if (e == null || e.status() != EventStatus.CONFIRMED) {
                    return 0;
                }
                String key = Keys.join(id.value(), when.name(), e.sequence());
                if (REMINDED.doc(t, key).isPresent()) {
                    return 0;
                }
                REMINDED.insert(t, new Reminded(id, when, e.sequence(), now));
                String names = organiserNames(t, e);
                for (MemberId m : agendaHolders(e)) {
                    t.member(m).filter(Member::isActive).ifPresent(x -> {
                        ZoneId zone = t.establishment(x.establishment()).map(est -> est.academie().zone())
                                .orElse(e.zone());
                        out.add(new Notification.EventReminder("reminder:" + id + ":" + when.name().toLowerCase(Locale.ROOT)
                                + ":" + e.sequence() + ":" + m, m, x.email(), e.summary(true), when, zone,
                                invitations.of(e, Invitations.REQUEST, x.email(), x.displayName(), names, now, true)));
                    });
                }
                dispatcher.enqueue(t, out);
                return out.size();
            }));
        } catch (DuplicateException raced) {
            return 0;   // another instance sent it in the meantime
        }
        dispatcher.deliver(out);
        return n;
    }

    /** What the principal is to an event: organiser, invited, registrant, staff of the venue's académie… */
    static Access.Relations relations(Tx t, Principal p, Event e) {
        MemberId me = p.memberId();
        return Access.relations(p, e.academie())
                .add(Relation.ORGANISER, me != null && e.isOrganiser(me))
                .add(Relation.INVITED, me != null && e.isInvited(me))
                .add(Relation.REGISTRANT, me != null && (e.isRegistered(me) || e.waitlistPosition(me).isPresent()));
    }



    /**
     * Awards, to each organiser and each participant of an event just held, the badges their record now earns, and
     * tells them (with the Open Badges link when the host publishes assertions). Their records are their stored badge
     * tallies ({@link BadgeTallies}) with what holding the event changes in them — the event itself is written after
     * this step, and its write brings the stored tallies in step.
     *
     * @param stored the event as stored, before it was held
     * @param held   the event held
     */
    private void awardBadges(Tx t, Event stored, Event held, Instant now, List<Notification> out) {
        List<BadgeRule> rules = settings.badgeRules();
        if (rules.isEmpty()) {
            return;
        }
        boolean organiserRules = rules.stream().anyMatch(r -> r.condition() != null);
        boolean participantRules = rules.stream().anyMatch(r -> r.participantCondition() != null);
        List<MemberId> organisers = organiserRules ? held.organisers() : List.of();
        List<MemberId> participants = new ArrayList<>();
        if (participantRules) {
            for (Registration seat : held.registered()) {
                if (came(held, seat.member())) {
                    participants.add(seat.member());
                }
            }
        }
        List<MemberId> everyone = new ArrayList<>(organisers);
        everyone.addAll(participants);
        if (everyone.isEmpty()) {
            return;
        }
        Map<MemberId, BadgeTallies.Tally> tallies = t.badgeTallies(everyone);
        Map<MemberId, BadgeTallies.Tally> change = BadgeTallies.difference(stored, held);
        Function<MemberId, BadgeTallies.Tally> record = m -> tallies.get(m).plus(change.getOrDefault(m, BadgeTallies.Tally.zero(m)));
        for (MemberId organiser : organisers) {
            BadgeRule.HelperRecord r = record.apply(organiser).helperRecord();
            award(t, organiser, held, now, rules, rule -> rule.condition() != null && rule.condition().test(r), out);
        }
        for (MemberId member : participants) {
            BadgeRule.ParticipantRecord r = record.apply(member).participantRecord();
            award(t, member, held, now, rules, rule -> rule.participantCondition() != null
                    && rule.participantCondition().test(r), out);
        }
    }

    /** Whether {@code member} held a seat at {@code e} and came (or attendance was not taken). */
    private static boolean came(Event e, MemberId member) {
        return e.isRegistered(member) && (!e.attendanceTaken() || e.attendedBy(member));
    }

    private void award(Tx t, MemberId member, Event held, Instant now, List<BadgeRule> rules,
                       Predicate<BadgeRule> earned, List<Notification> out) {
        Set<String> owned = new HashSet<>();
        t.badgesOf(member).forEach(b -> owned.add(b.badge()));
        Member m = t.member(member).filter(Member::isActive).orElse(null);
        for (BadgeRule rule : rules) {
            if (!owned.contains(rule.badge().key()) && earned.test(rule)) {
                BadgeAward award = new BadgeAward(UUID.randomUUID().toString(),
                        member, rule.badge().key(), now, held.id());
                t.insertBadge(award);
                owned.add(rule.badge().key());
                if (m != null) {
                    var links = settings.gatherings().badgeAssertions();
                    out.add(new Notification.BadgeAwarded("badge:" + award.id(), member, m.email(), rule.badge().key(),
                            rule.badge().name(), links == null ? null : links.apply(award)));
                }
            }
        }
    }

    @Override
    public Feedback giveFeedback(Actor actor, EventId id, int usefulness, String comment) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "event");
        Feedback given = transactions.tx(t -> {
            Event e = t.event(id).orElseThrow(() -> new NotFoundException("event", id));
            Access.require(Operation.EVENTS_GIVE_FEEDBACK, relations(t, Access.principal(t, actor), e));
            MemberId participant = (MemberId) actor;
            if (!e.isRegistered(participant)) {
                throw new IllegalTransitionException("event " + id + " (only members who held a seat give feedback; "
                        + participant + " is on the waitlist)", e.status(), "feedback");
            }
            if (e.status() != EventStatus.HELD) {
                throw new IllegalTransitionException("event " + id + " (feedback)", e.status(), EventStatus.HELD);
            }
            if (e.attendanceTaken() && !e.attendedBy(participant)) {
                throw new IllegalTransitionException("event " + id + " (only members who came give feedback; " + participant
                        + " was not marked present)", e.status(), "feedback");
            }
            Feedback f = new Feedback(id, participant, usefulness, comment, settings.clock().instant());
            t.insertFeedback(f);
            return f;
        });
        return given;
    }

    @Override
    public List<Feedback> feedback(Actor actor, EventId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "event");
        return transactions.tx(t -> {
            Event e = t.event(id).orElseThrow(() -> new NotFoundException("event", id));
            Access.require(Operation.EVENTS_FEEDBACK_READ, relations(t, Access.principal(t, actor), e));
            return t.feedbackOn(id);
        });
    }

    @Override
    public Optional<Rating> helperRating(Actor actor, MemberId helper) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(helper, "helper");
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.EVENTS_HELPER_RATING, Access.relations(p, null));
            t.member(helper).orElseThrow(() -> new NotFoundException("member", helper));
            if (!p.is(helper) && !p.isHost() && !settings.showHelperRatings()) {
                return Optional.<Rating>empty();
            }
            int count = 0;
            int sum = 0;
            for (Event e : Engine.allEvents(t)) {
                if (e.isOrganiser(helper)) {
                    for (Feedback f : t.feedbackOn(e.id())) {
                        count++;
                        sum += f.usefulness();
                    }
                }
            }
            return Optional.of(new Rating(count, count == 0 ? Double.NaN : (double) sum / count));
        });
    }

    // --- helpers

    /** Reads, changes and stores an event in one transaction, retrying on concurrent changes; then notifies. */
    private Event change(EventId id, Engine.Step<Event> step) {
        Objects.requireNonNull(id, "event");
        return transactions.change(new Engine.Versioned<>(t -> t.event(id), Event::version, Event::nextVersion, Tx::updateEvent,
                () -> new NotFoundException("event", id)), step);
    }

    /** Moves the event's ticket, if it is still SCHEDULED, to {@code target}. */
    private static void moveTicket(Tx t, Event event, TicketStatus target, Instant now) {
        if (event.ticket() == null) {
            return;
        }
        t.ticket(event.ticket()).filter(tk -> tk.status() == TicketStatus.SCHEDULED).ifPresent(tk ->
                t.updateTicket(tk.moveTo(target, now).nextVersion(), tk.version()));
    }

    /** Organisers and registrants: whoever has the event in their agenda. */
    private static List<MemberId> agendaHolders(Event e) {
        List<MemberId> out = new ArrayList<>(e.organisers());
        e.registered().forEach(r -> out.add(r.member()));
        return out;
    }

    /** An invitation (the member as ATTENDEE) to each of {@code members} who still exists. */
    private void inviteAll(Tx t, Event e, Collection<MemberId> members, InvitationReason reason,
                           String method, Instant now, List<Notification> out) {
        String names = organiserNames(t, e);
        for (MemberId id : members) {
            t.member(id).ifPresent(m -> out.add(invitation(e, m, reason, method, names, now)));
        }
    }

    private static String organiserNames(Tx t, Event e) {
        return e.organisers().stream().map(id -> t.member(id).map(Member::displayName).orElse("ShareNum"))
                .collect(Collectors.joining(", "));
    }

    /** An invitation naming {@code to} as ATTENDEE. */
    private Notification invitation(Event e, Member to, InvitationReason reason, String method, String organisers,
                                     Instant now) {
        boolean link = e.occupies(to.id()) && reason != InvitationReason.CANCELLED;
        return new Notification.EventInvitation(invitationKey(e, to, reason, now), to.id(), to.email(), e.summary(link), reason,
                invitations.of(e, method, to.email(), to.displayName(), organisers, now, link));
    }

    /** The idempotency key: one per event, reason, sequence and member (and registration time for seats). */
    private static String invitationKey(Event e, Member to, InvitationReason reason, Instant now) {
        return "event:" + e.id() + ":" + reason.name().toLowerCase(Locale.ROOT) + ":" + e.sequence() + ":"
                + to.id() + (reason == InvitationReason.REGISTERED || reason == InvitationReason.PROMOTED
                ? ":" + now.toEpochMilli() : "");
    }

    private static void requireOrganiser(Tx t, Event e, Actor actor, Operation op) {
        Objects.requireNonNull(actor, "actor");
        Access.require(op, relations(t, Access.principal(t, actor), e));
    }


    @Override
    public Set<MemberId> markAttendance(Actor actor, EventId id, Set<MemberId> present) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(present, "present");
        Set<MemberId> marked = Set.copyOf(present);
        change(id, (t, ev, out) -> Attendance.mark(t, actor, ev, marked));
        return marked;
    }
}
