package fr.sharenum.spring.boot;

import fr.sharenum.NewMember;
import fr.sharenum.ShareNum;
import fr.sharenum.TicketRequest;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.NotificationFailedException;
import fr.sharenum.spi.Notifier;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a host does through the public API: a school, a helper and a requester, a ticket that alerts the helper. */
public final class Scenario {
    static final ToolId CAPYTALE = ToolId.of("capytale");
    static final Establishment ROUPNEL = new Establishment(Uai.of("0211136W"), "Collège Gaston Roupnel",
            EstablishmentType.COLLEGE, Academie.DIJON, GeoPoint.of(47.3364, 5.0429), "21231");

    private Scenario() {
    }

    /** Registers and verifies a member, reading the token from {@code sent}. */
    static Member member(ShareNum sharenum, Recorder sent, String name, String email, Skill skill) {
        NewMember.Builder b = NewMember.builder().displayName(name).email(email).establishment(ROUPNEL.uai())
                .role(Role.TEACHER_SECONDARY);
        if (skill != null) {
            b.skill(skill);
        }
        Member m = sharenum.members().register(Actor.anonymous(), b.build());
        String token = awaitToken(sharenum, sent, m);
        return sharenum.members().verify(Actor.anonymous(), m.id(), token);
    }

    /**
     * The verification token sent to {@code m}: the mail leaves through the outbox, on the delivery worker or — when
     * the application delivers (sharenum.delivery.automatic=false) — when it calls deliverDue, as this does.
     */
    static String awaitToken(ShareNum sharenum, Recorder sent, Member m) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            java.util.Optional<String> token = sent.sent.stream()
                    .filter(n -> n instanceof Notification.VerificationRequested v && v.recipient().equals(m.id()))
                    .map(n -> ((Notification.VerificationRequested) n).token()).reduce((x, y) -> y);
            if (token.isPresent()) {
                return token.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no verification mail sent to " + m.id());
            }
            sharenum.outbox().deliverDue(Actor.host("spring-boot"));
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A requester opens a Capytale ticket; a helper of the same school is alerted. */
    static TicketNum ticket(ShareNum sharenum, Recorder sent, Actor host) {
        sharenum.establishments().put(host, ROUPNEL);
        member(sharenum, sent, "Hugo Helper", "hugo.helper@ac-dijon.fr", new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member claire = member(sharenum, sent, "Claire Martin", "claire.martin@ac-dijon.fr", null);
        return sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Démarrer Python en 2de").build());
    }

    /** A notifier that keeps what it sends and refuses ticket alerts for good when asked to. */
    public static final class Recorder implements Notifier {
        final List<Notification> sent = new CopyOnWriteArrayList<>();
        volatile boolean refuseAlerts;

        /** Keeps what it is given. */
        public Recorder() {
        }

        @Override
        public void send(Notification notification) {
            if (refuseAlerts && notification instanceof Notification.TicketAlert) {
                throw new NotificationFailedException("refused by the test", true);
            }
            sent.add(notification);
        }
    }
}
