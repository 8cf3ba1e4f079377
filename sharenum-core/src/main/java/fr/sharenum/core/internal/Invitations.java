package fr.sharenum.core.internal;

import fr.sharenum.model.Email;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.Invitation;
import fr.sharenum.model.ToolId;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * iCalendar (RFC 5545) invitations for events, written with ical4j. Times are UTC; the UID is the
 * event id at the host's domain, so every invitation about one event updates the same agenda entry;
 * the SEQUENCE is the event's. The ORGANIZER is the host's no-reply address with the organisers'
 * names, so no member's address is disclosed to another.
 */
final class Invitations {
    static final String PUBLISH = "PUBLISH";
    static final String REQUEST = "REQUEST";
    static final String CANCEL = "CANCEL";

    private final Email sender;

    Invitations(Email sender) {
        this.sender = sender;
    }

    /**
     * A text as an iCalendar TEXT value: calendar readers (ical4j 4.1 among them) unescape a backslash before a
     * line feed wrongly, so a backslash is shown as {@code ∖} (U+2216; display only).
     */
    static String text(String value) {
        return value.replace('\\', '\u2216');
    }

    /**
     * A name as an iCalendar CN parameter. Parameter values cannot hold a double quote (RFC 6868 caret-encodes
     * it, and readers — ical4j 4.1 included — decode {@code ^'} after a caret wrongly) and readers disagree on
     * backslashes: so a name is shown with {@code "} as {@code '}, {@code ^} as {@code ˆ} and {@code \} as
     * {@code /} (display only; the member's name is unchanged).
     */
    static String cn(String name) {
        return name.replace('"', '\'').replace('^', '\u02C6').replace('\\', '/');
    }

    String uid(Event event) {
        return event.id().value() + "@" + sender.domain();
    }

    /**
     * The invitation about {@code event} for {@code attendee} (null for an announcement).
     *
     * @param method      PUBLISH, REQUEST or CANCEL
     * @param organisers  the organisers' display names
     * @param now         DTSTAMP
     */
    Invitation of(Event event, String method, Email attendee, String attendeeName, String organisers, Instant now) {
        return of(event, method, attendee, attendeeName, organisers, now, attendee != null);
    }

    /**
     * As {@link #of(Event, String, Email, String, String, Instant)}, saying whether the visio link of an online event
     * is written (for organisers and members holding a seat; an announcement to others says "online" only).
     */
    Invitation of(Event event, String method, Email attendee, String attendeeName, String organisers, Instant now,
                  boolean withLink) {
        VEvent v = new VEvent(event.start(), event.end(), text(event.title()));
        v.replace(new DtStamp(now));
        v.add(new Uid(uid(event)));
        v.add(new Sequence(event.sequence()));
        if (event.venue() != null) {
            v.add(new Location(text(event.venue().label()) + (event.bus() != null ? " (BusNum)" : "")
                    + (event.isOnline() ? " et en ligne" : "")));
            v.add(new Geo(BigDecimal.valueOf(event.venue().location().latitude()),
                    BigDecimal.valueOf(event.venue().location().longitude())));
        } else {
            v.add(new Location(withLink ? text(event.online().link().toString()) : "En ligne (classe virtuelle)"));
        }
        if (event.isOnline() && withLink) {
            v.add(new Url(event.online().link()));
        }
        if (!event.description().isEmpty()) {
            v.add(new Description(text(event.description())));
        }
        String categories = event.tools().stream().map(ToolId::value).sorted().collect(Collectors.joining(","));
        if (!categories.isEmpty()) {
            v.add(new Categories(categories));
        }
        v.add(new Status(CANCEL.equals(method) || event.status() == EventStatus.CANCELLED ? "CANCELLED"
                : event.status() == EventStatus.PLANNED ? "TENTATIVE" : "CONFIRMED"));
        Organizer organizer = new Organizer(URI.create("mailto:" + sender.value()));
        organizer.add(new Cn(cn(organisers)));
        v.add(organizer);
        if (attendee != null) {
            Attendee a = new Attendee(URI.create("mailto:" + attendee.value()));
            a.add(Role.REQ_PARTICIPANT);
            a.add(CANCEL.equals(method) ? PartStat.DECLINED : PartStat.ACCEPTED);
            a.add(Rsvp.FALSE);
            a.add(new Cn(cn(attendeeName)));
            v.add(a);
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//ShareNum//ShareNum//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(method));
        calendar.add(v);
        StringWriter out = new StringWriter();
        try {
            // not ical4j's validating outputter: its GEO rule refuses negative coordinates (west of Greenwich, most of
            // the overseas académies), which RFC 5545 allows, and logged a warning for every such invitation; what we
            // write is checked by InvitationPropertiesTest (parsed back, one VEVENT, every text as written)
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Invitation(uid(event), event.sequence(), method, out.toString());
    }
}
