package fr.sharenum.http.internal;

import fr.sharenum.model.Academie;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.OnlineAccess;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Report;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.model.Venue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The request and response bodies the API adds to the library's own values: each is a record whose
 * components are the JSON properties (the OpenAPI schemas are generated from them). Required properties
 * are marked {@link Required}; the others may be left out.
 */
public final class Bodies {

    private Bodies() {
    }

    /** Marks a property the client must send. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target({java.lang.annotation.ElementType.RECORD_COMPONENT, java.lang.annotation.ElementType.PARAMETER,
            java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.METHOD})
    public @interface Required {
    }

    /** @param email the demo account's address */
    public record SignIn(@Required String email) {
    }

    /** @param token the bearer token; @param member who signed in */
    public record Session(@Required String token, @Required Member member) {
    }

    /** @param email address; @param displayName name */
    public record DemoAccount(@Required String email, @Required String displayName) {
    }

    /**
     * A profile edit: only the properties given change.
     *
     * @param displayName    the name shown
     * @param disciplines    subjects taught
     * @param followedTools  tools to hear about
     * @param followedThemes themes to hear about
     */
    public record ProfileEdit(String displayName, Set<String> disciplines, Set<ToolId> followedTools, Set<Theme> followedThemes) {
    }

    /** @param level the level on the tool; @param usages what the member does with it */
    public record SkillLevel(@Required CompetenceLevel level, Set<String> usages) {
    }

    /**
     * A self-registration.
     *
     * @param displayName    name
     * @param email          professional address
     * @param establishment  UAI
     * @param role           function
     * @param skills         levels
     * @param followedTools  tools followed
     * @param followedThemes themes followed
     */
    public record SignUp(@Required String displayName, @Required String email, @Required Uai establishment,
                               @Required Role role, List<Skill> skills, Set<ToolId> followedTools, Set<Theme> followedThemes) {
    }

    /** @param token the token from the verification mail */
    public record Verification(@Required String token) {
    }

    /**
     * A ticket to open.
     *
     * @param tools             the tools, at least one
     * @param kind              accompaniment by default
     * @param text              what is asked
     * @param radiusKm          the radius, the host's default when left out
     * @param declinedTrainings ids of the trainings shown and declined
     * @param themes            themes of the request
     * @param addressedTo       a colleague to ask directly (from their offer of help): only they are alerted
     */
    public record TicketOpening(@Required Set<ToolId> tools, TicketKind kind, @Required String text, Double radiusKm,
                                List<String> declinedTrainings, Set<Theme> themes, MemberId addressedTo) {
    }

    /**
     * An offer of help published up front.
     *
     * @param tools        tools (at the host's minimum helper level)
     * @param themes       themes; tools and themes are not both empty
     * @param text         what is proposed
     * @param radiusKm     how far in person, 0 (the default) when only online
     * @param online       whether online too
     * @param availability when available
     */
    public record HelpOfferBody(Set<ToolId> tools, Set<Theme> themes, @Required String text, Double radiusKm, Boolean online,
                                String availability) {
    }

    /** @param welcome whether announcements of events nearby are welcome */
    public record AnnouncementsBody(@Required Boolean welcome) {
    }

    /** @param listed whether the member is listed in the directory of ex-pairs */
    public record ListingBody(@Required Boolean listed) {
    }

    /** @param reason why the event is cancelled, told to everyone (required from académie staff and the host) */
    public record CancellationBody(String reason) {
    }

    /** @param attended whether the member came */
    public record AttendedBody(@Required Boolean attended) {
    }

    /** @param code the check-in code shown in the room */
    public record CheckInCode(@Required String code) {
    }

    /** @param message what the helper proposes */
    public record OfferBody(@Required String message) {
    }

    /** @param helper whose offer is accepted */
    public record Acceptance(@Required MemberId helper) {
    }

    /** @param text the message */
    public record MessageBody(@Required String text) {
    }

    /**
     * A common-slot search.
     *
     * @param members    who meets (the actor among them)
     * @param duration   how long (ISO-8601, e.g. PT2H)
     * @param from       earliest start
     * @param to         latest end
     * @param bus        a BusNum that must be free too
     * @param busVenue   where the bus would go (UAI of an establishment)
     * @param maxResults at most this many slots
     */
    public record SlotSearch(@Required List<MemberId> members, @Required Duration duration, @Required Instant from,
                             @Required Instant to, BusId bus, Uai busVenue, Integer maxResults) {
    }

    /**
     * An event to create: at an establishment ({@code establishment}) or a given venue ({@code venue}).
     *
     * @param ticket            the ticket it answers, for a ticket's workshop
     * @param kind              workshop or meeting
     * @param title             title
     * @param description       what participants will do
     * @param tools             tools
     * @param themes            themes
     * @param start             start
     * @param duration          duration (ISO-8601)
     * @param capacity          seats
     * @param establishment     where, as an establishment's UAI
     * @param venue             where, as a venue
     * @param bus               the BusNum to book
     * @param coOrganisers      members invited to co-organise
     * @param broadcastRadiusKm how far to announce it
     * @param online            the virtual class (an https link) and the territory it is announced to: alone, the event
     *                          is online; with a venue, hybrid
     */
    public record EventCreation(TicketId ticket, EventKind kind, @Required String title, String description, Set<ToolId> tools,
                                Set<Theme> themes, @Required Instant start, @Required Duration duration, @Required Integer capacity,
                                Uai establishment, Venue venue, BusId bus, List<MemberId> coOrganisers, Double broadcastRadiusKm,
                                OnlineAccess online) {
    }

    /** @param start new start; @param duration new duration */
    public record Reschedule(@Required Instant start, @Required Duration duration) {
    }

    /** @param usefulness 1 to 5; @param comment for the organisers */
    public record FeedbackBody(@Required Integer usefulness, String comment) {
    }

    /** @param subject what is reported; @param reason why; @param comment details */
    public record ReportBody(@Required Report.Subject subject, @Required Report.Reason reason, String comment) {
    }

    /** @param member who; @param privilege what; @param academie where; @param reason why */
    public record GrantBody(@Required MemberId member, @Required Privilege privilege, Academie academie, @Required String reason) {
    }

    /** @param reason why */
    public record ReasonBody(@Required String reason) {
    }

    /** @param title the campaign's title */
    public record CampaignStart(@Required String title) {
    }

    /** @param tools tools concerned; @param themes themes concerned */
    public record Concern(Set<ToolId> tools, Set<Theme> themes) {
    }

    /** @param tool the tool tried */
    public record ExperimentBody(@Required ToolId tool) {
    }

    /** @param member the member */
    public record MemberRef(@Required MemberId member) {
    }

    /** @param event the event */
    public record EventRef(@Required EventId event) {
    }

    /** @param present the registrants who came */
    public record AttendanceBody(@Required java.util.Set<MemberId> present) {
    }

    /** @param given whether the member consents to research */
    public record ConsentBody(@Required Boolean given) {
    }

    /** @param until end of the pause, or null to resume */
    public record Pause(Instant until) {
    }

    /** @param digest how alerts are gathered */
    public record DigestBody(@Required AlertPreferences.Digest digest) {
    }

    /** @param muted whether alerts about the tool are muted */
    public record MuteBody(@Required Boolean muted) {
    }

    /** @param count how many */
    public record Count(@Required Integer count) {
    }

    /**
     * An académie.
     *
     * @param name  its name in the API ({@code DIJON})
     * @param code  its code, for the indicators ({@code 07})
     * @param label its name for people ({@code Dijon})
     */
    public record AcademieRef(@Required String name, @Required String code, @Required String label) {
    }

    /** @param status "ok" */
    public record Health(@Required String status) {
    }

    /**
     * One page of a list, in a stable order.
     *
     * @param items the page's items
     * @param next  the cursor of the next page ({@code ?cursor=…}), absent on the last page
     * @param <T>   the item type
     */
    public record Page<T>(@Required List<T> items, String next) {
    }

    /**
     * An RFC 9457 problem.
     *
     * @param type     a URI naming the problem type (one per code)
     * @param title    the status's title, in the reader's language
     * @param status   the HTTP status
     * @param detail   what happened, in the reader's language (French by default)
     * @param instance the request path
     * @param code     the stable code programs switch on
     * @param field    the refused input, when one is
     * @param reason   the library's own words when the detail is a generic translation
     */
    public record Problem(@Required String type, @Required String title, @Required Integer status, @Required String detail,
                          String instance, @Required String code, String field, String reason) {
    }
}
