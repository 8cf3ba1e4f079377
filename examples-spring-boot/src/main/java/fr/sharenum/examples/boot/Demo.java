package fr.sharenum.examples.boot;

import fr.sharenum.NewMember;
import fr.sharenum.OutboxNotifier;
import fr.sharenum.ShareNum;
import fr.sharenum.TicketRequest;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.Optional;

/** The story the application tells at start: two colleagues of a collège, a Capytale ticket, an alert, the health. */
@Component
class Demo implements CommandLineRunner {
    private static final Actor ENT = Actor.host("ent-bourgogne");
    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final Establishment ROUPNEL = new Establishment(Uai.of("0211136W"), "Collège Gaston Roupnel",
            EstablishmentType.COLLEGE, Academie.DIJON, GeoPoint.of(47.3364, 5.0429), "21231");

    private final ShareNum sharenum;
    private final OutboxNotifier inbox;
    private final HealthEndpoint health;
    private final ObjectProvider<MeterRegistry> meters;
    private final PrintStream out = System.out;

    Demo(ShareNum sharenum, OutboxNotifier inbox, HealthEndpoint health, ObjectProvider<MeterRegistry> meters) {
        this.sharenum = sharenum;
        this.inbox = inbox;
        this.health = health;
        this.meters = meters;
    }

    @Override
    public void run(String... args) {
        sharenum.establishments().put(ENT, ROUPNEL);
        Member helper = member("ent-karim", "Karim Haddad", "karim.haddad@ac-dijon.fr", new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member claire = member("ent-claire", "Claire Martin", "claire.martin@ac-dijon.fr", null);
        TicketNum ticket = sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE)
                .text("Démarrer Python en 2de").build());
        out.println("ticket opened within " + ticket.radiusKm() + " km; alerted: " + ticket.alerts().size()
                + (ticket.alerts().isEmpty() ? " (Karim was alerted by Claire for Capytale less than 3 days ago: sharenum.alerts.cool-down)" : ""));
        // notifications go out on ShareNum's delivery thread, right after the commit: the alert arrives a moment later
        if (!ticket.alerts().isEmpty()) {
            Optional<Notification.TicketAlert> alert = await(() -> inbox.sent(Notification.TicketAlert.class).stream()
                    .filter(a -> a.recipient().equals(helper.id())).reduce((a, b) -> b));
            alert.ifPresentOrElse(a -> out.println("Karim's alert names " + a.toolName(CAPYTALE)
                    + (a.sameEstablishment() ? ", in his own establishment" : ", " + a.distanceKm() + " km away")),
                    () -> out.println("Karim's alert waits for the end of the quiet hours (sharenum.quiet-hours.*)"));
        }
        out.println("ShareNum health: " + health.healthForPath("sharenum").getStatus());
        meters.ifAvailable(registry -> out.println("tickets opened since start (sharenum.tickets.opened): "
                + registry.find("sharenum.tickets.opened").counters().stream().mapToDouble(c -> c.count()).sum()));
    }

    /** The member with this address, registered and verified on the first run, found again on the next ones. */
    private Member member(String id, String name, String email, Skill skill) {
        Optional<Member> known = sharenum.members().find(ENT, MemberId.of(id));
        if (known.isPresent()) {
            out.println(name + " is already a member (kept in the database)");
            return known.get();
        }
        NewMember.Builder b = NewMember.builder().id(MemberId.of(id)).displayName(name).email(email).establishment(ROUPNEL.uai())
                .role(Role.TEACHER_SECONDARY);
        if (skill != null) {
            b.skill(skill);
        }
        Member m = sharenum.members().register(ENT, b.build());   // the ENT registers its own users, with its ids
        // the verification mail leaves through the outbox, on the delivery thread: a moment later
        String token = await(() -> inbox.sent(Notification.VerificationRequested.class).stream()
                .filter(v -> v.recipient().equals(m.id())).reduce((x, y) -> y)).orElseThrow().token();
        out.println(name + " registered and verified");
        return sharenum.members().verify(Actor.anonymous(), m.id(), token);
    }

    /** What {@code look} finds within 10 s (the delivery thread sends right after the commit). */
    private static <T> Optional<T> await(java.util.function.Supplier<Optional<T>> look) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        Optional<T> found = look.get();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = look.get();
        }
        return found;
    }
}
