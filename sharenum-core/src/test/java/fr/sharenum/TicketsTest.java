package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Guide;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberNotVerifiedException;
import fr.sharenum.model.Message;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.OfferStatus;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.model.TrainingsFirstException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketsTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");

    private static final Training DIJON_CAPYTALE = new Training("paf-21-capytale", "Débuter avec Capytale",
            TrainingKind.PAF_SESSION, Academie.DIJON, Set.of(CAPYTALE), START.plus(Duration.ofDays(10)),
            START.plus(Duration.ofDays(10)).plus(Duration.ofHours(3)), "Atelier Canopé de Dijon", null);
    private static final Training LYON_CAPYTALE = new Training("paf-69-capytale", "Capytale à Lyon",
            TrainingKind.CANOPE_WORKSHOP, Academie.LYON, Set.of(CAPYTALE), START.plus(Duration.ofDays(5)),
            START.plus(Duration.ofDays(5)).plus(Duration.ofHours(2)), "Canopé Lyon", null);
    private static final Guide GUIDE = new Guide("g1", "Accompagner un collègue : au-delà de l'outil",
            Set.of(CAPYTALE), Set.of(Theme.of("pedagogie")), URI.create("https://example.org/guide"), null);

    private final Fixture f = new Fixture(b -> b.trainings(List.of(DIJON_CAPYTALE, LYON_CAPYTALE)).guides(List.of(GUIDE)));
    private final Tickets tickets = f.sharenum.tickets();

    private final Member requester = f.active("Rachel Requérante", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    private final Member nuitsExpert = f.active("Nadia Experte", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member nuitsInter = f.active("Nicolas Inter", NUITS, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
    private final Member auxonne = f.active("Alice Auxonne", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member carnotColleague = f.active("Camille Carnot", CARNOT, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
    private final Member novice = f.active("Noé Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    private final Member beaune = f.active("Basile Beaune", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member lyon = f.active("Léa Lyon", LYON, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member unverified = f.pending("Ugo Pending", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));

    private TicketRequest.Builder request() {
        return TicketRequest.builder(CAPYTALE).kind(TicketKind.ACCOMPANIMENT)
                .text("Je voudrais démarrer Python avec mes 2de sur Capytale.").radiusKm(30);
    }

    private TicketNum open() {
        List<Training> shown = f.sharenum.trainings().forMember(requester.id(), Set.of(CAPYTALE));
        return tickets.open(requester.id(), request().declinedTrainings(shown.stream().map(Training::id).toList()).build());
    }

    @Test
    void trainings_of_the_academie_are_shown_first_and_must_be_declined() {
        List<Training> shown = f.sharenum.trainings().forMember(requester.id(), Set.of(CAPYTALE));
        assertThat(shown).containsExactly(DIJON_CAPYTALE);
        assertThatThrownBy(() -> tickets.open(requester.id(), request().build()))
                .isInstanceOf(TrainingsFirstException.class)
                .satisfies(e -> assertThat(((TrainingsFirstException) e).trainings()).containsExactly(DIJON_CAPYTALE));
        assertThat(tickets.openedBy(requester.id(), requester.id())).isEmpty();
        assertThat(f.outbox.sent(Notification.TicketAlert.class)).isEmpty();

        TicketNum t = open();
        assertThat(t.shownTrainings()).containsExactly(DIJON_CAPYTALE.id());
        assertThat(t.trainingsDeclined()).isTrue();
    }

    @Test
    void without_trainings_a_ticket_opens_directly() {
        TicketNum t = tickets.open(requester.id(), TicketRequest.builder(GEOGEBRA).text("GeoGebra 3D").build());
        assertThat(t.trainingsDeclined()).isFalse();
        assertThat(t.shownTrainings()).isEmpty();
        assertThat(t.radiusKm()).isEqualTo(30); // host default
        assertThat(t.alerts()).isEmpty();
    }

    @Test
    void opening_alerts_every_qualified_active_member_in_the_radius_nearest_and_most_experienced_first() {
        TicketNum t = open();
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.origin()).isEqualTo(CARNOT.location());
        assertThat(t.expiresAt()).isEqualTo(START.plus(Duration.ofDays(30)));
        // Carnot colleague at 0 km, Nuits at ~22 km (expert before intermediate), Auxonne at ~27 km.
        assertThat(t.alerts()).extracting(Alert::helper).containsExactly(
                carnotColleague.id(), nuitsExpert.id(), nuitsInter.id(), auxonne.id());
        assertThat(t.alerts()).extracting(Alert::helper)
                .doesNotContain(requester.id(), novice.id(), beaune.id(), lyon.id(), unverified.id());
        // distances other members see are rounded to the km (RGPD: an establishment, never more precise)
        assertThat(t.alerts().get(1).distanceKm()).isEqualTo(Math.rint(CARNOT.location().distanceKm(NUITS.location())));

        List<Notification.TicketAlert> alerts = f.outbox.sent(Notification.TicketAlert.class);
        assertThat(alerts).extracting(Notification::recipient).containsExactlyInAnyOrderElementsOf(
                t.alerts().stream().map(Alert::helper).toList());
        Notification.TicketAlert toNadia = alerts.stream().filter(a -> a.recipient().equals(nuitsExpert.id())).findFirst().orElseThrow();
        assertThat(toNadia.guides()).containsExactly(GUIDE);
        assertThat(toNadia.requesterName()).isEqualTo("Rachel Requérante");
        assertThat(toNadia.distanceKm()).isEqualTo(Math.round(CARNOT.location().distanceKm(NUITS.location())));
        assertThat(toNadia.to()).isEqualTo(nuitsExpert.email());
    }

    @Test
    void the_minimum_level_and_alert_cap_are_configurable() {
        Fixture strict = new Fixture(b -> b.minimumHelperLevel(CompetenceLevel.EXPERIENCED).maxAlertsPerTicket(1));
        Member r = strict.active("R", CARNOT);
        strict.active("I", NUITS, new Skill(GEOGEBRA, CompetenceLevel.INTERMEDIATE));
        Member e1 = strict.active("E1", NUITS, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
        strict.active("E2", AUXONNE, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
        TicketNum t = strict.sharenum.tickets().open(r.id(), TicketRequest.builder(GEOGEBRA).text("aide").radiusKm(50).build());
        assertThat(t.alerts()).extracting(Alert::helper).containsExactly(e1.id());
    }

    @Test
    void bad_openings_are_refused_and_store_nothing() {
        assertThatThrownBy(() -> tickets.open(requester.id(), request().radiusKm(0.5).build())).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("radiusKm").hasMessageContaining("between 1.0 and 200.0");
        assertThatThrownBy(() -> tickets.open(requester.id(), request().radiusKm(201).build())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> tickets.open(requester.id(), request().radiusKm(Double.POSITIVE_INFINITY).build())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> tickets.open(requester.id(), TicketRequest.builder(ToolId.of("nope")).text("x").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tickets.open(requester.id(), TicketRequest.builder(GEOGEBRA).text(" ").build()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> tickets.open(unverified.id(), TicketRequest.builder(GEOGEBRA).text("x").build()))
                .isInstanceOf(MemberNotVerifiedException.class);
        assertThatThrownBy(() -> tickets.open(MemberId.of("ghost"), TicketRequest.builder(GEOGEBRA).text("x").build()))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.unknown-actor");
        assertThat(tickets.openedBy(requester.id(), requester.id())).isEmpty();
        assertThat(f.outbox.sent(Notification.TicketAlert.class)).isEmpty();
    }

    @Test
    void the_whole_story_offer_accept_talk_complete() {
        TicketNum t = open();
        TicketNum offered = tickets.offer(nuitsExpert.id(), t.id(), "Je suis à Nuits, je peux passer mardi.");
        assertThat(offered.status()).isEqualTo(TicketStatus.OFFERS_RECEIVED);
        tickets.offer(auxonne.id(), t.id(), "Disponible le mercredi après-midi.");
        assertThat(f.outbox.sentTo(requester.id())).filteredOn(n -> n instanceof Notification.OfferReceived).hasSize(2);

        TicketNum accepted = tickets.accept(requester.id(), t.id(), nuitsExpert.id());
        assertThat(accepted.status()).isEqualTo(TicketStatus.HELPER_ACCEPTED);
        assertThat(accepted.acceptedHelper()).isEqualTo(nuitsExpert.id());
        assertThat(accepted.offerOf(auxonne.id()).orElseThrow().status()).isEqualTo(OfferStatus.DECLINED);
        assertThat(f.outbox.sentTo(nuitsExpert.id())).filteredOn(n -> n instanceof Notification.OfferAccepted).hasSize(1);
        assertThat(f.outbox.sentTo(auxonne.id())).filteredOn(n -> n instanceof Notification.OfferDeclined).hasSize(1);

        Message m1 = tickets.post(requester.id(), t.id(), "Merci ! Mardi 10h au lycée ?");
        Message m2 = tickets.post(nuitsExpert.id(), t.id(), "Parfait, à mardi.");
        assertThat(m1.seq()).isEqualTo(1);
        assertThat(m2.seq()).isEqualTo(2);
        assertThat(tickets.conversation(nuitsExpert.id(), t.id())).containsExactly(m1, m2);
        assertThat(f.outbox.sentTo(nuitsExpert.id())).filteredOn(n -> n instanceof Notification.MessagePosted)
                .singleElement().satisfies(n -> assertThat(((Notification.MessagePosted) n).text()).contains("Mardi 10h"));

        TicketNum done = tickets.complete(nuitsExpert.id(), t.id());
        assertThat(done.status()).isEqualTo(TicketStatus.DONE);
        assertThat(done.enteredAt(TicketStatus.HELPER_ACCEPTED)).isPresent();
        assertThat(f.outbox.sentTo(requester.id())).filteredOn(n -> n instanceof Notification.TicketClosed).hasSize(1);
        assertThatThrownBy(() -> tickets.post(requester.id(), t.id(), "encore ?")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void only_alerted_members_offer_and_only_once() {
        TicketNum t = open();
        assertThatThrownBy(() -> tickets.offer(lyon.id(), t.id(), "Je peux aider à distance"))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        assertThatThrownBy(() -> tickets.offer(requester.id(), t.id(), "moi"))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        assertThatThrownBy(() -> tickets.offer(nuitsExpert.id(), t.id(), " ")).isInstanceOf(InvalidValueException.class);
        tickets.offer(nuitsExpert.id(), t.id(), "ok");
        TicketNum before = tickets.get(Fixture.HOST, t.id());
        assertThatThrownBy(() -> tickets.offer(nuitsExpert.id(), t.id(), "encore"))
                .isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> tickets.offer(nuitsExpert.id(), TicketId.of("nope"), "x")).isInstanceOf(NotFoundException.class);
        assertThat(tickets.get(Fixture.HOST, t.id())).isEqualTo(before);
    }

    @Test
    void non_participants_cannot_act_and_nothing_changes() {
        TicketNum t = open();
        tickets.offer(nuitsExpert.id(), t.id(), "ok");
        tickets.offer(auxonne.id(), t.id(), "ok aussi");
        TicketNum before = tickets.get(Fixture.HOST, t.id());
        assertThatThrownBy(() -> tickets.accept(auxonne.id(), t.id(), nuitsExpert.id()))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        assertThatThrownBy(() -> tickets.cancel(nuitsExpert.id(), t.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> tickets.accept(requester.id(), t.id(), lyon.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tickets.post(requester.id(), t.id(), "avant acceptation"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(tickets.get(Fixture.HOST, t.id())).isEqualTo(before);

        tickets.accept(requester.id(), t.id(), nuitsExpert.id());
        TicketNum accepted = tickets.get(Fixture.HOST, t.id());
        assertThatThrownBy(() -> tickets.post(auxonne.id(), t.id(), "je m'invite"))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        assertThatThrownBy(() -> tickets.conversation(auxonne.id(), t.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> tickets.complete(auxonne.id(), t.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> tickets.accept(requester.id(), t.id(), auxonne.id())).isInstanceOf(IllegalTransitionException.class);
        assertThat(tickets.get(Fixture.HOST, t.id())).isEqualTo(accepted);
        assertThat(tickets.conversation(requester.id(), t.id())).isEmpty();
    }

    @Test
    void illegal_transitions_are_refused_and_change_nothing() {
        TicketNum t = open();
        assertThatThrownBy(() -> tickets.complete(requester.id(), t.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("OPEN").hasMessageContaining("DONE");
        TicketNum cancelled = tickets.cancel(requester.id(), t.id());
        assertThat(cancelled.status()).isEqualTo(TicketStatus.CANCELLED);
        assertThatThrownBy(() -> tickets.cancel(requester.id(), t.id())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> tickets.offer(nuitsExpert.id(), t.id(), "trop tard")).isInstanceOf(IllegalTransitionException.class);
        assertThat(tickets.get(Fixture.HOST, t.id())).isEqualTo(cancelled);
    }

    @Test
    void cancelling_tells_the_offerers() {
        TicketNum t = open();
        tickets.offer(nuitsExpert.id(), t.id(), "ok");
        tickets.cancel(requester.id(), t.id());
        assertThat(f.outbox.sentTo(nuitsExpert.id())).filteredOn(n -> n instanceof Notification.TicketClosed)
                .singleElement().satisfies(n -> assertThat(((Notification.TicketClosed) n).status()).isEqualTo(TicketStatus.CANCELLED));
    }

    @Test
    void tickets_without_an_accepted_helper_expire() {
        TicketNum waiting = open();
        TicketNum withHelper = open();
        tickets.offer(nuitsExpert.id(), withHelper.id(), "ok");
        tickets.accept(requester.id(), withHelper.id(), nuitsExpert.id());
        assertThat(tickets.expireDue(Fixture.HOST)).isZero();
        f.clock.advance(Duration.ofDays(31));
        assertThat(tickets.expireDue(Fixture.HOST)).isEqualTo(1);
        assertThat(tickets.get(Fixture.HOST, waiting.id()).status()).isEqualTo(TicketStatus.EXPIRED);
        assertThat(tickets.get(Fixture.HOST, withHelper.id()).status()).isEqualTo(TicketStatus.HELPER_ACCEPTED);
        assertThat(tickets.expireDue(Fixture.HOST)).isZero();
    }

    @Test
    void concurrent_offers_are_all_kept() throws Exception {
        List<Member> helpers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            helpers.add(f.active("Helper " + i, NUITS, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED)));
        }
        TicketNum t = tickets.open(requester.id(), TicketRequest.builder(GEOGEBRA).text("GeoGebra").build());
        assertThat(t.alerts()).hasSize(12);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (Member h : helpers) {
            futures.add(pool.submit(() -> {
                go.await();
                return tickets.offer(h.id(), t.id(), "Je peux aider");
            }));
        }
        go.countDown();
        for (Future<?> fu : futures) {
            fu.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        TicketNum after = tickets.get(Fixture.HOST, t.id());
        assertThat(after.offers()).hasSize(12);
        assertThat(after.version()).isEqualTo(13);
    }

    @Test
    void a_failing_notifier_never_undoes_the_change_and_nothing_is_lost() {
        List<Notification> delivered = new ArrayList<>();
        boolean[] down = {true};
        Fixture flaky = new Fixture(b -> b.notifier(n -> {
            if (down[0] && n instanceof Notification.TicketAlert) {
                throw new fr.sharenum.spi.NotificationFailedException("SMTP down", false);
            }
            delivered.add(n);
        }));
        Member r = flaky.sharenum.members().register(Actor.anonymous(), NewMember.builder().displayName("R").email("r@ac-dijon.fr")
                .establishment(CARNOT.uai()).build());
        String token = ((Notification.VerificationRequested) delivered.get(0)).token();
        flaky.sharenum.members().verify(Actor.anonymous(), r.id(), token);
        Member h = flaky.sharenum.members().register(Actor.anonymous(), NewMember.builder().displayName("H").email("h@ac-dijon.fr")
                .establishment(NUITS.uai()).skill(new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED)).build());
        flaky.sharenum.members().verify(Actor.anonymous(), h.id(), ((Notification.VerificationRequested) delivered.get(1)).token());
        TicketNum t = flaky.sharenum.tickets().open(r.id(), TicketRequest.builder(GEOGEBRA).text("aide").build());
        assertThat(flaky.sharenum.tickets().get(Fixture.HOST, t.id()).alerts()).hasSize(1);
        assertThat(flaky.sharenum.outbox().failed(Fixture.HOST)).hasSize(1);
        down[0] = false;
        assertThat(flaky.sharenum.outbox().retryNow(Fixture.HOST)).isEqualTo(1);
        assertThat(flaky.sharenum.outbox().failed(Fixture.HOST)).isEmpty();
        assertThat(delivered).filteredOn(n -> n instanceof Notification.TicketAlert).hasSize(1);
    }
}
