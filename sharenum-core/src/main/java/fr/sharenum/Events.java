package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Participation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Events (ateliers, rencontres): create, confirm and broadcast, register, hold or cancel. Obtained from
 * {@link ShareNum#events()}; thread-safe. Every method takes the {@link Actor} who acts; the access matrix
 * ({@code docs/security.md}) refuses others with {@link fr.sharenum.model.NotAllowedException} (code
 * {@code access.…}); an illegal step is refused with {@link fr.sharenum.model.IllegalTransitionException}.
 * A refused call changes nothing.
 *
 * <p>Every notification about an event carries an iCalendar invitation with the same UID; a new time
 * or a cancellation raises its SEQUENCE, so agendas update the entry instead of adding one. What readers
 * see: organisers, staff of the event's académie and the host see who registered; other members see the
 * event with the registrations of others counted but not named.
 *
 * <pre>{@code
 * Event event = sharenum.events().create(paul.id(), request);    // PLANNED; the ticket becomes SCHEDULED
 * sharenum.events().confirm(paul.id(), event.id());              // nearby followers are told
 * sharenum.events().register(lea.id(), event.id());              // a seat, or the waitlist when full
 * sharenum.events().markHeld(paul.id(), event.id());             // after it ends; the ticket is DONE
 * }</pre>
 */
public interface Events {

    /**
     * Creates a PLANNED event. From a ticket: the actor is its requester or accepted helper, the ticket must be
     * HELPER_ACCEPTED and moves to SCHEDULED, and both participants organise. Directly: the actor must be
     * EXPERIENCED on at least one of the event's tools. Co-organisers named in the request are invited and
     * join only when they accept. A bus is booked in the same step.
     *
     * @param actor   the creator, an active member
     * @param request the event
     * @return the event
     * @throws fr.sharenum.model.InvalidValueException     bad title, time in the past, duration, capacity above the
     *                                                     bus's seats, unknown tool, too many themes…
     * @throws fr.sharenum.model.BusBookingException        the bus cannot serve the venue at that time
     * @throws fr.sharenum.model.NotAllowedException        the actor may not create it
     * @throws fr.sharenum.model.IllegalTransitionException the ticket is not HELPER_ACCEPTED
     * @throws fr.sharenum.model.NotFoundException when the ticket, the establishment or the bus is unknown
     */
    Event create(Actor actor, EventRequest request);

    /**
     * An invited member accepts to co-organise the event.
     *
     * @param actor the invited member
     * @param event the event
     * @return the event, with the actor as an organiser
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event acceptInvitation(Actor actor, EventId event);

    /**
     * An invited member declines to co-organise the event.
     *
     * @param actor the invited member
     * @param event the event
     * @return the event, without the invitation
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event declineInvitation(Actor actor, EventId event);

    /**
     * Confirms a PLANNED event: registrations open and every active member within the broadcast radius who
     * follows one of its tools or themes is told once (organisers never, blocked members neither).
     *
     * @param actor an organiser
     * @param event the event
     * @return the event, CONFIRMED
     * @throws fr.sharenum.model.IllegalTransitionException not PLANNED, or already started
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event confirm(Actor actor, EventId event);

    /**
     * Moves the event to a new time (bus re-booked); organisers and registrants are told.
     *
     * @param actor       an organiser
     * @param event       the event
     * @param newStart    new start, in the future
     * @param newDuration new duration
     * @return the event
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws InvalidValueException when the new start is not in the future
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event reschedule(Actor actor, EventId event, Instant newStart, Duration newDuration);

    /**
     * Cancels: the bus is freed, the ticket returns to HELPER_ACCEPTED, and everyone registered or waiting,
     * and the other organisers, are told.
     *
     * @param actor an organiser, staff of the event's académie, or the host
     * @param event the event
     * @return the event, CANCELLED
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event cancel(Actor actor, EventId event);

    /**
     * Records that a CONFIRMED event took place (once it has ended); its ticket is DONE, badges are awarded.
     *
     * @param actor an organiser
     * @param event the event
     * @return the event, HELD
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.IllegalTransitionException when the event has not ended yet, or is not CONFIRMED
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event markHeld(Actor actor, EventId event);

    /**
     * Registers the actor to a CONFIRMED event that has not started: a seat if one is left, else the end of
     * the waitlist ({@link Event#waitlistPosition}).
     *
     * @param actor an active member, not an organiser, neither blocking nor blocked by an organiser
     * @param event the event
     * @return the event as the actor sees it
     * @throws fr.sharenum.model.DuplicateException         when already registered or waiting
     * @throws fr.sharenum.model.IllegalTransitionException not CONFIRMED, or already started
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event register(Actor actor, EventId event);

    /**
     * The actor gives up their seat or waitlist place; a freed seat goes to the first on the waitlist, who is told.
     *
     * @param actor a member registered or waiting
     * @param event the event
     * @return the event as the actor sees it
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.IllegalTransitionException when registrations no longer change (the event started, was
     *         held or cancelled)
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event unregister(Actor actor, EventId event);

    /**
     * An event, as the actor may see it (see the class comment).
     *
     * @param actor an active member, or the host
     * @param event the event
     * @return the event, empty when there is none
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Optional<Event> find(Actor actor, EventId event);

    /**
     * As {@link #find}, for an event that must exist.
     *
     * @param actor as for {@link #find}
     * @param event the event
     * @return the event
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event get(Actor actor, EventId event);

    /**
     * Events overlapping {@code [from, to)}, earliest first, as the actor may see them: CONFIRMED and HELD
     * events, and the PLANNED or CANCELLED ones the actor organises (all of them for the host).
     *
     * @param actor an active member, or the host
     * @param from  start of the period
     * @param to    end of the period, after {@code from}, at most 400 days later
     * @return the events
     * @throws InvalidValueException when {@code to} is not after {@code from}, or the period is longer than 400 days
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<Event> between(Actor actor, Instant from, Instant to);

    /**
     * A participant who held a seat gives feedback once the event is HELD: usefulness 1–5 and a comment for
     * the organisers.
     *
     * @param actor      a member who held a seat
     * @param event      the event
     * @param usefulness 1 to 5
     * @param comment    for the organisers, or {@code null}
     * @return the feedback
     * @throws fr.sharenum.model.IllegalTransitionException the event is not HELD
     * @throws fr.sharenum.model.DuplicateException        feedback already given
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Feedback giveFeedback(Actor actor, EventId event, int usefulness, String comment);

    /**
     * The feedback on an event, comments included (erased members' comments redacted).
     *
     * @param actor an organiser, or the host
     * @param event the event
     * @return the feedback, in the order it was given
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<Feedback> feedback(Actor actor, EventId event);

    /**
     * A helper's rating over the events they organised: shown to the helper themselves always, to other
     * members only when the host chose to ({@code ShareNum.Builder.showHelperRatings}).
     *
     * @param actor  an active member, or the host
     * @param helper the helper
     * @return the rating, empty when it is not shown to the actor
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Optional<Rating> helperRating(Actor actor, MemberId helper);

    /**
     * The organisers mark, all at once, who came to an event held (again to correct it: the last marking counts):
     * every registrant in {@code present} as having come, every other as not — the same record as
     * {@link #markAttendance(Actor, EventId, MemberId, boolean)} and {@link #checkIn} keep one member at a time. The
     * indicators count attended and no-shows next to registrations ({@link ImpactReport}, {@link IndicatorReport}).
     *
     * @param actor   an organiser
     * @param event   the event, held
     * @param present the registrants who came
     * @return the registrants marked present
     * @throws fr.sharenum.model.NotAllowedException       anyone else
     * @throws fr.sharenum.model.IllegalTransitionException the event is not held
     * @throws fr.sharenum.model.InvalidValueException      someone marked present was not registered
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     */
    Set<MemberId> markAttendance(Actor actor, EventId event, Set<MemberId> present);

    /**
     * Events matching a search, as the actor may see them, soonest first (then by id), one page at a time: the host
     * sees every event; a member sees CONFIRMED and HELD events (the statuses asked for among those), each as
     * {@link #find} shows it — an online event's link only to its organisers and the members holding a seat.
     * With {@link EventSearch.Builder#aroundMe}, the place is the actor's establishment and online events announced
     * to its académie, its département or the whole country are found too.
     *
     * @param actor  an active member, or the host
     * @param search what to look for
     * @param page   which page
     * @return the page
     * @throws InvalidValueException a period longer than 400 days or inverted, a radius out of the
     *                                                 host's bounds, "around me" for the host, a cursor of another list
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Page<Event> search(Actor actor, EventSearch search, PageRequest page);

    /**
     * "My events": the events a member organises, holds a seat at or waits for (those of {@code as}, every one when
     * empty) starting in {@code [from, to)}, in any status, soonest first.
     *
     * @param actor  the member themself, or the host
     * @param member the member
     * @param as     how they stand to the events (any of), empty for any
     * @param from   earliest start
     * @param to     latest start (exclusive), at most 400 days later
     * @param page   which page
     * @return the page
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws InvalidValueException when the period is inverted or longer than 400 days, or the cursor is not one of
     *         this list
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Page<Event> of(Actor actor, MemberId member, Set<Participation> as, Instant from, Instant to,
                   PageRequest page);

    /**
     * Cancels with a reason everyone is told (organisers, registrants, the waitlist): the bus is freed, the ticket
     * returns to HELPER_ACCEPTED. Staff of the event's académie and the host must give a reason; an organiser may.
     *
     * @param actor  an organiser, staff of the event's académie, or the host
     * @param event  the event
     * @param reason why, 1–1000 characters ({@code null} only for an organiser)
     * @return the event, CANCELLED
     * @throws fr.sharenum.model.InvalidValueException staff or the host gave no reason
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event cancel(Actor actor, EventId event, String reason);

    /**
     * An organiser marks whether a member holding a seat came (from half an hour before the start, while CONFIRMED
     * or once HELD). Members marked count as "attended" in the indicators; the others of a held event whose
     * attendance was taken count as no-shows.
     *
     * @param actor    an organiser
     * @param event    the event
     * @param member   a member holding a seat
     * @param attended whether they came
     * @return the event
     * @throws fr.sharenum.model.NotFoundException          the member holds no seat
     * @throws fr.sharenum.model.IllegalTransitionException too early, or the event is PLANNED or CANCELLED
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event markAttendance(Actor actor, EventId event, MemberId member, boolean attended);

    /**
     * The code organisers show in the room (6 digits) for participants to check in themselves ({@link #checkIn}).
     *
     * @param actor an organiser
     * @param event a CONFIRMED or HELD event
     * @return the code
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.IllegalTransitionException when the event is not confirmed yet
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    String checkInCode(Actor actor, EventId event);

    /**
     * A member holding a seat checks in with the code shown in the room, from half an hour before the start to two
     * hours after the end. Each attempt counts: at most 10 an hour per member and event.
     *
     * @param actor a member holding a seat
     * @param event the event
     * @param code  the code shown
     * @return the event as the actor sees it, with them marked as having come
     * @throws fr.sharenum.model.InvalidValueException      a wrong code
     * @throws fr.sharenum.model.IllegalTransitionException outside the check-in window
     * @throws fr.sharenum.model.LimitExceededException     too many attempts this hour
     * @throws fr.sharenum.model.NotFoundException when there is no such event
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Event checkIn(Actor actor, EventId event, String code);

    /**
     * Sends what is due around events: the reminders of confirmed events (the day before and an hour before, to
     * organisers and members holding a seat, times in each one's zone, with the event's .ics). Every instance also
     * runs it in the background ({@code ShareNum.Builder.reminderPoll}); each reminder goes once, whichever instance
     * sends it and however often this is called.
     *
     * @param actor the host
     * @return how many reminders were queued
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    int sendReminders(Actor actor);
}
