package fr.sharenum.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Alert;
import fr.sharenum.model.Availability;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.EventStatusChange;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Guide;
import fr.sharenum.model.InvalidUaiException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Invitation;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Offer;
import fr.sharenum.model.OfferStatus;
import fr.sharenum.model.Registration;
import fr.sharenum.model.Skill;
import fr.sharenum.model.StatusChange;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.TimeWindow;
import fr.sharenum.model.Tool;
import fr.sharenum.model.ToolCategory;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.model.Uai;
import fr.sharenum.model.Venue;
import fr.sharenum.model.WeeklySlot;
import fr.sharenum.spi.FollowersQuery;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.MatchCandidate;
import fr.sharenum.spi.Nearby;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.QualifiedQuery;
import fr.sharenum.spi.VerificationRecord;
import fr.sharenum.tck.TckData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShareNumModuleTest {

    private static final JsonMapper MAPPER = ShareNumModule.mapper();
    private static final Instant T = Instant.parse("2026-12-02T13:00:00Z");
    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final Uai CARNOT = Uai.of("0210015C");
    private static final MemberId CLAIRE = MemberId.of("claire");
    private static final Email MAIL = Email.of("claire.martin@ac-dijon.fr");

    static Stream<Object> values() {
        Establishment carnot = new Establishment(CARNOT, "Lycée Carnot", fr.sharenum.model.EstablishmentType.LYCEE,
                Academie.DIJON, GeoPoint.of(47.3226, 5.0466), "21231");
        Member member = TckData.member("M1", CARNOT, Map.of(CAPYTALE, CompetenceLevel.EXPERIENCED));
        TicketNum ticket = TckData.ticket("T1", CLAIRE, CARNOT, T, Duration.ofDays(3))
                .withOffer(new Offer(MemberId.of("H"), "Je peux aider", T.plusSeconds(5), OfferStatus.PENDING));
        Event event = TckData.event("E1", CLAIRE, T, Duration.ofHours(2)).moveTo(EventStatus.CONFIRMED, T)
                .withRegistration(new Registration(MemberId.of("R"), T));
        Bus bus = TckData.bus("busnum-21");
        Availability availability = Availability.builder().weekly(DayOfWeek.WEDNESDAY, TimeRange.of("13:30", "17:30"))
                .unavailable(LocalDate.of(2026, 12, 9)).on(LocalDate.of(2026, 12, 11), TimeRange.of("18:00", "00:00")).build();
        fr.sharenum.model.EstablishmentAnnex annex = new fr.sharenum.model.EstablishmentAnnex("Lycée Carnot - annexe",
                fr.sharenum.model.EstablishmentType.LYCEE_PROFESSIONNEL, GeoPoint.of(47.3201, 5.0401), "21231");
        Establishment withAnnex = carnot.withStatus(fr.sharenum.model.EstablishmentStatus.CLOSING).withAnnexes(List.of(annex));
        Invitation invitation = new Invitation("E1@sharenum.invalid", 2, "CANCEL", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        fr.sharenum.model.OnlineAccess visio = fr.sharenum.model.OnlineAccess.of(URI.create("https://visio.example.fr/salle-1"))
                .forDepartement(Academie.DIJON, "021");
        Event online = event.withOnline(visio).withCheckInCode("123456").withAttendance(MemberId.of("R"), true);
        return Stream.of(visio, online, online.summary(true), fr.sharenum.spi.GeoGrid.box(GeoPoint.of(47.3, 5.0), 30),
                fr.sharenum.spi.EventQuery.starting(T, T.plus(Duration.ofDays(30)), 20).near(GeoPoint.of(47.3, 5.0), 30)
                        .reaching(Academie.DIJON, "021").about(Set.of(CAPYTALE), Set.of(Theme.of("oral")))
                        .in(Set.of(fr.sharenum.model.EventFormat.ONLINE), Set.of(EventStatus.CONFIRMED))
                        .of(CLAIRE, Set.of(fr.sharenum.model.Participation.REGISTERED)).after(T, EventId.of("E1")),
                fr.sharenum.spi.TicketQuery.awaitingNear(GeoPoint.of(47.3, 5.0), 30, Set.of(CAPYTALE), 10)
                        .offeredBy(CLAIRE).after(T, TicketId.of("T1")),
                ticket.withOffer(new Offer(MemberId.of("H2"), "Moi aussi", T.plusSeconds(9), OfferStatus.PENDING)),
                CARNOT, CLAIRE, TicketId.of("T1"), EventId.of("E1"), BusId.of("busnum-21"), CAPYTALE,
                Theme.of("evaluation"), MAIL, GeoPoint.of(-14.29, -178.15), carnot, member,
                new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE, Set.of("initiation à Python")),
                new Tool(CAPYTALE, "Capytale", new ToolCategory("programmation", "Programmation et robotique")),
                ticket, new Alert(MemberId.of("H"), CAPYTALE, CompetenceLevel.EXPERIENCED, 12.5),
                new Message(TicketId.of("T1"), 1, CLAIRE, "Merci !", T), new StatusChange(TicketStatus.OPEN, T),
                new Guide("g1", "Accompagner un pair", Set.of(CAPYTALE), Set.of(Theme.of("accompagnement")),
                        URI.create("https://example.org/guide"), "De l'outil à la pédagogie"),
                new Training("paf-1", "Capytale", TrainingKind.PAF_SESSION, Academie.DIJON, Set.of(CAPYTALE), T,
                        T.plus(Duration.ofHours(3)), "Canopé Dijon", URI.create("https://example.org/paf")),
                new Guide("g2", "L'oral en 2de", Set.of(CAPYTALE), Set.of(Theme.of("oral")), Academie.DIJON,
                        LocalDate.of(2026, 9, 1), null, "Des pistes"),
                new Training("coop-1", "Capytale à l'oral", TrainingKind.TOOL_TESTING, null, Set.of(CAPYTALE),
                        Set.of(Theme.of("oral")), T, T.plus(Duration.ofHours(2)), "en ligne", null),
                fr.sharenum.spi.TrainingQuery.of(Academie.DIJON, T, T.plus(Duration.ofDays(30)), 20)
                        .about(Set.of(CAPYTALE), Set.of(Theme.of("oral"))).after(T, "paf-1").knowing(Set.of(CAPYTALE)),
                fr.sharenum.spi.GuideQuery.all(20).about(Set.of(CAPYTALE), Set.of(Theme.of("oral")))
                        .of(Academie.DIJON, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)).after(LocalDate.of(2026, 9, 1), "g2"),
                event, new EventStatusChange(EventStatus.PLANNED, T), event.summary(), bus,
                new BusBooking(bus.id(), event.id(), TckData.venue(), event.window()), TckData.venue(),
                Venue.of(carnot), new Registration(CLAIRE, T), availability, new WeeklySlot(DayOfWeek.FRIDAY,
                        TimeRange.of("16:00", "18:00")), new TimeWindow(T, T.plusSeconds(3600)), invitation,
                new Match(CLAIRE, CARNOT, CompetenceLevel.EXPERIENCED, 3.25), new Nearby(CLAIRE, CARNOT, 0.0),
                MatchCandidate.of(member, carnot.location()), fr.sharenum.spi.MemberProjection.of(member),
                QualifiedQuery.within(carnot.location(), 30, CAPYTALE, CompetenceLevel.INTERMEDIATE).excluding(Set.of(CLAIRE)),
                new FollowersQuery(carnot.location(), 30, Set.of(CAPYTALE), Set.of(Theme.of("evaluation")), Set.of(CLAIRE)),
                new VerificationRecord(CLAIRE, "ab".repeat(32), T),
                new Offer(MemberId.of("H"), "Je passe jeudi", T, OfferStatus.ACCEPTED), TimeRange.of("09:00", "12:30"),
                new ToolCategory("evaluation", "Évaluation et quiz"),
                OutboxEntry.pending(new Notification.OfferDeclined("d:1", CLAIRE, MAIL, TicketId.of("T1")), T, T)
                        .failed("NotificationFailedException: SMTP down", T.plusSeconds(60), false),
                new fr.sharenum.model.AlertPreferences(Set.of(CAPYTALE), T),
                new fr.sharenum.spi.AlertRecord(CLAIRE, MemberId.of("R"), CAPYTALE, TicketId.of("T1"), T),
                new fr.sharenum.spi.AlertStore.AlertStats(2, T),
                new fr.sharenum.spi.OutboxBacklog(3, 1, T), fr.sharenum.spi.OutboxBacklog.EMPTY,
                new fr.sharenum.model.Report("r1", CLAIRE, new fr.sharenum.model.Report.OfMessage(TicketId.of("T1"), 2),
                        fr.sharenum.model.Report.Reason.HARASSMENT, "insultes", T),
                new fr.sharenum.model.Report("r2", CLAIRE, new fr.sharenum.model.Report.OfEvent(EventId.of("E1")),
                        fr.sharenum.model.Report.Reason.SPAM, "", T),
                new fr.sharenum.model.Report.OfMember(MemberId.of("x")), new fr.sharenum.model.Report.OfMessage(TicketId.of("T"), 1),
                new fr.sharenum.model.Report.OfEvent(EventId.of("E")),
                new fr.sharenum.model.Feedback(EventId.of("E1"), CLAIRE, 4, "utile", T),
                new fr.sharenum.model.PixCertification(612, java.time.LocalDate.of(2026, 6, 12), "P-7K3M9Q2X"),
                member.withPix(new fr.sharenum.model.PixCertification(612, java.time.LocalDate.of(2026, 6, 12), "P-7K3M9Q2X")),
                new fr.sharenum.model.BadgeDefinition("premier-atelier", "Premier atelier", "Un atelier animé", "Animer un atelier"),
                new fr.sharenum.model.BadgeAward("a1", CLAIRE, "premier-atelier", T, EventId.of("E1")),
                new fr.sharenum.model.Campaign(fr.sharenum.model.CampaignId.of("c1"), CARNOT, "Campagne", Set.of(CLAIRE), fr.sharenum.model.Campaign.Stage.FOLLOW_UP,
                        List.of(new fr.sharenum.model.Campaign.Concern(CLAIRE, Set.of(CAPYTALE), Set.of(), T)), List.of(EventId.of("E1")),
                        List.of(new fr.sharenum.model.Campaign.Experiment(CLAIRE, CAPYTALE, T)), T, 3),
                new fr.sharenum.model.Campaign.Concern(CLAIRE, Set.of(), Set.of(Theme.of("oral")), T),
                new fr.sharenum.model.Campaign.Experiment(CLAIRE, CAPYTALE, T),
                new fr.sharenum.model.Grant(fr.sharenum.model.GrantId.of("g1"), CLAIRE, fr.sharenum.model.Privilege.ACADEMIE_STAFF,
                        fr.sharenum.model.Academie.DIJON, "host:sso", T, "Référente DANE", "member:M9", T.plusSeconds(60),
                        "a changé de poste", 2),
                new fr.sharenum.model.AuditEntry("a1", T, "host:sso", fr.sharenum.model.AuditEntry.Action.GRANT, CLAIRE,
                        fr.sharenum.model.Academie.DIJON, "ACADEMIE_STAFF : Référente DANE"),
                new fr.sharenum.model.IdentityLink("https://cas.ac-dijon.fr", "u123", CLAIRE, T, T.plusSeconds(3600)),
                new fr.sharenum.spi.Doc("k1", 3, Map.of("member", "M1|k1"), "{\"a\":1}"),
                new fr.sharenum.model.Actor.Host("annuaire-sync"),
                new fr.sharenum.spi.Change(7, T, "member", "M1", null, "{\"establishment\":\"0210015C\"}"),
                annex, withAnnex, new fr.sharenum.model.EstablishmentChange(CARNOT,
                        Set.of(fr.sharenum.model.EstablishmentChange.Kind.MOVED, fr.sharenum.model.EstablishmentChange.Kind.CLOSING),
                        carnot, withAnnex.withLocation(GeoPoint.of(47.3240, 5.0466)), 0.2, false),
                new fr.sharenum.model.EstablishmentChange(CARNOT, Set.of(fr.sharenum.model.EstablishmentChange.Kind.NEW),
                        null, carnot, 0, false));
    }

    static Stream<Notification> notifications() {
        Event event = TckData.event("E1", CLAIRE, T, Duration.ofHours(2));
        return Stream.of(
                new Notification.VerificationRequested("v:1", CLAIRE, MAIL, "token", T),
                new Notification.TicketAlert("a:1", CLAIRE, MAIL, TicketId.of("T1"), "Rachel", Set.of(CAPYTALE),
                        TicketKind.ACCOMPANIMENT, "Python en 2de", 12, List.of()),
                new Notification.AlertDigest("d:1", CLAIRE, MAIL, List.of(new Notification.TicketAlert("a:2", CLAIRE, MAIL,
                        TicketId.of("T2"), "Rachel", Set.of(CAPYTALE), TicketKind.ACCOMPANIMENT, "Python", 12, List.of()))),
                new Notification.OfferReceived("o:1", CLAIRE, MAIL, TicketId.of("T1"), MemberId.of("H"), "Hugo", "Je viens"),
                new Notification.OfferAccepted("oa:1", CLAIRE, MAIL, TicketId.of("T1"), "Rachel"),
                new Notification.OfferDeclined("od:1", CLAIRE, MAIL, TicketId.of("T1")),
                new Notification.MessagePosted("m:1", CLAIRE, MAIL, TicketId.of("T1"), MemberId.of("H"), "Hugo", "Salut"),
                new Notification.TicketClosed("c:1", CLAIRE, MAIL, TicketId.of("T1"), TicketStatus.DONE),
                new Notification.EventInvitation("e:1", CLAIRE, MAIL, event.summary(),
                        Notification.InvitationReason.PROMOTED, new Invitation("E1@x.fr", 0, "REQUEST", "BEGIN:VCALENDAR")),
                new Notification.Waitlisted("w:1", CLAIRE, MAIL, event.summary(), 3),
                new Notification.OrganiserInvited("i:1", CLAIRE, MAIL, event.summary(), "Karim Haddad"),
                new Notification.EstablishmentStatusChanged("s:1", CLAIRE, MAIL, fr.sharenum.model.Uai.of("0210015C"), "Lycée Carnot",
                        fr.sharenum.model.EstablishmentStatus.CLOSED),
                new Notification.EventReminder("r:1", CLAIRE, MAIL, event.summary(true), Notification.Reminder.DAY_BEFORE,
                        java.time.ZoneId.of("America/Cayenne"), new Invitation("E1@x.fr", 0, "REQUEST", "BEGIN:VCALENDAR")),
                new Notification.FeedbackRequested("f:1", CLAIRE, MAIL, event.summary()),
                new Notification.BadgeAwarded("b:1", CLAIRE, MAIL, "premier-atelier", "Premier atelier",
                        java.net.URI.create("https://ent.example.fr/ob/assertions/a1")),
                new Notification.EventInvitation("e:2", CLAIRE, MAIL, event.summary(), Notification.InvitationReason.CANCELLED,
                        new Invitation("E1@x.fr", 1, "CANCEL", "BEGIN:VCALENDAR"), "Intempéries : le collège est fermé"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void every_value_type_round_trips(Object value) throws Exception {
        String json = MAPPER.writeValueAsString(value);
        Object back = MAPPER.readValue(json, value.getClass());
        assertThat(back).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("notifications")
    void notifications_round_trip_through_their_interface_with_a_type(Notification n) throws Exception {
        String json = MAPPER.writeValueAsString(n);
        assertThat(MAPPER.readTree(json).path("type").asText()).isEqualTo(n.getClass().getSimpleName());
        assertThat(MAPPER.readValue(json, Notification.class)).isEqualTo(n);
    }

    @Test
    void every_record_of_the_model_and_spi_is_covered_by_the_round_trip_test() {
        Set<Class<?>> tested = values().map(Object::getClass).collect(Collectors.toCollection(HashSet::new));
        assertThat(tested).containsAll(ShareNumModule.RECORDS);
        assertThat(notifications().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(List.of(Notification.class.getPermittedSubclasses()));
    }

    @Test
    void the_module_knows_every_record_of_the_model_and_spi_packages() throws Exception {
        java.net.URL where = GeoPoint.class.getProtectionDomain().getCodeSource().getLocation();
        Set<Class<?>> records = new HashSet<>();
        java.nio.file.Path root = java.nio.file.Path.of(where.toURI());
        try (java.nio.file.FileSystem jar = java.nio.file.Files.isDirectory(root) ? null
                : java.nio.file.FileSystems.newFileSystem(root)) {
            java.nio.file.Path base = jar == null ? root : jar.getPath("/");
            for (String pkg : List.of("fr/sharenum/model", "fr/sharenum/spi")) {
                try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(base.resolve(pkg))) {
                    for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".class")).toList()) {
                        String name = pkg.replace('/', '.') + "." + f.getFileName().toString().replace(".class", "");
                        Class<?> c = Class.forName(name);
                        if (c.isRecord() && java.lang.reflect.Modifier.isPublic(c.getModifiers())
                                && !Notification.class.isAssignableFrom(c) && !isIdentifier(c)) {
                            records.add(c);
                        }
                    }
                }
            }
        }
        assertThat(records).hasSizeGreaterThan(25);
        assertThat(ShareNumModule.RECORDS).containsExactlyInAnyOrderElementsOf(records);
    }

    private static boolean isIdentifier(Class<?> c) {
        return Set.of(Uai.class, MemberId.class, TicketId.class, EventId.class, BusId.class, ToolId.class, Theme.class,
                Email.class, fr.sharenum.model.CampaignId.class, fr.sharenum.model.GrantId.class).contains(c);
    }

    @Test
    void an_establishment_stored_before_statuses_and_annexes_reads_as_open_without_annexes() throws Exception {
        String before = "{\"uai\":\"0210015C\",\"name\":\"Lycée Carnot\",\"type\":\"LYCEE\",\"academie\":\"DIJON\","
                + "\"location\":{\"latitude\":47.3226,\"longitude\":5.0466},\"communeCode\":\"21231\"}";

        Establishment read = MAPPER.readValue(before, Establishment.class);

        assertThat(read).isEqualTo(new Establishment(CARNOT, "Lycée Carnot", fr.sharenum.model.EstablishmentType.LYCEE,
                Academie.DIJON, GeoPoint.of(47.3226, 5.0466), "21231"));
        assertThat(read.status()).isEqualTo(fr.sharenum.model.EstablishmentStatus.OPEN);
        assertThat(read.annexes()).isEmpty();
    }

    @Test
    void identifiers_are_plain_strings_also_as_keys_and_times_are_iso() throws Exception {
        Member member = TckData.member("M1", CARNOT, Map.of(CAPYTALE, CompetenceLevel.EXPERIENCED));
        JsonNode tree = MAPPER.readTree(MAPPER.writeValueAsString(member));

        assertThat(tree.path("id").asText()).isEqualTo("M1");
        assertThat(tree.path("establishment").asText()).isEqualTo("0210015C");
        assertThat(tree.path("skills").path("capytale").path("level").asText()).isEqualTo("EXPERIENCED");
        assertThat(tree.path("registeredAt").asText()).isEqualTo("2026-09-01T08:00:00Z");
        assertThat(tree.has("active")).isFalse();
        JsonNode summary = MAPPER.readTree(MAPPER.writeValueAsString(TckData.event("E1", CLAIRE, T, Duration.ofHours(2)).summary()));
        assertThat(summary.path("zone").asText()).isEqualTo(ZoneId.of("Europe/Paris").getId());
    }

    @Test
    void invalid_values_fail_the_read_with_the_sharenum_reason() throws Exception {
        assertThatThrownBy(() -> MAPPER.readValue("\"0210015X\"", Uai.class))
                .isInstanceOf(JsonMappingException.class).hasCauseInstanceOf(InvalidUaiException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"latitude\":100,\"longitude\":5}", GeoPoint.class))
                .isInstanceOf(JsonMappingException.class).hasRootCauseInstanceOf(InvalidValueException.class)
                .hasMessageContaining("latitude");
        assertThatThrownBy(() -> MAPPER.readValue("{\"type\":\"Nope\",\"id\":\"x\"}", Notification.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> MAPPER.readValue("{\"latitude\":1,\"longitude\":5,\"extra\":1}", GeoPoint.class))
                .isInstanceOf(JsonMappingException.class);
        assertThat(readToolMap("{\"capytale\":1}")).containsEntry(CAPYTALE, 1);
        assertThatThrownBy(() -> readToolMap("{\"Not A Slug!\":1}")).isInstanceOf(JsonMappingException.class);
    }

    private static Map<ToolId, Integer> readToolMap(String json) throws Exception {
        return MAPPER.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<Map<ToolId, Integer>>() {
        });
    }
}
