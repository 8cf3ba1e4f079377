package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Availability;
import fr.sharenum.model.MemberId;

import java.util.List;

/**
 * The shared agenda: members publish when they can meet, and ShareNum finds common slots. Obtained
 * from {@link ShareNum#agenda()}; thread-safe.
 *
 * <p>Availability is wall-clock time at the member's establishment (its académie's time zone:
 * Europe/Paris for the mainland, Indian/Reunion, America/Cayenne…), so slots are right on both sides
 * of a daylight-saving change and between members in different zones. A member's free time excludes
 * the host's {@link fr.sharenum.spi.ClosedDays closed days} at their establishment and the events they
 * organise or hold a seat in.
 *
 * <pre>{@code
 * sharenum.agenda().publish(claire.id(), claire.id(), Availability.builder()
 *         .weekly(DayOfWeek.WEDNESDAY, TimeRange.of("13:30", "17:30")).build());
 * List<CommonSlot> slots = sharenum.agenda().findCommonSlots(claire.id(),
 *         SlotQuery.of(Duration.ofHours(2), now, now.plus(Duration.ofDays(30))).members(claire.id(), paul.id()).build());
 * }</pre>
 */
public interface Agenda {

    /**
     * Replaces the member's availability.
     *
     * @param actor        the member
     * @param member       the member
     * @param availability when they can meet
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    void publish(Actor actor, MemberId member, Availability availability);

    /**
     * The member's availability, {@link Availability#NONE} when they published nothing.
     *
     * @param actor  the member, or the host
     * @param member the member
     * @return the availability
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Availability availability(Actor actor, MemberId member);

    /**
     * The earliest common slots, earliest first, at most {@code query.maxResults()}: one per stretch of
     * common free time long enough for the meeting. An empty list is a normal answer (nobody is free
     * at the same time). Nobody's availability is disclosed: only the common slots.
     *
     * @param actor one of the query's members, or the host
     * @param query the members, duration, period and optional bus
     * @return the slots
     * @throws fr.sharenum.model.NotFoundException when a member or the bus does not exist
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<CommonSlot> findCommonSlots(Actor actor, SlotQuery query);
}
