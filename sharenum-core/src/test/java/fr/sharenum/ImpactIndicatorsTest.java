package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.model.Event;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.PixCertification;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.Fixture.START;
import static fr.sharenum.model.CompetenceLevel.EXPERIENCED;
import static fr.sharenum.model.CompetenceLevel.INTERMEDIATE;
import static fr.sharenum.model.CompetenceLevel.NOVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second round of indicators (attendance, progression, trainings first, RETEX, custom territories, distributions)
 * on a hand-computed scenario — through one instance, after a restart, and through the change feed of two instances
 * on one store.
 */
class ImpactIndicatorsTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");
    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);
    private static final Territory DIJON = Territory.of(Academie.DIJON);
    /** A PAF session on Capytale on 13 December, three hours. */
    static final Training PAF = new Training("paf-capytale", "Capytale (PAF)", TrainingKind.PAF_SESSION, Academie.DIJON,
            Set.of(CAPYTALE), START.plus(Duration.ofDays(20)), START.plus(Duration.ofDays(20)).plus(Duration.ofHours(3)), "Dijon", null);
    private static final TerritoryDefinition RESEAU = new TerritoryDefinition("reseau-val-de-saone", "Réseau du Val de Saône",
            Academie.DIJON, Set.of(Territory.of(NUITS.uai()), Territory.of(AUXONNE.uai())));

    /** Who the scenario involves, on whichever instance registered them. */
    record People(Member r1, Member r2, Member h1, Member h2, Member lyon) {
    }

    /**
     * In November: r1 (Carnot, Capytale novice) opens a Capytale ticket, declining the PAF; r2 (Carnot) follows the PAF
     * instead and opens a GeoGebra ticket nobody answers; h1 (Nuits, expert) offers after 30 min, h2 (Auxonne,
     * intermediate) after 60; h1 is accepted after 90; the BusNum workshop is planned after 120 for 2 December,
     * r2 and h2 register. In December: it is held (h1 and r1 earn "premier-atelier"), only r2 came; r2 declares the
     * PAF attended; r1 moves up to intermediate; h2 records a PIX certification (412) of 20 December. Another
     * instance may act for some steps ({@code other}), as a second server behind the same load balancer would.
     */
    static People scenario(Fixture f, Fixture other) {
        People p = new People(f.active("R1", CARNOT, new Skill(CAPYTALE, NOVICE)), f.active("R2", CARNOT, new Skill(GEOGEBRA, NOVICE)),
                other.active("H1", NUITS, new Skill(CAPYTALE, EXPERIENCED)), other.active("H2", AUXONNE, new Skill(CAPYTALE, INTERMEDIATE)),
                f.active("L", LYON, new Skill(CAPYTALE, EXPERIENCED)));
        f.sharenum.busNum().add(Fixture.HOST, Bus.of(BusId.of("busnum-21"), "BusNum", NUITS.location(), 80, Set.of(), 12));
        TicketNum t1 = f.sharenum.tickets().open(p.r1().id(), TicketRequest.builder(CAPYTALE).text("Python").radiusKm(40)
                .declinedTrainings(List.of("paf-capytale")).build());
        other.sharenum.trainings().follow(p.r2().id(), PAF);
        advance(f, other, Duration.ofMinutes(10));
        f.sharenum.tickets().open(p.r2().id(), TicketRequest.builder(GEOGEBRA).text("GeoGebra 3D").radiusKm(40).build());
        advance(f, other, Duration.ofMinutes(20));                       // +30 min
        other.sharenum.tickets().offer(p.h1().id(), t1.id(), "oui");
        advance(f, other, Duration.ofMinutes(30));                       // +60
        f.sharenum.tickets().offer(p.h2().id(), t1.id(), "moi aussi");
        advance(f, other, Duration.ofMinutes(30));                       // +90
        f.sharenum.tickets().accept(p.r1().id(), t1.id(), p.h1().id());
        advance(f, other, Duration.ofMinutes(30));                       // +120
        Event e = other.sharenum.events().create(p.h1().id(), EventRequest.fromTicket(t1.id()).title("Capytale")
                .start(Instant.parse("2026-12-02T13:00:00Z")).duration(Duration.ofHours(2)).capacity(10)
                .atEstablishment(CARNOT.uai()).onBus(BusId.of("busnum-21")).build());
        f.sharenum.events().confirm(p.h1().id(), e.id());
        f.sharenum.events().register(p.r2().id(), e.id());
        f.sharenum.events().register(p.h2().id(), e.id());
        advance(f, other, Duration.ofDays(31));                          // 24 December: past the event and the PAF
        f.sharenum.events().markHeld(p.h1().id(), e.id());
        other.sharenum.events().markAttendance(p.h1().id(), e.id(), Set.of(p.r2().id(), p.h2().id()));
        f.sharenum.events().markAttendance(p.h1().id(), e.id(), Set.of(p.r2().id()));   // corrected: only r2 came
        f.sharenum.tickets().expireDue(Fixture.HOST);
        other.sharenum.trainings().declareAttended(p.r2().id(), PAF);
        Member r1 = f.sharenum.members().get(p.r1().id(), p.r1().id());
        other.sharenum.members().setSkill(p.r1().id(), p.r1().id(), r1.version(), new Skill(CAPYTALE, INTERMEDIATE));
        Member h2 = f.sharenum.members().get(p.h2().id(), p.h2().id());
        f.sharenum.members().recordPix(p.h2().id(), p.h2().id(), h2.version(),
                new PixCertification(412, LocalDate.of(2026, 12, 20), "P-ABCDEFGH"));
        f.sharenum.indicators().define(Fixture.HOST, RESEAU);
        return p;
    }

    private static void advance(Fixture f, Fixture other, Duration d) {
        f.clock.advance(d);
        if (other != f) {
            other.clock.advance(d);
        }
    }

    static void assertScenario(ShareNum sn, People p) {
        ImpactReport nov = sn.indicators().impact(Fixture.HOST, DIJON, NOV, NOV);
        assertThat(nov.membersAtStart()).isEmpty();
        assertThat(nov.flow(CAPYTALE, null, NOVICE)).isEqualTo(1);           // r1 arrives
        assertThat(nov.flow(CAPYTALE, null, INTERMEDIATE)).isEqualTo(1);     // h2
        assertThat(nov.flow(CAPYTALE, null, EXPERIENCED)).isEqualTo(1);      // h1 (the Lyon expert is not in Dijon)
        assertThat(nov.flow(GEOGEBRA, null, NOVICE)).isEqualTo(1);           // r2
        assertThat(nov.membersAtEnd().get(CAPYTALE)).containsExactly(1, 1, 1);
        assertThat(nov.needsByTool()).isEqualTo(Map.of(
                CAPYTALE, new ImpactReport.Needs(1, 1, 0, 1),                    // t1 met by h1; r2 chose the PAF
                GEOGEBRA, new ImpactReport.Needs(1, 0, 0, 0)));
        assertThat(nov.offers()).isEqualTo(2);
        assertThat(nov.alerts()).isEqualTo(2);                               // h1 and h2 for t1; nobody for GeoGebra
        assertThat(nov.activeHelpers()).isEqualTo(2);                        // h1 and h2 offered
        assertThat(nov.minutesToOffer().asMap()).isEqualTo(Map.of(30L, 1L));
        assertThat(nov.minutesToHelper().median()).isEqualTo(90L);
        assertThat(nov.minutesToEvent().quantile(0.9)).isEqualTo(120L);
        assertThat(nov.eventsWithAttendance()).isZero();                     // the event is in December

        ImpactReport dec = sn.indicators().impact(Fixture.HOST, DIJON, DEC, DEC);
        assertThat(dec.membersAtStart().get(CAPYTALE)).containsExactly(1, 1, 1);
        assertThat(dec.flows()).containsExactly(new ImpactReport.LevelFlow(CAPYTALE, NOVICE, INTERMEDIATE, 1));
        assertThat(dec.membersAtEnd(CAPYTALE, NOVICE)).isZero();
        assertThat(dec.membersAtEnd(CAPYTALE, INTERMEDIATE)).isEqualTo(2);
        assertThat(dec.membersAtEnd(CAPYTALE, EXPERIENCED)).isEqualTo(1);
        assertThat(dec.membersAtEnd(GEOGEBRA, NOVICE)).isEqualTo(1);
        assertThat(dec.eventsWithAttendance()).isEqualTo(1);
        assertThat(dec.registeredAtMarkedEvents()).isEqualTo(2);
        assertThat(dec.attended()).isEqualTo(1);
        assertThat(dec.noShows()).isEqualTo(1);                              // h2 registered and did not come
        assertThat(dec.attendedHours()).isEqualTo(2.0);
        assertThat(dec.attendanceRate()).isEqualTo(0.5);
        assertThat(dec.needsByTool()).isEqualTo(Map.of(CAPYTALE, new ImpactReport.Needs(0, 0, 1, 0)));
        assertThat(dec.needsByTool().get(CAPYTALE).shareMetByTraining()).isEqualTo(1.0);
        assertThat(dec.trainingActions()).isEqualTo(1);
        assertThat(dec.trainingAttendances()).isEqualTo(1);
        assertThat(dec.trainingHours()).isEqualTo(3.0);
        assertThat(dec.pixCertifications()).isEqualTo(1);
        assertThat(dec.meanPixScore()).isEqualTo(412.0);
        assertThat(dec.badgesAwarded()).isEqualTo(Map.of("premier-atelier", 2));   // both organisers, h1 and r1
        assertThat(dec.activeHelpers()).isEqualTo(2);                        // the organisers of the event held
        assertThat(dec.offers()).isZero();

        ImpactReport both = sn.indicators().impact(Fixture.HOST, DIJON, NOV, DEC);
        assertThat(both.needsByTool().get(CAPYTALE).shareMetByTraining()).isEqualTo(0.5);   // one by the PAF, one by h1
        assertThat(both.membersAtEnd(CAPYTALE, INTERMEDIATE)).isEqualTo(2);
        assertThat(both.flow(CAPYTALE, null, NOVICE) - both.flow(CAPYTALE, NOVICE, INTERMEDIATE)).isZero();
        assertThat(sn.indicators().impact(Fixture.HOST, DIJON, OCT, OCT).membersAtEnd()).isEmpty();

        // the custom territory: Nuits and Auxonne, defined by the host in the scenario
        ImpactReport reseau = sn.indicators().impact(Fixture.HOST, Territory.custom("reseau-val-de-saone"), NOV, DEC);
        assertThat(reseau.membersAtEnd().get(CAPYTALE)).containsExactly(0, 1, 1);
        assertThat(reseau.pixCertifications()).isEqualTo(1);
        assertThat(reseau.needsByTool()).isEmpty();                          // the tickets were opened at Carnot
        assertThat(sn.indicators().report(Fixture.HOST, Territory.custom("reseau-val-de-saone"), NOV, DEC).members(CAPYTALE, 1))
                .isEqualTo(1);

        // the member sees their own progression
        assertThat(sn.members().progression(p.r1().id(), p.r1().id())).extracting(LevelChange::from, LevelChange::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, NOVICE), org.assertj.core.groups.Tuple.tuple(NOVICE, INTERMEDIATE));
    }

    @Test
    void every_new_indicator_matches_the_hand_computed_scenario() {
        Fixture f = new Fixture(b -> b.trainings(List.of(PAF)));
        People p = scenario(f, f);
        assertScenario(f.sharenum, p);
    }

    @Test
    void the_figures_are_rebuilt_the_same_after_a_restart() {
        ShareNumStore store = ShareNum.inMemoryStore();
        Fixture f = new Fixture(b -> b.store(store).trainings(List.of(PAF)));
        People p = scenario(f, f);
        String before = f.sharenum.indicators().impact(Fixture.HOST, DIJON, NOV, DEC).toCsv();
        ShareNum restarted = ShareNum.builder().store(store).clock(f.clock).trainings(List.of(PAF))
                .matchingEngine(MatchingEngines.reference()).build();
        assertScenario(restarted, p);
        assertThat(restarted.indicators().impact(Fixture.HOST, DIJON, NOV, DEC).toCsv()).isEqualTo(before);
    }

    /** Two instances on one store, acting in turn; a third started afterwards. */
    @Nested
    class ThroughTheChangeFeed {
        private final List<ShareNum> opened = new ArrayList<>();

        @AfterEach
        void close() {
            opened.forEach(ShareNum::close);
        }

        private Fixture instance(ShareNumStore store, boolean establishments) {
            Fixture f = new Fixture(b -> b.store(store).trainings(List.of(PAF)).changeFeed(Duration.ofMillis(20), Duration.ofDays(1)),
                    establishments);
            opened.add(f.sharenum);
            return f;
        }

        @ParameterizedTest
        @EnumSource(Stores.class)
        void two_instances_and_a_late_one_agree_on_every_new_indicator(Stores kind) {
            ShareNumStore store = kind.fresh().store();
            Fixture a = instance(store, true);
            Fixture b = instance(store, false);
            People p = scenario(a, b);
            assertScenario(a.sharenum, p);
            assertScenario(b.sharenum, p);
            Fixture c = instance(store, false);
            assertScenario(c.sharenum, p);
            for (Territory t : List.of(DIJON, Territory.custom("reseau-val-de-saone"), Territory.country())) {
                String viaA = a.sharenum.indicators().impact(Fixture.HOST, t, NOV, DEC).toCsv();
                assertThat(b.sharenum.indicators().impact(Fixture.HOST, t, NOV, DEC).toCsv()).isEqualTo(viaA);
                assertThat(c.sharenum.indicators().impact(Fixture.HOST, t, NOV, DEC).toCsv()).isEqualTo(viaA);
            }
        }
    }

    @Test
    void members_stored_before_the_history_was_kept_count_from_the_day_they_registered() {
        ShareNumStore store = ShareNum.inMemoryStore();
        Fixture f = new Fixture(b -> b.store(store));
        Instant registered = Instant.parse("2025-10-01T08:00:00Z");
        // written straight into the store, as a deployment of an earlier version did: no level change kept
        store.inTransaction(t -> {
            t.members().orElseThrow().insert(new Member(MemberId.of("ancien"), "Ancienne", Email.of("ancienne@ac-dijon.fr"),
                    NUITS.uai(), Role.TEACHER_SECONDARY, Set.of(), Map.of(CAPYTALE, new Skill(CAPYTALE, EXPERIENCED)), Set.of(),
                    Set.of(), MemberStatus.ACTIVE, registered, 1));
            return null;
        });
        ShareNum started = ShareNum.builder().store(store).clock(f.clock).matchingEngine(MatchingEngines.reference()).build();
        ImpactReport year = started.indicators().impact(Fixture.HOST, DIJON, YearMonth.of(2025, 9), YearMonth.of(2026, 11));
        assertThat(year.flow(CAPYTALE, null, EXPERIENCED)).isEqualTo(1);
        assertThat(started.indicators().impact(Fixture.HOST, DIJON, YearMonth.of(2025, 11), NOV).membersAtStart(CAPYTALE, EXPERIENCED))
                .isEqualTo(1);
        // a change made now is kept, and a restart still agrees
        Member m = started.members().get(Fixture.HOST, MemberId.of("ancien"));
        started.members().setSkill(Fixture.HOST, m.id(), m.version(), new Skill(CAPYTALE, INTERMEDIATE));
        String now = started.indicators().impact(Fixture.HOST, DIJON, YearMonth.of(2025, 9), NOV).toCsv();
        ShareNum again = ShareNum.builder().store(store).clock(f.clock).matchingEngine(MatchingEngines.reference()).build();
        assertThat(again.indicators().impact(Fixture.HOST, DIJON, YearMonth.of(2025, 9), NOV).toCsv()).isEqualTo(now)
                .contains("flow.capytale.none.experienced;1").contains("flow.capytale.experienced.intermediate;1")
                .contains("members_at_end.capytale.intermediate;1");
        assertThat(again.members().progression(Fixture.HOST, m.id())).extracting(LevelChange::from, LevelChange::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, EXPERIENCED),
                        org.assertj.core.groups.Tuple.tuple(EXPERIENCED, INTERMEDIATE));
    }

    @Test
    void moves_suspensions_and_erasures_are_departures_and_arrivals() {
        Fixture f = new Fixture();
        Member mover = f.active("Mobile", NUITS, new Skill(CAPYTALE, NOVICE));
        Member gone = f.active("Partante", NUITS, new Skill(CAPYTALE, EXPERIENCED));
        f.sharenum.members().moveTo(mover.id(), mover.id(), mover.version(), LYON.uai());
        f.sharenum.members().erase(gone.id(), gone.id());
        ImpactReport nuits = f.sharenum.indicators().impact(Fixture.HOST, Territory.of(NUITS.uai()), NOV, NOV);
        assertThat(nuits.flow(CAPYTALE, null, NOVICE)).isEqualTo(1);
        assertThat(nuits.flow(CAPYTALE, NOVICE, null)).isEqualTo(1);
        assertThat(nuits.flow(CAPYTALE, EXPERIENCED, null)).isEqualTo(1);
        assertThat(nuits.membersAtEnd()).isEmpty();
        ImpactReport lyon = f.sharenum.indicators().impact(Fixture.HOST, Territory.of(Academie.LYON), NOV, NOV);
        assertThat(lyon.membersAtEnd(CAPYTALE, NOVICE)).isEqualTo(1);
    }

    @Test
    void attendance_and_trainings_are_refused_when_they_cannot_be_true_and_nothing_changes() {
        Fixture f = new Fixture(b -> b.trainings(List.of(PAF)));
        Member h = f.active("H", NUITS, new Skill(CAPYTALE, EXPERIENCED));
        Member r = f.active("R", CARNOT);
        Member outsider = f.active("O", CARNOT);
        Event e = f.sharenum.events().create(h.id(), EventRequest.direct().title("Atelier").tools(CAPYTALE)
                .start(START.plus(Duration.ofDays(3))).duration(Duration.ofHours(1)).capacity(5).atEstablishment(NUITS.uai()).build());
        f.sharenum.events().confirm(h.id(), e.id());
        f.sharenum.events().register(r.id(), e.id());
        assertThatThrownBy(() -> f.sharenum.events().markAttendance(h.id(), e.id(), Set.of(r.id())))
                .isInstanceOf(IllegalTransitionException.class);
        f.clock.advance(Duration.ofDays(4));
        f.sharenum.events().markHeld(h.id(), e.id());
        assertThatThrownBy(() -> f.sharenum.events().markAttendance(h.id(), e.id(), Set.of(outsider.id())))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> f.sharenum.events().markAttendance(r.id(), e.id(), Set.of(r.id())))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> f.sharenum.trainings().declareAttended(r.id(), PAF)).isInstanceOf(IllegalTransitionException.class);
        Training unknown = new Training("inconnue", "Inconnue", TrainingKind.PAF_SESSION, Academie.DIJON, Set.of(CAPYTALE),
                PAF.start(), PAF.end(), "Dijon", null);
        assertThatThrownBy(() -> f.sharenum.trainings().follow(r.id(), unknown)).isInstanceOf(NotFoundException.class);
        ImpactReport nov = f.sharenum.indicators().impact(Fixture.HOST, DIJON, NOV, NOV);
        assertThat(nov.eventsWithAttendance()).isZero();
        assertThat(nov.needsByTool()).isEmpty();
    }

    @Test
    void custom_territories_are_defined_by_the_academie_s_staff_within_it() {
        Fixture f = new Fixture();
        Member dijon = f.admin();
        Member lyon = f.granted("Staff Lyon", LYON, Privilege.ACADEMIE_STAFF);
        Member researcher = f.granted("Chercheuse", CARNOT, Privilege.RESEARCHER);
        TerritoryDefinition tne = new TerritoryDefinition("tne-cote-d-or", "TNE de Côte-d'Or", Academie.DIJON,
                Set.of(Territory.departement("021")));
        assertThat(f.sharenum.indicators().define(dijon.id(), tne)).isEqualTo(tne);
        assertThatThrownBy(() -> f.sharenum.indicators().define(lyon.id(), tne)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> f.sharenum.indicators().define(dijon.id(), new TerritoryDefinition("debord", "Débord",
                Academie.DIJON, Set.of(Territory.of(LYON.uai()))))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> f.sharenum.indicators().define(lyon.id(), new TerritoryDefinition("tne-cote-d-or", "Prise",
                Academie.LYON, Set.of(Territory.of(LYON.uai()))))).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> f.sharenum.indicators().impact(lyon.id(), tne.territory(), NOV, NOV)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> f.sharenum.indicators().impact(Fixture.HOST, Territory.custom("inconnu"), NOV, NOV))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> Territory.custom("Pas Un Code")).isInstanceOf(InvalidValueException.class);
        assertThat(f.sharenum.indicators().territories(researcher.id(), Academie.DIJON)).containsExactly(tne);
        assertThatThrownBy(() -> f.sharenum.indicators().territories(dijon.id(), Academie.LYON)).isInstanceOf(NotAllowedException.class);
        assertThat(f.sharenum.indicators().territories(lyon.id(), Academie.LYON)).isEmpty();
        assertThat(f.sharenum.indicators().impact(researcher.id(), tne.territory(), NOV, NOV)).isNotNull();
    }

    @Test
    void distributions_merge_exactly() {
        Distribution a = Distribution.of(Map.of(10L, 2, 30L, 1));
        Distribution b = Distribution.of(Map.of(20L, 1, 30L, 2, 90L, 1));
        Distribution ab = a.merge(b);
        assertThat(ab.count()).isEqualTo(7);
        assertThat(ab.asMap()).isEqualTo(Map.of(10L, 2L, 20L, 1L, 30L, 3L, 90L, 1L));
        assertThat(ab.median()).isEqualTo(30L);                      // 10 10 20 [30] 30 30 90
        assertThat(ab.quantile(0)).isEqualTo(10L);
        assertThat(ab.quantile(1)).isEqualTo(90L);
        assertThat(ab.quantile(0.25)).isEqualTo(10L);                // rank floor(0.25 x 6) = 1
        assertThat(b.merge(a)).isEqualTo(ab);
        assertThat(Distribution.empty().median()).isNull();
        assertThatThrownBy(() -> ab.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_median_of_a_union_is_the_median_of_its_tickets() {
        Fixture f = new Fixture();
        Member carnot = f.active("Carnot", CARNOT);
        Member lyon = f.active("Lyon", LYON);
        Member hc = f.active("HC", NUITS, new Skill(CAPYTALE, EXPERIENCED));
        Member hl = f.active("HL", LYON, new Skill(CAPYTALE, EXPERIENCED));
        TicketNum tc = f.sharenum.tickets().open(carnot.id(), TicketRequest.builder(CAPYTALE).text("a").radiusKm(40).build());
        TicketNum tl = f.sharenum.tickets().open(lyon.id(), TicketRequest.builder(CAPYTALE).text("b").radiusKm(40).build());
        f.clock.advance(Duration.ofMinutes(10));
        f.sharenum.tickets().offer(hc.id(), tc.id(), "oui");
        f.clock.advance(Duration.ofMinutes(50));
        f.sharenum.tickets().offer(hl.id(), tl.id(), "oui");
        f.sharenum.indicators().define(Fixture.HOST, new TerritoryDefinition("deux", "Deux lycées", null,
                Set.of(Territory.of(CARNOT.uai()), Territory.of(Academie.LYON))));
        Distribution dijon = f.sharenum.indicators().impact(Fixture.HOST, DIJON, NOV, NOV).minutesToOffer();
        Distribution lyonD = f.sharenum.indicators().impact(Fixture.HOST, Territory.of(Academie.LYON), NOV, NOV).minutesToOffer();
        Distribution union = f.sharenum.indicators().impact(Fixture.HOST, Territory.custom("deux"), NOV, NOV).minutesToOffer();
        assertThat(union).isEqualTo(dijon.merge(lyonD));
        assertThat(union.asMap()).isEqualTo(Map.of(10L, 1L, 60L, 1L));
        assertThat(union.median()).isEqualTo(10L);
    }
}
