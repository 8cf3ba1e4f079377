package fr.sharenum.tck;

import fr.sharenum.model.Academie;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Venue;
import fr.sharenum.model.EventStatusChange;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventId;
import fr.sharenum.model.Event;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Bus;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders of valid values for contract tests. */
public final class TckData {
    private TckData() {
    }

    /**
     * A valid UAI for département {@code dept} (3 digits) and a 4-digit number.
     *
     * @param dept the dept
     * @param number the number
     * @return a valid UAI for département {@code dept} (3 digits) and a 4-digit number
     */
    public static Uai uai(int dept, int number) {
        String seven = String.format("%03d%04d", dept, number);
        return Uai.of(seven + Uai.checkLetter(seven));
    }

    /**
     * The establishment.
     *
     * @param uai the establishment's UAI
     * @param lat the latitude, in degrees
     * @param lon the longitude, in degrees
     * @return the establishment
     */
    public static Establishment establishment(Uai uai, double lat, double lon) {
        return new Establishment(uai, "Établissement " + uai, EstablishmentType.COLLEGE, Academie.DIJON,
                GeoPoint.of(lat, lon), null);
    }

    /**
     * The member.
     *
     * @param id the identifier
     * @param establishment the establishment
     * @param levels the levels
     * @return the member
     */
    public static Member member(String id, Uai establishment, Map<ToolId, CompetenceLevel> levels) {
        Map<ToolId, Skill> skills = new java.util.HashMap<>();
        levels.forEach((t, l) -> skills.put(t, new Skill(t, l)));
        return new Member(MemberId.of(id), "Membre " + id, Email.of(id.toLowerCase() + "@ac-dijon.fr"), establishment,
                Role.TEACHER_SECONDARY, Set.of(), skills, Set.of(), Set.of(), MemberStatus.ACTIVE,
                Instant.parse("2026-09-01T08:00:00Z"), 1);
    }

    /**
     * The ticket.
     *
     * @param id the identifier
     * @param requester the requester
     * @param establishment the establishment
     * @param openedAt the opened at
     * @param lifetime the lifetime
     * @return the ticket
     */
    public static TicketNum ticket(String id, MemberId requester, Uai establishment, Instant openedAt, Duration lifetime) {
        return new TicketNum(TicketId.of(id), requester, establishment, GeoPoint.of(47.32, 5.04),
                Set.of(ToolId.of("geogebra")), TicketKind.ACCOMPANIMENT, "Aide sur GeoGebra", 30, openedAt,
                openedAt.plus(lifetime), TicketStatus.OPEN, List.of(), false, List.of(), List.of(), null, null, 1);
    }

    /**
     * A planned one-hour workshop on GeoGebra at a Dijon address, organised by {@code organiser}.
     *
     * @param id the identifier
     * @param organiser the organiser
     * @param start the start
     * @param duration the duration
     * @return a planned one-hour workshop on GeoGebra at a Dijon address, organised by {@code organiser}
     */
    public static Event event(String id, MemberId organiser, Instant start, Duration duration) {
        return new Event(EventId.of(id), EventKind.WORKSHOP, "Atelier " + id, "", Set.of(ToolId.of("geogebra")), Set.of(),
                start, duration, 10, List.of(organiser), venue(), null, null, 30, EventStatus.PLANNED, List.of(), List.of(), 0,
                List.of(new EventStatusChange(EventStatus.PLANNED, start.minus(Duration.ofDays(7)))), 1);
    }

    /**
     * A venue in Dijon.
     *
     * @return a venue in Dijon
     */
    public static Venue venue() {
        return Venue.address("Atelier Canopé de Dijon", GeoPoint.of(47.3220, 5.0415), Academie.DIJON, "021");
    }

    /**
     * A bus based in Dijon, 100 km radius, 12 seats.
     *
     * @param id the identifier
     * @return a bus based in Dijon, 100 km radius, 12 seats
     */
    public static Bus bus(String id) {
        return Bus.of(BusId.of(id), "BusNum " + id, GeoPoint.of(47.3220, 5.0415), 100, Set.of("tablettes"), 12);
    }
}
