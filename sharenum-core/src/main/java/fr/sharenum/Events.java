package fr.sharenum;

import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.MemberId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Events (ateliers, rencontres): create, confirm and broadcast, register, hold or cancel. Obtained from
 * {@link ShareNum#events()}; thread-safe. Each method checks who acts and refuses others with
 * {@link fr.sharenum.model.NotAllowedException}; an illegal step is refused with
 * {@link fr.sharenum.model.IllegalTransitionException}. A refused call changes nothing.
 *
 * <p>Every notification about an event carries an iCalendar invitation with the same UID; a new time
 * or a cancellation raises its SEQUENCE, so agendas update the entry instead of adding one.
 *
 * <pre>{@code
 * Event event = sharenum.events().create(request);              // PLANNED; the ticket becomes SCHEDULED
 * sharenum.events().confirm(event.id(), paul.id());             // nearby followers are told
 * sharenum.events().register(event.id(), lea.id());             // a seat, or the waitlist when full
 * sharenum.events().markHeld(event.id(), paul.id());            // after it ends; the ticket is DONE
 * }</pre>
 */
public interface Events {

    /**
     * Creates a PLANNED event. From a ticket: the creator is its requester or accepted helper, the
     * ticket must be HELPER_ACCEPTED and moves to SCHEDULED, and both participants organise. Directly:
     * the creator must be EXPERIENCED on at least one of the event's tools. A bus is booked in the same
     * step.
     *
     * @throws fr.sharenum.model.InvalidValueException  bad title, time in the past, duration, capacity
     *                                                   above the bus's seats, unknown tool…
     * @throws fr.sharenum.model.BusBookingException     the bus cannot serve the venue at that time
     * @throws fr.sharenum.model.NotAllowedException     the creator may not create it
     * @throws fr.sharenum.model.IllegalTransitionException the ticket is not HELPER_ACCEPTED
     */
    Event create(EventRequest request);

    /**
     * An organiser confirms a PLANNED event: registrations open and every active member within the
     * broadcast radius who follows one of its tools or themes is told once (organisers never).
     */
    Event confirm(EventId event, MemberId organiser);

    /** An organiser moves the event to a new time (bus re-booked); organisers and registrants are told. */
    Event reschedule(EventId event, MemberId organiser, Instant newStart, Duration newDuration);

    /**
     * An organiser cancels: the bus is freed, the ticket returns to HELPER_ACCEPTED, and everyone
     * registered or waiting, and the other organisers, are told.
     */
    Event cancel(EventId event, MemberId organiser);

    /** An organiser records that a CONFIRMED event took place (once it has ended); its ticket is DONE. */
    Event markHeld(EventId event, MemberId organiser);

    /**
     * A member registers to a CONFIRMED event that has not started: a seat if one is left, else the end
     * of the waitlist ({@link Event#waitlistPosition}).
     *
     * @throws fr.sharenum.model.DuplicateException when already registered or waiting
     * @throws fr.sharenum.model.NotAllowedException for an organiser, or a member not active
     */
    Event register(EventId event, MemberId member);

    /**
     * A member gives up their seat or waitlist place; a freed seat goes to the first on the waitlist,
     * who is told.
     *
     * @throws fr.sharenum.model.NotFoundException when the member is neither registered nor waiting
     */
    Event unregister(EventId event, MemberId member);

    Optional<Event> find(EventId id);

    /** @throws fr.sharenum.model.NotFoundException when there is no such event */
    Event get(EventId id);

    /** Events overlapping {@code [from, to)}, in any state, earliest first. */
    List<Event> between(Instant from, Instant to);

    /**
     * A participant who held a seat gives feedback once the event is HELD: usefulness 1–5 and a comment
     * for the organisers.
     *
     * @throws fr.sharenum.model.NotAllowedException      not a participant, or an organiser
     * @throws fr.sharenum.model.IllegalTransitionException the event is not HELD
     * @throws fr.sharenum.model.DuplicateException        feedback already given
     */
    fr.sharenum.model.Feedback giveFeedback(EventId event, MemberId participant, int usefulness, String comment);

    /** The feedback on an event, comments included, for its organisers only. */
    List<fr.sharenum.model.Feedback> feedback(EventId event, MemberId organiser);

    /**
     * A helper's rating over the events they organised: shown to the helper themselves always, to other
     * members only when the host chose to ({@code ShareNum.Builder.showHelperRatings}).
     */
    Optional<Rating> helperRating(MemberId viewer, MemberId helper);
}
