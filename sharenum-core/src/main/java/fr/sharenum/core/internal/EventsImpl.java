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
import fr.sharenum.Events;
import fr.sharenum.Rating;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.EventStatusChange;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Invitation;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Notification.InvitationReason;
import fr.sharenum.model.Registration;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Nearby;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Events: creation (with bus booking and ticket scheduling), confirmation and broadcast, registrations. */
final class EventsImpl implements Events {

    private final Engine engine;
    private final BusNumImpl buses;
    private final Invitations invitations;

    EventsImpl(Engine engine, BusNumImpl buses) {
        this.engine = engine;
        this.buses = buses;
        this.invitations = new Invitations(engine.settings().invitationSender());
    }

    @Override
    public Event create(Actor actor, EventRequest r) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(r, "request");
        Instant now = engine.now();
        if (r.start() == null || !r.start().isAfter(now)) {
            throw new InvalidValueException("start", "an event starts in the future, was " + r.start());
        }
        for (ToolId tool : r.tools()) {
            engine.settings().tools().get(tool);
        }
        double radius = Double.isNaN(r.broadcastRadiusKm()) ? engine.settings().broadcastRadiusKm() : r.broadcastRadiusKm();
        if (!(radius > 0) || radius > engine.settings().maxRadiusKm()) {
            throw new InvalidValueException("broadcastRadiusKm", "must be between 0 and " + engine.settings().maxRadiusKm()
                    + " km, was " + r.broadcastRadiusKm());
        }
        List<Notification> out = new ArrayList<>();
        Event created = engine.retryingConflicts(() -> engine.tx(t -> {
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
            Venue venue = r.venue() != null ? r.venue() : Venue.of(t.establishment(r.establishment())
                    .orElseThrow(() -> new NotFoundException("establishment", r.establishment())));
            Event event = new Event(EventId.random(), r.kind(), r.title(), r.description(), tools, r.themes(), r.start(),
                    r.duration(), r.capacity(), List.copyOf(organisers), venue, r.bus(), r.ticket(), radius,
                    EventStatus.PLANNED, List.of(), List.of(), 0, List.of(new EventStatusChange(EventStatus.PLANNED, now)), 1,
                    invited);
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
            engine.dispatcher().enqueue(t, out);
            return event;
        }));
        engine.dispatcher().deliver(out);
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
        engine.freshen();
        return change(id, (t, ev, out) -> {
            requireOrganiser(t, ev, actor, Operation.EVENTS_ORGANISE);
            Instant now = engine.now();
            if (!ev.start().isAfter(now)) {
                throw new IllegalTransitionException("event " + id + " (it has already started)", ev.status(), EventStatus.CONFIRMED);
            }
            Event confirmed = ev.moveTo(EventStatus.CONFIRMED, now);
            String names = organiserNames(t, confirmed);
            inviteAll(t, confirmed, confirmed.organisers(), InvitationReason.ORGANISING, Invitations.REQUEST, now, out);
            List<Nearby> followers = engine.matchingEngine().followers(new FollowersQuery(confirmed.venue().location(),
                    confirmed.broadcastRadiusKm(), confirmed.tools(), confirmed.themes(), Set.copyOf(confirmed.organisers())));
            Set<MemberId> blockedByOrganisers = new HashSet<>();
            for (MemberId o : confirmed.organisers()) {
                t.alertPreferences(o).ifPresent(p -> blockedByOrganisers.addAll(p.blocked()));
            }
            Map<MemberId, AlertPreferences> preferences =
                    t.alertPreferencesOf(followers.stream().map(Nearby::member).toList());
            // an announcement names no attendee: one iCalendar document serves every follower
            Invitation announcement = invitations.of(confirmed, Invitations.PUBLISH, null, null, names, now);
            Set<MemberId> told = new LinkedHashSet<>();
            for (Nearby n : followers) {
                AlertPreferences theirs = preferences.get(n.member());
                boolean blocked = blockedByOrganisers.contains(n.member())
                        || theirs != null && confirmed.organisers().stream().anyMatch(theirs::blocks);
                if (!blocked && !confirmed.isOrganiser(n.member()) && told.add(n.member())) {
                    t.member(n.member()).filter(Member::isActive).ifPresent(m -> out.add(new Notification.EventInvitation(
                            invitationKey(confirmed, m, InvitationReason.ANNOUNCED, now), m.id(), m.email(),
                            confirmed.summary(), InvitationReason.ANNOUNCED, announcement)));
                }
            }
            return confirmed;
        });
    }

    @Override
    public Event reschedule(Actor actor, EventId id, Instant newStart, Duration newDuration) {
        Objects.requireNonNull(newStart, "newStart");
        return change(id, (t, ev, out) -> {
            requireOrganiser(t, ev, actor, Operation.EVENTS_ORGANISE);
            Instant now = engine.now();
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
        return change(id, (t, ev, out) -> {
            requireOrganiser(t, ev, actor, Operation.EVENTS_CANCEL);
            Instant now = engine.now();
            Event cancelled = ev.moveTo(EventStatus.CANCELLED, now);
            if (cancelled.bus() != null) {
                buses.release(t, cancelled.bus(), cancelled);
            }
            moveTicket(t, cancelled, TicketStatus.HELPER_ACCEPTED, now);
            Set<MemberId> told = new LinkedHashSet<>(agendaHolders(cancelled));
            cancelled.waitlist().forEach(w -> told.add(w.member()));
            if (actor instanceof MemberId me) {
                told.remove(me);
            }
            inviteAll(t, cancelled, told, InvitationReason.CANCELLED, Invitations.CANCEL, now, out);
            return cancelled;
        });
    }

    @Override
    public Event markHeld(Actor actor, EventId id) {
        return change(id, (t, ev, out) -> {
            requireOrganiser(t, ev, actor, Operation.EVENTS_ORGANISE);
            Instant now = engine.now();
            if (ev.status() == EventStatus.CONFIRMED && now.isBefore(ev.end())) {
                throw new IllegalTransitionException("event " + id + " (it ends at " + ev.end() + ")", ev.status(), EventStatus.HELD);
            }
            Event held = ev.moveTo(EventStatus.HELD, now);
            moveTicket(t, held, TicketStatus.DONE, now);
            awardBadges(t, held, now);
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
            Instant now = engine.now();
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
            inviteAll(t, updated, promoted, InvitationReason.PROMOTED, Invitations.REQUEST, engine.now(), out);
            return updated;
        });
        return EventViews.forReader(left, relations(null, who[0], left));
    }

    @Override
    public Optional<Event> find(Actor actor, EventId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "event");
        return engine.tx(t -> {
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
        return engine.tx(t -> {
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

    /** What the principal is to an event: organiser, invited, registrant, staff of the venue's académie… */
    static Access.Relations relations(Tx t, Principal p, Event e) {
        MemberId me = p.memberId();
        return Access.relations(p, e.venue().academie())
                .add(Relation.ORGANISER, me != null && e.isOrganiser(me))
                .add(Relation.INVITED, me != null && e.isInvited(me))
                .add(Relation.REGISTRANT, me != null && (e.isRegistered(me) || e.waitlistPosition(me).isPresent()));
    }



    /** Awards, to each organiser of an event just held, the badges their record now earns. */
    private void awardBadges(Tx t, Event held, Instant now) {
        List<BadgeRule> rules = engine.settings().badgeRules();
        if (rules.isEmpty()) {
            return;
        }
        List<Event> all = new ArrayList<>(Engine.allEvents(t));
        all.removeIf(e -> e.id().equals(held.id()));
        all.add(held);
        for (MemberId organiser : held.organisers()) {
            int workshops = 0;
            int meetings = 0;
            int bus = 0;
            int participants = 0;
            for (Event e : all) {
                if (e.status() == EventStatus.HELD && e.isOrganiser(organiser)) {
                    if (e.kind() == EventKind.WORKSHOP) {
                        workshops++;
                    } else {
                        meetings++;
                    }
                    if (e.bus() != null) {
                        bus++;
                    }
                    participants += e.registered().size();
                }
            }
            BadgeRule.HelperRecord record = new BadgeRule.HelperRecord(workshops, meetings, bus, participants);
            Set<String> held_ = new HashSet<>();
            t.badgesOf(organiser).forEach(b -> held_.add(b.badge()));
            for (BadgeRule rule : rules) {
                if (!held_.contains(rule.badge().key()) && rule.condition().test(record)) {
                    t.insertBadge(new BadgeAward(UUID.randomUUID().toString(), organiser,
                            rule.badge().key(), now, held.id()));
                }
            }
        }
    }

    @Override
    public Feedback giveFeedback(Actor actor, EventId id, int usefulness, String comment) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "event");
        Feedback given = engine.tx(t -> {
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
            Feedback f = new Feedback(id, participant, usefulness, comment, engine.now());
            t.insertFeedback(f);
            return f;
        });
        return given;
    }

    @Override
    public List<Feedback> feedback(Actor actor, EventId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "event");
        return engine.tx(t -> {
            Event e = t.event(id).orElseThrow(() -> new NotFoundException("event", id));
            Access.require(Operation.EVENTS_FEEDBACK_READ, relations(t, Access.principal(t, actor), e));
            return t.feedbackOn(id);
        });
    }

    @Override
    public Optional<Rating> helperRating(Actor actor, MemberId helper) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(helper, "helper");
        return engine.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.EVENTS_HELPER_RATING, Access.relations(p, null));
            t.member(helper).orElseThrow(() -> new NotFoundException("member", helper));
            if (!p.is(helper) && !p.isHost() && !engine.settings().showHelperRatings()) {
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
        return engine.change(new Engine.Versioned<>(t -> t.event(id), Event::version, Event::nextVersion, Tx::updateEvent,
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
        return new Notification.EventInvitation(invitationKey(e, to, reason, now), to.id(), to.email(), e.summary(), reason,
                invitations.of(e, method, to.email(), to.displayName(), organisers, now));
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
        return Attendance.mark(engine, actor, id, present);
    }
}
