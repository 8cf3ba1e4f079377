package fr.sharenum.examples;

import fr.sharenum.NewMember;
import fr.sharenum.OutboxNotifier;
import fr.sharenum.ShareNum;
import fr.sharenum.TicketRequest;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Guide;
import fr.sharenum.model.Member;
import fr.sharenum.model.Message;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.model.Uai;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ShareNum story on embedded defaults (in-memory store, outbox notifier, the geo engine found on
 * the class path): a teacher in Dijon needs help with Capytale, declines the PAF session, opens a
 * TicketNum within 30 km, experienced colleagues nearby are alerted, one is accepted, they talk.
 *
 * <p>Run from the project root: {@code ./mvnw -q -pl examples -am compile exec:java}
 */
public final class Story {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");

    private final PrintStream out;
    private final OutboxNotifier outbox = new OutboxNotifier();
    private final ShareNum sharenum;
    private final Map<Object, String> names = new LinkedHashMap<>();

    Story(PrintStream out) {
        this.out = out;
        Instant now = Instant.now();
        Training paf = new Training("PAF-21-NUM-042", "Capytale : premiers pas en Python (PAF)", TrainingKind.PAF_SESSION,
                Academie.DIJON, Set.of(CAPYTALE), now.plus(Duration.ofDays(24)), now.plus(Duration.ofDays(24)).plus(Duration.ofHours(3)),
                "Réseau Canopé, atelier de Dijon", URI.create("https://example.org/paf/PAF-21-NUM-042"));
        Guide guide = new Guide("guide-accompagner", "Accompagner un pair : de l'outil à la pédagogie", Set.of(CAPYTALE),
                Set.of(Theme.of("accompagnement")), null,
                "Partir d'une séance réelle du collègue, co-construire une activité, observer puis débriefer.");
        this.sharenum = ShareNum.builder().notifier(outbox).trainings(List.of(paf)).guides(List.of(guide)).build();
    }

    public static void main(String[] args) {
        new Story(System.out).run();
    }

    void run() {
        title("ShareNum — the story (matching engine: " + sharenum.matchingEngine().getClass().getSimpleName() + ")");

        Establishment roupnel = school("0211136W", "Collège Gaston Roupnel", Academie.DIJON, 47.33640, 5.04292, "21231");
        Establishment chapitre = school("0211225T", "Collège Le Chapitre", Academie.DIJON, 47.29561, 5.00352, "21166");
        Establishment nuits = school("0210038C", "Collège Félix Tisserand", Academie.DIJON, 47.13503, 4.95333, "21464");
        Establishment genlis = school("0211164B", "Collège Albert Camus", Academie.DIJON, 47.23883, 5.22737, "21292");
        Establishment auxonne = school("0211452P", "Collège La Croix des Sarrasins", Academie.DIJON, 47.19892, 5.39946, "21038");
        Establishment montbard = school("0210034Y", "Collège Pasteur", Academie.DIJON, 47.63468, 4.34210, "21425");
        Establishment stendhal = school("0250009Z", "Collège Stendhal", Academie.BESANCON, 47.24891, 6.01603, "25056");
        int stored = sharenum.establishments().putAll(List.of(roupnel, chapitre, nuits, genlis, auxonne, montbard, stendhal));
        out.printf("%d establishments in two académies (Dijon, Besançon)%n", stored);

        Member claire = join("Claire Martin", "claire.martin@ac-dijon.fr", roupnel, Role.TEACHER_SECONDARY, CompetenceLevel.NOVICE);
        join("Paul Bernard", "paul.bernard@ac-dijon.fr", roupnel, Role.TEACHER_SECONDARY, CompetenceLevel.NOVICE);
        Member karim = join("Karim Haddad", "karim.haddad@ac-dijon.fr", chapitre, Role.TEACHER_SECONDARY, CompetenceLevel.EXPERIENCED);
        join("Sophie Laurent", "sophie.laurent@ac-dijon.fr", nuits, Role.DOCUMENTALISTE, CompetenceLevel.INTERMEDIATE);
        Member julien = join("Julien Petit", "julien.petit@ac-dijon.fr", genlis, Role.TEACHER_SECONDARY, CompetenceLevel.EXPERIENCED);
        join("Nadia Benali", "nadia.benali@ac-dijon.fr", auxonne, Role.TEACHER_SECONDARY, CompetenceLevel.EXPERIENCED);
        join("Marc Girard", "marc.girard@ac-dijon.fr", montbard, Role.ERUN, CompetenceLevel.EXPERIENCED);
        join("Amélie Roux", "amelie.roux@ac-besancon.fr", stendhal, Role.TEACHER_SECONDARY, CompetenceLevel.EXPERIENCED);
        try {
            sharenum.members().register(NewMember.builder().displayName("Eve").email("eve@ac-dijon.fr.evil.com")
                    .establishment(roupnel.uai()).build());
        } catch (RuntimeException refused) {
            out.println("refused: eve@ac-dijon.fr.evil.com — " + refused.getMessage());
        }

        section("Trainings first");
        List<Training> shown = sharenum.trainings().forMember(claire.id(), Set.of(CAPYTALE));
        shown.forEach(t -> out.printf("shown to Claire: %s — %s, %s%n", t.id(), t.title(), t.place()));
        out.println("Claire declines: the session is in three weeks and her class starts Python on Monday.");

        section("TicketNum");
        TicketNum ticket = sharenum.tickets().open(TicketRequest.builder(claire.id(), CAPYTALE)
                .kind(TicketKind.ACCOMPANIMENT).radiusKm(30)
                .text("Je lance mes 2de sur Python avec Capytale lundi : qui peut m'aider à préparer la première séance ?")
                .declinedTrainings(shown.stream().map(Training::id).toList())
                .build());
        out.printf("ticket %s opened by Claire at %s, radius %.0f km, trainings declined: %s%n",
                ticket.id(), roupnel.name(), ticket.radiusKm(), ticket.trainingsDeclined());
        out.println("alerted (level ≥ INTERMEDIATE, within 30 km), nearest and most experienced first:");
        for (Alert a : ticket.alerts()) {
            out.printf("  %-16s %-13s %5.1f km%n", names.get(a.helper()), a.level(), a.distanceKm());
        }
        for (Map.Entry<Object, String> e : names.entrySet()) {
            Member m = sharenum.members().get((fr.sharenum.model.MemberId) e.getKey());
            if (m.equals(claire) || m.id().equals(claire.id()) || ticket.wasAlerted(m.id())) {
                continue;
            }
            double km = roupnel.location().distanceKm(sharenum.establishments().get(m.establishment()).location());
            out.printf("  (not alerted) %-16s %-13s %5.1f km%n", e.getValue(), m.levelOn(CAPYTALE).orElseThrow(), km);
        }

        section("Offers");
        sharenum.tickets().offer(ticket.id(), julien.id(), "Je peux venir mercredi après-midi avec des exemples de TP.");
        sharenum.tickets().offer(ticket.id(), karim.id(), "Je suis à Chenôve, je passe jeudi à 16 h si tu veux.");
        TicketNum accepted = sharenum.tickets().accept(ticket.id(), claire.id(), karim.id());
        out.printf("Claire accepts Karim's offer; ticket is %s; Julien is thanked (%d notification)%n",
                accepted.status(), outbox.sentTo(julien.id()).stream().filter(n -> n instanceof Notification.OfferDeclined).count());

        section("Conversation");
        sharenum.tickets().post(ticket.id(), claire.id(), "Merci Karim ! Jeudi 16 h au CDI du collège Roupnel ?");
        sharenum.tickets().post(ticket.id(), karim.id(), "Parfait. J'apporte la séquence « tortue » que j'utilise en 2de.");
        for (Message m : sharenum.tickets().conversation(ticket.id(), claire.id())) {
            out.printf("  #%d %s: %s%n", m.seq(), names.get(m.sender()), m.text());
        }

        section("Notifications sent");
        Map<String, Long> byKind = outbox.sent().stream()
                .collect(Collectors.groupingBy(n -> n.getClass().getSimpleName(), LinkedHashMap::new, Collectors.counting()));
        byKind.forEach((kind, count) -> out.printf("  %-22s %d%n", kind, count));
        Notification.TicketAlert toKarim = outbox.sent(Notification.TicketAlert.class).stream()
                .filter(n -> n.recipient().equals(karim.id())).findFirst().orElseThrow();
        out.printf("Karim's alert came with the guide « %s »%n", toKarim.guides().get(0).title());
    }

    private Establishment school(String uai, String name, Academie academie, double lat, double lon, String commune) {
        return new Establishment(Uai.of(uai), name, EstablishmentType.COLLEGE, academie, GeoPoint.of(lat, lon), commune);
    }

    /** Registers, then verifies with the token the member received. */
    private Member join(String name, String email, Establishment at, Role role, CompetenceLevel capytale) {
        Member m = sharenum.members().register(NewMember.builder().displayName(name).email(email)
                .establishment(at.uai()).role(role)
                .skill(new Skill(CAPYTALE, capytale, Set.of("initiation à Python")))
                .skill(new Skill(GEOGEBRA, CompetenceLevel.INTERMEDIATE))
                .follow(CAPYTALE).build());
        Function<Notification, String> token = n -> ((Notification.VerificationRequested) n).token();
        String sent = outbox.sent(Notification.VerificationRequested.class).stream()
                .filter(n -> n.recipient().equals(m.id())).map(token).reduce((a, b) -> b).orElseThrow();
        Member verified = sharenum.members().verify(m.id(), sent);
        names.put(m.id(), name);
        out.printf("member %-16s %-32s %-13s (verified)%n", name, at.name(), capytale);
        return verified;
    }

    private void title(String text) {
        out.println(text);
        out.println("=".repeat(text.length()));
    }

    private void section(String text) {
        out.println();
        out.println("— " + text);
    }
}
