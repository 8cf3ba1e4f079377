package fr.sharenum.http.internal;

import fr.sharenum.IdentityAssertion;
import fr.sharenum.ShareNum;
import fr.sharenum.http.DevSignIn;
import fr.sharenum.json.GeoJson;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Availability;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Guide;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.model.Uai;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The demo's data, around Dijon: seven collèges, four accounts (a teacher new to Capytale, two experienced
 * colleagues, the DANE's referent), a BusNum, a PAF session on Capytale, three guides. Loaded once into a store (the second
 * start finds it there).
 */
public final class Demo {

    /** The tool of the story. */
    public static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final Actor HOST = Actor.host("demo");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The demo's establishments. */
    public static final List<Establishment> ESTABLISHMENTS = List.of(
            school("0211136W", "Collège Gaston Roupnel", 47.33640, 5.04292, "21231"),
            school("0211225T", "Collège Le Chapitre", 47.29561, 5.00352, "21166"),
            school("0210038C", "Collège Félix Tisserand", 47.13503, 4.95333, "21464"),
            school("0211164B", "Collège Albert Camus", 47.23883, 5.22737, "21292"),
            school("0211452P", "Collège La Croix des Sarrasins", 47.19892, 5.39946, "21038"),
            school("0210034Y", "Collège Pasteur", 47.63468, 4.34210, "21425"));

    private Demo() {
    }

    private static Establishment school(String uai, String name, double lat, double lon, String commune) {
        return new Establishment(Uai.of(uai), name, EstablishmentType.COLLEGE, Academie.DIJON, GeoPoint.of(lat, lon), commune);
    }

    /** @return the demo accounts, as the directory would assert them */
    public static List<IdentityAssertion> accounts() {
        return List.of(
                account("claire-martin", "Claire Martin", "claire.martin@ac-dijon.fr", "0211136W", Role.TEACHER_SECONDARY, false),
                account("paul-bernard", "Paul Bernard", "paul.bernard@ac-dijon.fr", "0211225T", Role.TEACHER_SECONDARY, false),
                account("lea-moreau", "Léa Moreau", "lea.moreau@ac-dijon.fr", "0211164B", Role.TEACHER_SECONDARY, false),
                account("nadia-dane", "Nadia Roussel (DANE)", "nadia.roussel@ac-dijon.fr", "0211136W", Role.ACADEMIE_STAFF, true));
    }

    private static IdentityAssertion account(String id, String name, String email, String uai, Role role, boolean staff) {
        IdentityAssertion.Builder b = IdentityAssertion.builder(DevSignIn.ISSUER, email).memberId(MemberId.of(id))
                .displayName(name).email(email).establishment(Uai.of(uai)).role(role);
        if (staff) {
            b.privilege(Privilege.ACADEMIE_STAFF);
        }
        return b.build();
    }

    /**
     * The trainings the demo's catalogue offers: a PAF session on Capytale in three weeks.
     *
     * @param clock the clock
     * @return the trainings
     */
    public static List<Training> trainings(Clock clock) {
        Instant start = LocalDate.now(clock.withZone(PARIS)).plusDays(21).atTime(14, 0).atZone(PARIS).toInstant();
        return List.of(new Training("PAF-21-NUM-042", "Capytale : premiers pas en Python (PAF)", TrainingKind.PAF_SESSION,
                Academie.DIJON, Set.of(CAPYTALE), start, start.plus(Duration.ofHours(3)), "Réseau Canopé, atelier de Dijon",
                URI.create("https://example.org/paf/PAF-21-NUM-042")));
    }

    /**
     * The guides the demo's catalogue offers: two on Capytale (one by the DANE of Dijon, one national), one on
     * programming at the collège by the académie of Lyon, each with its publication date.
     *
     * @return the guides
     */
    public static List<Guide> guides() {
        return List.of(
                new Guide("GUIDE-CAPYTALE-EVAL", "Capytale : évaluer les élèves en Python", Set.of(CAPYTALE), Set.of(Theme.of("evaluation")),
                        Academie.DIJON, LocalDate.of(2025, 11, 4), URI.create("https://example.org/guides/capytale-evaluation"),
                        "Des activités auto-corrigées pas à pas."),
                new Guide("GUIDE-CAPYTALE-DEBUT", "Capytale : la première séance", Set.of(CAPYTALE), Set.of(), null,
                        LocalDate.of(2025, 9, 1), URI.create("https://example.org/guides/capytale-premiere-seance"), null),
                new Guide("GUIDE-PROG-COLLEGE", "Programmer au collège : repères", Set.of(), Set.of(Theme.of("programmation")),
                        Academie.LYON, LocalDate.of(2026, 1, 12), URI.create("https://example.org/guides/programmer-au-college"), "Progressions du cycle 4."));
    }

    /**
     * Loads the demo's data unless the store has it already.
     *
     * @param sharenum the library
     * @return whether it was loaded now
     */
    public static boolean loadOnce(ShareNum sharenum) {
        if (sharenum.establishments().find(HOST, ESTABLISHMENTS.get(0).uai()).isPresent()) {
            return false;
        }
        sharenum.establishments().putAll(HOST, ESTABLISHMENTS);
        Availability wednesdays = Availability.builder().weekly(DayOfWeek.WEDNESDAY, TimeRange.of("13:30", "17:30"))
                .weekly(DayOfWeek.THURSDAY, TimeRange.of("16:00", "18:00")).build();
        for (IdentityAssertion a : accounts()) {
            Member m = sharenum.members().signIn(HOST, a);
            String id = m.id().value();
            CompetenceLevel level = switch (id) {
                case "paul-bernard" -> CompetenceLevel.EXPERIENCED;
                case "lea-moreau" -> CompetenceLevel.INTERMEDIATE;
                default -> CompetenceLevel.NOVICE;
            };
            m = sharenum.members().setSkill(HOST, m.id(), m.version(), new Skill(CAPYTALE, level));
            Member current = m;
            sharenum.members().edit(HOST, m.id(), m.version(), x -> new Member(x.id(), x.displayName(), x.email(), x.establishment(),
                    x.role(), Set.of("mathématiques"), x.skills(), Set.of(CAPYTALE), Set.of(Theme.of("programmation")), x.status(),
                    x.registeredAt(), current.version(), x.pix()));
            if (!id.equals("nadia-dane")) {
                sharenum.agenda().publish(m.id(), m.id(), wednesdays);
            }
        }
        sharenum.busNum().add(HOST, Bus.of(BusId.of("busnum-21"), "BusNum Côte-d'Or", GeoPoint.of(47.3220, 5.0415), 80,
                Set.of("tablettes", "robots", "vidéoprojecteur"), 16));
        return true;
    }

    /** @return the establishments layer of the map */
    public static String establishmentsGeoJson() {
        return GeoJson.toString(GeoJson.establishments(ESTABLISHMENTS));
    }
}
