package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.Availability;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Notification;
import fr.sharenum.model.PixCertification;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Report;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.NotificationFailedException;
import fr.sharenum.spi.Notifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member with one of everything — profile, PIX, availability, preferences and blocks, a single sign-on link,
 * throttled resends, a grant, a ticket with offers, an offer accepted and a conversation, an event organised
 * and held with a badge, a seat and feedback with a comment, a report, notifications about them waiting in
 * the outbox — is erased; then every table of the store (every map of the in-memory one), every
 * notification still pending or dead and the default moderation queue are searched for their name, their
 * address and every text they wrote. On the in-memory store, H2 and PostgreSQL.
 */
class ErasureTest {
    private static final ToolId CAPYTALE = ToolId.of("capytale");

    /** Delivers through {@code delegate}, or fails while {@code down}: what is sent then waits in the outbox. */
    static final class Switch implements Notifier {
        final AtomicBoolean down = new AtomicBoolean();
        volatile Notifier delegate;

        @Override
        public void send(Notification n) {
            if (down.get()) {
                throw new NotificationFailedException("the mail server is down", false);
            }
            delegate.send(n);
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void nothing_of_an_erased_member_remains_anywhere(Stores kind) {
        Stores.Fresh fresh = kind.fresh();
        Switch notifier = new Switch();
        Fixture f = new Fixture(b -> b.store(fresh.store()).notifier(notifier));
        notifier.delegate = f.outbox;
        ShareNum sn = f.sharenum;

        String name = "Karimou Effaçable";
        String email = "karimou.effacable@ac-dijon.fr";
        String ticketText = "Besoin d'aide pour la tortue Python zorglub";
        String offerText = "Je viens jeudi avec mes fiches gloubiboulga";
        String messageText = "On se retrouve au CDI schtroumpf";
        String feedbackText = "Atelier formidable, merci pour le wibble";
        String reportText = "Propos déplacés lors de l'atelier flibuste";
        String discipline = "Technologie ornithorynque";
        String usage = "séquence tamarin";
        List<String> traces = List.of(name, email, ticketText, offerText, messageText, feedbackText, reportText, discipline, usage);

        // Karimou registers, asks for a new mail twice, then comes through the ENT's single sign-on
        Member pending = sn.members().register(fr.sharenum.model.Actor.anonymous(), NewMember.builder().displayName(name).email(email)
                .establishment(CARNOT.uai()).role(Role.TEACHER_SECONDARY).discipline(discipline)
                .skill(new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED, Set.of(usage))).follow(CAPYTALE).build());
        sn.members().resendVerification(fr.sharenum.model.Actor.anonymous(), pending.id());
        Member karimou = sn.members().signIn(HOST, IdentityAssertion.builder("https://cas.ac-dijon.fr", "k-77").email(email)
                .displayName(name).establishment(CARNOT.uai()).role(Role.TEACHER_SECONDARY).build());
        sn.members().recordPix(karimou.id(), karimou.id(), sn.members().get(HOST, karimou.id()).version(),
                new PixCertification(512, LocalDate.of(2026, 6, 1), "P-KARIMOU1"));
        sn.agenda().publish(karimou.id(), karimou.id(), Availability.builder().weekly(DayOfWeek.WEDNESDAY, TimeRange.of("13:00", "17:00")).build());
        sn.members().setDigest(karimou.id(), karimou.id(), AlertPreferences.Digest.NONE);
        Member claire = f.active("Claire Martin", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        Member nadia = f.active("Nadia Benali", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member paul = f.active("Paul Bernard", NUITS);
        Member bruno = f.active("Bruno Bloqué", NUITS);
        sn.moderation().block(karimou.id(), bruno.id());
        sn.roles().grant(HOST, karimou.id(), Privilege.CANOPE, Academie.DIJON, "médiation Canopé");

        // his own ticket, with an offer from Nadia
        TicketNum his = sn.tickets().open(karimou.id(), TicketRequest.builder(CAPYTALE).text(ticketText).radiusKm(40).build());
        sn.tickets().offer(nadia.id(), his.id(), "Je peux t'aider");
        // Claire's ticket, on which he offers, is accepted, and talks
        TicketNum hers = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Python en 2de").radiusKm(40).build());
        sn.tickets().offer(karimou.id(), hers.id(), offerText);
        sn.tickets().accept(claire.id(), hers.id(), karimou.id());
        sn.tickets().post(karimou.id(), hers.id(), messageText);
        sn.tickets().post(claire.id(), hers.id(), "Parfait, à jeudi");

        // he organises a workshop, held, with a badge; and takes a seat at Nadia's, with feedback
        Event his_event = sn.events().create(karimou.id(), EventRequest.direct().title("Capytale : la tortue").tools(CAPYTALE)
                .start(Fixture.START.plus(Duration.ofDays(2))).duration(Duration.ofHours(2)).capacity(5)
                .atEstablishment(CARNOT.uai()).build());
        sn.events().confirm(karimou.id(), his_event.id());
        sn.events().register(paul.id(), his_event.id());
        Event hers_event = sn.events().create(nadia.id(), EventRequest.direct().title("Capytale avancé").tools(CAPYTALE)
                .start(Fixture.START.plus(Duration.ofDays(2))).duration(Duration.ofHours(2)).capacity(5)
                .atEstablishment(NUITS.uai()).build());
        sn.events().confirm(nadia.id(), hers_event.id());
        sn.events().register(karimou.id(), hers_event.id());
        f.clock.advance(Duration.ofDays(3));
        sn.events().markHeld(karimou.id(), his_event.id());
        sn.events().markHeld(nadia.id(), hers_event.id());
        sn.events().giveFeedback(karimou.id(), hers_event.id(), 5, feedbackText);
        assertThat(sn.members().badges(HOST, karimou.id())).isNotEmpty();
        sn.moderation().report(karimou.id(), new Report.OfMember(bruno.id()), Report.Reason.HARASSMENT, reportText);

        // the mail server goes down: notifications naming him or quoting him wait in the outbox
        notifier.down.set(true);
        sn.tickets().post(karimou.id(), hers.id(), messageText + " encore");
        TicketNum third = sn.tickets().open(claire.id(), TicketRequest.builder(ToolId.of("geogebra")).text("GeoGebra").radiusKm(40).build());
        sn.events().create(karimou.id(), EventRequest.direct().title("Capytale, la suite").tools(CAPYTALE)
                .start(f.clock.instant().plus(Duration.ofDays(5))).duration(Duration.ofHours(2)).capacity(5)
                .atEstablishment(CARNOT.uai()).coOrganisers(claire.id()).build());
        assertThat(sn.outbox().failed(HOST)).isNotEmpty();
        String before = fresh.everything().get();
        assertThat(before).as("the scenario left traces to look for").contains(name, email, ticketText, offerText, messageText,
                feedbackText, discipline, usage);

        Member erased = sn.members().erase(karimou.id(), karimou.id());

        assertThat(erased.status()).isEqualTo(MemberStatus.ERASED);
        String everything = fresh.everything().get() + sn.outbox().failed(HOST) + sn.outbox().deadLetters(HOST)
                + sn.moderation().pendingReports(HOST);
        for (String trace : traces) {
            assertThat(everything).as("after erasure, the store holds no \"" + trace + "\"").doesNotContain(trace);
        }
        // counts stay right: his tickets, events, seat and score remain under his opaque id
        assertThat(sn.tickets().openedBy(HOST, karimou.id())).hasSize(1);
        assertThat(sn.events().feedback(HOST, hers_event.id())).singleElement()
                .satisfies(fb -> assertThat(fb.usefulness()).isEqualTo(5));
        assertThat(sn.roles().of(HOST, karimou.id())).hasSize(1);
        assertThat(third.id()).isNotNull();
    }
}
