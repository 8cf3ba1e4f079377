package fr.sharenum.examples;

import fr.sharenum.CommonSlot;
import fr.sharenum.EventRequest;
import fr.sharenum.EventSearch;
import fr.sharenum.Page;
import fr.sharenum.PageRequest;
import fr.sharenum.model.EventFormat;
import fr.sharenum.model.OnlineAccess;
import fr.sharenum.SlotQuery;
import fr.sharenum.model.Availability;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Event;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.Venue;
import fr.sharenum.BadgeRule;
import fr.sharenum.IndicatorReport;
import fr.sharenum.Territory;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.json.OpenBadges;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.BadgeDefinition;
import fr.sharenum.model.Email;
import fr.sharenum.spi.ShareNumStore;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import fr.sharenum.NewMember;
import fr.sharenum.OutboxNotifier;
import fr.sharenum.ShareNum;
import fr.sharenum.TicketRequest;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Privilege;
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
 * TicketNum within 30 km, experienced colleagues nearby are alerted, one is accepted, they talk; they
 * find a common slot in the shared agenda, book the BusNum, the workshop is announced to colleagues
 * nearby who register (one ends on the waitlist and is promoted when a seat frees).
 *
 * <p>Run from the project root: {@code ./mvnw -q -pl examples -am compile exec:java}
 */
public final class Story {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");
    /** The host platform acting as itself: its directory import, its sign-up page, its scheduled jobs. */
    private static final Actor HOST = Actor.host("story");

    private final PrintStream out;
    private final OutboxNotifier outbox = new OutboxNotifier();
    private final ShareNum sharenum;
    private final Map<Object, String> names = new LinkedHashMap<>();

    /** What the run's addresses carry so that they stay unique in a store that keeps earlier runs. */
    private final String tag;
    private final String storeLabel;
    private final StoryClock clock;

    /** The system clock shifted to the story's time; the story moves it forward ("two weeks later"). */
    private static final class StoryClock extends java.time.Clock {
        private volatile Duration offset;

        StoryClock(Duration offset) {
            this.offset = offset;
        }

        void skip(Duration d) {
            offset = offset.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    Story(PrintStream out) {
        this(out, null);
    }

    /** With {@code h2Directory}, everything is kept in an embedded H2 database there, across runs. */
    Story(PrintStream out, Path h2Directory) {
        this.out = out;
        ShareNumStore store = h2Directory == null ? ShareNum.inMemoryStore() : JdbcStore.h2(h2Directory);
        long earlier = store.inTransaction(t -> t.events().orElseThrow().overlapping(Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"))).size();
        this.tag = h2Directory == null ? "" : "+run" + (earlier + 1);
        this.storeLabel = h2Directory == null ? "in memory"
                : "H2 database in " + h2Directory + " (" + earlier + " events kept from earlier runs)";
        // the story happens today at 10:00 in Dijon, whatever the time it is run (alerts wait out quiet hours)
        Instant real = Instant.now();
        Instant tenInDijon = LocalDate.now(ZoneId.of("Europe/Paris")).atTime(10, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
        this.clock = new StoryClock(Duration.between(real, tenInDijon));
        Instant now = clock.instant();
        Training paf = new Training("PAF-21-NUM-042", "Capytale : premiers pas en Python (PAF)", TrainingKind.PAF_SESSION,
                Academie.DIJON, Set.of(CAPYTALE), now.plus(Duration.ofDays(24)), now.plus(Duration.ofDays(24)).plus(Duration.ofHours(3)),
                "Réseau Canopé, atelier de Dijon", URI.create("https://example.org/paf/PAF-21-NUM-042"));
        Guide guide = new Guide("guide-accompagner", "Accompagner un pair : de l'outil à la pédagogie", Set.of(CAPYTALE),
                Set.of(Theme.of("accompagnement")), null,
                "Partir d'une séance réelle du collègue, co-construire une activité, observer puis débriefer.");
        // the story delivers in the caller's thread, right after each commit, so that it can print what each step
        // sent; a host keeps the default: a delivery thread of the instance's own, and the caller returns at once
        this.sharenum = ShareNum.builder().store(store).notifier(outbox).clock(clock).trainings(List.of(paf))
                .guides(List.of(guide)).notificationDelivery(Runnable::run, java.time.Duration.ZERO)
                // reminders when the story says (events().sendReminders); a host keeps the default background poll
                .reminderPoll(Duration.ZERO).build();
    }

    /** {@code --h2 <directory>}: keep the data in an embedded H2 database across runs. */
    public static void main(String[] args) {
        Path h2 = null;
        for (int i = 0; i < args.length; i++) {
            if ("--h2".equals(args[i]) && i + 1 < args.length) {
                h2 = Path.of(args[++i]);
            } else {
                System.err.println("usage: Story [--h2 <directory>]");
                System.exit(2);
            }
        }
        new Story(System.out, h2).run();
    }

    void run() {
        title("ShareNum — the story (matching engine: " + sharenum.matchingEngine(HOST).getClass().getSimpleName() + ")");
        out.println("store: " + storeLabel);

        Establishment roupnel = school("0211136W", "Collège Gaston Roupnel", Academie.DIJON, 47.33640, 5.04292, "21231");
        Establishment chapitre = school("0211225T", "Collège Le Chapitre", Academie.DIJON, 47.29561, 5.00352, "21166");
        Establishment nuits = school("0210038C", "Collège Félix Tisserand", Academie.DIJON, 47.13503, 4.95333, "21464");
        Establishment genlis = school("0211164B", "Collège Albert Camus", Academie.DIJON, 47.23883, 5.22737, "21292");
        Establishment auxonne = school("0211452P", "Collège La Croix des Sarrasins", Academie.DIJON, 47.19892, 5.39946, "21038");
        Establishment montbard = school("0210034Y", "Collège Pasteur", Academie.DIJON, 47.63468, 4.34210, "21425");
        Establishment stendhal = school("0250009Z", "Collège Stendhal", Academie.BESANCON, 47.24891, 6.01603, "25056");
        int stored = sharenum.establishments().putAll(HOST, List.of(roupnel, chapitre, nuits, genlis, auxonne, montbard, stendhal));
        out.printf("%d establishments in two académies (Dijon, Besançon)%n", stored);

        Member claire = join("Claire Martin", "claire.martin@ac-dijon.fr", roupnel, Role.TEACHER_SECONDARY, CompetenceLevel.NOVICE);
        Member paul = join("Paul Bernard", "paul.bernard@ac-dijon.fr", roupnel, Role.TEACHER_SECONDARY, CompetenceLevel.NOVICE);
        Member karim = join("Karim Haddad", "karim.haddad@ac-dijon.fr", chapitre, Role.TEACHER_SECONDARY, CompetenceLevel.EXPERIENCED);
        Member sophie = join("Sophie Laurent", "sophie.laurent@ac-dijon.fr", nuits, Role.DOCUMENTALISTE, CompetenceLevel.INTERMEDIATE);
        Member julien = join("Julien Petit", "julien.petit@ac-dijon.fr", genlis, Role.TEACHER_SECONDARY, CompetenceLevel.EXPERIENCED);
        Member nadia = join("Nadia Benali", "nadia.benali@ac-dijon.fr", auxonne, Role.TEACHER_SECONDARY, CompetenceLevel.EXPERIENCED);
        join("Marc Girard", "marc.girard@ac-dijon.fr", montbard, Role.ERUN, CompetenceLevel.EXPERIENCED);
        join("Amélie Roux", "amelie.roux@ac-besancon.fr", stendhal, Role.TEACHER_SECONDARY, CompetenceLevel.EXPERIENCED);
        try {
            sharenum.members().register(Actor.anonymous(), NewMember.builder().displayName("Eve").email("eve@ac-dijon.fr.evil.com")
                    .establishment(roupnel.uai()).build());
        } catch (RuntimeException refused) {
            out.println("refused: eve@ac-dijon.fr.evil.com — " + refused.getMessage());
        }

        section("Roles are granted, never declared");
        Member isabelle = join("Isabelle Morel", "isabelle.morel@ac-dijon.fr", roupnel, Role.OTHER, CompetenceLevel.NOVICE);
        sharenum.roles().grant(HOST, isabelle.id(), Privilege.ACADEMIE_STAFF, Academie.DIJON, "Chargée de mission DANE, nommée par le recteur");
        out.println("the host grants Isabelle ACADEMIE_STAFF for Dijon (audited): "
                + sharenum.roles().audit(isabelle.id(), Academie.DIJON, now().minus(Duration.ofDays(1)), now().plus(Duration.ofDays(1)), 10)
                .stream().map(a -> a.action() + " " + a.detail()).toList());
        try {
            sharenum.members().register(Actor.anonymous(), NewMember.builder().displayName("Mallory").email("mallory" + tag + "@ac-dijon.fr")
                    .establishment(roupnel.uai()).role(Role.ACADEMIE_STAFF).build());
        } catch (NotAllowedException refused) {
            out.println("refused [" + refused.code() + "]: " + refused.getMessage());
        }

        section("Trainings first");
        List<Training> shown = sharenum.trainings().forMember(claire.id(), Set.of(CAPYTALE));
        shown.forEach(t -> out.printf("shown to Claire: %s — %s, %s%n", t.id(), t.title(), t.place()));
        out.println("Claire declines: the session is in three weeks and her class starts Python on Monday.");

        section("TicketNum");
        TicketNum ticket = sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE)
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
            Member m = sharenum.members().get(HOST, (fr.sharenum.model.MemberId) e.getKey());
            if (m.equals(claire) || m.id().equals(claire.id()) || ticket.wasAlerted(m.id())) {
                continue;
            }
            double km = roupnel.location().distanceKm(sharenum.establishments().get(Actor.anonymous(), m.establishment()).location());
            out.printf("  (not alerted) %-16s %-13s %5.1f km%n", e.getValue(), m.levelOn(CAPYTALE).orElseThrow(), km);
        }

        section("Offers");
        sharenum.tickets().offer(julien.id(), ticket.id(), "Je peux venir mercredi après-midi avec des exemples de TP.");
        sharenum.tickets().offer(karim.id(), ticket.id(), "Je suis à Chenôve, je passe jeudi à 16 h si tu veux.");
        TicketNum accepted = sharenum.tickets().accept(claire.id(), ticket.id(), karim.id());
        out.printf("Claire accepts Karim's offer; ticket is %s; Julien is thanked (%d notification)%n",
                accepted.status(), outbox.sentTo(julien.id()).stream().filter(n -> n instanceof Notification.OfferDeclined).count());

        section("Conversation");
        sharenum.tickets().post(claire.id(), ticket.id(), "Merci Karim ! Jeudi 16 h au CDI du collège Roupnel ?");
        sharenum.tickets().post(karim.id(), ticket.id(), "Parfait. J'apporte la séquence « tortue » que j'utilise en 2de.");
        for (Message m : sharenum.tickets().conversation(claire.id(), ticket.id())) {
            out.printf("  #%d %s: %s%n", m.seq(), names.get(m.sender()), m.text());
        }

        section("A common date in the shared agenda");
        sharenum.agenda().publish(claire.id(), claire.id(), Availability.builder()
                .weekly(DayOfWeek.WEDNESDAY, TimeRange.of("13:30", "17:30"))
                .weekly(DayOfWeek.THURSDAY, TimeRange.of("16:00", "18:30")).build());
        sharenum.agenda().publish(karim.id(), karim.id(), Availability.builder()
                .weekly(DayOfWeek.WEDNESDAY, TimeRange.of("14:00", "18:00"))
                .weekly(DayOfWeek.FRIDAY, TimeRange.of("09:00", "12:00")).build());
        BusId busId = BusId.of("busnum-21");
        Bus bus = sharenum.busNum().all(HOST).stream().filter(b -> b.id().equals(busId)).findFirst()
                .orElseGet(() -> sharenum.busNum().add(HOST, Bus.of(busId, "BusNum Côte-d'Or", GeoPoint.of(47.3220, 5.0415), 80,
                        Set.of("16 tablettes", "écran interactif", "robots Thymio"), 16)));
        Instant from = clock.instant().plus(Duration.ofDays(1));
        List<CommonSlot> slots = sharenum.agenda().findCommonSlots(HOST, SlotQuery.of(Duration.ofHours(2), from,
                from.plus(Duration.ofDays(21))).members(claire.id(), karim.id()).bus(busId, Venue.of(roupnel))
                .maxResults(3).build());
        out.println("Claire: Wednesdays 13:30–17:30, Thursdays 16:00–18:30; Karim: Wednesdays 14:00–18:00, Fridays 9:00–12:00.");
        out.printf("common 2-hour slots with the %s free at %s (Europe/Paris):%n", bus.name(), roupnel.name());
        slots.forEach(s -> out.printf("  %s (free until %s)%n", local(s.start()), LOCAL_TIME.format(s.free().end())));
        CommonSlot slot = slots.get(0);

        section("A workshop in the BusNum");
        Event planned = sharenum.events().create(karim.id(), EventRequest.fromTicket(ticket.id())
                .title("Capytale : premiers pas en Python").themes(Theme.of("programmation"))
                .description("Prise en main de Capytale et de la séquence « tortue » pour la 2de.")
                .start(slot.start()).duration(Duration.ofHours(2)).capacity(3)
                .atEstablishment(roupnel.uai()).onBus(busId).build());
        out.printf("event %s planned %s at %s in the %s; ticket is now %s%n", planned.title(), local(planned.start()),
                planned.venue().label(), bus.name(), sharenum.tickets().get(HOST, ticket.id()).status());
        out.printf("bus booked: %s%n", sharenum.busNum().bookings(HOST, busId, LocalDate.now(), 5).stream()
                .map(b -> local(b.onSite().start()) + " at " + b.venue().label()).toList());
        Event confirmed = sharenum.events().confirm(claire.id(), planned.id());
        List<String> announced = outbox.sent(Notification.EventInvitation.class).stream()
                .filter(n -> n.reason() == Notification.InvitationReason.ANNOUNCED).map(n -> names.get(n.recipient())).toList();
        out.printf("confirmed by Claire; announced (within %.0f km, following Capytale or the theme) to %s%n",
                confirmed.broadcastRadiusKm(), announced);

        section("Registrations (3 seats)");
        for (Member m : List.of(paul, sophie, julien, nadia)) {
            Event e = sharenum.events().register(m.id(), planned.id());
            out.printf("  %-16s %s%n", names.get(m.id()), e.isRegistered(m.id()) ? "registered"
                    : "on the waitlist, position " + e.waitlistPosition(m.id()).getAsInt());
        }
        sharenum.events().unregister(julien.id(), planned.id());
        Event after = sharenum.events().get(karim.id(), planned.id());     // organisers see who registered
        out.printf("Julien cannot come after all; seats now, as Karim sees them: %s%n", after.registered().stream()
                .map(r -> names.get(r.member())).toList());
        Notification.EventInvitation promoted = outbox.sent(Notification.EventInvitation.class).stream()
                .filter(n -> n.reason() == Notification.InvitationReason.PROMOTED).findFirst().orElseThrow();
        out.printf("%s is told she has a seat, with the invitation for her agenda (%s):%n", names.get(promoted.recipient()),
                promoted.invitation().contentType());
        promoted.invitation().ics().lines()
                .filter(l -> l.startsWith("METHOD") || l.startsWith("UID") || l.startsWith("SEQUENCE")
                        || l.startsWith("DTSTART") || l.startsWith("SUMMARY") || l.startsWith("LOCATION"))
                .forEach(l -> out.println("  " + l));

        // what members see is in French, as ShareNum's messages and mails are
        section("Trouver un événement près de chez soi, un atelier en ligne, un rappel");
        Event online = sharenum.events().create(julien.id(), EventRequest.direct()
                .title("Capytale en classe virtuelle : corriger à distance").tools(CAPYTALE)
                .start(planned.start().plus(Duration.ofDays(3))).duration(Duration.ofHours(1)).capacity(30)
                .online(OnlineAccess.of(URI.create("https://visio.ac-dijon.fr/capytale-correction")).forAcademie(Academie.DIJON))
                .build());
        sharenum.events().confirm(julien.id(), online.id());
        out.printf("Julien anime un atelier %s pour l'académie de Dijon ; annoncé à %d collègue(s) de l'académie"
                + " ayant Capytale dans leur profil%n", online.formats().equals(Set.of(EventFormat.ONLINE)) ? "en ligne" : "hybride",
                outbox.sent(Notification.EventInvitation.class).stream()
                        .filter(n -> n.event().id().equals(online.id()) && n.reason() == Notification.InvitationReason.ANNOUNCED)
                        .count());
        Page<Event> nearby = sharenum.events().search(sophie.id(), EventSearch.between(now(), now().plus(Duration.ofDays(30)))
                .aroundMe(30).build(), PageRequest.first(10));
        out.println("Sophie parcourt les événements à moins de 30 km de son collège et ceux en ligne pour son académie :");
        nearby.items().forEach(e -> out.printf("  %s — %s — %s%s%n", local(e.start()), e.title(),
                e.venue() == null ? "en ligne" : e.venue().label(), e.bus() != null ? " (BusNum)" : ""));
        out.printf("avant de s'inscrire, Sophie ne voit pas le lien de la classe virtuelle (%s) ;",
                sharenum.events().get(sophie.id(), online.id()).online().link().equals(OnlineAccess.HIDDEN) ? "masqué" : "visible");
        sharenum.events().register(sophie.id(), online.id());
        out.printf(" inscrite, Sophie le voit : %s%n", sharenum.events().get(sophie.id(), online.id()).online().link());
        Duration untilDayBefore = Duration.between(clock.instant(), planned.start().minus(Duration.ofHours(23)));
        if (!untilDayBefore.isNegative()) {
            clock.skip(untilDayBefore);
        }
        int reminders = sharenum.events().sendReminders(HOST);
        sharenum.events().sendReminders(HOST);       // again, as another instance's background would: nothing twice
        Notification.EventReminder reminder = outbox.sent(Notification.EventReminder.class).stream()
                .filter(r -> r.recipient().equals(paul.id())).findFirst().orElseThrow();
        out.printf("la veille de l'atelier dans le BusNum, %d rappel(s) partent, une seule fois (organisateurs et inscrits) ;"
                + " celui de Paul, à l'heure de son fuseau (%s), avec l'invitation .ics :%n", reminders, reminder.zone());
        out.printf("  %s : « %s », %s — %s%n", reminder.when() == Notification.Reminder.DAY_BEFORE ? "Demain" : "Dans une heure",
                reminder.event().title(), DateTimeFormatter.ofPattern("EEEE d MMMM 'à' HH:mm", Locale.FRANCE)
                        .format(reminder.event().start().atZone(reminder.zone())), reminder.event().place());
        reminder.invitation().ics().lines().filter(l -> l.startsWith("METHOD") || l.startsWith("SUMMARY"))
                .forEach(l -> out.println("  " + l));

        section("After the workshop");
        clock.skip(Duration.between(clock.instant(), planned.end()).plusHours(1));
        Event held = sharenum.events().markHeld(karim.id(), planned.id());
        out.printf("the workshop was held (%s); the ticket is %s%n", held.status(), sharenum.tickets().get(HOST, ticket.id()).status());
        sharenum.events().giveFeedback(paul.id(), planned.id(), 5, "Très concret, je lance la séquence lundi.");
        sharenum.events().giveFeedback(nadia.id(), planned.id(), 4, "");
        out.printf("feedback: %s; Karim's rating, as he sees it: %s%n", sharenum.events().feedback(karim.id(), planned.id())
                .stream().map(fb -> fb.usefulness() + "/5").toList(), sharenum.events().helperRating(karim.id(), karim.id())
                .map(r -> String.format(Locale.ROOT, "%.1f/5 over %d", r.meanUsefulness(), r.count())).orElse("-"));
        List<BadgeAward> badges = sharenum.members().badges(karim.id(), karim.id());
        BadgeDefinition first = BadgeRule.defaults().get(0).badge();
        OpenBadges openBadges = OpenBadges.builder(URI.create("https://ent.example.fr/sharenum/openbadges"))
                .issuer("DANE de l'académie de Dijon", URI.create("https://dane.ac-dijon.fr"), Email.of("dane@ac-dijon.fr"))
                .build();
        out.printf("badges earned by Karim: %s; the Open Badges 2.0 assertion for his backpack:%n",
                badges.stream().map(BadgeAward::badge).toList());
        out.println("  " + openBadges.assertion(badges.get(0), first, karim.email()));

        section("The académie's view");
        java.time.YearMonth thisMonth = java.time.YearMonth.from(now().atZone(ZoneId.of("Europe/Paris")));
        try {
            sharenum.indicators().report(claire.id(), Territory.of(Academie.DIJON), thisMonth.minusMonths(1), thisMonth);
        } catch (NotAllowedException refused) {
            out.println("Claire asks for them — refused [" + refused.code() + "]: " + refused.getMessage());
            out.println("  (in English: " + refused.message(Locale.ENGLISH) + ")");
        }
        out.println("Isabelle, staff of the académie, reads them:");
        IndicatorReport dijon = sharenum.indicators().report(isabelle.id(), Territory.of(Academie.DIJON), thisMonth.minusMonths(1), thisMonth);
        out.printf("Dijon, %s–%s: %d ticket(s) opened, %.0f %% first shown a training, %.0f %% with an offer, %.0f %% with a"
                + " helper, %.0f %% with an event; median %s min to the first offer; %d event(s) held, %d participant(s),"
                + " %d BusNum day(s), %.0f km driven; Capytale members: %d novice, %d intermediate, %d experienced%n",
                dijon.from(), dijon.to(), dijon.ticketsOpened(), 100 * dijon.shareShownTraining(), 100 * dijon.shareWithOffer(),
                100 * dijon.shareWithHelper(), 100 * dijon.shareWithEvent(), dijon.medianMinutesToOffer(), dijon.eventsHeld(),
                dijon.participants(), dijon.busNumDays(), dijon.busNumKm(), dijon.members(CAPYTALE, 0), dijon.members(CAPYTALE, 1),
                dijon.members(CAPYTALE, 2));

        section("Notifications sent");
        Map<String, Long> byKind = outbox.sent().stream()
                .collect(Collectors.groupingBy(n -> n.getClass().getSimpleName(), LinkedHashMap::new, Collectors.counting()));
        byKind.forEach((kind, count) -> out.printf("  %-22s %d%n", kind, count));
        Notification.TicketAlert toKarim = outbox.sent(Notification.TicketAlert.class).stream()
                .filter(n -> n.recipient().equals(karim.id())).findFirst().orElseThrow();
        out.printf("Karim's alert came with the guide « %s »%n", toKarim.guides().get(0).title());
    }

    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH:mm",
            Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/Paris"));

    private Instant now() {
        return clock.instant();
    }

    private static String local(Instant instant) {
        return LOCAL_DATE_TIME.format(instant);
    }

    private Establishment school(String uai, String name, Academie academie, double lat, double lon, String commune) {
        return new Establishment(Uai.of(uai), name, EstablishmentType.COLLEGE, academie, GeoPoint.of(lat, lon), commune);
    }

    /** Registers, then verifies with the token the member received. */
    private Member join(String name, String email, Establishment at, Role role, CompetenceLevel capytale) {
        Member m = sharenum.members().register(Actor.anonymous(), NewMember.builder().displayName(name).email(email.replace("@", tag + "@"))
                .establishment(at.uai()).role(role)
                .skill(new Skill(CAPYTALE, capytale, Set.of("initiation à Python")))
                .skill(new Skill(GEOGEBRA, CompetenceLevel.INTERMEDIATE))
                .follow(CAPYTALE).build());
        Function<Notification, String> token = n -> ((Notification.VerificationRequested) n).token();
        String sent = outbox.sent(Notification.VerificationRequested.class).stream()
                .filter(n -> n.recipient().equals(m.id())).map(token).reduce((a, b) -> b).orElseThrow();
        Member verified = sharenum.members().verify(Actor.anonymous(), m.id(), sent);
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
