package fr.sharenum;

import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.Availability;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Campaign;
import fr.sharenum.model.CampaignId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.Grant;
import fr.sharenum.model.GrantId;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.PixCertification;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Report;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.model.Uai;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.core.internal.access.Relation.ACCEPTED_HELPER;
import static fr.sharenum.core.internal.access.Relation.ALERTED;
import static fr.sharenum.core.internal.access.Relation.ANYONE;
import static fr.sharenum.core.internal.access.Relation.COLLEAGUE;
import static fr.sharenum.core.internal.access.Relation.HOST;
import static fr.sharenum.core.internal.access.Relation.INVITED;
import static fr.sharenum.core.internal.access.Relation.MEMBER;
import static fr.sharenum.core.internal.access.Relation.NATIONAL_ADMIN;
import static fr.sharenum.core.internal.access.Relation.ORGANISER;
import static fr.sharenum.core.internal.access.Relation.PUBLISHER;
import static fr.sharenum.core.internal.access.Relation.QUALIFIED;
import static fr.sharenum.core.internal.access.Relation.REGISTRANT;
import static fr.sharenum.core.internal.access.Relation.REQUESTER;
import static fr.sharenum.core.internal.access.Relation.RESEARCHER;
import static fr.sharenum.core.internal.access.Relation.SELF;
import static fr.sharenum.core.internal.access.Relation.SELF_ANY_STATUS;
import static fr.sharenum.core.internal.access.Relation.STAFF;
import static fr.sharenum.core.internal.access.Relation.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The test that cannot be forgotten: every public method of every facade is found by reflection, must have
 * a row in the access matrix ({@link Operation}), and is run as every kind of actor — the member the call is
 * about, another member, a suspended member, a blocked member, the helper, a registrant, an invitee, staff
 * of the same académie and of another, a national administrator, a researcher, the host, an anonymous
 * visitor — in a fresh world. Whom the matrix allows must not meet an access refusal; whom it does not must
 * meet a {@link NotAllowedException} of the {@code access.} family, and the store and the notifier must be
 * left exactly as they were. The expectation comes from this test's own table of who is what in the world
 * ({@link #RELATIONS}), not from the code under test.
 */
class AccessMatrixTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");

    /** The kinds of actors every method is run as. */
    enum Kind { ANONYMOUS, HOST, SELF_MEMBER, SUSPENDED, OTHER, BLOCKED, HELPER, REGISTRANT, INVITEE, STAFF_SAME, STAFF_OTHER,
        ADMIN, RESEARCHER_MEMBER }

    /**
     * What each kind of actor is in the world, to the subjects every call is given: Claire's member record,
     * her ticket (Hugo accepted), the event Hugo and Claire organise (Rita registered, Inès invited), Claire's
     * campaign at Carnot; all in the académie of Dijon.
     */
    static final Map<Kind, Set<Relation>> RELATIONS = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.ANONYMOUS, EnumSet.of(ANYONE)),
            Map.entry(Kind.HOST, EnumSet.of(ANYONE, HOST)),
            Map.entry(Kind.SELF_MEMBER, EnumSet.of(ANYONE, MEMBER, SELF, SELF_ANY_STATUS, REQUESTER, ORGANISER, TEAM, COLLEAGUE)),
            Map.entry(Kind.SUSPENDED, EnumSet.of(ANYONE, SELF_ANY_STATUS)),
            Map.entry(Kind.OTHER, EnumSet.of(ANYONE, MEMBER, COLLEAGUE)),
            Map.entry(Kind.BLOCKED, EnumSet.of(ANYONE, MEMBER, COLLEAGUE)),
            Map.entry(Kind.HELPER, EnumSet.of(ANYONE, MEMBER, ALERTED, QUALIFIED, ACCEPTED_HELPER, ORGANISER)),
            Map.entry(Kind.REGISTRANT, EnumSet.of(ANYONE, MEMBER, REGISTRANT)),
            Map.entry(Kind.INVITEE, EnumSet.of(ANYONE, MEMBER, INVITED)),
            Map.entry(Kind.STAFF_SAME, EnumSet.of(ANYONE, MEMBER, STAFF, PUBLISHER)),
            Map.entry(Kind.STAFF_OTHER, EnumSet.of(ANYONE, MEMBER)),
            Map.entry(Kind.ADMIN, EnumSet.of(ANYONE, MEMBER, NATIONAL_ADMIN)),
            Map.entry(Kind.RESEARCHER_MEMBER, EnumSet.of(ANYONE, MEMBER, RESEARCHER))));

    /** Operations about the actor's own académie (their reports, their buses): staff of any académie are staff there. */
    static final Set<Operation> OWN_ACADEMIE = EnumSet.of(Operation.MODERATION_QUEUE, Operation.BUSES_ADD);

    // --- the facades

    static List<Class<?>> facades() {
        List<Class<?>> out = new ArrayList<>();
        for (Method m : ShareNum.class.getMethods()) {
            Class<?> r = m.getReturnType();
            if (m.getDeclaringClass() == ShareNum.class && r.isInterface() && r.getPackageName().equals("fr.sharenum")
                    && m.getParameterCount() == 0) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(Class::getSimpleName));
        return out;
    }

    static List<Method> facadeMethods() {
        List<Method> out = new ArrayList<>();
        for (Class<?> f : facades()) {
            for (Method m : f.getMethods()) {
                if (!m.isDefault() && !Modifier.isStatic(m.getModifiers())) {
                    out.add(m);
                }
            }
        }
        for (Method m : ShareNum.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() > 0
                    && m.getParameterTypes()[0] == Actor.class) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing((Method m) -> m.getDeclaringClass().getSimpleName()).thenComparing(Method::getName));
        return out;
    }

    @Test
    void the_facades_are_found() {
        assertThat(facades()).extracting(Class::getSimpleName).contains("Members", "Tickets", "Events", "Roles", "Outbox",
                "Indicators", "Campaigns", "Agenda", "BusNum", "Moderation", "Trainings", "Establishments");
        assertThat(facadeMethods()).hasSizeGreaterThan(70);
    }

    @Test
    void every_facade_method_names_who_acts_first_and_has_a_row_in_the_matrix() {
        List<String> missing = new ArrayList<>();
        for (Method m : facadeMethods()) {
            String name = m.getDeclaringClass().getSimpleName() + "." + m.getName();
            if (m.getParameterCount() == 0 || m.getParameterTypes()[0] != Actor.class) {
                missing.add(name + " does not take the Actor first");
            }
            try {
                Operation.of(m.getDeclaringClass(), m.getName());
            } catch (IllegalStateException e) {
                missing.add(name + " has no row in the access matrix (Operation)");
            }
        }
        assertThat(missing).as("every facade method names who acts and is declared in the access matrix").isEmpty();
    }

    @Test
    void every_row_of_the_matrix_names_existing_methods() {
        for (Operation o : Operation.values()) {
            for (String name : o.methods()) {
                assertThat(Arrays.stream(o.facade().getMethods()).anyMatch(m -> m.getName().equals(name)))
                        .as(o + " names " + o.facade().getSimpleName() + "." + name).isTrue();
            }
        }
    }

    @Test
    void the_other_public_methods_of_share_num_hold_no_member_data() {
        Set<String> allowed = Set.of("builder", "inMemoryStore", "completed", "tools", "emailPolicy", "close");
        for (Method m : ShareNum.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            boolean facade = facades().contains(m.getReturnType()) && m.getParameterCount() == 0;
            boolean acting = m.getParameterCount() > 0 && m.getParameterTypes()[0] == Actor.class;
            assertThat(facade || acting || allowed.contains(m.getName())).as("ShareNum." + m.getName()).isTrue();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_method_as_every_actor() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Method m : facadeMethods()) {
            Operation op = Operation.of(m.getDeclaringClass(), m.getName());
            tests.add(DynamicTest.dynamicTest(m.getDeclaringClass().getSimpleName() + "." + m.getName(), () -> check(m, op)));
        }
        return tests.stream();
    }

    /** Runs {@code m} as every kind of actor: the refused ones on one world, each allowed one on a world of its own. */
    private void check(Method m, Operation op) {
        World shared = new World(false);
        List<String> problems = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            boolean expected = expectedAllowed(op, kind);
            World w = kind == Kind.SUSPENDED ? new World(true) : expected ? new World(false) : shared;
            List<String> before = w.snapshot();
            int sentBefore = w.f.outbox.sent().size();
            Throwable thrown = null;
            try {
                m.invoke(w.facade(m.getDeclaringClass()), w.arguments(m, kind));
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            boolean refused = thrown instanceof NotAllowedException n && n.isAccessRefusal();
            String call = m.getDeclaringClass().getSimpleName() + "." + m.getName() + " as " + kind;
            if (expected && refused) {
                problems.add(call + ": allowed by the matrix (" + op.allowed() + ") but refused: " + thrown.getMessage());
            } else if (!expected && !refused) {
                problems.add(call + ": not allowed by the matrix (" + op.allowed() + ") but "
                        + (thrown == null ? "it succeeded" : "it threw " + thrown));
            } else if (refused) {
                if (!w.snapshot().equals(before) || w.f.outbox.sent().size() != sentBefore) {
                    problems.add(call + ": refused, but the store or the notifier changed");
                }
                assertThat(thrown.getMessage()).as(call + " in French").doesNotContain("''");
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    static boolean expectedAllowed(Operation op, Kind kind) {
        Set<Relation> have = EnumSet.copyOf(RELATIONS.get(kind));
        if (kind == Kind.STAFF_OTHER && OWN_ACADEMIE.contains(op)) {
            have.add(STAFF);
        }
        if (kind == Kind.BLOCKED && op.blockable()) {
            return false;   // every blockable call of the world involves Claire, who blocked Béa
        }
        return op.allowed().stream().anyMatch(have::contains);
    }

    /** A fresh world: the members, a ticket, an event, a campaign, a bus, grants; Claire suspended when asked. */
    static final class World {
        final ShareNumStore store = ShareNum.inMemoryStore();
        final Fixture f = new Fixture(b -> b.store(store));
        final Member claire = f.active("Claire Sujet", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        final Member hugo = f.active("Hugo Aide", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        final Member alice = f.active("Alice Autre", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        final Member bob = f.active("Bob Collègue", CARNOT);
        final Member bea = f.active("Béa Bloquée", CARNOT);
        final Member rita = f.active("Rita Inscrite", NUITS);
        final Member ines = f.active("Inès Invitée", NUITS);
        final Member staffSame = f.granted("Sam Dijon", NUITS, Privilege.ACADEMIE_STAFF);
        final Member staffOther = f.granted("Lou Lyon", LYON, Privilege.ACADEMIE_STAFF);
        final Member admin = f.granted("Nat National", BEAUNE, Privilege.NATIONAL_ADMIN);
        final Member researcher = f.granted("Rémi Chercheur", BEAUNE, Privilege.RESEARCHER);
        final Grant aliceGrant;
        final TicketNum ticket;
        final Event event;
        final Campaign campaign;
        final HelpOffer helpOffer;
        final BusId bus = BusId.of("busnum-21");

        World(boolean suspendClaire) {
            ShareNum sn = f.sharenum;
            aliceGrant = sn.roles().grant(Fixture.HOST, alice.id(), Privilege.CANOPE, Academie.DIJON, "Médiatrice Canopé");
            sn.moderation().block(claire.id(), bea.id());
            TicketNum t = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Aide sur Capytale").radiusKm(40).build());
            sn.tickets().offer(hugo.id(), t.id(), "Je viens jeudi");
            sn.tickets().offer(alice.id(), t.id(), "Moi aussi");
            sn.tickets().accept(claire.id(), t.id(), hugo.id());
            sn.tickets().post(claire.id(), t.id(), "Merci !");
            ticket = sn.tickets().get(Fixture.HOST, t.id());
            Event e = sn.events().create(hugo.id(), EventRequest.direct().title("Capytale : premiers pas").tools(CAPYTALE)
                    .start(Fixture.START.plus(Duration.ofDays(9))).duration(Duration.ofHours(2)).capacity(10)
                    .atEstablishment(CARNOT.uai()).coOrganisers(claire.id(), ines.id()).build());
            sn.events().acceptInvitation(claire.id(), e.id());
            sn.events().confirm(hugo.id(), e.id());
            sn.events().register(rita.id(), e.id());
            event = sn.events().get(Fixture.HOST, e.id());
            campaign = sn.campaigns().start(claire.id(), "Le numérique au service de l'oral");
            helpOffer = sn.helpOffers().publish(claire.id(), HelpOfferRequest.builder().themes(Theme.of("oral"))
                    .text("Je partage mes séquences sur l'oral").radiusKm(10).build());
            sn.busNum().add(Fixture.HOST, Bus.of(bus, "BusNum Côte-d'Or", CARNOT.location(), 80, Set.of("tablettes"), 12));
            if (suspendClaire) {
                sn.members().suspend(staffSame.id(), claire.id(), "signalement en cours d'examen");
            }
        }

        Object facade(Class<?> type) {
            if (type == ShareNum.class) {
                return f.sharenum;
            }
            for (Method m : ShareNum.class.getMethods()) {
                if (m.getReturnType() == type && m.getParameterCount() == 0) {
                    try {
                        return m.invoke(f.sharenum);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            throw new IllegalStateException("no facade " + type);
        }

        Actor actor(Kind kind) {
            return switch (kind) {
                case ANONYMOUS -> Actor.anonymous();
                case HOST -> Fixture.HOST;
                case SELF_MEMBER, SUSPENDED -> claire.id();
                case OTHER -> bob.id();
                case BLOCKED -> bea.id();
                case HELPER -> hugo.id();
                case REGISTRANT -> rita.id();
                case INVITEE -> ines.id();
                case STAFF_SAME -> staffSame.id();
                case STAFF_OTHER -> staffOther.id();
                case ADMIN -> admin.id();
                case RESEARCHER_MEMBER -> researcher.id();
            };
        }

        List<String> snapshot() {
            List<String> rows = new ArrayList<>(Snapshots.of(store));
            store.inTransaction(t -> fr.sharenum.core.internal.Tx.of(t).campaign(campaign.id())).ifPresent(c -> rows.add("CA " + c));
            return rows;
        }

        /** One value per parameter, chosen by type (and name where a type is ambiguous). */
        Object[] arguments(Method m, Kind kind) {
            Parameter[] params = m.getParameters();
            Object[] args = new Object[params.length];
            int instants = 0;
            int months = 0;
            Instant now = f.clock.instant();
            for (int i = 0; i < params.length; i++) {
                Class<?> type = params[i].getType();
                String name = params[i].getName();
                Object v;
                if (type == Actor.class) {
                    v = actor(kind);
                } else if (type == MemberId.class) {
                    v = switch (m.getName()) {
                        case "accept", "helperRating" -> hugo.id();
                        case "addToTeam", "block", "unblock" -> bob.id();
                        default -> claire.id();
                    };
                } else if (type == TicketId.class) {
                    v = ticket.id();
                } else if (type == EventId.class) {
                    v = event.id();
                } else if (type == CampaignId.class) {
                    v = campaign.id();
                } else if (type == GrantId.class) {
                    v = aliceGrant.id();
                } else if (type == BusId.class) {
                    v = bus;
                } else if (type == Uai.class) {
                    v = m.getName().equals("moveTo") ? NUITS.uai() : CARNOT.uai();
                } else if (type == Establishment.class) {
                    v = CARNOT;
                } else if (type == java.util.Collection.class) {
                    v = List.of(CARNOT);
                } else if (type == List.class && m.getName().equals("apply")) {
                    // a directory change set renaming Carnot (what DirectorySync proposes)
                    Establishment renamed = new Establishment(CARNOT.uai(), "Lycée Sadi-Carnot", CARNOT.type(), CARNOT.academie(),
                            CARNOT.location(), CARNOT.communeCode());
                    v = List.of(new fr.sharenum.model.EstablishmentChange(CARNOT.uai(),
                            Set.of(fr.sharenum.model.EstablishmentChange.Kind.RENAMED), CARNOT, renamed, 0, false));
                } else if (type == long.class) {
                    v = f.sharenum.members().get(Fixture.HOST, claire.id()).version();
                } else if (type == int.class) {
                    v = 4;
                } else if (type == double.class) {
                    v = 30.0;
                } else if (type == boolean.class) {
                    v = true;
                } else if (type == String.class) {
                    v = switch (name) {
                        case "token" -> "not-the-token";
                        case "notificationId" -> "no-such-notification";
                        case "title" -> "Un titre";
                        case "offer" -> helpOffer.id();
                        case "code" -> "000000";
                        default -> "Un texte de test";
                    };
                } else if (type == Instant.class) {
                    v = instants++ == 0 ? now.plus(Duration.ofDays(20)) : now.plus(Duration.ofDays(40));
                    if (m.getName().equals("audit") || m.getName().equals("between")) {
                        v = instants == 1 ? now.minus(Duration.ofDays(1)) : now.plus(Duration.ofDays(40));
                    }
                } else if (type == Duration.class) {
                    v = Duration.ofHours(2);
                } else if (type == LocalDate.class) {
                    v = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(9);
                } else if (type == YearMonth.class) {
                    v = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(months++ == 0 ? -1 : 0);
                } else if (type == Territory.class) {
                    v = Territory.of(Academie.DIJON);
                } else if (type == Academie.class) {
                    v = Academie.DIJON;
                } else if (type == Privilege.class) {
                    v = Privilege.CANOPE;
                } else if (type == ToolId.class) {
                    v = CAPYTALE;
                } else if (type == Set.class) {
                    v = switch (name) {
                        case "themes" -> Set.of(Theme.of("oral"));
                        case "present" -> Set.of(rita.id());
                        case "as" -> Set.of(fr.sharenum.model.Participation.REGISTERED);
                        default -> Set.of(CAPYTALE);
                    };
                } else if (type == TerritoryDefinition.class) {
                    v = new TerritoryDefinition("tne-test", "TNE de test", Academie.DIJON, Set.of(Territory.departement("021")));
                } else if (type == Skill.class) {
                    v = new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE);
                } else if (type == UnaryOperator.class) {
                    v = (UnaryOperator<Member>) mem -> mem.withDisplayName("Claire Renommée");
                } else if (type == PixCertification.class) {
                    v = new PixCertification(400, LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(3), "P-ABCDEFGH");
                } else if (type == Availability.class) {
                    v = Availability.builder().weekly(DayOfWeek.WEDNESDAY, TimeRange.of("13:00", "17:00")).build();
                } else if (type == AlertPreferences.Digest.class) {
                    v = AlertPreferences.Digest.DAILY;
                } else if (type == Report.Subject.class) {
                    v = new Report.OfMember(hugo.id());
                } else if (type == Report.Reason.class) {
                    v = Report.Reason.OTHER;
                } else if (type == NewMember.class) {
                    v = NewMember.builder().displayName("Nouvelle Venue").email("nouvelle.venue@ac-dijon.fr")
                            .establishment(CARNOT.uai()).build();
                } else if (type == IdentityAssertion.class) {
                    v = IdentityAssertion.builder("https://cas.ac-dijon.fr", "u-42").email("sso.venue@ac-dijon.fr")
                            .displayName("Venue par l'ENT").establishment(CARNOT.uai()).build();
                } else if (type == TicketRequest.class) {
                    v = TicketRequest.builder(CAPYTALE).text("Encore une question").radiusKm(40).build();
                } else if (type == EventRequest.class) {
                    v = EventRequest.direct().title("Atelier direct").tools(CAPYTALE).start(now.plus(Duration.ofDays(12)))
                            .duration(Duration.ofHours(2)).capacity(8).atEstablishment(CARNOT.uai()).build();
                } else if (type == SlotQuery.class) {
                    v = SlotQuery.of(Duration.ofHours(1), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(15)))
                            .members(claire.id(), alice.id()).build();
                } else if (type == Venue.class) {
                    v = Venue.of(CARNOT);
                } else if (type == Training.class) {
                    v = new Training("coop-21-test", "Tester Capytale", TrainingKind.TOOL_TESTING, Academie.DIJON,
                            Set.of(CAPYTALE), now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(5)).plus(Duration.ofHours(2)),
                            "Coopérative de Dijon", null);
                } else if (type == PageRequest.class) {
                    v = PageRequest.first(10);
                } else if (type == TrainingSearch.class) {
                    v = TrainingSearch.of(Academie.DIJON, now, now.plus(Duration.ofDays(40))).tools(CAPYTALE).build();
                } else if (type == GuideSearch.class) {
                    v = GuideSearch.builder().themes(Theme.of("oral")).academie(Academie.DIJON).build();
                } else if (type == EventSearch.class) {
                    v = EventSearch.between(now, now.plus(Duration.ofDays(40))).aroundMe(30).build();
                } else if (type == HelpOfferRequest.class) {
                    v = HelpOfferRequest.builder().tools(CAPYTALE).text("Je montre Capytale").radiusKm(20).build();
                } else if (type == Bus.class) {
                    v = Bus.of(BusId.of("busnum-58"), "BusNum Nièvre", GeoPoint.of(46.99, 3.16), 80, Set.of(), 10);
                } else {
                    throw new IllegalStateException("AccessMatrixTest has no value for parameter " + name + " (" + type.getName()
                            + ") of " + m.getDeclaringClass().getSimpleName() + "." + m.getName() + ": add one");
                }
                args[i] = v;
            }
            return args;
        }
    }

    /** Who may do what, as a table: what docs/security.md shows (checked by {@link SecurityDocTest}). */
    static Map<Operation, String> table() {
        Map<Operation, String> rows = new LinkedHashMap<>();
        for (Operation o : Operation.values()) {
            rows.put(o, o.allowed().toString());
        }
        return rows;
    }
}
