package fr.sharenum.core.internal;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Email;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.EventStatusChange;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Invitation;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Venue;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile strings in every text an invitation carries — titles, descriptions, venue labels, organiser and
 * attendee names — either are refused at the boundary ({@link InvalidValueException}) or come back from
 * ical4j's parser exactly as written, in one VEVENT with no property or component more: no text can add an
 * ATTENDEE, a VALARM or a line of its own.
 */
class InvitationPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Invitations INVITATIONS = new Invitations(Email.of("ne-pas-repondre@ent.example.fr"));

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> printable = Arbitraries.of("Atelier", "Capytale", "é", "à l'ENT", "😀", "\"", "'", ";", ":", ",",
                "\\", "\\n", "^", "BEGIN:VALARM", "END:VEVENT", "ATTENDEE:mailto:x@y.fr", "CN=evil", "x".repeat(80), " ");
        Arbitrary<String> controls = Arbitraries.of("\n", "\r", "\r\n", "\t", "\u0000", "\u202E", "\u2028", "\u001B");
        Arbitrary<String> pieces = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(19, printable), net.jqwik.api.Tuple.of(1, controls));
        return pieces.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
    }

    @net.jqwik.api.Property(tries = 1000)
    void every_text_round_trips_or_is_refused(@ForAll("hostile") String title, @ForAll("hostile") String description,
                                              @ForAll("hostile") String place, @ForAll("hostile") String organisers,
                                              @ForAll("hostile") String attendee) throws Exception {
        // a fair share of cases must pass the boundary, or the property would hold vacuously
        Statistics.label("outcome").coverage(c -> c.check("written").percentage(p -> p >= 10.0));
        Event event;
        try {
            Venue venue = Venue.address(place, GeoPoint.of(47.32, 5.04), Academie.DIJON, "021");
            event = new Event(EventId.of("e1"), EventKind.WORKSHOP, title, description, Set.of(ToolId.of("capytale")), Set.of(),
                    NOW.plus(Duration.ofDays(2)), Duration.ofHours(2), 10, List.of(MemberId.of("m1")), venue, null, null, 30,
                    EventStatus.CONFIRMED, List.of(), List.of(), 0, List.of(new EventStatusChange(EventStatus.PLANNED, NOW)), 1);
            // names reach invitations through members: the same hygiene applies
            new fr.sharenum.model.Member(MemberId.of("m1"), organisers, Email.of("o@ac-dijon.fr"), fr.sharenum.model.Uai.of("0210015C"),
                    fr.sharenum.model.Role.TEACHER_SECONDARY, Set.of(), java.util.Map.of(), Set.of(), Set.of(),
                    fr.sharenum.model.MemberStatus.ACTIVE, NOW, 1);
            new fr.sharenum.model.Member(MemberId.of("m2"), attendee, Email.of("a@ac-dijon.fr"), fr.sharenum.model.Uai.of("0210015C"),
                    fr.sharenum.model.Role.TEACHER_SECONDARY, Set.of(), java.util.Map.of(), Set.of(), Set.of(),
                    fr.sharenum.model.MemberStatus.ACTIVE, NOW, 1);
        } catch (InvalidValueException refused) {
            Statistics.label("outcome").collect("refused at the boundary");
            return;
        }
        Statistics.label("outcome").collect("written");
        Invitation inv = INVITATIONS.of(event, Invitations.REQUEST, Email.of("a@ac-dijon.fr"), event.organisers().isEmpty() ? null
                : attendee.strip(), organisers.strip(), NOW);
        Calendar c = new CalendarBuilder().build(new StringReader(inv.ics()));
        List<CalendarComponent> components = c.getComponents();
        assertThat(components).hasSize(1);
        VEvent v = (VEvent) components.get(0);
        assertThat(v.getComponents()).as("no alarm or other sub-component").isEmpty();
        assertThat(v.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo(Invitations.text(event.title()));
        assertThat(v.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo(Invitations.text(event.venue().label()));
        if (event.description().isEmpty()) {
            assertThat(v.getProperty("DESCRIPTION")).isEmpty();
        } else {
            assertThat(v.getProperty("DESCRIPTION").orElseThrow().getValue()).isEqualTo(Invitations.text(event.description()));
        }
        assertThat(v.getProperties("ATTENDEE")).hasSize(1);
        assertThat(v.getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:a@ac-dijon.fr");
        assertThat(v.getProperty("ATTENDEE").orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo(Invitations.cn(attendee.strip()));
        assertThat(v.getProperty("ORGANIZER").orElseThrow().getParameter("CN").orElseThrow().getValue())
                .isEqualTo(Invitations.cn(organisers.strip()));
        List<String> expected = new java.util.ArrayList<>(List.of("ATTENDEE", "CATEGORIES", "DTEND", "DTSTAMP", "DTSTART", "GEO",
                "LOCATION", "ORGANIZER", "SEQUENCE", "STATUS", "SUMMARY", "UID"));
        if (!event.description().isEmpty()) {
            expected.add("DESCRIPTION");
        }
        assertThat(v.getProperties().stream().map(net.fortuna.ical4j.model.Property::getName).toList())
                .as("one of each property, none added by a text").containsExactlyInAnyOrderElementsOf(expected);
    }

    @org.junit.jupiter.api.Test
    void an_event_west_of_greenwich_or_overseas_keeps_its_position_and_logs_no_warning() throws Exception {
        // the tests' SLF4J simple logger writes to a file (sharenum-core's pom): what is appended while writing
        String logFile = System.getProperty("org.slf4j.simpleLogger.logFile");
        org.junit.jupiter.api.Assumptions.assumeTrue(logFile != null && !logFile.startsWith("System."), "logs go to a file");
        java.nio.file.Path log = java.nio.file.Path.of(logFile);
        long before = java.nio.file.Files.exists(log) ? java.nio.file.Files.size(log) : 0;
        List<Invitation> written = new java.util.ArrayList<>();
        {
            for (GeoPoint at : List.of(GeoPoint.of(48.3904, -4.4861), GeoPoint.of(14.6161, -61.0588), GeoPoint.of(-21.1151, 55.5364))) {
                Venue venue = Venue.address("Atelier Canopé", at, Academie.DIJON, "021");
                Event event = new Event(EventId.of("e1"), EventKind.WORKSHOP, "Atelier", "Capytale en classe",
                        Set.of(ToolId.of("capytale")), Set.of(), NOW.plus(Duration.ofDays(2)), Duration.ofHours(2), 10,
                        List.of(MemberId.of("m1")), venue, null, null, 30, EventStatus.CONFIRMED, List.of(), List.of(), 0,
                        List.of(new EventStatusChange(EventStatus.PLANNED, NOW)), 1);
                written.add(INVITATIONS.of(event, Invitations.REQUEST, Email.of("a@ac-dijon.fr"), "Alice", "Olivier", NOW));
            }
        }
        byte[] all = java.nio.file.Files.exists(log) ? java.nio.file.Files.readAllBytes(log) : new byte[0];
        String appended = new String(all, (int) Math.min(before, all.length), (int) Math.max(0, all.length - before),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(appended).doesNotContain("CalendarOutputter");
        assertThat(written.get(0).ics()).contains("GEO:48.3904;-4.4861");
        assertThat(written.get(1).ics()).contains("GEO:14.6161;-61.0588");
        assertThat(written.get(2).ics()).contains("GEO:-21.1151;55.5364");
        for (Invitation inv : written) {
            assertThat(new CalendarBuilder().build(new StringReader(inv.ics())).getComponents()).hasSize(1);
        }
    }
}
