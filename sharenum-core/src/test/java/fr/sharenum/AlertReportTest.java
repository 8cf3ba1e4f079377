package fr.sharenum;

import fr.sharenum.AlertReport.Delay;
import fr.sharenum.AlertReport.NotAlerted;
import fr.sharenum.AlertReport.Reason;
import fr.sharenum.model.Alert;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Member;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Why qualified members were not alerted: recorded as a ticket opens, read by the requester, staff and the host. */
class AlertReportTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final AlertLimits LIMITS = AlertLimits.builder().perHelperPerWeek(100).minimumPerTicket(1)
            .maxPerTicket(2).coolDown(Duration.ofDays(7)).ticketsPerDay(100).build();

    private final ShareNumStore store = ShareNum.inMemoryStore();
    private final Fixture f = new Fixture(b -> b.store(store).alertLimits(LIMITS));
    private final Member requester = f.active("Rachel Requérante", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    private final Member near = f.active("Camille Carnot", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member muted = f.active("Maud Muette", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member paused = f.active("Paul Pause", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member blocker = f.active("Bruno Bloque", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member beaune1 = f.active("Basile Beaune", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member beaune2 = f.active("Bérénice Beaune", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
    private final Member staff = f.granted("Sam Dijon", NUITS, Privilege.ACADEMIE_STAFF);

    {
        f.sharenum.members().muteTool(muted.id(), muted.id(), CAPYTALE, true);
        f.sharenum.members().pauseAlerts(paused.id(), paused.id(), f.clock.instant().plus(Duration.ofDays(3)));
        f.sharenum.moderation().block(blocker.id(), requester.id());
    }

    private TicketNum open() {
        return f.sharenum.tickets().open(requester.id(), TicketRequest.builder(CAPYTALE).text("aide").radiusKm(50).build());
    }

    @Test
    void staff_and_the_host_see_who_was_left_out_and_why() {
        TicketNum t = open();
        assertThat(t.alerts()).extracting(Alert::helper).containsExactly(near.id(), beaune1.id());
        for (var reader : new fr.sharenum.model.Actor[] {staff.id(), Fixture.HOST}) {
            AlertReport report = f.sharenum.tickets().alertReport(reader, t.id()).orElseThrow();
            assertThat(report.qualified()).isEqualTo(6);
            assertThat(report.alerted()).isEqualTo(2);
            assertThat(report.notAlerted()).containsExactly(Map.entry(Reason.MUTED, 1), Map.entry(Reason.PAUSED, 1),
                    Map.entry(Reason.BLOCKED, 1), Map.entry(Reason.TICKET_CAP, 1));
            assertThat(report.members()).containsExactlyInAnyOrder(
                    new NotAlerted(muted.id(), CAPYTALE, Reason.MUTED),
                    new NotAlerted(paused.id(), CAPYTALE, Reason.PAUSED),
                    new NotAlerted(blocker.id(), CAPYTALE, Reason.BLOCKED),
                    new NotAlerted(beaune2.id(), CAPYTALE, Reason.TICKET_CAP));
            assertThat(report.delayed()).isEmpty();
        }
    }

    @Test
    void at_national_density_the_farthest_are_counted_under_the_ticket_cap_not_examined() {
        // 70 more colleagues in Beaune: the rules examine the 64 nearest (the cap's window, 3 × 2, is full long before)
        for (int i = 0; i < 70; i++) {
            f.active("Collègue Beaune " + i, BEAUNE, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
        }
        TicketNum t = open();
        assertThat(t.alerts()).extracting(Alert::helper).containsExactly(near.id(), beaune1.id());
        AlertReport report = f.sharenum.tickets().alertReport(staff.id(), t.id()).orElseThrow();
        assertThat(report.qualified()).isEqualTo(76);
        assertThat(report.notAlerted()).containsExactly(Map.entry(Reason.MUTED, 1), Map.entry(Reason.PAUSED, 1),
                Map.entry(Reason.BLOCKED, 1), Map.entry(Reason.TICKET_CAP, 71));
        // listed: the 62 examined and left out; the 12 farthest are counted only
        assertThat(report.members()).hasSize(62);
        assertThat(report.members()).filteredOn(n -> n.reason() == Reason.TICKET_CAP).hasSize(59);
        // stored with the count of those not examined; a report with everyone examined is stored as before
        assertThat(store.inTransaction(tx -> tx.get("alert-report", t.id().value())).orElseThrow().body())
                .contains("\"beyond\":12");
        TicketNum few = f.sharenum.tickets().open(staff.id(), TicketRequest.builder(ToolId.of("geogebra")).text("aide").build());
        assertThat(store.inTransaction(tx -> tx.get("alert-report", few.id().value())).orElseThrow().body())
                .doesNotContain("beyond");
        AlertReport counts = f.sharenum.tickets().alertReport(requester.id(), t.id()).orElseThrow();
        assertThat(counts.qualified()).isEqualTo(counts.alerted()
                + counts.notAlerted().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void a_report_stored_before_the_farthest_were_counted_apart_reads_as_before() {
        TicketNum t = open();
        // the stored form written before: no "beyond" (every member examined and listed)
        String old = "{\"ticket\":\"" + t.id().value() + "\",\"qualified\":3,\"alerted\":1,\"notAlerted\":["
                + "{\"member\":\"" + muted.id().value() + "\",\"tool\":\"capytale\",\"reason\":\"MUTED\"},"
                + "{\"member\":\"" + beaune2.id().value() + "\",\"tool\":\"capytale\",\"reason\":\"TICKET_CAP\"}],"
                + "\"delayed\":{}}";
        store.inTransaction(tx -> {
            var doc = tx.get("alert-report", t.id().value()).orElseThrow();
            tx.replace("alert-report", doc.next(Map.of(), old), doc.version());
            return null;
        });
        AlertReport report = f.sharenum.tickets().alertReport(Fixture.HOST, t.id()).orElseThrow();
        assertThat(report.qualified()).isEqualTo(3);
        assertThat(report.notAlerted()).containsExactly(Map.entry(Reason.MUTED, 1), Map.entry(Reason.TICKET_CAP, 1));
        assertThat(report.members()).hasSize(2);
    }

    @Test
    void the_requester_sees_counts_only_and_not_that_a_colleague_blocked_them() {
        TicketNum t = open();
        AlertReport report = f.sharenum.tickets().alertReport(requester.id(), t.id()).orElseThrow();
        assertThat(report.members()).isEmpty();
        assertThat(report.notAlerted(Reason.BLOCKED)).isZero();
        assertThat(report.qualified()).isEqualTo(5);
        assertThat(report.qualified()).isEqualTo(report.alerted()
                + report.notAlerted().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void a_second_ticket_on_the_same_tool_reports_the_cool_down() {
        open();
        TicketNum second = open();
        assertThat(second.alerts()).extracting(Alert::helper).containsExactly(beaune2.id());
        AlertReport report = f.sharenum.tickets().alertReport(Fixture.HOST, second.id()).orElseThrow();
        assertThat(report.notAlerted(Reason.COOL_DOWN)).isEqualTo(2);
        assertThat(report.members()).filteredOn(n -> n.reason() == Reason.COOL_DOWN).extracting(NotAlerted::member)
                .containsExactlyInAnyOrder(near.id(), beaune1.id());
    }

    @Test
    void alerts_held_for_quiet_hours_or_a_digest_are_counted() {
        Fixture evening = new Fixture(b -> b.alertLimits(AlertLimits.builder().coolDown(Duration.ZERO).build())
                .quietHours(QuietHours.of(LocalTime.of(20, 0), LocalTime.of(7, 0))));
        Member r = evening.active("Rachel", CARNOT);
        Member digest = evening.active("Dina Digest", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        evening.active("Quentin Quiet", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        evening.sharenum.members().setDigest(digest.id(), digest.id(), AlertPreferences.Digest.DAILY);
        evening.clock.advance(Duration.ofHours(11));   // 20:00 UTC = 21:00 in Dijon
        TicketNum t = evening.sharenum.tickets().open(r.id(), TicketRequest.builder(CAPYTALE).text("aide").radiusKm(50).build());

        AlertReport report = evening.sharenum.tickets().alertReport(r.id(), t.id()).orElseThrow();
        assertThat(report.alerted()).isEqualTo(2);
        assertThat(report.delayed()).containsExactly(Map.entry(Delay.QUIET_HOURS, 1), Map.entry(Delay.DIGEST, 1));
    }

    @Test
    void alerted_helpers_and_other_members_may_not_read_it() {
        TicketNum t = open();
        assertThatThrownBy(() -> f.sharenum.tickets().alertReport(near.id(), t.id()))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.isAccessRefusal()).isTrue());
        assertThatThrownBy(() -> f.sharenum.tickets().alertReport(muted.id(), t.id()))
                .isInstanceOfSatisfying(NotAllowedException.class, e -> assertThat(e.isAccessRefusal()).isTrue());
        assertThatThrownBy(() -> f.sharenum.tickets().alertReport(Fixture.HOST, TicketId.of("no-such-ticket")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_ticket_with_no_one_qualified_has_an_empty_report() {
        Fixture empty = new Fixture();
        Member r = empty.active("Rachel", CARNOT);
        TicketNum t = empty.sharenum.tickets().open(r.id(), TicketRequest.builder(CAPYTALE).text("aide").build());
        AlertReport report = empty.sharenum.tickets().alertReport(r.id(), t.id()).orElseThrow();
        assertThat(report.qualified()).isZero();
        assertThat(report.alerted()).isZero();
        assertThat(report.notAlerted()).isEmpty();
    }

    @Test
    void every_instance_on_the_store_reads_the_same_report() {
        TicketNum t = open();
        Fixture other = new Fixture(b -> b.store(store).alertLimits(LIMITS), false);
        try {
            assertThat(other.sharenum.tickets().alertReport(Fixture.HOST, t.id()))
                    .isEqualTo(f.sharenum.tickets().alertReport(Fixture.HOST, t.id()));
        } finally {
            other.sharenum.close();
        }
    }
}
