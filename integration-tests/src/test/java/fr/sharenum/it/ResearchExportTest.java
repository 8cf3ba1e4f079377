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

/** The research export: stable keyed pseudonyms, coarse places, no free text, no address, name or UAI. */
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
        Member m = sn.members().register(Actor.anonymous(), NewMember.builder().displayName(name).email(email).establishment(at.uai())
                .role(Role.TEACHER_SECONDARY).skill(new Skill(CAPYTALE, level)).build());
        String token = outbox.sent(Notification.VerificationRequested.class).stream().filter(v -> v.recipient().equals(m.id()))
                .findFirst().orElseThrow().token();
        return sn.members().verify(Actor.anonymous(), m.id(), token);
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

    private ObjectNode export(byte[] secret, ResearchExport.Coarsening coarsening) {
        return ResearchExport.builder(secret).coarsen(coarsening).build()
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
        assertThat(ticket.path("minutesToFirstOffer").asLong()).isEqualTo(90);
        assertThat(ticket.path("minutesToAcceptance").asLong()).isEqualTo(180);
        assertThat(ticket.path("status").asText()).isEqualTo("DONE");
        JsonNode match = data.path("matches").get(0);
        assertThat(match.path("accepted").asBoolean()).isTrue();
        assertThat(match.path("distanceKm").asLong()).isEqualTo(Math.round(carnot.location().distanceKm(nuits.location())));
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
}
