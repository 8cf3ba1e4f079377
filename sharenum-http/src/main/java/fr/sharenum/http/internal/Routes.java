package fr.sharenum.http.internal;

import fr.sharenum.BusOption;
import fr.sharenum.CampaignReport;
import fr.sharenum.CommonSlot;
import fr.sharenum.DirectoryEntry;
import fr.sharenum.EventRequest;
import fr.sharenum.GuideSearch;
import fr.sharenum.HelpOffer;
import fr.sharenum.HelpOfferRequest;
import fr.sharenum.IndicatorReport;
import fr.sharenum.MemberData;
import fr.sharenum.MemberProfile;
import fr.sharenum.NewMember;
import fr.sharenum.Rating;
import fr.sharenum.ShareNum;
import fr.sharenum.SlotQuery;
import fr.sharenum.Territory;
import fr.sharenum.TicketRequest;
import fr.sharenum.TrainingSearch;
import fr.sharenum.http.DevSignIn;
import fr.sharenum.http.InboxNotifier;
import fr.sharenum.json.GeoJson;
import fr.sharenum.model.Academie;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.AuditEntry;
import fr.sharenum.model.Availability;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Campaign;
import fr.sharenum.model.CampaignId;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Grant;
import fr.sharenum.model.GrantId;
import fr.sharenum.model.Guide;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Report;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.Tool;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.Uai;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.Match;
import fr.sharenum.spi.OutboxEntry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static fr.sharenum.http.internal.Op.Shape.NONE;
import static fr.sharenum.http.internal.Op.Shape.list;
import static fr.sharenum.http.internal.Op.Shape.one;
import static fr.sharenum.http.internal.Op.Shape.page;
import static fr.sharenum.http.internal.Op.Shape.raw;

/**
 * Every operation of the API, each one call of a ShareNum facade with the request's actor. The HTTP side adds
 * only what HTTP needs: bodies, keyset pages over the lists the library returns, ETags from the records'
 * versions. Lists that the library cannot yet query directly (events near the member, tickets the member was
 * alerted for) are computed here from what the public API offers; see the module README.
 */
public final class Routes {

    /** The API's path prefix. */
    public static final String BASE = "/api/v1";
    /** The live inbox's path. */
    public static final String INBOX_STREAM = BASE + "/me/inbox/stream";

    private final ShareNum s;
    private final InboxNotifier inbox;
    private final DevSignIn dev;
    private final Map<String, Supplier<String>> layers;
    private final Clock clock;
    private final List<Op> ops = new ArrayList<>();

    Routes(ShareNum sharenum, InboxNotifier inbox, DevSignIn dev, Map<String, Supplier<String>> layers, Clock clock) {
        this.s = sharenum;
        this.inbox = inbox;
        this.dev = dev;
        this.layers = layers;
        this.clock = clock;
        system();
        members();
        trainings();
        catalogue();
        tickets();
        agenda();
        events();
        buses();
        moderation();
        roles();
        indicators();
        research();
        campaigns();
        mapLayers();
    }

    /**
     * Every operation, the development sign-in's included, whether or not it is enabled (the OpenAPI
     * document describes them all).
     *
     * @return the operations, in declaration order
     */
    public static List<Op> describe() {
        return new Routes(ShareNum.builder().build(), null, null, Map.of(), Clock.systemUTC()).ops();
    }

    List<Op> ops() {
        return List.copyOf(ops);
    }

    // ------------------------------------------------------------------ system, sign-in

    private void system() {
        op("GET", "/health", "health", "système", "État du service").res(one(Bodies.Health.class))
                .run(c -> new Bodies.Health("ok"));
        op("GET", "/openapi.json", "openApi", "système", "Cette description OpenAPI 3.1").res(raw("application/json"))
                .run(c -> {
                    c.ctx().contentType("application/json").result(utf8(OpenApi.committed()));
                    return null;
                });
        op("GET", "/tools", "listTools", "système", "Le catalogue des outils numériques").res(list(Tool.class))
                .run(c -> s.tools().all());
        op("GET", "/academies", "listAcademies", "système", "Les académies (nom, code des indicateurs, libellé)")
                .res(list(Bodies.AcademieRef.class))
                .run(c -> Arrays.stream(Academie.values()).map(a -> new Bodies.AcademieRef(a.name(), a.code(), a.label())).toList());
        op("GET", "/establishments/{uai}", "getEstablishment", "système", "Un établissement (données ouvertes)")
                .res(one(Establishment.class)).run(c -> s.establishments().get(c.actor(), c.path("uai", Uai::of)));
        op("GET", "/dev/accounts", "listDemoAccounts", "connexion", "Les comptes de démonstration (connexion de développement)")
                .res(list(Bodies.DemoAccount.class))
                .run(c -> devSignIn().accounts().stream().map(a -> new Bodies.DemoAccount(a.email(), a.displayName())).toList());
        op("POST", "/dev/sign-in", "devSignIn", "connexion", "Se connecter avec un compte de démonstration (développement seulement)")
                .req(Bodies.SignIn.class).res(one(Bodies.Session.class))
                .run(c -> {
                    DevSignIn.Session session = devSignIn().signIn(c.body(Bodies.SignIn.class).email());
                    return new Bodies.Session(session.token(), session.member());
                });
    }

    private DevSignIn devSignIn() {
        if (dev == null) {
            throw new ApiError(404, "route.not-found");
        }
        return dev;
    }

    // ------------------------------------------------------------------ members

    private void members() {
        op("POST", "/members", "register", "membres", "S'inscrire (adresse professionnelle, confirmée par courriel)")
                .req(Bodies.SignUp.class).res(one(Member.class)).status(201).idempotent()
                .run(c -> {
                    Bodies.SignUp r = c.body(Bodies.SignUp.class);
                    NewMember.Builder b = NewMember.builder().displayName(r.displayName()).email(r.email())
                            .establishment(r.establishment()).role(r.role());
                    if (r.skills() != null) {
                        r.skills().forEach(b::skill);
                    }
                    if (r.followedTools() != null) {
                        r.followedTools().forEach(b::follow);
                    }
                    if (r.followedThemes() != null) {
                        r.followedThemes().forEach(b::follow);
                    }
                    Member m = s.members().register(c.actor(), b.build());
                    c.created(BASE + "/members/" + m.id().value());
                    return m;
                });
        op("POST", "/members/{member}/verification", "verify", "membres", "Confirmer son adresse avec le code reçu")
                .req(Bodies.Verification.class).res(one(Member.class))
                .run(c -> s.members().verify(c.actor(), c.path("member", MemberId::of), c.body(Bodies.Verification.class).token()));
        op("GET", "/me", "getMe", "membres", "Ma fiche complète").res(one(Member.class)).me()
                .run(c -> s.members().get(c.actor(), c.me()));
        op("PATCH", "/me", "editMe", "membres", "Modifier mon profil (nom, disciplines, outils et thèmes suivis)")
                .req(Bodies.ProfileEdit.class).res(one(Member.class)).me().ifMatch(Op.IfMatch.REQUIRED)
                .run(c -> {
                    Bodies.ProfileEdit e = c.body(Bodies.ProfileEdit.class);
                    return s.members().edit(c.actor(), c.me(), c.requiredIfMatch(), m -> new Member(m.id(),
                            e.displayName() != null ? e.displayName() : m.displayName(), m.email(), m.establishment(), m.role(),
                            e.disciplines() != null ? e.disciplines() : m.disciplines(), m.skills(),
                            e.followedTools() != null ? e.followedTools() : m.followedTools(),
                            e.followedThemes() != null ? e.followedThemes() : m.followedThemes(),
                            m.status(), m.registeredAt(), m.version(), m.pix()));
                });
        op("PUT", "/me/skills/{tool}", "setSkill", "membres", "Déclarer mon niveau sur un outil")
                .req(Bodies.SkillLevel.class).res(one(Member.class)).me().ifMatch(Op.IfMatch.REQUIRED)
                .run(c -> {
                    Bodies.SkillLevel l = c.body(Bodies.SkillLevel.class);
                    ToolId tool = c.path("tool", ToolId::of);
                    return s.members().setSkill(c.actor(), c.me(), c.requiredIfMatch(),
                            new Skill(tool, l.level(), l.usages() == null ? Set.of() : l.usages()));
                });
        op("DELETE", "/me/skills/{tool}", "removeSkill", "membres", "Retirer un outil de mon profil")
                .res(one(Member.class)).me().ifMatch(Op.IfMatch.REQUIRED)
                .run(c -> s.members().removeSkill(c.actor(), c.me(), c.requiredIfMatch(), c.path("tool", ToolId::of)));
        op("DELETE", "/me", "eraseMe", "membres", "Effacer mon compte (RGPD) ; ma boîte de notifications est vidée")
                .res(one(Member.class)).me()
                .run(c -> s.members().erase(c.actor(), c.me()));   // the library tells the inbox (Notifier.forget)
        op("GET", "/me/export", "exportMe", "membres", "Mes données (RGPD)").res(one(MemberData.class)).me()
                .run(c -> s.members().exportData(c.actor(), c.me()));
        op("GET", "/me/badges", "myBadges", "membres", "Mes badges").res(page(BadgeAward.class)).me().paged()
                .run(c -> Paging.page(s.members().badges(c.actor(), c.me()), b -> b.issuedOn() + "|" + b.id(), c.query("cursor"), c.limit()));
        op("GET", "/me/grants", "myGrants", "membres", "Mes droits (attribués, retirés)").res(list(Grant.class)).me()
                .run(c -> s.roles().of(c.actor(), c.me()));
        op("GET", "/me/preferences", "myPreferences", "membres", "Mes préférences d'alerte").res(one(AlertPreferences.class)).me()
                .run(c -> s.members().alertPreferences(c.actor(), c.me()));
        op("PUT", "/me/preferences/muted-tools/{tool}", "muteTool", "membres", "Couper ou rétablir les alertes sur un outil")
                .req(Bodies.MuteBody.class).res(one(AlertPreferences.class)).me()
                .run(c -> s.members().muteTool(c.actor(), c.me(), c.path("tool", ToolId::of), c.body(Bodies.MuteBody.class).muted()));
        op("PUT", "/me/preferences/pause", "pauseAlerts", "membres", "Suspendre mes alertes jusqu'à une date (vide : reprendre)")
                .req(Bodies.Pause.class).res(one(AlertPreferences.class)).me()
                .run(c -> s.members().pauseAlerts(c.actor(), c.me(), c.body(Bodies.Pause.class).until()));
        op("PUT", "/me/preferences/digest", "setDigest", "membres", "Recevoir les alertes une à une ou en résumé")
                .req(Bodies.DigestBody.class).res(one(AlertPreferences.class)).me()
                .run(c -> s.members().setDigest(c.actor(), c.me(), c.body(Bodies.DigestBody.class).digest()));
        op("PUT", "/me/preferences/announcements", "setAnnouncements", "membres",
                "Être prévenu ou non des événements proches sur mes outils et thèmes (les rappels de mes inscriptions restent)")
                .req(Bodies.AnnouncementsBody.class).res(one(AlertPreferences.class)).me()
                .run(c -> s.members().setAnnouncements(c.actor(), c.me(), c.body(Bodies.AnnouncementsBody.class).welcome()));
        op("PUT", "/me/directory-listing", "listInDirectory", "membres",
                "Figurer ou non dans l'annuaire des ex-pairs (nom, fonction, établissement et distance arrondie ; jamais l'adresse)")
                .req(Bodies.ListingBody.class).res(one(Bodies.ListingBody.class)).me()
                .run(c -> new Bodies.ListingBody(s.members().listInDirectory(c.actor(), c.me(),
                        c.body(Bodies.ListingBody.class).listed())));
        op("GET", "/directory", "directory", "membres",
                "L'annuaire des ex-pairs : les collègues expérimentés sur un outil qui ont choisi d'y figurer, autour de mon"
                        + " établissement, les plus proches d'abord")
                .res(page(DirectoryEntry.class)).me().paged()
                .q("tool", "string", null, true, "l'outil")
                .q("radiusKm", "number", null, false, "rayon autour de mon établissement (1–200 km, 30 par défaut)")
                .run(c -> {
                    ToolId tool = c.query("tool", ToolId::of, null);
                    if (tool == null) {
                        throw ApiError.badParameter("tool");
                    }
                    return pageOf(s.members().directory(c.actor(), tool, c.number("radiusKm", 30, 1, 200), pageRequest(c)));
                });
        op("GET", "/me/inbox", "myInbox", "notifications", "Ma boîte de notifications, après un numéro")
                .res(list(InboxNotifier.InboxEntry.class)).me()
                .q("after", "integer", null, false, "dernier numéro déjà lu (0 : tout)")
                .q("limit", "integer", null, false, "au plus (1–500, 100 par défaut)")
                .run(c -> {
                    s.members().get(c.actor(), c.me());   // the library refuses an erased or suspended member
                    return inbox().after(c.me(), (long) c.number("after", 0, 0, Long.MAX_VALUE), (int) c.number("limit", 100, 1, 500));
                });
        op("GET", "/me/inbox/stream", "myInboxStream", "notifications",
                "Flux Server-Sent Events de ma boîte : chaque notification est un événement dont l'id est son numéro ; "
                        + "une reconnexion avec Last-Event-ID reçoit tout ce qui a suivi").res(raw("text/event-stream")).me()
                .q("after", "integer", null, false, "dernier numéro déjà lu, quand Last-Event-ID n'est pas envoyé")
                .run(c -> null);
        op("GET", "/members/{member}", "getProfile", "membres", "Le profil d'un membre (nom, établissement, niveaux)")
                .res(one(MemberProfile.class)).run(c -> s.members().profile(c.actor(), c.path("member", MemberId::of)));
        op("GET", "/members/{member}/record", "getMember", "membres", "La fiche complète d'un membre (lui-même, personnel, hôte)")
                .res(one(Member.class)).run(c -> s.members().get(c.actor(), c.path("member", MemberId::of)));
        op("GET", "/members/{member}/badges", "memberBadges", "membres", "Les badges d'un membre").res(page(BadgeAward.class)).paged()
                .run(c -> Paging.page(s.members().badges(c.actor(), c.path("member", MemberId::of)), b -> b.issuedOn() + "|" + b.id(),
                        c.query("cursor"), c.limit()));
        op("GET", "/members/{member}/rating", "helperRating", "membres", "La note d'un aidant, quand elle est montrée")
                .res(one(Rating.class))
                .run(c -> {
                    MemberId m = c.path("member", MemberId::of);
                    return s.events().helperRating(c.actor(), m).orElseThrow(() -> new NotFoundException("rating", m.value()));
                });
        op("POST", "/members/{member}/suspension", "suspend", "membres", "Suspendre un membre (personnel, hôte)")
                .req(Bodies.ReasonBody.class).res(one(Member.class))
                .run(c -> s.members().suspend(c.actor(), c.path("member", MemberId::of), c.body(Bodies.ReasonBody.class).reason()));
        op("POST", "/members/{member}/reinstatement", "reinstate", "membres", "Rétablir un membre suspendu")
                .req(Bodies.ReasonBody.class).res(one(Member.class))
                .run(c -> s.members().reinstate(c.actor(), c.path("member", MemberId::of), c.body(Bodies.ReasonBody.class).reason()));
        op("GET", "/members/{member}/export", "exportMember", "membres", "Les données d'un membre (RGPD, personnel)")
                .res(one(MemberData.class)).run(c -> s.members().exportData(c.actor(), c.path("member", MemberId::of)));
    }

    private InboxNotifier inbox() {
        if (inbox == null) {
            throw new ApiError(404, "route.not-found");
        }
        return inbox;
    }

    // ------------------------------------------------------------------ trainings

    private void trainings() {
        op("GET", "/trainings", "trainingsFirst", "formations",
                "Les formations institutionnelles à voir avant d'ouvrir une demande sur ces outils").res(list(Training.class))
                .q("tools", "string", null, true, "outils, séparés par des virgules")
                .run(c -> s.trainings().forMember(c.actor(), tools(c)));
        op("POST", "/trainings", "publishTraining", "formations", "Publier une formation (Canopé, coopérative, DANE)")
                .req(Training.class).res(one(Training.class)).status(201).idempotent()
                .run(c -> s.trainings().publish(c.actor(), c.body(Training.class)));
    }

    private void catalogue() {
        op("GET", "/trainings/catalogue", "trainingCatalogue", "formations",
                "Le catalogue des formations d'une académie (et nationales) par outil, par thème et par date, les plus proches d'abord")
                .res(page(Training.class)).paged()
                .q("academie", "string", null, false, "l'académie (nom de l'énumération, ex. DIJON) ; par défaut celle de mon établissement")
                .q("tools", "string", null, false, "outils, séparés par des virgules (tous par défaut)")
                .q("themes", "string", null, false, "thèmes, séparés par des virgules (tous par défaut ; avec des outils, il faut un outil et un thème)")
                .q("from", "string", "date-time", false, "début au plus tôt (maintenant par défaut)")
                .q("to", "string", "date-time", false, "début au plus tard, exclu (90 jours après from par défaut, 400 au plus)")
                .run(c -> {
                    Academie academie = c.query("academie", Academie::valueOf, null);
                    if (academie == null) {
                        academie = s.establishments().get(c.actor(), s.members().get(c.actor(), c.me()).establishment()).academie();
                    }
                    Instant from = c.instant("from", clock.instant());
                    Instant to = c.instant("to", from.plus(Duration.ofDays(90)));
                    return pageOf(s.trainings().search(c.actor(), TrainingSearch.of(academie, from, to)
                            .tools(queryList(c, "tools", ToolId::of)).themes(queryList(c, "themes", Theme::of)).build(), pageRequest(c)));
                });
        op("GET", "/guides/catalogue", "guideCatalogue", "formations",
                "Le catalogue des guides par outil, par thème, par académie et par date de publication, les plus récents d'abord")
                .res(page(Guide.class)).paged()
                .q("tools", "string", null, false, "outils, séparés par des virgules (tous par défaut)")
                .q("themes", "string", null, false, "thèmes, séparés par des virgules (tous par défaut ; avec des outils, il faut un outil et un thème)")
                .q("academie", "string", null, false, "l'académie (nom de l'énumération, ex. DIJON) : ses guides et les nationaux ; tous par défaut")
                .q("from", "string", "date", false, "publiés ce jour ou après (AAAA-MM-JJ)")
                .q("to", "string", "date", false, "publiés avant ce jour, exclu (AAAA-MM-JJ)")
                .run(c -> pageOf(s.trainings().searchGuides(c.actor(), GuideSearch.builder()
                        .tools(queryList(c, "tools", ToolId::of)).themes(queryList(c, "themes", Theme::of))
                        .academie(c.query("academie", Academie::valueOf, null))
                        .publishedBetween(c.query("from", LocalDate::parse, null), c.query("to", LocalDate::parse, null)).build(),
                        pageRequest(c))));
        op("GET", "/guides", "guides", "formations",
                "Les guides sur des outils ou des thèmes, les plus pertinents d'abord (page dans l'ordre de pertinence)")
                .res(page(Guide.class)).paged()
                .q("tools", "string", null, false, "outils, séparés par des virgules")
                .q("themes", "string", null, false, "thèmes, séparés par des virgules")
                .run(c -> {
                    List<Guide> guides = s.trainings().guides(c.actor(), Set.copyOf(queryList(c, "tools", ToolId::of)),
                            Set.copyOf(queryList(c, "themes", Theme::of)));
                    List<Ranked<Guide>> ranked = new ArrayList<>();
                    for (int i = 0; i < guides.size(); i++) {
                        ranked.add(new Ranked<>(Paging.pad(i) + "|" + guides.get(i).id(), guides.get(i)));
                    }
                    Bodies.Page<Ranked<Guide>> p = Paging.page(ranked, Ranked::key, c.query("cursor"), c.limit());
                    return new Bodies.Page<>(p.items().stream().map(Ranked::value).toList(), p.next());
                });
        op("POST", "/help-offers", "publishHelpOffer", "entraide",
                "Proposer mon aide d'avance sur des outils ou des thèmes (dans un rayon, en ligne, ou les deux)")
                .req(Bodies.HelpOfferBody.class).res(one(HelpOffer.class)).status(201).idempotent()
                .run(c -> {
                    Bodies.HelpOfferBody b = c.body(Bodies.HelpOfferBody.class);
                    HelpOffer o = s.helpOffers().publish(c.actor(), new HelpOfferRequest(b.tools(), b.themes(), b.text(),
                            b.radiusKm() == null ? 0 : b.radiusKm(), Boolean.TRUE.equals(b.online()), b.availability()));
                    c.created(BASE + "/help-offers/" + o.id());
                    return o;
                });
        op("GET", "/help-offers", "helpOffersNearMe", "entraide",
                "Les propositions d'aide qui atteignent mon établissement (dans leur rayon, ou en ligne), les plus proches d'abord")
                .res(page(HelpOffer.class)).me().paged()
                .q("tools", "string", null, false, "outils, séparés par des virgules")
                .q("themes", "string", null, false, "thèmes, séparés par des virgules")
                .run(c -> pageOf(s.helpOffers().near(c.actor(), Set.copyOf(queryList(c, "tools", ToolId::of)),
                        Set.copyOf(queryList(c, "themes", Theme::of)), pageRequest(c))));
        op("POST", "/help-offers/{offer}/withdrawal", "withdrawHelpOffer", "entraide", "Retirer ma proposition d'aide")
                .res(one(HelpOffer.class)).run(c -> s.helpOffers().withdraw(c.actor(), c.path("offer", x -> x)));
        op("GET", "/members/{member}/help-offers", "memberHelpOffers", "entraide",
                "Les propositions d'aide en cours d'un membre, les plus récentes d'abord").res(page(HelpOffer.class)).paged()
                .run(c -> Paging.page(s.helpOffers().of(c.actor(), c.path("member", MemberId::of)),
                        o -> Paging.pad(Long.MAX_VALUE - o.publishedAt().toEpochMilli()) + "|" + o.id(), c.query("cursor"), c.limit()));
    }

    /** An item with its sort key, to page a list in the order the library gave it. */
    private record Ranked<T>(String key, T value) {
    }

    private static Set<ToolId> tools(Call c) {
        String raw = c.query("tools");
        if (raw == null) {
            throw ApiError.badParameter("tools");
        }
        Set<ToolId> tools = new LinkedHashSet<>();
        for (String t : raw.split(",")) {
            if (!t.isBlank()) {
                tools.add(c.query("tools", x -> ToolId.of(t.strip()), null));
            }
        }
        return tools;
    }

    // ------------------------------------------------------------------ tickets

    private void tickets() {
        op("POST", "/tickets", "openTicket", "demandes",
                "Ouvrir une demande d'aide (TicketNum) : les collègues qualifiés dans le rayon sont alertés")
                .req(Bodies.TicketOpening.class).res(one(TicketNum.class)).status(201).idempotent()
                .run(c -> {
                    Bodies.TicketOpening r = c.body(Bodies.TicketOpening.class);
                    TicketNum t = s.tickets().open(c.actor(), new TicketRequest(r.tools(),
                            r.kind() == null ? TicketKind.ACCOMPANIMENT : r.kind(), r.text(),
                            r.radiusKm() == null ? Double.NaN : r.radiusKm(),
                            r.declinedTrainings() == null ? Set.of() : new LinkedHashSet<>(r.declinedTrainings()),
                            r.themes() == null ? Set.of() : r.themes(), r.addressedTo()));
                    c.created(BASE + "/tickets/" + t.id().value());
                    return t;
                });
        op("GET", "/me/tickets", "myTickets", "demandes", "Mes demandes, les plus anciennes d'abord").res(page(TicketNum.class)).me().paged()
                .run(c -> pageOf(s.tickets().openedBy(c.actor(), c.me(), pageRequest(c))));
        op("GET", "/me/alerts", "myAlerts", "demandes",
                "Mon tableau : les demandes ouvertes autour de moi sur les outils que je maîtrise, celles qui expirent le"
                        + " plus tôt d'abord (le texte du demandeur selon la matrice d'accès)")
                .res(page(TicketNum.class)).me().paged()
                .q("radiusKm", "number", null, false, "rayon autour de mon établissement (1–200 km, 200 par défaut)")
                .run(c -> {
                    fr.sharenum.Page<fr.sharenum.BoardEntry> board = s.tickets().board(c.me(), Set.of(),
                            c.number("radiusKm", Double.NaN, 1, 200), pageRequest(c));
                    List<TicketNum> items = new ArrayList<>();
                    for (fr.sharenum.BoardEntry e : board.items()) {
                        s.tickets().find(c.me(), e.ticket()).ifPresent(items::add);
                    }
                    return new Bodies.Page<>(items, board.next());
                });
        op("GET", "/me/board", "myBoard", "demandes",
                "Mon tableau d'entraide : les demandes ouvertes autour de moi sur les outils que je maîtrise, avec la"
                        + " distance arrondie, sans le nom du demandeur")
                .res(page(fr.sharenum.BoardEntry.class)).me().paged()
                .q("radiusKm", "number", null, false, "rayon autour de mon établissement (1–200 km, 200 par défaut)")
                .q("tools", "string", null, false, "outils, séparés par des virgules (tous ceux que je maîtrise par défaut)")
                .run(c -> pageOf(s.tickets().board(c.me(), Set.copyOf(queryList(c, "tools", ToolId::of)),
                        c.number("radiusKm", Double.NaN, 1, 200), pageRequest(c))));
        op("GET", "/me/offers", "myOffers", "demandes", "Les demandes sur lesquelles j'ai proposé mon aide, les plus anciennes d'abord")
                .res(page(TicketNum.class)).me().paged()
                .run(c -> pageOf(s.tickets().offeredBy(c.actor(), c.me(), pageRequest(c))));
        op("GET", "/tickets/{ticket}", "getTicket", "demandes", "Une demande, telle que le lecteur peut la voir")
                .res(one(TicketNum.class)).run(c -> s.tickets().get(c.actor(), ticket(c)));
        op("POST", "/tickets/{ticket}/offers", "offerHelp", "demandes", "Proposer son aide (collègue alerté)")
                .req(Bodies.OfferBody.class).res(one(TicketNum.class)).status(201).idempotent().ifMatch(Op.IfMatch.OPTIONAL)
                .run(c -> {
                    TicketId id = ticket(c);
                    checkTicket(c, id);
                    return s.tickets().offer(c.actor(), id, c.body(Bodies.OfferBody.class).message());
                });
        op("POST", "/tickets/{ticket}/acceptance", "acceptOffer", "demandes", "Accepter une proposition d'aide (demandeur)")
                .req(Bodies.Acceptance.class).res(one(TicketNum.class)).ifMatch(Op.IfMatch.OPTIONAL)
                .run(c -> {
                    TicketId id = ticket(c);
                    checkTicket(c, id);
                    return s.tickets().accept(c.actor(), id, c.body(Bodies.Acceptance.class).helper());
                });
        op("GET", "/tickets/{ticket}/messages", "conversation", "demandes", "La conversation, la plus ancienne d'abord")
                .res(page(Message.class)).paged()
                .run(c -> Paging.page(s.tickets().conversation(c.actor(), ticket(c)), m -> Paging.pad(m.seq()), c.query("cursor"), c.limit()));
        op("POST", "/tickets/{ticket}/messages", "postMessage", "demandes", "Écrire dans la conversation")
                .req(Bodies.MessageBody.class).res(one(Message.class)).status(201).idempotent()
                .run(c -> s.tickets().post(c.actor(), ticket(c), c.body(Bodies.MessageBody.class).text()));
        op("POST", "/tickets/{ticket}/cancellation", "cancelTicket", "demandes", "Annuler une demande")
                .res(one(TicketNum.class)).ifMatch(Op.IfMatch.OPTIONAL)
                .run(c -> {
                    TicketId id = ticket(c);
                    checkTicket(c, id);
                    return s.tickets().cancel(c.actor(), id);
                });
        op("POST", "/tickets/{ticket}/completion", "completeTicket", "demandes", "Indiquer que l'aide a été apportée")
                .res(one(TicketNum.class)).ifMatch(Op.IfMatch.OPTIONAL)
                .run(c -> {
                    TicketId id = ticket(c);
                    checkTicket(c, id);
                    return s.tickets().complete(c.actor(), id);
                });
    }

    private static TicketId ticket(Call c) {
        return c.path("ticket", TicketId::of);
    }

    private void checkTicket(Call c, TicketId id) {
        if (c.ifMatch().isPresent()) {
            c.checkIfMatch(s.tickets().get(c.actor(), id).version());
        }
    }

    // ------------------------------------------------------------------ agenda

    private void agenda() {
        op("GET", "/me/availability", "myAvailability", "agenda", "Mes disponibilités").res(one(Availability.class)).me()
                .run(c -> s.agenda().availability(c.actor(), c.me()));
        op("PUT", "/me/availability", "publishAvailability", "agenda", "Publier mes disponibilités (remplace les précédentes)")
                .req(Availability.class).res(one(Availability.class)).me()
                .run(c -> {
                    Availability a = c.body(Availability.class);
                    s.agenda().publish(c.actor(), c.me(), a);
                    return s.agenda().availability(c.actor(), c.me());
                });
        op("POST", "/common-slots", "findCommonSlots", "agenda",
                "Trouver les premiers créneaux communs (seuls les créneaux communs sont montrés)")
                .req(Bodies.SlotSearch.class).res(list(CommonSlot.class))
                .run(c -> {
                    Bodies.SlotSearch q = c.body(Bodies.SlotSearch.class);
                    SlotQuery.Builder b = SlotQuery.of(q.duration(), q.from(), q.to()).members(q.members());
                    if (q.bus() != null) {
                        if (q.busVenue() == null) {
                            throw new fr.sharenum.model.InvalidValueException("busVenue", "is required with a bus");
                        }
                        b.bus(q.bus(), Venue.of(s.establishments().get(c.actor(), q.busVenue())));
                    }
                    if (q.maxResults() != null) {
                        b.maxResults(q.maxResults());
                    }
                    return s.agenda().findCommonSlots(c.actor(), b.build());
                });
    }

    // ------------------------------------------------------------------ events

    private void events() {
        op("POST", "/events", "createEvent", "événements",
                "Créer un atelier ou une rencontre (d'une demande acceptée, ou directement), dans un lieu, un BusNum, en ligne"
                        + " (classe virtuelle annoncée à un territoire) ou les deux")
                .req(Bodies.EventCreation.class).res(one(Event.class)).status(201).idempotent()
                .run(c -> {
                    Bodies.EventCreation r = c.body(Bodies.EventCreation.class);
                    Event e = s.events().create(c.actor(), new EventRequest(r.ticket(), r.kind() == null ? EventKind.WORKSHOP : r.kind(),
                            r.title(), r.description() == null ? "" : r.description(), r.tools() == null ? Set.of() : r.tools(),
                            r.themes() == null ? Set.of() : r.themes(), r.start(), r.duration(), r.capacity(),
                            r.coOrganisers() == null ? Set.of() : new LinkedHashSet<>(r.coOrganisers()), r.establishment(), r.venue(),
                            r.bus(), r.broadcastRadiusKm() == null ? Double.NaN : r.broadcastRadiusKm(), r.online()));
                    c.created(BASE + "/events/" + e.id().value());
                    return e;
                });
        searchParams(op("GET", "/events", "eventsNearMe", "événements",
                "Les événements autour de mon établissement (et ceux en ligne annoncés à mon territoire) ou autour d'un point,"
                        + " par période, outils, thèmes, formats : les plus proches dans le temps d'abord").res(page(Event.class)).me().paged())
                .run(c -> pageOf(s.events().search(c.actor(), eventSearch(c), pageRequest(c))));
        op("GET", "/me/events", "myEvents", "événements",
                "Mes événements : ceux que j'organise, où j'ai une place ou où j'attends, les plus proches dans le temps d'abord")
                .res(page(Event.class)).me().paged()
                .q("as", "string", null, false, "ORGANISING, REGISTERED, WAITLISTED, séparés par des virgules (tous par défaut)")
                .q("from", "string", "date-time", false, "début de la période (30 jours avant maintenant par défaut)")
                .q("to", "string", "date-time", false, "fin de la période (365 jours après le début par défaut)")
                .run(c -> {
                    Instant from = c.instant("from", clock.instant().minus(Duration.ofDays(30)));
                    Instant to = c.instant("to", from.plus(Duration.ofDays(365)));
                    return pageOf(s.events().of(c.actor(), c.me(), Set.copyOf(queryList(c, "as", fr.sharenum.model.Participation::valueOf)),
                            from, to, pageRequest(c)));
                });
        op("GET", "/events/{event}", "getEvent", "événements", "Un événement, tel que le lecteur peut le voir")
                .res(one(Event.class)).run(c -> s.events().get(c.actor(), event(c)));
        op("POST", "/events/{event}/confirmation", "confirmEvent", "événements",
                "Confirmer l'événement : les inscriptions ouvrent et les collègues proches qui suivent ses outils sont prévenus")
                .res(one(Event.class)).ifMatch(Op.IfMatch.OPTIONAL)
                .run(c -> {
                    EventId id = event(c);
                    checkEvent(c, id);
                    return s.events().confirm(c.actor(), id);
                });
        op("POST", "/events/{event}/reschedule", "rescheduleEvent", "événements", "Déplacer l'événement (organisateur)")
                .req(Bodies.Reschedule.class).res(one(Event.class)).ifMatch(Op.IfMatch.OPTIONAL)
                .run(c -> {
                    EventId id = event(c);
                    checkEvent(c, id);
                    Bodies.Reschedule r = c.body(Bodies.Reschedule.class);
                    return s.events().reschedule(c.actor(), id, r.start(), r.duration());
                });
        op("POST", "/events/{event}/cancellation", "cancelEvent", "événements",
                "Annuler l'événement, avec une raison dite à tous (obligatoire pour le personnel de l'académie ; le BusNum est libéré)")
                .optionalReq(Bodies.CancellationBody.class).res(one(Event.class)).ifMatch(Op.IfMatch.OPTIONAL)
                .run(c -> {
                    EventId id = event(c);
                    checkEvent(c, id);
                    Bodies.CancellationBody b = c.optionalBody(Bodies.CancellationBody.class);
                    return b == null || b.reason() == null ? s.events().cancel(c.actor(), id) : s.events().cancel(c.actor(), id, b.reason());
                });
        op("PUT", "/events/{event}/attendance/{member}", "markOneAttendance", "événements",
                "Indiquer si un inscrit est venu (organisateur, à partir d'une demi-heure avant le début)")
                .req(Bodies.AttendedBody.class).res(one(Event.class))
                .run(c -> s.events().markAttendance(c.actor(), event(c), c.path("member", MemberId::of),
                        c.body(Bodies.AttendedBody.class).attended()));
        op("GET", "/events/{event}/check-in-code", "checkInCode", "événements", "Le code à afficher dans la salle (organisateur)")
                .res(one(Bodies.CheckInCode.class)).run(c -> new Bodies.CheckInCode(s.events().checkInCode(c.actor(), event(c))));
        op("POST", "/events/{event}/check-in", "checkIn", "événements", "Signaler ma présence avec le code affiché dans la salle")
                .req(Bodies.CheckInCode.class).res(one(Event.class))
                .run(c -> s.events().checkIn(c.actor(), event(c), c.body(Bodies.CheckInCode.class).code()));
        op("POST", "/events/{event}/held", "markHeld", "événements", "Indiquer que l'événement a eu lieu")
                .res(one(Event.class)).ifMatch(Op.IfMatch.OPTIONAL)
                .run(c -> {
                    EventId id = event(c);
                    checkEvent(c, id);
                    return s.events().markHeld(c.actor(), id);
                });
        op("POST", "/events/{event}/invitation/acceptance", "acceptInvitation", "événements", "Accepter de co-organiser")
                .res(one(Event.class)).run(c -> s.events().acceptInvitation(c.actor(), event(c)));
        op("POST", "/events/{event}/invitation/refusal", "declineInvitation", "événements", "Refuser de co-organiser")
                .res(one(Event.class)).run(c -> s.events().declineInvitation(c.actor(), event(c)));
        op("PUT", "/events/{event}/registration", "registerToEvent", "événements", "M'inscrire (une place, ou la liste d'attente)")
                .res(one(Event.class)).run(c -> s.events().register(c.actor(), event(c)));
        op("DELETE", "/events/{event}/registration", "unregisterFromEvent", "événements", "Me désinscrire")
                .res(one(Event.class)).run(c -> s.events().unregister(c.actor(), event(c)));
        op("POST", "/events/{event}/feedback", "giveFeedback", "événements", "Donner mon avis sur un événement qui a eu lieu")
                .req(Bodies.FeedbackBody.class).res(one(Feedback.class)).status(201).idempotent()
                .run(c -> {
                    Bodies.FeedbackBody f = c.body(Bodies.FeedbackBody.class);
                    return s.events().giveFeedback(c.actor(), event(c), f.usefulness(), f.comment());
                });
        op("GET", "/events/{event}/feedback", "eventFeedback", "événements", "Les avis sur l'événement (organisateurs)")
                .res(list(Feedback.class)).run(c -> s.events().feedback(c.actor(), event(c)));
    }

    private static EventId event(Call c) {
        return c.path("event", EventId::of);
    }

    private void checkEvent(Call c, EventId id) {
        if (c.ifMatch().isPresent()) {
            c.checkIfMatch(s.events().get(c.actor(), id).version());
        }
    }

    /** The query parameters of an events search ({@link #eventSearch}). */
    private static OpBuilder searchParams(OpBuilder op) {
        return op.q("radiusKm", "number", null, false, "rayon autour de mon établissement ou du point (1–200 km, 30 par défaut)")
                .q("latitude", "number", null, false, "latitude du point (WGS 84), avec longitude ; sans : autour de mon établissement")
                .q("longitude", "number", null, false, "longitude du point (WGS 84), avec latitude")
                .q("from", "string", "date-time", false, "début de la période (maintenant par défaut)")
                .q("to", "string", "date-time", false, "fin de la période (90 jours après le début par défaut)")
                .q("tools", "string", null, false, "outils, séparés par des virgules")
                .q("themes", "string", null, false, "thèmes, séparés par des virgules")
                .q("formats", "string", null, false, "ON_SITE, ONLINE, BUSNUM, séparés par des virgules")
                .q("statuses", "string", null, false, "CONFIRMED, HELD, séparés par des virgules");
    }

    /**
     * The events search the query asks for: around my establishment (and the online events announced to its
     * territory) or around a point, in a period, on tools or themes, of some formats and statuses.
     */
    private fr.sharenum.EventSearch eventSearch(Call c) {
        double radius = c.number("radiusKm", 30, 1, 200);
        Instant from = c.instant("from", clock.instant());
        Instant to = c.instant("to", from.plus(Duration.ofDays(90)));
        double lat = c.number("latitude", Double.NaN, -90, 90);
        double lon = c.number("longitude", Double.NaN, -180, 180);
        if (Double.isNaN(lat) != Double.isNaN(lon)) {
            throw ApiError.badParameter(Double.isNaN(lat) ? "latitude" : "longitude");
        }
        fr.sharenum.EventSearch.Builder b = fr.sharenum.EventSearch.between(from, to);
        if (Double.isNaN(lat)) {
            b.aroundMe(radius);
        } else {
            b.around(GeoPoint.of(lat, lon), radius);
        }
        b.tools(queryList(c, "tools", ToolId::of).toArray(ToolId[]::new))
                .themes(queryList(c, "themes", fr.sharenum.model.Theme::of).toArray(fr.sharenum.model.Theme[]::new))
                .formats(queryList(c, "formats", fr.sharenum.model.EventFormat::valueOf).toArray(fr.sharenum.model.EventFormat[]::new))
                .statuses(queryList(c, "statuses", fr.sharenum.model.EventStatus::valueOf).toArray(fr.sharenum.model.EventStatus[]::new));
        return b.build();
    }

    /** Every event of {@link #eventSearch} (at most 1,000), for the map. */
    private List<Event> nearby(Call c) {
        fr.sharenum.EventSearch search = eventSearch(c);
        List<Event> all = new ArrayList<>();
        fr.sharenum.PageRequest page = fr.sharenum.PageRequest.first(fr.sharenum.PageRequest.MAX_LIMIT);
        while (all.size() < 1_000) {
            fr.sharenum.Page<Event> p = s.events().search(c.actor(), search, page);
            all.addAll(p.items());
            if (p.next() == null) {
                break;
            }
            page = fr.sharenum.PageRequest.after(p.next(), fr.sharenum.PageRequest.MAX_LIMIT);
        }
        return all;
    }

    /** The page the query asks for: {@code cursor} as the library handed it out, {@code limit}. */
    private static fr.sharenum.PageRequest pageRequest(Call c) {
        String cursor = c.query("cursor");
        return cursor == null ? fr.sharenum.PageRequest.first(c.limit()) : fr.sharenum.PageRequest.after(cursor, c.limit());
    }

    private static <T> Bodies.Page<T> pageOf(fr.sharenum.Page<T> p) {
        return new Bodies.Page<>(p.items(), p.next());
    }

    /** A comma-separated query parameter, each value parsed; a value that does not parse is a bad parameter. */
    private static <T> List<T> queryList(Call c, String name, java.util.function.Function<String, T> parser) {
        String raw = c.query(name);
        List<T> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String part : raw.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(parser.apply(part.strip()));
            } catch (RuntimeException e) {
                throw ApiError.badParameter(name);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ BusNum

    private void buses() {
        op("GET", "/buses", "listBuses", "BusNum", "La flotte de BusNum").res(page(Bus.class)).paged()
                .run(c -> Paging.page(s.busNum().all(c.actor()), b -> b.id().value(), c.query("cursor"), c.limit()));
        op("POST", "/buses", "addBus", "BusNum", "Ajouter un BusNum (personnel de l'académie, hôte)")
                .req(Bus.class).res(one(Bus.class)).status(201).idempotent()
                .run(c -> s.busNum().add(c.actor(), c.body(Bus.class)));
        op("GET", "/buses/{bus}", "getBus", "BusNum", "Un BusNum").res(one(Bus.class))
                .run(c -> s.busNum().get(c.actor(), c.path("bus", BusId::of)));
        op("GET", "/buses/{bus}/bookings", "busBookings", "BusNum", "Les réservations d'un BusNum à partir d'un jour")
                .res(list(BusBooking.class))
                .q("from", "string", "date", false, "premier jour (aujourd'hui par défaut)")
                .q("limit", "integer", null, false, "au plus (1–1000, 100 par défaut)")
                .run(c -> s.busNum().bookings(c.actor(), c.path("bus", BusId::of),
                        c.query("from", LocalDate::parse, LocalDate.now(clock)), (int) c.number("limit", 100, 1, 1000)));
        op("GET", "/bus-options", "suggestBuses", "BusNum", "Les BusNum qui peuvent venir dans un établissement un jour donné")
                .res(list(BusOption.class))
                .q("establishment", "string", null, true, "UAI du lieu")
                .q("date", "string", "date", true, "le jour")
                .q("duration", "string", "duration", true, "durée de l'événement (ISO-8601, ex. PT2H)")
                .run(c -> {
                    Uai uai = c.query("establishment", Uai::of, null);
                    LocalDate date = c.query("date", LocalDate::parse, null);
                    Duration d = c.duration("duration", null);
                    if (uai == null || date == null || d == null) {
                        throw ApiError.badParameter(uai == null ? "establishment" : date == null ? "date" : "duration");
                    }
                    return s.busNum().suggest(c.actor(), Venue.of(s.establishments().get(c.actor(), uai)), date, d);
                });
    }

    // ------------------------------------------------------------------ moderation

    private void moderation() {
        op("POST", "/reports", "report", "modération", "Signaler un membre, un message ou un événement")
                .req(Bodies.ReportBody.class).res(one(Report.class)).status(201)
                .run(c -> {
                    Bodies.ReportBody r = c.body(Bodies.ReportBody.class);
                    return s.moderation().report(c.actor(), r.subject(), r.reason(), r.comment());
                });
        op("GET", "/reports", "pendingReports", "modération", "Les signalements en attente (modérateurs)")
                .res(page(Report.class)).paged()
                .run(c -> Paging.page(s.moderation().pendingReports(c.actor()), Report::id, c.query("cursor"), c.limit()));
        op("PUT", "/me/blocks/{member}", "block", "modération", "Bloquer un membre (dans les deux sens)").status(204).me()
                .run(c -> {
                    s.moderation().block(c.actor(), c.path("member", MemberId::of));
                    return null;
                });
        op("DELETE", "/me/blocks/{member}", "unblock", "modération", "Débloquer un membre").status(204).me()
                .run(c -> {
                    s.moderation().unblock(c.actor(), c.path("member", MemberId::of));
                    return null;
                });
    }

    // ------------------------------------------------------------------ roles, audit, outbox

    private void roles() {
        op("POST", "/grants", "grant", "droits", "Attribuer un droit (hôte, administrateur national, personnel de l'académie)")
                .req(Bodies.GrantBody.class).res(one(Grant.class)).status(201).idempotent()
                .run(c -> {
                    Bodies.GrantBody g = c.body(Bodies.GrantBody.class);
                    return s.roles().grant(c.actor(), g.member(), g.privilege(), g.academie(), g.reason());
                });
        op("POST", "/grants/{grant}/revocation", "revoke", "droits", "Retirer un droit").req(Bodies.ReasonBody.class).res(one(Grant.class))
                .run(c -> s.roles().revoke(c.actor(), c.path("grant", GrantId::of), c.body(Bodies.ReasonBody.class).reason()));
        op("GET", "/members/{member}/grants", "memberGrants", "droits", "Les droits d'un membre").res(list(Grant.class))
                .run(c -> s.roles().of(c.actor(), c.path("member", MemberId::of)));
        op("GET", "/audit", "audit", "droits", "Le journal d'audit d'une académie").res(list(AuditEntry.class))
                .q("academie", "string", null, false, "l'académie (nom de l'énumération, ex. DIJON) ; vide : droits nationaux")
                .q("from", "string", "date-time", true, "premier instant")
                .q("to", "string", "date-time", true, "instant après le dernier")
                .q("limit", "integer", null, false, "au plus (1–10 000, 1 000 par défaut)")
                .run(c -> {
                    Instant from = c.instant("from", null);
                    Instant to = c.instant("to", null);
                    if (from == null || to == null) {
                        throw ApiError.badParameter(from == null ? "from" : "to");
                    }
                    return s.roles().audit(c.actor(), c.query("academie", Academie::valueOf, null), from, to,
                            (int) c.number("limit", 1000, 1, 10_000));
                });
        op("GET", "/outbox/dead-letters", "deadLetters", "exploitation", "Les notifications abandonnées").res(list(OutboxEntry.class))
                .run(c -> s.outbox().deadLetters(c.actor()));
        op("POST", "/outbox/retry", "retryNow", "exploitation", "Réessayer maintenant les notifications en échec")
                .res(one(Bodies.Count.class)).run(c -> new Bodies.Count(s.outbox().retryNow(c.actor())));
    }

    // ------------------------------------------------------------------ indicators

    private void indicators() {
        op("GET", "/indicators", "indicators", "indicateurs", "Les indicateurs d'un territoire sur une période")
                .res(one(IndicatorReport.class))
                .q("level", "string", null, true, "COUNTRY, ACADEMIE, DEPARTEMENT, COMMUNE ou ESTABLISHMENT")
                .q("code", "string", null, true, "FR, code de l'académie, du département, de la commune, ou UAI")
                .q("from", "string", null, true, "premier mois (AAAA-MM)")
                .q("to", "string", null, true, "dernier mois (AAAA-MM)")
                .run(this::report);
        op("GET", "/indicators.csv", "indicatorsCsv", "indicateurs", "Les mêmes indicateurs en CSV").res(raw("text/csv"))
                .q("level", "string", null, true, "COUNTRY, ACADEMIE, DEPARTEMENT, COMMUNE ou ESTABLISHMENT")
                .q("code", "string", null, true, "FR, code de l'académie, du département, de la commune, ou UAI")
                .q("from", "string", null, true, "premier mois (AAAA-MM)")
                .q("to", "string", null, true, "dernier mois (AAAA-MM)")
                .run(c -> {
                    c.ctx().contentType("text/csv; charset=utf-8").result(utf8(report(c).toCsv()));
                    return null;
                });
    }

    private IndicatorReport report(Call c) {
        Territory.Level level = c.query("level", Territory.Level::valueOf, null);
        String code = c.query("code");
        YearMonth from = c.query("from", YearMonth::parse, null);
        YearMonth to = c.query("to", YearMonth::parse, null);
        for (Object[] p : new Object[][] {{"level", level}, {"code", code}, {"from", from}, {"to", to}}) {
            if (p[1] == null) {
                throw ApiError.badParameter((String) p[0]);
            }
        }
        return s.indicators().report(c.actor(), new Territory(level, code), from, to);
    }

    // ------------------------------------------------------------------ research and the académie's view (issue 17)

    private void research() {
        String levels = "COUNTRY, ACADEMIE, DEPARTEMENT, COMMUNE, ESTABLISHMENT ou CUSTOM";
        String codes = "FR, code de l'académie, du département, de la commune, UAI, ou code du territoire défini";
        op("GET", "/indicators/impact", "impact", "indicateurs",
                "Présences, progression, formations ou pairs, RETEX, délais (distributions fusionnables) d'un territoire")
                .res(one(fr.sharenum.ImpactReport.class))
                .q("level", "string", null, true, levels).q("code", "string", null, true, codes)
                .q("from", "string", null, true, "premier mois (AAAA-MM)").q("to", "string", null, true, "dernier mois (AAAA-MM)")
                .run(this::impact);
        op("GET", "/indicators/impact.csv", "impactCsv", "indicateurs", "Les mêmes indicateurs en CSV").res(raw("text/csv"))
                .q("level", "string", null, true, levels).q("code", "string", null, true, codes)
                .q("from", "string", null, true, "premier mois (AAAA-MM)").q("to", "string", null, true, "dernier mois (AAAA-MM)")
                .run(c -> {
                    c.ctx().contentType("text/csv; charset=utf-8").result(utf8(impact(c).toCsv()));
                    return null;
                });
        op("POST", "/territories", "defineTerritory", "indicateurs",
                "Définir (ou redéfinir) un territoire : TNE, bassin, réseau d'établissements")
                .req(fr.sharenum.TerritoryDefinition.class).res(one(fr.sharenum.TerritoryDefinition.class))
                .run(c -> s.indicators().define(c.actor(), c.body(fr.sharenum.TerritoryDefinition.class)));
        op("GET", "/territories", "listTerritories", "indicateurs", "Les territoires définis d'une académie")
                .res(list(fr.sharenum.TerritoryDefinition.class))
                .q("academie", "string", null, false, "l'académie (son nom d'énumération, DIJON) ; sans : les territoires nationaux")
                .run(c -> s.indicators().territories(c.actor(), c.query("academie", Academie::valueOf, null)));
        op("GET", "/members/{member}/progression", "progression", "membres", "La progression d'un membre, outil par outil")
                .res(list(fr.sharenum.LevelChange.class))
                .run(c -> s.members().progression(c.actor(), c.path("member", MemberId::of)));
        op("POST", "/events/{event}/attendance", "markAttendance", "événements", "Relever les présences d'un événement tenu")
                .req(Bodies.AttendanceBody.class).res(list(MemberId.class))
                .run(c -> List.copyOf(s.events().markAttendance(c.actor(), event(c), c.body(Bodies.AttendanceBody.class).present())));
        op("POST", "/trainings/followed", "followTraining", "formations",
                "Suivre la formation proposée plutôt qu'ouvrir une demande").req(Training.class).res(one(Training.class))
                .run(c -> {
                    Training t = c.body(Training.class);
                    s.trainings().follow(c.actor(), t);
                    return t;
                });
        op("POST", "/trainings/attended", "declareTrainingAttended", "formations", "Déclarer avoir suivi une formation")
                .req(Training.class).res(one(Training.class))
                .run(c -> {
                    Training t = c.body(Training.class);
                    s.trainings().declareAttended(c.actor(), t);
                    return t;
                });
        op("GET", "/me/research-consent", "researchConsent", "membres", "Mon accord pour la recherche")
                .res(one(Bodies.ConsentBody.class)).me()
                .run(c -> new Bodies.ConsentBody(s.research().consented(c.actor(), c.me())));
        op("PUT", "/me/research-consent", "setResearchConsent", "membres", "Donner ou retirer mon accord pour la recherche")
                .req(Bodies.ConsentBody.class).res(one(Bodies.ConsentBody.class)).me()
                .run(c -> {
                    boolean given = c.body(Bodies.ConsentBody.class).given();
                    s.research().consent(c.actor(), c.me(), given);
                    return new Bodies.ConsentBody(given);
                });
    }

    private fr.sharenum.ImpactReport impact(Call c) {
        Territory.Level level = c.query("level", Territory.Level::valueOf, null);
        String code = c.query("code");
        YearMonth from = c.query("from", YearMonth::parse, null);
        YearMonth to = c.query("to", YearMonth::parse, null);
        for (Object[] p : new Object[][] {{"level", level}, {"code", code}, {"from", from}, {"to", to}}) {
            if (p[1] == null) {
                throw ApiError.badParameter((String) p[0]);
            }
        }
        return s.indicators().impact(c.actor(), new Territory(level, code), from, to);
    }

    // ------------------------------------------------------------------ campaigns

    private void campaigns() {
        op("POST", "/campaigns", "startCampaign", "campagnes", "Lancer une campagne dans mon établissement")
                .req(Bodies.CampaignStart.class).res(one(Campaign.class)).status(201).idempotent()
                .run(c -> {
                    Campaign camp = s.campaigns().start(c.actor(), c.body(Bodies.CampaignStart.class).title());
                    c.created(BASE + "/campaigns/" + camp.id().value());
                    return camp;
                });
        op("GET", "/campaigns/{campaign}", "getCampaign", "campagnes", "Une campagne").res(one(Campaign.class))
                .run(c -> s.campaigns().get(c.actor(), campaign(c)));
        op("POST", "/campaigns/{campaign}/team", "addToTeam", "campagnes", "Ajouter un membre à l'équipe projet")
                .req(Bodies.MemberRef.class).res(one(Campaign.class))
                .run(c -> s.campaigns().addToTeam(c.actor(), campaign(c), c.body(Bodies.MemberRef.class).member()));
        op("POST", "/campaigns/{campaign}/concerns", "submitConcern", "campagnes", "Exprimer un besoin")
                .req(Bodies.Concern.class).res(one(Campaign.class))
                .run(c -> {
                    Bodies.Concern k = c.body(Bodies.Concern.class);
                    return s.campaigns().submitConcern(c.actor(), campaign(c), k.tools() == null ? Set.of() : k.tools(),
                            k.themes() == null ? Set.of() : k.themes());
                });
        op("POST", "/campaigns/{campaign}/advance", "advanceCampaign", "campagnes", "Passer à l'étape suivante")
                .res(one(Campaign.class)).run(c -> s.campaigns().advance(c.actor(), campaign(c)));
        op("GET", "/campaigns/{campaign}/proposals", "campaignProposals", "campagnes",
                "Pour chaque outil, les collègues expérimentés des établissements voisins").res(Op.Shape.map(Match.class))
                .q("radiusKm", "number", null, false, "rayon (30 km par défaut)")
                .run(c -> s.campaigns().proposals(c.actor(), campaign(c), c.number("radiusKm", 30, 0.001, 1_000)));
        op("POST", "/campaigns/{campaign}/workshops", "linkWorkshop", "campagnes", "Rattacher un atelier à la campagne")
                .req(Bodies.EventRef.class).res(one(Campaign.class))
                .run(c -> s.campaigns().linkWorkshop(c.actor(), campaign(c), c.body(Bodies.EventRef.class).event()));
        op("POST", "/campaigns/{campaign}/experiments", "startExperiment", "campagnes", "Indiquer une expérimentation en classe")
                .req(Bodies.ExperimentBody.class).res(one(Campaign.class))
                .run(c -> s.campaigns().startExperiment(c.actor(), campaign(c), c.body(Bodies.ExperimentBody.class).tool()));
        op("GET", "/campaigns/{campaign}/report", "campaignReport", "campagnes", "Les indicateurs de la campagne")
                .res(one(CampaignReport.class)).run(c -> s.campaigns().report(c.actor(), campaign(c)));
    }

    private static CampaignId campaign(Call c) {
        return c.path("campaign", CampaignId::of);
    }

    // ------------------------------------------------------------------ map

    private void mapLayers() {
        op("GET", "/map/layers/{layer}", "mapLayer", "carte",
                "Une couche de la carte en GeoJSON : academies (contours), establishments (établissements)")
                .res(raw("application/geo+json"))
                .run(c -> {
                    Supplier<String> layer = layers.get(c.ctx().pathParam("layer"));
                    c.ctx().contentType("application/geo+json")
                            .result(utf8(layer == null ? "{\"type\":\"FeatureCollection\",\"features\":[]}" : layer.get()));
                    return null;
                });
        searchParams(op("GET", "/map/events", "mapEvents", "carte",
                "Les événements de la même recherche que /events (sur place et BusNum ; 1 000 au plus), en GeoJSON")
                .res(raw("application/geo+json")).me())
                .run(c -> {
                    c.ctx().contentType("application/geo+json").result(utf8(GeoJson.toString(GeoJson.events(nearby(c)))));
                    return null;
                });
    }

    // ------------------------------------------------------------------ declaring

    private OpBuilder op(String method, String path, String id, String tag, String summary) {
        return new OpBuilder(method, BASE + path, id, tag, summary);
    }

    /** Declares one operation. */
    private final class OpBuilder {
        private final String method;
        private final String path;
        private final String id;
        private final String tag;
        private final String summary;
        private Op.Shape request = NONE;
        private boolean bodyOptional;
        private Op.Shape response = NONE;
        private int status = 200;
        private boolean me;
        private boolean idempotent;
        private Op.IfMatch ifMatch = Op.IfMatch.NONE;
        private final List<Op.Param> query = new ArrayList<>();

        OpBuilder(String method, String path, String id, String tag, String summary) {
            this.method = method;
            this.path = path;
            this.id = id;
            this.tag = tag;
            this.summary = summary;
        }

        OpBuilder req(Class<?> type) {
            request = one(type);
            return this;
        }

        OpBuilder optionalReq(Class<?> type) {
            request = one(type);
            bodyOptional = true;
            return this;
        }

        OpBuilder res(Op.Shape shape) {
            response = shape;
            return this;
        }

        OpBuilder status(int s) {
            status = s;
            return this;
        }

        OpBuilder me() {
            me = true;
            return this;
        }

        OpBuilder idempotent() {
            idempotent = true;
            return this;
        }

        OpBuilder ifMatch(Op.IfMatch m) {
            ifMatch = m;
            return this;
        }

        OpBuilder paged() {
            q("cursor", "string", null, false, "le curseur de la page suivante (champ next de la page précédente)");
            return q("limit", "integer", null, false, "taille de la page (1–100, 20 par défaut)");
        }

        OpBuilder q(String name, String type, String format, boolean required, String description) {
            query.add(new Op.Param(name, type, format, required, description));
            return this;
        }

        void run(Op.Handler handler) {
            ops.add(new Op(method, path, id, tag, summary, request, bodyOptional, response, status, me, idempotent, ifMatch, List.copyOf(query), handler));
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
