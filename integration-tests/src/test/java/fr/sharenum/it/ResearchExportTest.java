package fr.sharenum.it;

import fr.sharenum.model.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.sharenum.EventRequest;
import fr.sharenum.MatchingEngines;
import fr.sharenum.NewMember;
import fr.sharenum.OutboxNotifier;
import fr.sharenum.ShareNum;
import fr.sharenum.TicketRequest;
import fr.sharenum.json.ResearchExport;
import fr.sharenum.model.Academie;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.Event;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The research export: consent, small classes coarsened or withheld, the aggregate table's small cells withheld with
 * enough others, a re-identification attempt that fails; stable keyed pseudonyms when the host links members; coarse
 * places, no free text, no address, name or UAI.
 */
class ResearchExportTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final byte[] SECRET = "le-secret-de-l-hebergeur-32-octets!!".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private final ShareNumStore store = ShareNum.inMemoryStore();
    private final OutboxNotifier outbox = new OutboxNotifier();
    private final MovableClock clock = new MovableClock();
    private final ShareNum sn = ShareNum.builder().store(store).notifier(outbox).clock(clock)
            .matchingEngine(MatchingEngines.reference()).notificationDelivery(Runnable::run, java.time.Duration.ZERO).build();
    private final Establishment carnot = new Establishment(Uai.of("0210015C"), "Lycée Carnot", EstablishmentType.LYCEE,
            Academie.DIJON, GeoPoint.of(47.3226, 5.0466), "21231");
    private final Establishment nuits = new Establishment(Uai.of("0210038C"), "Collège Félix Tisserand",
            EstablishmentType.COLLEGE, Academie.DIJON, GeoPoint.of(47.1350, 4.9533), "21464");

    static final class MovableClock extends Clock {
        volatile Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Member join(String name, String email, Establishment at, CompetenceLevel level) {
        return join(name, email, at, level, CAPYTALE);
    }

    private List<Object> scenario() {
        sn.establishments().putAll(Actor.host("test"), List.of(carnot, nuits));
        Member claire = join("Claire Martin", "claire.martin@ac-dijon.fr", carnot, CompetenceLevel.NOVICE);
        Member karim = join("Karim Haddad", "karim.haddad@ac-dijon.fr", nuits, CompetenceLevel.EXPERIENCED);
        Member paul = join("Paul Bernard", "paul.bernard@ac-dijon.fr", carnot, CompetenceLevel.NOVICE);
        TicketNum t = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Texte libre très personnel").radiusKm(40).build());
        clock.now = NOW.plus(Duration.ofMinutes(90));
        sn.tickets().offer(karim.id(), t.id(), "Offre en texte libre");
        clock.now = NOW.plus(Duration.ofHours(3));
        sn.tickets().accept(claire.id(), t.id(), karim.id());
        Event e = sn.events().create(karim.id(), EventRequest.fromTicket(t.id()).title("Titre libre").description("Description libre")
                .start(Instant.parse("2026-12-02T13:00:00Z")).duration(Duration.ofHours(2)).capacity(4)
                .atEstablishment(carnot.uai()).build());
        sn.events().confirm(karim.id(), e.id());
        sn.events().register(paul.id(), e.id());
        clock.now = Instant.parse("2026-12-02T15:00:00Z");
        sn.events().markHeld(karim.id(), e.id());
        sn.events().giveFeedback(paul.id(), e.id(), 4, "Commentaire libre");
        return List.of(claire, karim, paul, t, e);
    }

    /** Everyone consents, nothing is suppressed, members are linked: what the two first tests read. */
    private ObjectNode export(byte[] secret, ResearchExport.Coarsening coarsening) {
        return ResearchExport.builder(secret).coarsen(coarsening).consent(m -> true).threshold(1).linkMembers(true).build()
                .export(store, Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"));
    }

    @Test
    void the_export_has_the_facts_without_anything_that_identifies_a_person_or_a_school() {
        scenario();

        ObjectNode data = export(SECRET, ResearchExport.Coarsening.DEPARTEMENT);
        String text = data.toString();

        assertThat(data.path("schema").asText()).isEqualTo(ResearchExport.SCHEMA);
        JsonNode ticket = data.path("tickets").get(0);
        assertThat(ticket.path("place").asText()).isEqualTo("021");
        assertThat(ticket.path("month").asText()).isEqualTo("2026-11");
        assertThat(ticket.path("minutesToFirstOffer").asLong()).isEqualTo(90);
        assertThat(ticket.path("minutesToAcceptance").asLong()).isEqualTo(180);
        assertThat(ticket.path("status").asText()).isEqualTo("DONE");
        JsonNode match = data.path("matches").get(0);
        assertThat(match.path("accepted").asBoolean()).isTrue();
        assertThat(match.path("distanceKm").asText()).isEqualTo("20-50");           // Carnot to Nuits: about 21 km
        assertThat(match.path("helper").asText()).isEqualTo(data.path("events").get(0).path("organisers").get(0).asText());
        assertThat(data.path("events").get(0).path("registered").asInt()).isEqualTo(1);
        assertThat(data.path("feedback").get(0).path("usefulness").asInt()).isEqualTo(4);

        assertThat(text).doesNotContain("@").doesNotContain("Claire").doesNotContain("Karim").doesNotContain("Paul")
                .doesNotContain("0210015C").doesNotContain("0210038C").doesNotContain("Carnot").doesNotContain("Tisserand")
                .doesNotContain("libre");
    }

    @Test
    void pseudonyms_are_stable_for_one_secret_and_unlinkable_across_secrets() {
        List<Object> world = scenario();
        Member claire = (Member) world.get(0);

        ObjectNode a = export(SECRET, ResearchExport.Coarsening.COMMUNE);
        ObjectNode b = export(SECRET, ResearchExport.Coarsening.COMMUNE);
        ObjectNode other = export("un-autre-secret-d-au-moins-32-octets!".getBytes(StandardCharsets.UTF_8),
                ResearchExport.Coarsening.COMMUNE);

        assertThat(a).isEqualTo(b);
        String requester = a.path("tickets").get(0).path("requester").asText();
        assertThat(requester).startsWith("m-").doesNotContain(claire.id().value());
        assertThat(other.path("tickets").get(0).path("requester").asText()).isNotEqualTo(requester);
        assertThat(a.path("tickets").get(0).path("place").asText()).isEqualTo("21231");
        assertThat(export(SECRET, ResearchExport.Coarsening.ACADEMIE).path("tickets").get(0).path("place").asText())
                .isEqualTo(Academie.DIJON.code());
        assertThatThrownBy(() -> ResearchExport.builder(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    // --- consent and small counts

    private static Establishment school(String seven, String name, String commune, double lat, double lon) {
        return new Establishment(Uai.of(seven + Uai.checkLetter(seven)), name, EstablishmentType.COLLEGE, Academie.DIJON,
                GeoPoint.of(lat, lon), commune);
    }

    private int counter;

    private Member member(Establishment at, ToolId tool, CompetenceLevel level) {
        int n = counter++;
        return join("Membre " + n, "membre." + n + "@ac-dijon.fr", at, level, tool);
    }

    private Member join(String name, String email, Establishment at, CompetenceLevel level, ToolId tool) {
        Member m = sn.members().register(Actor.anonymous(), NewMember.builder().displayName(name).email(email).establishment(at.uai())
                .role(Role.TEACHER_SECONDARY).skill(new Skill(tool, level)).build());
        String token = outbox.sent(Notification.VerificationRequested.class).stream().filter(v -> v.recipient().equals(m.id()))
                .findFirst().orElseThrow().token();
        return sn.members().verify(Actor.anonymous(), m.id(), token);
    }

    private static final ToolId GEOGEBRA = ToolId.of("geogebra");
    private final Establishment beaune = school("0214101", "Collège de Beaune", "21054", 47.0250, 4.8372);
    private final Establishment auxonne = school("0214102", "Collège d'Auxonne", "21038", 47.1937, 5.3887);

    /**
     * Six Carnot colleagues ask about Capytale in November; Zoé, alone at Nuits, asks about GeoGebra and gets help;
     * {@code geogebraElsewhere} colleagues elsewhere in the Côte-d'Or ask about GeoGebra too. Everyone consents.
     */
    private Member askers(int geogebraElsewhere) {
        sn.establishments().putAll(Actor.host("test"), List.of(carnot, nuits, beaune, auxonne));
        Member helper = member(nuits, GEOGEBRA, CompetenceLevel.EXPERIENCED);
        for (int i = 0; i < 6; i++) {
            Member m = member(carnot, CAPYTALE, CompetenceLevel.NOVICE);
            sn.tickets().open(m.id(), TicketRequest.builder(CAPYTALE).text("Aide").radiusKm(40).build());
        }
        Member zoe = join("Zoé Unique", "zoe.unique@ac-dijon.fr", nuits, CompetenceLevel.NOVICE, GEOGEBRA);
        TicketNum z = sn.tickets().open(zoe.id(), TicketRequest.builder(GEOGEBRA).text("Aide").radiusKm(40).build());
        Establishment[] elsewhere = {carnot, beaune, auxonne, carnot};
        for (int i = 0; i < geogebraElsewhere; i++) {
            Member m = member(elsewhere[i % elsewhere.length], GEOGEBRA, CompetenceLevel.NOVICE);
            sn.tickets().open(m.id(), TicketRequest.builder(GEOGEBRA).text("Aide").radiusKm(5).build());
        }
        clock.now = NOW.plus(Duration.ofMinutes(30));
        sn.tickets().offer(helper.id(), z.id(), "Je viens");
        sn.tickets().accept(zoe.id(), z.id(), helper.id());
        return zoe;
    }

    private ObjectNode safeExport(int k, boolean link) {
        return ResearchExport.builder(SECRET).coarsen(ResearchExport.Coarsening.COMMUNE).consent(m -> true).threshold(k)
                .linkMembers(link).build()
                .export(store, Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"));
    }

    /** What an attacker who knows Zoé works at Nuits and asked about GeoGebra in November finds. */
    private static List<JsonNode> candidates(ObjectNode data) {
        List<String> placesOfNuits = List.of("21464", "021", Academie.DIJON.code(), "FR");
        List<JsonNode> out = new java.util.ArrayList<>();
        data.path("tickets").forEach(t -> {
            if (placesOfNuits.contains(t.path("place").asText()) && t.path("month").asText().equals("2026-11")
                    && t.path("tools").toString().contains("geogebra")) {
                out.add(t);
            }
        });
        return out;
    }

    @Test
    void a_member_alone_in_her_class_cannot_be_singled_out() {
        askers(4);
        ObjectNode data = safeExport(5, false);

        // Zoé's record is released only among at least five GeoGebra askers of the Côte-d'Or: which one is hers?
        List<JsonNode> found = candidates(data);
        assertThat(found).hasSize(5);
        assertThat(found).allSatisfy(t -> {
            assertThat(t.path("place").asText()).isEqualTo("021");
            assertThat(t.path("placeLevel").asText()).isEqualTo("DEPARTEMENT");
            assertThat(t.path("requester").isNull()).isTrue();           // no pseudonym to follow her elsewhere
        });
        // the six Carnot colleagues stay at their commune: their class is large enough
        assertThat(data.path("tickets").findValuesAsText("place")).contains("21231");
        // the aggregate table: a count of one is withheld, and so is what would give it away
        JsonNode geogebra = cell(data, GEOGEBRA);
        assertThat(geogebra.path("opened").asInt()).isEqualTo(5);
        assertThat(geogebra.path("withHelper").isNull()).isTrue();
        JsonNode total = data.path("tables").path("ticketsByAcademieMonth").get(0);
        assertThat(total.path("withHelper").isNull() || cell(data, CAPYTALE).path("withHelper").isNull()).isTrue();
        assertThat(data.path("suppressed").path("cells").asInt()).isPositive();
    }

    @Test
    void when_no_class_is_large_enough_the_record_is_withheld() {
        askers(2);                                                       // three GeoGebra askers in all
        ObjectNode data = safeExport(5, true);
        assertThat(candidates(data)).isEmpty();
        assertThat(data.path("suppressed").path("tickets").asInt()).isEqualTo(3);
        assertThat(cell(data, GEOGEBRA).path("opened").isNull()).isTrue();
        // with linked pseudonyms, every released class still holds five distinct members
        java.util.Map<String, java.util.Set<String>> classes = new java.util.HashMap<>();
        data.path("tickets").forEach(t -> classes.computeIfAbsent(t.path("place").asText() + t.path("month").asText()
                + t.path("tools"), x -> new java.util.HashSet<>()).add(t.path("requester").asText()));
        assertThat(classes).isNotEmpty().allSatisfy((c, who) -> assertThat(who).hasSizeGreaterThanOrEqualTo(5));
    }

    @Test
    void only_the_records_of_consenting_members_are_exported() {
        Member zoe = askers(4);
        sn.research().consent(zoe.id(), zoe.id(), false);
        var consents = sn.research().consents(Actor.host("test"));
        assertThat(consents.test(zoe.id())).isFalse();
        assertThat(sn.research().consented(zoe.id(), zoe.id())).isFalse();

        ObjectNode nobody = ResearchExport.builder(SECRET).build()
                .export(store, Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"));
        assertThat(nobody.path("tickets")).isEmpty();                 // nobody consents unless the host says so
        assertThat(nobody.path("withoutConsent").path("tickets").asInt()).isEqualTo(11);

        ShareNum optOut = ShareNum.builder().store(store).clock(clock).matchingEngine(MatchingEngines.reference())
                .researchConsentByDefault(true).build();
        ObjectNode data = ResearchExport.builder(SECRET).coarsen(ResearchExport.Coarsening.COMMUNE)
                .consent(optOut.research().consents(Actor.host("test"))).build()
                .export(store, Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"));
        assertThat(data.path("withoutConsent").path("tickets").asInt()).isEqualTo(1);      // Zoé said no
        assertThat(candidates(data)).isEmpty();                       // four GeoGebra askers left: below five
        assertThat(data.path("suppressed").path("tickets").asInt()).isEqualTo(4);
        assertThat(data.path("tickets")).hasSize(6);                  // the Carnot colleagues
        assertThat(data.path("matches")).isEmpty();                   // one helper alone in his class: withheld
        assertThatThrownBy(() -> ResearchExport.builder(SECRET).threshold(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode cell(ObjectNode data, ToolId tool) {
        for (JsonNode c : data.path("tables").path("ticketsByAcademieMonthTool")) {
            if (c.path("tool").asText().equals(tool.value())) {
                return c;
            }
        }
        throw new AssertionError("no cell for " + tool);
    }
}
