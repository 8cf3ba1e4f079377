package fr.sharenum.core.internal;

import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.LimitExceededException;

import fr.sharenum.TicketRequest;
import fr.sharenum.Tickets;
import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Guide;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Offer;
import fr.sharenum.model.OfferStatus;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingsFirstException;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.QualifiedQuery;
import fr.sharenum.spi.AlertRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

final class TicketsImpl implements Tickets {

    /** Alerts are ranked nearest first, then most experienced, then by member id. */
    static final Comparator<Alert> ALERT_ORDER = Comparator.comparingDouble(Alert::distanceKm)
            .thenComparing(Alert::level, Comparator.reverseOrder())
            .thenComparing(Alert::helper);

    private final Engine engine;
    private final TicketQueries queries;

    TicketsImpl(Engine engine) {
        this.engine = engine;
        this.queries = new TicketQueries(engine);
    }

    @Override
    public TicketNum open(Actor actor, TicketRequest request) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(request, "request");
        engine.freshen();
        var s = engine.settings();
        double radius = Double.isNaN(request.radiusKm()) ? s.defaultRadiusKm() : request.radiusKm();
        if (!(radius >= s.minRadiusKm() && radius <= s.maxRadiusKm())) {
            throw new InvalidValueException("radiusKm", "must be between " + s.minRadiusKm() + " and "
                    + s.maxRadiusKm() + " km, was " + request.radiusKm());
        }
        for (ToolId tool : request.tools()) {
            s.tools().get(tool);
        }
        Instant now = engine.now();
        // read the requester and their establishment; check the daily limit
        Settings.AlertLimits limits = s.alertLimits();
        Establishment origin = engine.tx(t -> {
            Access.require(Operation.TICKETS_OPEN, Access.relations(Access.principal(t, actor), null));
            Member requester = Engine.activeMember(t, (MemberId) actor);
            fr.sharenum.core.internal.store.Throttles.check(t, dailyKey(requester.id()), limits.ticketsPerDay(),
                    java.time.Duration.ofDays(1), now, next -> dailyLimit(requester.id(), limits, next));
            return t.establishment(requester.establishment())
                    .orElseThrow(() -> new NotFoundException("establishment", requester.establishment()));
        });
        // trainings first
        List<Training> trainings = engine.trainingCatalog().find(origin.academie(), request.tools(), now,
                now.plus(s.trainingHorizon()));
        List<Training> notDeclined = trainings.stream()
                .filter(t -> !request.declinedTrainings().contains(t.id())).toList();
        if (!notDeclined.isEmpty()) {
            throw new TrainingsFirstException(notDeclined);
        }
        if (request.text() == null || request.text().isBlank()) {
            throw new InvalidValueException("text", "must not be empty");
        }
        MemberId requesterId = (MemberId) actor;
        List<Alert> matched = request.addressedTo() != null
                ? engine.helpOffersImpl().addressed(requesterId, origin, request)
                : match(requesterId, origin, request.tools(), radius);
        TicketId ticketId = TicketId.random();
        List<Guide> guides = engine.guideCatalog().find(request.tools(), Set.of());
        TicketNum[] opened = new TicketNum[1];
        List<Notification> out = engine.retryingConflicts(() -> engine.tx(t -> {
            Member requester = Engine.activeMember(t, requesterId);
            // the daily limit is a counter in the store: of two opens racing for the last slot, one conflicts,
            // is retried and refused
            takeDailySlot(t, requester.id(), now, limits);
            // the engine may lag a change made on another instance: the helpers are read back here, and those no
            // longer active or no longer at the minimum level are not alerted
            List<Alert> alerts = stillQualified(t, matched);
            TicketNum ticket = new TicketNum(ticketId, requesterId, origin.uai(), origin.location(),
                    request.tools(), request.kind(), request.text(), radius, now, now.plus(s.ticketLifetime()),
                    TicketStatus.OPEN, trainings.stream().map(Training::id).toList(), !trainings.isEmpty(),
                    alerts, List.of(), null, null, 1, request.themes(), request.addressedTo());
            opened[0] = ticket;
            t.insertTicket(ticket);
            t.recordAlerts(alerts.stream().map(a -> new AlertRecord(a.helper(), requester.id(), a.tool(), ticket.id(), now)).toList());
            Map<MemberId, fr.sharenum.model.AlertPreferences> preferences =
                    t.alertPreferencesOf(alerts.stream().map(Alert::helper).toList());
            Map<fr.sharenum.model.Uai, java.time.ZoneId> zones = new HashMap<>();
            List<Notification> immediate = new ArrayList<>();
            for (Alert a : alerts) {
                Optional<Member> helper = t.member(a.helper()).filter(Member::isActive);
                if (helper.isEmpty()) {
                    continue;
                }
                Notification note = new Notification.TicketAlert("alert:" + ticket.id() + ":" + a.helper(), a.helper(),
                        helper.get().email(), ticket.id(), requester.displayName(), ticket.tools(), ticket.kind(),
                        ticket.text(), Math.round(a.distanceKm()), guides, toolNames(ticket.tools()),
                        helper.get().establishment().equals(ticket.establishment()));
                java.time.ZoneId zone = zones.computeIfAbsent(helper.get().establishment(), uai -> t.establishment(uai)
                        .map(e -> e.academie().zone()).orElse(java.time.ZoneOffset.UTC));
                fr.sharenum.model.AlertPreferences.Digest digest = preferences
                        .getOrDefault(a.helper(), fr.sharenum.model.AlertPreferences.NONE).digest();
                Optional<Instant> later = digest != fr.sharenum.model.AlertPreferences.Digest.NONE
                        ? Optional.of(QuietHours.nextDigest(digest, zone, now))
                        : QuietHours.end(limits, zone, now);
                if (later.isPresent()) {
                    engine.dispatcher().enqueueAt(t, note, later.get());
                } else {
                    immediate.add(note);
                }
            }
            engine.dispatcher().enqueue(t, immediate);
            return immediate;
        }));
        engine.dispatcher().deliver(out);
        return opened[0];
    }

    /** The alerts whose helper is, as stored now, active and at the minimum level on the alert's tool. */
    private List<Alert> stillQualified(Tx t, List<Alert> matched) {
        CompetenceLevel min = engine.settings().minimumHelperLevel();
        List<Alert> kept = new ArrayList<>(matched.size());
        for (Alert a : matched) {
            Optional<Member> helper = t.member(a.helper()).filter(Member::isActive);
            fr.sharenum.model.Skill skill = helper.map(h -> h.skills().get(a.tool())).orElse(null);
            if (skill != null && skill.level().compareTo(min) >= 0) {
                kept.add(skill.level() == a.level() ? a : new Alert(a.helper(), a.tool(), skill.level(), a.distanceKm()));
            }
        }
        kept.sort(ALERT_ORDER);
        return kept;
    }

    /** The counter of tickets {@code requester} opened over the last 24 hours. */
    static String dailyKey(MemberId requester) {
        return "tickets-day|" + requester.value();
    }

    private static void takeDailySlot(Tx t, MemberId requester, Instant now, Settings.AlertLimits limits) {
        fr.sharenum.core.internal.store.Throttles.take(t, dailyKey(requester), limits.ticketsPerDay(),
                java.time.Duration.ofDays(1), now, next -> dailyLimit(requester, limits, next));
    }

    private static RuntimeException dailyLimit(MemberId requester, Settings.AlertLimits limits, Instant next) {
        return new fr.sharenum.model.LimitExceededException("member " + requester + " opened " + limits.ticketsPerDay()
                + " tickets in the last 24 hours, the most allowed; the next can be opened after " + next);
    }

    /**
     * Who to alert: every qualified member within the radius on any of the tools (best tool kept), less
     * those who muted the tool or paused alerts and those the requester alerted for the same tool within
     * the cool-down; helpers under their weekly cap first — least recently alerted first among the
     * nearest when the host caps alerts per ticket —, topped up with capped helpers when fewer than the
     * minimum remain.
     */
    private List<Alert> match(MemberId requester, Establishment origin, Set<ToolId> tools, double radius) {
        CompetenceLevel min = engine.settings().minimumHelperLevel();
        Map<MemberId, Alert> best = new HashMap<>();
        for (ToolId tool : new TreeSet<>(tools)) {
            QualifiedQuery q = QualifiedQuery.within(origin.location(), radius, tool, min)
                    .excluding(Set.of(requester));
            for (Match m : engine.matchingEngine().qualified(q)) {
                Alert a = new Alert(m.member(), tool, m.level(), m.distanceKm());
                best.merge(m.member(), a, (x, y) -> y.level().compareTo(x.level()) > 0 ? y : x);
            }
        }
        List<Alert> ranked = new ArrayList<>(best.values());
        ranked.sort(ALERT_ORDER);
        if (ranked.isEmpty()) {
            return ranked;
        }
        Settings.AlertLimits limits = engine.settings().alertLimits();
        Instant now = engine.now();
        int max = engine.settings().maxAlertsPerTicket();
        return engine.tx(t -> {
            Map<ToolId, Set<MemberId>> coolingDown = new HashMap<>();
            for (ToolId tool : tools) {
                coolingDown.put(tool, limits.coolDown().isZero() ? Set.of()
                        : t.alertedBy(requester, tool, now.minus(limits.coolDown())));
            }
            fr.sharenum.model.AlertPreferences mine = t.alertPreferences(requester).orElse(fr.sharenum.model.AlertPreferences.NONE);
            Map<MemberId, fr.sharenum.model.AlertPreferences> preferences = t.alertPreferencesOf(
                    ranked.stream().map(Alert::helper).toList());
            List<Alert> welcome = new ArrayList<>();
            for (Alert a : ranked) {
                fr.sharenum.model.AlertPreferences theirs = preferences.getOrDefault(a.helper(), fr.sharenum.model.AlertPreferences.NONE);
                boolean wanted = theirs.accepts(a.tool(), now) && !theirs.blocks(requester) && !mine.blocks(a.helper());
                if (wanted && !coolingDown.get(a.tool()).contains(a.helper())) {
                    welcome.add(a);
                }
            }
            Map<MemberId, fr.sharenum.spi.AlertStore.AlertStats> stats = t.alertStats(welcome.stream().map(Alert::helper).toList(),
                    now.minus(java.time.Duration.ofDays(7)));
            List<Alert> under = new ArrayList<>();
            List<Alert> over = new ArrayList<>();
            for (Alert a : welcome) {
                (stats.get(a.helper()).sinceCount() < limits.perHelperPerWeek() ? under : over).add(a);
            }
            List<Alert> chosen;
            if (under.size() > max) {
                // rotate: among the 3 x max nearest, the least recently alerted first
                List<Alert> window = new ArrayList<>(under.subList(0, Math.min(under.size(), 3 * max)));
                window.sort(java.util.Comparator.comparing((Alert a) -> stats.get(a.helper()).last(),
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())).thenComparing(ALERT_ORDER));
                chosen = new ArrayList<>(window.subList(0, max));
            } else {
                chosen = new ArrayList<>(under);
            }
            int wantedCount = Math.min(Math.min(limits.minimumPerTicket(), max), welcome.size());
            for (int i = 0; chosen.size() < wantedCount && i < over.size(); i++) {
                chosen.add(over.get(i));
            }
            // what members see of each other's whereabouts: establishment distances rounded to the km, in the order
            // they read them (rounded km, then level)
            return chosen.stream().map(a -> new Alert(a.helper(), a.tool(), a.level(), Math.rint(a.distanceKm())))
                    .sorted(ALERT_ORDER).toList();
        });
    }

    /** The names people read for {@code tools}, from the host's catalogue (tools it lacks are left out). */
    private Map<ToolId, String> toolNames(Set<ToolId> tools) {
        Map<ToolId, String> names = new HashMap<>();
        tools.forEach(id -> engine.settings().tools().find(id).ifPresent(tool -> names.put(id, tool.name())));
        return names;
    }

    @Override
    public TicketNum offer(Actor actor, TicketId id, String message) {
        Objects.requireNonNull(actor, "actor");
        Principal[] who = new Principal[1];
        Academie[] where = new Academie[1];
        TicketNum offered = change(id, (t, ticket, out) -> {
            who[0] = Access.principal(t, actor);
            where[0] = t.establishment(ticket.establishment()).map(Establishment::academie).orElse(null);
            Access.require(Operation.TICKETS_OFFER, queries.relations(t, who[0], ticket));
            MemberId helperId = (MemberId) actor;
            Access.requireNotBlocked(t, Operation.TICKETS_OFFER, helperId, ticket.requester());
            Member helper = Engine.activeMember(t, helperId);
            if (ticket.offerOf(helperId).isPresent()) {
                throw new DuplicateException("member " + helperId + " already offered help on ticket " + id);
            }
            TicketNum updated = ticket.withOffer(new Offer(helperId, message, engine.now(), OfferStatus.PENDING));
            t.member(ticket.requester()).ifPresent(r -> out.add(new Notification.OfferReceived(
                    "offer:" + id + ":" + helperId, r.id(), r.email(), id, helperId, helper.displayName(),
                    updated.offerOf(helperId).orElseThrow().message())));
            return updated;
        });
        return TicketViews.forReader(offered, relations(who[0], where[0], offered));
    }

    @Override
    public TicketNum accept(Actor actor, TicketId id, MemberId helperId) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(helperId, "helper");
        return change(id, (t, ticket, out) -> {
            Access.require(Operation.TICKETS_ACCEPT, relations(t, Access.principal(t, actor), ticket));
            Member requester = Engine.activeMember(t, ticket.requester());
            Access.requireNotBlocked(t, Operation.TICKETS_ACCEPT, requester.id(), helperId);
            Offer offer = ticket.offerOf(helperId).orElseThrow(() -> new NotFoundException("offer", helperId + " on ticket " + id));
            if (offer.status() != OfferStatus.PENDING) {
                throw new IllegalTransitionException("offer of " + helperId, offer.status(), OfferStatus.ACCEPTED);
            }
            Member helper = t.member(helperId).orElseThrow(() -> new NotFoundException("member", helperId));
            if (!helper.isActive()) {
                throw new NotAllowedException("helper " + helperId + " is no longer active");
            }
            TicketNum updated = ticket.withAccepted(helperId, engine.now());
            out.add(new Notification.OfferAccepted("accepted:" + id + ":" + helperId, helperId, helper.email(), id,
                    requester.displayName()));
            for (Offer o : ticket.offers()) {
                if (!o.helper().equals(helperId) && o.status() == OfferStatus.PENDING) {
                    t.member(o.helper()).ifPresent(m -> out.add(new Notification.OfferDeclined(
                            "declined:" + id + ":" + m.id(), m.id(), m.email(), id)));
                }
            }
            return updated;
        });
    }

    @Override
    public Message post(Actor actor, TicketId id, String text) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "ticket");
        List<Notification> out = new ArrayList<>();
        Message message = engine.retryingConflicts(() -> engine.tx(t -> {
            out.clear();
            TicketNum ticket = t.ticket(id).orElseThrow(() -> new NotFoundException("ticket", id));
            Access.require(Operation.TICKETS_POST, relations(t, Access.principal(t, actor), ticket));
            MemberId senderId = (MemberId) actor;
            MemberId otherId = ticket.requester().equals(senderId) ? ticket.acceptedHelper() : ticket.requester();
            Access.requireNotBlocked(t, Operation.TICKETS_POST, senderId, otherId);
            Member sender = Engine.activeMember(t, senderId);
            if (ticket.status() != TicketStatus.HELPER_ACCEPTED && ticket.status() != TicketStatus.SCHEDULED) {
                throw new IllegalTransitionException("the conversation of ticket " + id + " (open once a helper is accepted"
                        + " and until the ticket closes)", ticket.status(), "a message");
            }
            long seq = t.lastMessageSeq(id) + 1;
            if (seq > MAX_MESSAGES) {
                throw new LimitExceededException("the conversation of ticket " + id + " holds " + MAX_MESSAGES
                        + " messages, the most allowed; open a new ticket to go on");
            }
            Message m = new Message(id, seq, senderId, text, engine.now());
            t.appendMessage(m);
            t.member(otherId).ifPresent(other -> out.add(new Notification.MessagePosted(
                    "message:" + id + ":" + m.seq(), other.id(), other.email(), id, senderId, sender.displayName(), m.text())));
            engine.dispatcher().enqueue(t, out);
            return m;
        }));
        engine.dispatcher().deliver(out);
        return message;
    }

    @Override
    public List<Message> conversation(Actor actor, TicketId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "ticket");
        return engine.tx(t -> {
            TicketNum ticket = t.ticket(id).orElseThrow(() -> new NotFoundException("ticket", id));
            Access.require(Operation.TICKETS_CONVERSATION, relations(t, Access.principal(t, actor), ticket));
            return t.messages(id, 0, Integer.MAX_VALUE);
        });
    }

    @Override
    public TicketNum cancel(Actor actor, TicketId id) {
        return close(actor, id, TicketStatus.CANCELLED, Operation.TICKETS_CANCEL);
    }

    @Override
    public TicketNum complete(Actor actor, TicketId id) {
        return close(actor, id, TicketStatus.DONE, Operation.TICKETS_COMPLETE);
    }

    /** Moves the ticket to a final state once the access matrix allowed {@code op}; tells the others. */
    private TicketNum close(Actor actor, TicketId id, TicketStatus status, Operation op) {
        Objects.requireNonNull(actor, "actor");
        return change(id, (t, ticket, out) -> {
            Access.require(op, relations(t, Access.principal(t, actor), ticket));
            TicketNum updated = ticket.moveTo(status, engine.now());
            tellOthers(t, ticket, actor instanceof MemberId m ? m : null, status, out);
            return updated;
        });
    }

    @Override
    public int expireDue(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        engine.tx(t -> {
            Access.require(Operation.TICKETS_EXPIRE, Access.relations(Access.principal(t, actor), null));
            return null;
        });
        Instant now = engine.now();
        int expired = 0;
        while (true) {
            List<TicketNum> due = engine.tx(t -> t.ticketsExpiringBy(now, 200));
            if (due.isEmpty()) {
                return expired;
            }
            for (TicketNum candidate : due) {
                change(candidate.id(), (t, ticket, out) -> {
                    if (!ticket.status().acceptsOffers() || ticket.expiresAt().isAfter(now)) {
                        return ticket;
                    }
                    tellOthers(t, ticket, null, TicketStatus.EXPIRED, out);
                    return ticket.moveTo(TicketStatus.EXPIRED, now);
                });
                expired++;
            }
        }
    }

    @Override
    public Optional<TicketNum> find(Actor actor, TicketId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "ticket");
        return engine.tx(t -> {
            Optional<TicketNum> found = t.ticket(id);
            Principal p = Access.principal(t, actor);
            if (found.isEmpty()) {
                Access.require(Operation.TICKETS_READ, Access.relations(p, null).add(Relation.REQUESTER, true));
                return found;
            }
            Access.Relations r = queries.relations(t, p, found.get());
            Access.require(Operation.TICKETS_READ, r);
            return Optional.of(TicketViews.forReader(found.get(), r));
        });
    }

    @Override
    public TicketNum get(Actor actor, TicketId id) {
        return find(actor, id).orElseThrow(() -> new NotFoundException("ticket", id));
    }

    @Override
    public List<TicketNum> openedBy(Actor actor, MemberId requester) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requester, "requester");
        return engine.tx(t -> {
            Member m = t.member(requester).orElseThrow(() -> new NotFoundException("member", requester));
            Principal p = Access.principal(t, actor);
            Access.require(Operation.TICKETS_OF_MEMBER, MembersImpl.relations(t, p, m));
            List<TicketNum> out = new ArrayList<>();
            for (TicketNum ticket : t.ticketsOf(requester)) {
                out.add(TicketViews.forReader(ticket, relations(t, p, ticket)));
            }
            return out;
        });
    }

    /** What the principal is to a ticket: requester, alerted or accepted helper, staff of its académie… */
    static Access.Relations relations(Tx t, Principal p, TicketNum ticket) {
        return relations(p, t.establishment(ticket.establishment()).map(Establishment::academie).orElse(null), ticket);
    }

    /** As {@link #relations(Tx, Principal, TicketNum)}, the ticket's académie known. */
    static Access.Relations relations(Principal p, Academie academie, TicketNum ticket) {
        MemberId me = p.memberId();
        return Access.relations(p, academie)
                .add(Relation.REQUESTER, ticket.requester().equals(me))
                .add(Relation.ALERTED, me != null && ticket.wasAlerted(me))
                .add(Relation.ACCEPTED_HELPER, me != null && me.equals(ticket.acceptedHelper()));
    }

    /** Most messages one conversation holds. */
    static final int MAX_MESSAGES = 1_000;

    // --- helpers

    /** Reads, changes and stores a ticket in one transaction, retrying on concurrent changes; then notifies. */
    private TicketNum change(TicketId id, Engine.Step<TicketNum> step) {
        Objects.requireNonNull(id, "ticket");
        return engine.change(new Engine.Versioned<>(t -> t.ticket(id), TicketNum::version, TicketNum::nextVersion, Tx::updateTicket,
                () -> new NotFoundException("ticket", id)), step);
    }

    /** Tells the requester, the accepted helper and pending offerers (except {@code actor}) the ticket closed. */
    private static void tellOthers(Tx t, TicketNum ticket, MemberId actor, TicketStatus status,
                                   List<Notification> out) {
        Set<MemberId> told = new TreeSet<>();
        told.add(ticket.requester());
        if (ticket.acceptedHelper() != null) {
            told.add(ticket.acceptedHelper());
        }
        for (Offer o : ticket.offers()) {
            if (o.status() == OfferStatus.PENDING) {
                told.add(o.helper());
            }
        }
        if (actor != null) {
            told.remove(actor);
        }
        for (MemberId id : told) {
            t.member(id).ifPresent(m -> out.add(new Notification.TicketClosed(
                    "closed:" + ticket.id() + ":" + status + ":" + id, id, m.email(), ticket.id(), status)));
        }
    }

    // --- the lists people read (issue 16): in TicketQueries

    @Override
    public fr.sharenum.Page<TicketNum> openedBy(Actor actor, MemberId requester, fr.sharenum.PageRequest page) {
        return queries.of(actor, requester, page, false);
    }

    @Override
    public fr.sharenum.Page<TicketNum> offeredBy(Actor actor, MemberId helper, fr.sharenum.PageRequest page) {
        return queries.of(actor, helper, page, true);
    }

    @Override
    public fr.sharenum.Page<fr.sharenum.BoardEntry> board(Actor actor, Set<ToolId> tools, double radiusKm,
                                                          fr.sharenum.PageRequest page) {
        return queries.board(actor, tools, radiusKm, page);
    }
}
