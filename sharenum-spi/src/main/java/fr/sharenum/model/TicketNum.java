package fr.sharenum.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A TicketNum: a member's request for help with one or more tools, within a radius of their
 * establishment. Immutable; the lifecycle is in {@link TicketStatus}. Every transition method
 * refuses an illegal move with {@link IllegalTransitionException} and returns a copy otherwise
 * (same {@link #version()}; the store bumps it).
 *
 * @param id                 identifier
 * @param requester          who asks
 * @param establishment      requester's establishment when the ticket was opened
 * @param origin             its location: the centre of the radius
 * @param tools              tools concerned, at least one
 * @param kind               accompaniment, experience exchange or knowledge sharing
 * @param text               what the requester wants, 1–4000 characters
 * @param radiusKm           radius of the search, in km
 * @param openedAt           when it was opened
 * @param expiresAt          when it expires if nobody was accepted
 * @param status             current state
 * @param shownTrainings     ids of the institutional trainings shown before opening
 * @param trainingsDeclined  whether trainings were shown and declined (false when none existed)
 * @param alerts             members alerted, nearest and most experienced first
 * @param offers             offers received, in arrival order
 * @param acceptedHelper     the accepted helper, or {@code null}
 * @param history            states entered, oldest first (starts with OPEN)
 * @param version            optimistic-concurrency version, from 1
 * @param themes             pedagogical themes the request is about, besides its tools (at most 20)
 * @param addressedTo        the colleague the request was addressed to directly (from their offer of help), who alone
 *                           is alerted; {@code null} for a request to every qualified colleague in the radius
 */
public record TicketNum(TicketId id, MemberId requester, Uai establishment, GeoPoint origin, Set<ToolId> tools,
                        TicketKind kind, String text, double radiusKm, Instant openedAt, Instant expiresAt,
                        TicketStatus status, List<String> shownTrainings, boolean trainingsDeclined,
                        List<Alert> alerts, List<Offer> offers, MemberId acceptedHelper,
                        List<StatusChange> history, long version, Set<Theme> themes, MemberId addressedTo) {

    /**
     * A ticket about tools only, addressed to every qualified colleague in the radius (the form before themes).
     *
     * @param id identifier
     * @param requester who asks
     * @param establishment requester's establishment when the ticket was opened
     * @param origin its location: the centre of the radius
     * @param tools tools concerned, at least one
     * @param kind accompaniment, experience exchange or knowledge sharing
     * @param text what the requester wants, 1–4000 characters
     * @param radiusKm radius of the search, in km
     * @param openedAt when it was opened
     * @param expiresAt when it expires if nobody was accepted
     * @param status current state
     * @param shownTrainings ids of the institutional trainings shown before opening
     * @param trainingsDeclined whether trainings were shown and declined (false when none existed)
     * @param alerts members alerted, nearest and most experienced first
     * @param offers offers received, in arrival order
     * @param acceptedHelper the accepted helper, or {@code null}
     * @param history states entered, oldest first (starts with OPEN)
     * @param version optimistic-concurrency version, from 1
     */
    public TicketNum(TicketId id, MemberId requester, Uai establishment, GeoPoint origin, Set<ToolId> tools,
                     TicketKind kind, String text, double radiusKm, Instant openedAt, Instant expiresAt,
                     TicketStatus status, List<String> shownTrainings, boolean trainingsDeclined, List<Alert> alerts,
                     List<Offer> offers, MemberId acceptedHelper, List<StatusChange> history, long version) {
        this(id, requester, establishment, origin, tools, kind, text, radiusKm, openedAt, expiresAt, status, shownTrainings,
                trainingsDeclined, alerts, offers, acceptedHelper, history, version, Set.of(), null);
    }

    /**
     * Checks and normalises the components.
     *
     * @param id identifier
     * @param requester who asks
     * @param establishment requester's establishment when the ticket was opened
     * @param origin its location: the centre of the radius
     * @param tools tools concerned, at least one
     * @param kind accompaniment, experience exchange or knowledge sharing
     * @param text what the requester wants, 1–4000 characters
     * @param radiusKm radius of the search, in km
     * @param openedAt when it was opened
     * @param expiresAt when it expires if nobody was accepted
     * @param status current state
     * @param shownTrainings ids of the institutional trainings shown before opening
     * @param trainingsDeclined whether trainings were shown and declined (false when none existed)
     * @param alerts members alerted, nearest and most experienced first
     * @param offers offers received, in arrival order
     * @param acceptedHelper the accepted helper, or {@code null}
     * @param history states entered, oldest first (starts with OPEN)
     * @param version optimistic-concurrency version, from 1
     * @param themes pedagogical themes the request is about, besides its tools (at most 20)
     * @param addressedTo the colleague the request was addressed to directly, or {@code null}
     */
    public TicketNum {
        InvalidValueException.requireNonNull("id", id);
        InvalidValueException.requireNonNull("requester", requester);
        InvalidValueException.requireNonNull("establishment", establishment);
        InvalidValueException.requireNonNull("origin", origin);
        tools = Texts.copySet("tools", tools, 20);
        if (tools.isEmpty()) {
            throw new InvalidValueException("tools", "a ticket concerns at least one tool");
        }
        InvalidValueException.requireNonNull("kind", kind);
        text = Texts.multiline("text", text, 4000);
        if (!(radiusKm > 0) || Double.isInfinite(radiusKm)) {
            throw new InvalidValueException("radiusKm", "must be a positive number of km, was " + radiusKm);
        }
        InvalidValueException.requireNonNull("openedAt", openedAt);
        InvalidValueException.requireNonNull("expiresAt", expiresAt);
        if (!expiresAt.isAfter(openedAt)) {
            throw new InvalidValueException("expiresAt", "must be after openedAt");
        }
        InvalidValueException.requireNonNull("status", status);
        shownTrainings = shownTrainings == null ? List.of() : List.copyOf(shownTrainings);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        offers = offers == null ? List.of() : List.copyOf(offers);
        history = history == null || history.isEmpty() ? List.of(new StatusChange(TicketStatus.OPEN, openedAt)) : List.copyOf(history);
        if (version < 1) {
            throw new InvalidValueException("version", "must be at least 1");
        }
        themes = themes == null ? Set.of() : Texts.copySet("themes", themes, 20);
        if (addressedTo != null && addressedTo.equals(requester)) {
            throw new InvalidValueException("addressedTo", "a request is addressed to another member than its requester");
        }
    }

    /**
     * The helper the requester accepted, if any.
     *
     * @return the helper, or empty
     */
    public Optional<MemberId> acceptedHelperId() {
        return Optional.ofNullable(acceptedHelper);
    }

    /**
     * Whether {@code member} was alerted for this ticket.
     *
     * @param member the member
     * @return whether they were alerted
     */
    public boolean wasAlerted(MemberId member) {
        return alerts.stream().anyMatch(a -> a.helper().equals(member));
    }

    /**
     * The offer {@code helper} made on this ticket, if any.
     *
     * @param helper the helper
     * @return the offer, or empty
     */
    public Optional<Offer> offerOf(MemberId helper) {
        return offers.stream().filter(o -> o.helper().equals(helper)).findFirst();
    }

    /**
     * When the ticket entered {@code state}, if it did.
     *
     * @param state the state
     * @return when the ticket entered {@code state}, if it did
     */
    public Optional<Instant> enteredAt(TicketStatus state) {
        return history.stream().filter(h -> h.status() == state).map(StatusChange::at).reduce((a, b) -> b);
    }

    /**
     * Whether {@code member} is the requester or the accepted helper.
     *
     * @param member the member
     * @return whether {@code member} is the requester or the accepted helper
     */
    public boolean isParticipant(MemberId member) {
        return requester.equals(member) || member.equals(acceptedHelper);
    }

    /**
     * This ticket moved to {@code target} at {@code at}; refuses an illegal move.
     *
     * @param target the target
     * @param at when
     * @return this ticket moved to {@code target} at {@code at}; refuses an illegal move
     */
    public TicketNum moveTo(TicketStatus target, Instant at) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("ticket " + id, status, target);
        }
        List<StatusChange> h = new ArrayList<>(history);
        h.add(new StatusChange(target, at));
        return new TicketNum(id, requester, establishment, origin, tools, kind, text, radiusKm, openedAt, expiresAt,
                target, shownTrainings, trainingsDeclined, alerts, offers, acceptedHelper, h, version, themes, addressedTo);
    }

    /**
     * This ticket with {@code offer} added (moves OPEN to OFFERS_RECEIVED).
     *
     * @param offer the offer
     * @return this ticket with {@code offer} added (moves OPEN to OFFERS_RECEIVED)
     */
    public TicketNum withOffer(Offer offer) {
        if (!status.acceptsOffers()) {
            throw new IllegalTransitionException("ticket " + id + " (new offer)", status, TicketStatus.OFFERS_RECEIVED);
        }
        TicketNum base = status == TicketStatus.OPEN ? moveTo(TicketStatus.OFFERS_RECEIVED, offer.at()) : this;
        List<Offer> o = new ArrayList<>(offers);
        o.add(offer);
        return new TicketNum(id, requester, establishment, origin, tools, kind, text, radiusKm, openedAt, expiresAt,
                base.status, shownTrainings, trainingsDeclined, alerts, o, acceptedHelper, base.history, version, themes, addressedTo);
    }

    /**
     * This ticket with {@code helper}'s offer accepted and every other pending offer declined.
     *
     * @param helper the helper
     * @param at when
     * @return this ticket with {@code helper}'s offer accepted and every other pending offer declined
     */
    public TicketNum withAccepted(MemberId helper, Instant at) {
        TicketNum moved = moveTo(TicketStatus.HELPER_ACCEPTED, at);
        List<Offer> o = new ArrayList<>();
        for (Offer offer : offers) {
            if (offer.helper().equals(helper)) {
                o.add(offer.withStatus(OfferStatus.ACCEPTED));
            } else if (offer.status() == OfferStatus.PENDING) {
                o.add(offer.withStatus(OfferStatus.DECLINED));
            } else {
                o.add(offer);
            }
        }
        return new TicketNum(id, requester, establishment, origin, tools, kind, text, radiusKm, openedAt, expiresAt,
                moved.status, shownTrainings, trainingsDeclined, alerts, o, helper, moved.history, version, themes, addressedTo);
    }

    /**
     * This ticket at the next version; used when an edit is saved.
     *
     * @return this ticket at the next version; used when an edit is saved
     */
    public TicketNum nextVersion() {
        return new TicketNum(id, requester, establishment, origin, tools, kind, text, radiusKm, openedAt, expiresAt,
                status, shownTrainings, trainingsDeclined, alerts, offers, acceptedHelper, history, version + 1, themes, addressedTo);
    }
}
