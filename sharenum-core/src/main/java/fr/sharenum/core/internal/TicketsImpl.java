package fr.sharenum.core.internal;

import fr.sharenum.core.internal.metrics.Metrics;
import fr.sharenum.core.internal.metrics.Meters;
import fr.sharenum.AlertReport;
import fr.sharenum.AlertReport.Delay;
import fr.sharenum.AlertReport.NotAlerted;
import fr.sharenum.BoardEntry;
import fr.sharenum.Page;
import fr.sharenum.PageRequest;
import fr.sharenum.TicketRequest;
import fr.sharenum.Tickets;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.core.internal.alerts.AlertSelection;
import fr.sharenum.core.internal.alerts.AlertTiming;
import fr.sharenum.core.internal.alerts.Candidate;
import fr.sharenum.core.internal.alerts.Pool;
import fr.sharenum.core.internal.alerts.QualifiedHelpers;
import fr.sharenum.core.internal.alerts.StillQualified;
import fr.sharenum.core.internal.rules.DailyTicketLimit;
import fr.sharenum.core.internal.rules.NonEmptyText;
import fr.sharenum.core.internal.rules.RadiusWithinBounds;
import fr.sharenum.core.internal.rules.TrainingsFirst;
import fr.sharenum.core.internal.store.AlertReports;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Alert;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.AlertPreferences.Digest;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Guide;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.LimitExceededException;
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
import fr.sharenum.model.Uai;
import fr.sharenum.spi.AlertRecord;
import fr.sharenum.spi.AlertStore.AlertStats;
import fr.sharenum.spi.GuideCatalog;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.TrainingCatalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The TicketNum workflows. Opening a ticket reads as its steps: the guards, in the order a caller meets their
 * refusals ({@code TicketOpenRefusalOrderTest}); the selection of the helpers to alert
 * ({@link QualifiedHelpers}, then the rules of {@link AlertSelection}); one transaction writing the ticket, its
 * alerts and their report, and the notifications, timed by {@link AlertTiming}.
 */
final class TicketsImpl implements Tickets {

    private static final Duration WEEK = Duration.ofDays(7);

    private final Transactions transactions;
    private final Dispatcher dispatcher;
    private final MatchingEngine matchingEngine;
    private final TrainingCatalog trainingCatalog;
    private final GuideCatalog guideCatalog;
    private final Settings settings;
    private final Clock clock;
    private final RadiusWithinBounds radiusBounds;
    private final DailyTicketLimit dailyLimit;
    private final AlertTiming timing;
    private final TicketQueries queries;
    private final HelpOffersImpl helpOffers;
    private final Metrics metrics;

    /**
     * @param transactions    the unit of work
     * @param dispatcher      the outbox
     * @param matchingEngine  who masters what where
     * @param trainingCatalog the trainings shown first
     * @param guideCatalog    the guides sent with alerts
     * @param settings        the host's settings
     * @param queries         the lists people read, and who relates how to a ticket
     * @param helpOffers      offers of help up front, for tickets addressed to their author
     * @param metrics         where the qualified members left out are counted, by reason
     */
    TicketsImpl(Transactions transactions, Dispatcher dispatcher, MatchingEngine matchingEngine,
                TrainingCatalog trainingCatalog, GuideCatalog guideCatalog, Settings settings, TicketQueries queries,
                HelpOffersImpl helpOffers, Metrics metrics) {
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.matchingEngine = matchingEngine;
        this.trainingCatalog = trainingCatalog;
        this.guideCatalog = guideCatalog;
        this.settings = settings;
        this.clock = settings.clock();
        this.radiusBounds = new RadiusWithinBounds(settings.radius());
        this.dailyLimit = new DailyTicketLimit(settings.alertLimits().ticketsPerDay());
        this.timing = new AlertTiming(settings.quietHours());
        this.queries = queries;
        this.helpOffers = helpOffers;
        this.metrics = metrics;
    }

    @Override
    public TicketNum open(Actor actor, TicketRequest request) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(request, "request");
        transactions.freshen();
        Instant now = clock.instant();
        // the guards, in the order a caller meets their refusals
        double radius = radiusBounds.radiusOf(request.radiusKm());
        request.tools().forEach(settings.tools()::get);
        Establishment origin = requesterMayOpen(actor, now);
        List<Training> trainings = trainingsFirst(origin, request, now);
        NonEmptyText.check("text", request.text());
        // who is alerted, then the ticket written with its alerts
        Selection selection = request.addressedTo() != null
                ? addressed(helpOffers.addressed((MemberId) actor, origin, request))
                : selectHelpers((MemberId) actor, origin, request.tools(), radius, now);
        return write((MemberId) actor, origin, request, radius, trainings, selection, now);
    }

    /**
     * The requester's establishment, once the actor may open a ticket: an active member (the access matrix, then
     * their status), with a ticket left today ({@link DailyTicketLimit}).
     */
    private Establishment requesterMayOpen(Actor actor, Instant now) {
        return transactions.tx(t -> {
            Access.require(Operation.TICKETS_OPEN, Access.relations(Access.principal(t, actor), null));
            Member requester = Engine.activeMember(t, (MemberId) actor);
            dailyLimit.check(t, requester.id(), now);
            return t.establishment(requester.establishment())
                    .orElseThrow(() -> new NotFoundException("establishment", requester.establishment()));
        });
    }

    /** The trainings of the requester's académie on the ticket's tools, once every one was declined ({@link TrainingsFirst}). */
    private List<Training> trainingsFirst(Establishment origin, TicketRequest request, Instant now) {
        List<Training> found = trainingCatalog.find(origin.academie(), request.tools(), now, now.plus(settings.trainingHorizon()));
        TrainingsFirst.check(found, request.declinedTrainings());
        return found;
    }

    /**
     * What the selection decided.
     *
     * @param qualified how many members the matching engine found qualified
     * @param alerts    the alerts chosen, distances rounded, in the order people read them
     * @param excluded  the qualified members examined and left out, and why
     * @param beyond    the qualified members farther than those examined, left out by the ticket's cap
     */
    private record Selection(int qualified, List<Alert> alerts, List<NotAlerted> excluded, int beyond) {
    }

    /**
     * Who to alert: the qualified members within the radius ({@link QualifiedHelpers}), nearest first, through the
     * rules of {@link AlertSelection} — preferences, blocks and cool-down leave members out; the weekly cap, the cap
     * per ticket with its rotation and the top-up to the minimum choose among the others; only as many are examined
     * as the choice needs ({@link AlertSelection#selectNearest}).
     */
    private Selection selectHelpers(MemberId requester, Establishment origin, Set<ToolId> tools, double radius, Instant now) {
        List<Alert> qualified = new QualifiedHelpers(matchingEngine, settings.minimumHelperLevel())
                .find(requester, origin.location(), radius, tools);
        if (qualified.isEmpty()) {
            return new Selection(0, List.of(), List.of(), 0);
        }
        AlertSelection.Outcome outcome = transactions.tx(t -> new AlertSelection(requester,
                t.alertPreferences(requester).orElse(AlertPreferences.NONE), settings.alertLimits(), now)
                .selectNearest(qualified, nearest -> candidates(t, requester, nearest, tools, now)));
        Pool pool = outcome.pool();
        return new Selection(qualified.size(), pool.chosen().stream().map(Candidate::alert).toList(), pool.excluded(),
                outcome.beyond());
    }

    /** A ticket addressed to the author of an offer of help: they alone are alerted, past the selection's rules. */
    private static Selection addressed(List<Alert> author) {
        return new Selection(author.size(), author, List.of(), 0);
    }

    /** The qualified helpers with what the selection weighs: their preferences, the cool-down, their alert counts. */
    private List<Candidate> candidates(Tx t, MemberId requester, List<Alert> qualified, Set<ToolId> tools, Instant now) {
        Duration coolDown = settings.alertLimits().coolDown();
        Map<ToolId, Set<MemberId>> coolingDown = new HashMap<>();
        for (ToolId tool : tools) {
            coolingDown.put(tool, coolDown.isZero() ? Set.of() : t.alertedBy(requester, tool, now.minus(coolDown)));
        }
        List<MemberId> helpers = qualified.stream().map(Alert::helper).toList();
        Map<MemberId, AlertPreferences> preferences = t.alertPreferencesOf(helpers);
        Map<MemberId, AlertStats> stats = t.alertStats(helpers, now.minus(WEEK));
        List<Candidate> out = new ArrayList<>(qualified.size());
        for (Alert a : qualified) {
            AlertStats s = stats.getOrDefault(a.helper(), NO_ALERTS);
            out.add(new Candidate(a, preferences.getOrDefault(a.helper(), AlertPreferences.NONE),
                    coolingDown.get(a.tool()).contains(a.helper()), s.sinceCount(), s.last()));
        }
        return out;
    }

    private static final AlertStats NO_ALERTS = new AlertStats(0, null);

    /**
     * One transaction: takes the requester's daily slot (of two opens racing for the last one, one conflicts, is
     * retried and refused), re-reads the chosen helpers ({@link StillQualified}: the engine may lag a change made on
     * another instance), writes the ticket, its alerts and their report, and queues the alerts; sends those due now
     * once it committed.
     */
    private TicketNum write(MemberId requesterId, Establishment origin, TicketRequest request, double radius,
                            List<Training> trainings, Selection selection, Instant now) {
        TicketId ticketId = TicketId.random();
        List<Guide> guides = guideCatalog.find(request.tools(), Set.of());
        StillQualified stillQualified = new StillQualified(settings.minimumHelperLevel());
        TicketNum[] opened = new TicketNum[1];
        Map<AlertReport.Reason, Integer> excluded = new EnumMap<>(AlertReport.Reason.class);
        List<Notification> out = transactions.retryingConflicts(() -> transactions.tx(t -> {
            excluded.clear();
            Member requester = Engine.activeMember(t, requesterId);
            dailyLimit.take(t, requester.id(), now);
            StillQualified.Outcome fresh = stillQualified.check(selection.alerts(), t::member);
            TicketNum ticket = new TicketNum(ticketId, requesterId, origin.uai(), origin.location(),
                    request.tools(), request.kind(), request.text(), radius, now, now.plus(settings.ticketLifetime()),
                    TicketStatus.OPEN, trainings.stream().map(Training::id).toList(), !trainings.isEmpty(),
                    fresh.kept(), List.of(), null, null, 1, request.themes(), request.addressedTo());
            opened[0] = ticket;
            t.insertTicket(ticket);
            t.recordAlerts(ticket.alerts().stream()
                    .map(a -> new AlertRecord(a.helper(), requester.id(), a.tool(), ticket.id(), now)).toList());
            Map<Delay, Integer> delayed = new EnumMap<>(Delay.class);
            List<Notification> immediate = alertHelpers(t, ticket, requester, guides, now, delayed);
            List<NotAlerted> notAlerted = new ArrayList<>(selection.excluded());
            notAlerted.addAll(fresh.dropped());
            notAlerted.forEach(n -> excluded.merge(n.reason(), 1, Integer::sum));
            if (selection.beyond() > 0) {
                excluded.merge(AlertReport.Reason.TICKET_CAP, selection.beyond(), Integer::sum);
            }
            AlertReports.record(t, new AlertReports.Stored(ticket.id(), selection.qualified(), ticket.alerts().size(),
                    notAlerted, delayed, selection.beyond()));
            return immediate;
        }));
        excluded.forEach((reason, n) -> metrics.count(Meters.ALERTS_EXCLUDED, n, "reason",
                reason.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        dispatcher.deliver(out);
        return opened[0];
    }

    /**
     * Queues one alert per helper: held until their next digest or the end of their quiet hours
     * ({@link AlertTiming}, counted in {@code delayed}), or due now.
     *
     * @return the alerts due now
     */
    private List<Notification> alertHelpers(Tx t, TicketNum ticket, Member requester, List<Guide> guides, Instant now,
                                            Map<Delay, Integer> delayed) {
        Map<MemberId, AlertPreferences> preferences = t.alertPreferencesOf(ticket.alerts().stream().map(Alert::helper).toList());
        Map<ToolId, String> toolNames = toolNames(ticket.tools());
        Map<Uai, ZoneId> zones = new HashMap<>();
        List<Notification> immediate = new ArrayList<>();
        for (Alert a : ticket.alerts()) {
            Optional<Member> helper = t.member(a.helper()).filter(Member::isActive);
            if (helper.isEmpty()) {
                continue;
            }
            Notification note = new Notification.TicketAlert("alert:" + ticket.id() + ":" + a.helper(), a.helper(),
                    helper.get().email(), ticket.id(), requester.displayName(), ticket.tools(), ticket.kind(),
                    ticket.text(), Math.round(a.distanceKm()), guides, toolNames,
                    helper.get().establishment().equals(ticket.establishment()));
            ZoneId zone = zones.computeIfAbsent(helper.get().establishment(), uai -> t.establishment(uai)
                    .map(e -> e.academie().zone()).orElse(ZoneOffset.UTC));
            Digest digest = preferences.getOrDefault(a.helper(), AlertPreferences.NONE).digest();
            Optional<AlertTiming.Held> held = timing.hold(digest, zone, now);
            if (held.isPresent()) {
                dispatcher.enqueueAt(t, note, held.get().until());
                delayed.merge(held.get().why(), 1, Integer::sum);
            } else {
                immediate.add(note);
            }
        }
        dispatcher.enqueue(t, immediate);
        return immediate;
    }

    /** The counter of tickets {@code requester} opened over the last 24 hours. */
    static String dailyKey(MemberId requester) {
        return DailyTicketLimit.key(requester);
    }

    /** The names people read for {@code tools}, from the host's catalogue (tools it lacks are left out). */
    private Map<ToolId, String> toolNames(Set<ToolId> tools) {
        Map<ToolId, String> names = new HashMap<>();
        tools.forEach(id -> settings.tools().find(id).ifPresent(tool -> names.put(id, tool.name())));
        return names;
    }

    @Override
    public Optional<AlertReport> alertReport(Actor actor, TicketId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "ticket");
        return transactions.tx(t -> {
            TicketNum ticket = t.ticket(id).orElseThrow(() -> new NotFoundException("ticket", id));
            Access.Relations r = relations(t, Access.principal(t, actor), ticket);
            Access.require(Operation.TICKETS_ALERT_REPORT, r);
            Set<Relation> have = r.set();
            boolean perMember = have.contains(Relation.STAFF) || have.contains(Relation.HOST);
            return AlertReports.of(t, id).map(stored -> AlertReports.view(stored, perMember));
        });
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
            TicketNum updated = ticket.withOffer(new Offer(helperId, message, clock.instant(), OfferStatus.PENDING));
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
            TicketNum updated = ticket.withAccepted(helperId, clock.instant());
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
        Message message = transactions.retryingConflicts(() -> transactions.tx(t -> {
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
            Message m = new Message(id, seq, senderId, text, clock.instant());
            t.appendMessage(m);
            t.member(otherId).ifPresent(other -> out.add(new Notification.MessagePosted(
                    "message:" + id + ":" + m.seq(), other.id(), other.email(), id, senderId, sender.displayName(), m.text())));
            dispatcher.enqueue(t, out);
            return m;
        }));
        dispatcher.deliver(out);
        return message;
    }

    @Override
    public List<Message> conversation(Actor actor, TicketId id) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "ticket");
        return transactions.tx(t -> {
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
            TicketNum updated = ticket.moveTo(status, clock.instant());
            tellOthers(t, ticket, actor instanceof MemberId m ? m : null, status, out);
            return updated;
        });
    }

    @Override
    public int expireDue(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        transactions.tx(t -> {
            Access.require(Operation.TICKETS_EXPIRE, Access.relations(Access.principal(t, actor), null));
            return null;
        });
        Instant now = clock.instant();
        int expired = 0;
        while (true) {
            List<TicketNum> due = transactions.tx(t -> t.ticketsExpiringBy(now, 200));
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
        return transactions.tx(t -> {
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
        return transactions.tx(t -> {
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
        return transactions.change(new Engine.Versioned<>(t -> t.ticket(id), TicketNum::version, TicketNum::nextVersion, Tx::updateTicket,
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
    public Page<TicketNum> openedBy(Actor actor, MemberId requester, PageRequest page) {
        return queries.of(actor, requester, page, false);
    }

    @Override
    public Page<TicketNum> offeredBy(Actor actor, MemberId helper, PageRequest page) {
        return queries.of(actor, helper, page, true);
    }

    @Override
    public Page<BoardEntry> board(Actor actor, Set<ToolId> tools, double radiusKm,
                                                          PageRequest page) {
        return queries.board(actor, tools, radiusKm, page);
    }
}
