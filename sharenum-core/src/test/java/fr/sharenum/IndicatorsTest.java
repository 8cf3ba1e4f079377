package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every indicator on a hand-computed scenario, kept up to date as things happen, rebuilt on restart. */
class IndicatorsTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);
    private static final Territory DIJON = Territory.of(Academie.DIJON);
    private static final Training PAF = new Training("paf-capytale", "Capytale (PAF)", TrainingKind.PAF_SESSION, Academie.DIJON,
            Set.of(CAPYTALE), START.plus(Duration.ofDays(20)), START.plus(Duration.ofDays(20)).plus(Duration.ofHours(3)), "Dijon", null);

    private final ShareNumStore store = ShareNum.inMemoryStore();
    private final Fixture f = new Fixture(b -> b.store(store).trainings(List.of(PAF)));
    private final Member r1 = f.active("R1", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    private final Member r2 = f.active("R2", CARNOT, new Skill(GEOGEBRA, CompetenceLevel.NOVICE));
    private final Member h1 = f.active("H1", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member h2 = f.active("H2", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
    private final Member lyon = f.active("L", LYON, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));

    private void scenario() {
        f.sharenum.busNum().add(Fixture.HOST, Bus.of(BusId.of("busnum-21"), "BusNum", NUITS.location(), 80, Set.of(), 12));
        TicketNum t1 = f.sharenum.tickets().open(r1.id(), TicketRequest.builder(CAPYTALE).text("Python").radiusKm(40)
                .declinedTrainings(List.of("paf-capytale")).build());
        f.clock.advance(Duration.ofMinutes(10));
        f.sharenum.tickets().open(r2.id(), TicketRequest.builder(GEOGEBRA).text("GeoGebra 3D").radiusKm(40).build());
        f.clock.advance(Duration.ofMinutes(20));                       // +30 min
        f.sharenum.tickets().offer(h1.id(), t1.id(), "oui");
        f.clock.advance(Duration.ofMinutes(30));                       // +60
        f.sharenum.tickets().offer(h2.id(), t1.id(), "moi aussi");
        f.clock.advance(Duration.ofMinutes(30));                       // +90
        f.sharenum.tickets().accept(r1.id(), t1.id(), h1.id());
        f.clock.advance(Duration.ofMinutes(30));                       // +120
        Event e = f.sharenum.events().create(h1.id(), EventRequest.fromTicket(t1.id()).title("Capytale")
                .start(Instant.parse("2026-12-02T13:00:00Z")).duration(Duration.ofHours(2)).capacity(10)
                .atEstablishment(CARNOT.uai()).onBus(BusId.of("busnum-21")).build());
        f.sharenum.events().confirm(h1.id(), e.id());
        f.sharenum.events().register(r2.id(), e.id());
        f.sharenum.events().register(h2.id(), e.id());
        f.clock.advance(Duration.ofDays(31));                          // past the event and the ticket lifetime
        f.sharenum.events().markHeld(h1.id(), e.id());
        f.sharenum.tickets().expireDue(Fixture.HOST);                               // the geogebra ticket expires without an offer
        f.sharenum.events().giveFeedback(r2.id(), e.id(), 5, "");
        f.sharenum.events().giveFeedback(h2.id(), e.id(), 2, "");
    }

    private void assertScenario(ShareNum sn) {
        IndicatorReport nov = sn.indicators().report(Fixture.HOST, DIJON, NOV, NOV);
        assertThat(nov.ticketsOpened()).isEqualTo(2);
        assertThat(nov.shareShownTraining()).isEqualTo(0.5);
        assertThat(nov.shareDeclinedTraining()).isEqualTo(0.5);
        assertThat(nov.shareWithOffer()).isEqualTo(0.5);
        assertThat(nov.shareWithHelper()).isEqualTo(0.5);
        assertThat(nov.shareWithEvent()).isEqualTo(0.5);
        assertThat(nov.medianMinutesToOffer()).isEqualTo(30L);
        assertThat(nov.medianMinutesToHelper()).isEqualTo(90L);
        assertThat(nov.medianMinutesToEvent()).isEqualTo(120L);
        assertThat(nov.unmetDemandByTool()).isEqualTo(Map.of(GEOGEBRA, 1));
        assertThat(nov.busiestTenthAlertShare()).isEqualTo(0.5);        // h1 and h2 alerted once each: the busiest has half
        assertThat(nov.eventsHeld()).isZero();                          // the event is in December

        IndicatorReport dec = sn.indicators().report(Fixture.HOST, DIJON, DEC, DEC);
        assertThat(dec.eventsHeld()).isEqualTo(1);
        assertThat(dec.participants()).isEqualTo(2);
        assertThat(dec.registrations()).isEqualTo(2);
        assertThat(dec.capacity()).isEqualTo(10);
        assertThat(dec.fillRate()).isEqualTo(0.2);
        assertThat(dec.busNumDays()).isEqualTo(1);
        // summed to the metre, so that every instance adds the same integers whatever the order of changes
        assertThat(dec.busNumKm()).isEqualTo(Math.round(2_000 * NUITS.location().distanceKm(CARNOT.location())) / 1000.0);
        assertThat(dec.busiestTenthEventShare()).isEqualTo(0.5);        // two organisers, one event each
        assertThat(dec.feedbacks()).isEqualTo(2);
        assertThat(dec.meanUsefulness()).isEqualTo(3.5);
        assertThat(dec.ticketsOpened()).isZero();

        IndicatorReport year = sn.indicators().report(Fixture.HOST, DIJON, NOV, DEC);
        assertThat(year.ticketsOpened()).isEqualTo(2);
        assertThat(year.eventsHeld()).isEqualTo(1);
        assertThat(year.members(CAPYTALE, 0)).isEqualTo(1);
        assertThat(year.members(CAPYTALE, 1)).isEqualTo(1);
        assertThat(year.members(CAPYTALE, 2)).isEqualTo(1);
        assertThat(year.members(GEOGEBRA, 0)).isEqualTo(1);
        assertThat(sn.indicators().report(Fixture.HOST, Territory.country(), NOV, DEC).members(CAPYTALE, 2)).isEqualTo(2);
        assertThat(sn.indicators().report(Fixture.HOST, Territory.of(Academie.LYON), NOV, DEC).ticketsOpened()).isZero();
        assertThat(sn.indicators().report(Fixture.HOST, Territory.of(CARNOT.uai()), NOV, NOV).ticketsOpened()).isEqualTo(2);
        assertThat(sn.indicators().report(Fixture.HOST, Territory.departement("021"), NOV, DEC).eventsHeld()).isEqualTo(1);
    }

    @Test
    void every_indicator_matches_the_hand_computed_scenario() {
        scenario();
        assertScenario(f.sharenum);
    }

    @Test
    void aggregates_are_rebuilt_from_the_store_on_restart() {
        scenario();
        ShareNum restarted = ShareNum.builder().store(store).clock(f.clock).matchingEngine(MatchingEngines.reference()).build();
        assertScenario(restarted);
    }

    @Test
    void changes_are_retracted_not_double_counted() {
        f.sharenum.members().setSkill(h2.id(), h2.id(), h2.version(), new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        f.sharenum.members().erase(lyon.id(), lyon.id());
        IndicatorReport now = f.sharenum.indicators().report(Fixture.HOST, Territory.country(), NOV, NOV);
        assertThat(now.members(CAPYTALE, 1)).isZero();
        assertThat(now.members(CAPYTALE, 2)).isEqualTo(2);              // h1 and h2; the Lyon member erased
    }

    @Test
    void the_report_exports_as_csv_and_refuses_reversed_periods() {
        scenario();
        String csv = f.sharenum.indicators().report(Fixture.HOST, DIJON, NOV, DEC).toCsv();
        assertThat(csv).startsWith("indicator;value\n").contains("tickets_opened;2\n").contains("unmet_demand.geogebra;1\n")
                .contains("share_with_offer;0.5000\n").contains("members.capytale.experienced;1\n");
        assertThatThrownBy(() -> f.sharenum.indicators().report(Fixture.HOST, DIJON, DEC, NOV)).isInstanceOf(InvalidValueException.class);
    }
}
