package fr.sharenum;

import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Helpers are not flooded: weekly caps, fair rotation, preferences, cool-down, daily ticket limit, quiet hours. */
class FairAlertsTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");

    private Fixture f;
    private Member nuits;
    private Member auxonne;
    private Member beaune;

    private void world(Consumer<ShareNum.Builder> limits) {
        f = new Fixture(limits);
        nuits = f.active("Nadia", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED), new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
        auxonne = f.active("Alice", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        beaune = f.active("Basile", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    }

    private Member requester(String name) {
        return f.active(name, CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    }

    private TicketNum open(Member who, ToolId tool) {
        return f.sharenum.tickets().open(who.id(), TicketRequest.builder(tool).text("aide").radiusKm(50).build());
    }

    private static Set<MemberId> alerted(TicketNum t) {
        Set<MemberId> out = new HashSet<>();
        t.alerts().stream().map(Alert::helper).forEach(out::add);
        return out;
    }

    @Test
    void a_helper_over_the_weekly_cap_rests_while_others_can_answer_and_comes_back_after_seven_days() {
        world(b -> b.alertLimits(2, 1, Duration.ZERO, 100));
        open(requester("R1"), CAPYTALE);
        open(requester("R2"), CAPYTALE);
        // all three were alerted twice: over the cap, so only the minimum (the nearest) is alerted
        TicketNum third = open(requester("R3"), CAPYTALE);
        assertThat(alerted(third)).containsExactly(nuits.id());

        f.clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(alerted(open(requester("R4"), CAPYTALE))).containsExactlyInAnyOrder(nuits.id(), auxonne.id(), beaune.id());
    }

    @Test
    void with_one_alert_per_ticket_the_least_recently_alerted_helper_goes_first() {
        world(b -> b.alertLimits(100, 1, Duration.ZERO, 100).maxAlertsPerTicket(1));
        Set<MemberId> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            TicketNum t = open(requester("R" + i), CAPYTALE);
            assertThat(t.alerts()).hasSize(1);
            seen.add(t.alerts().get(0).helper());
            f.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(seen).containsExactlyInAnyOrder(nuits.id(), auxonne.id(), beaune.id());
    }

    @Test
    void muted_tools_and_paused_members_are_not_alerted_until_they_choose_otherwise() {
        world(b -> b.alertLimits(100, 3, Duration.ZERO, 100));
        f.sharenum.members().muteTool(nuits.id(), nuits.id(), CAPYTALE, true);
        f.sharenum.members().pauseAlerts(auxonne.id(), auxonne.id(), f.clock.instant().plus(Duration.ofDays(3)));

        assertThat(alerted(open(requester("R1"), CAPYTALE))).containsExactly(beaune.id());
        assertThat(alerted(open(requester("R2"), GEOGEBRA))).containsExactly(nuits.id());   // only capytale is muted

        f.sharenum.members().muteTool(nuits.id(), nuits.id(), CAPYTALE, false);
        f.clock.advance(Duration.ofDays(3));
        assertThat(alerted(open(requester("R3"), CAPYTALE))).containsExactlyInAnyOrder(nuits.id(), auxonne.id(), beaune.id());
        assertThat(f.sharenum.members().alertPreferences(nuits.id(), nuits.id()).mutedTools()).isEmpty();
    }

    @Test
    void the_same_requester_does_not_re_alert_the_same_helpers_for_the_same_tool_within_the_cool_down() {
        world(b -> b.alertLimits(100, 3, Duration.ofDays(7), 100));
        Member r = requester("R");
        assertThat(open(r, CAPYTALE).alerts()).hasSize(3);
        assertThat(open(r, CAPYTALE).alerts()).isEmpty();
        assertThat(alerted(open(r, GEOGEBRA))).containsExactly(nuits.id());
        f.clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(open(r, CAPYTALE).alerts()).hasSize(3);
    }

    @Test
    void a_member_cannot_open_more_tickets_a_day_than_the_host_allows() {
        world(b -> b.alertLimits(100, 3, Duration.ZERO, 2));
        Member r = requester("R");
        open(r, CAPYTALE);
        open(r, GEOGEBRA);

        assertThatThrownBy(() -> open(r, CAPYTALE)).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("2 tickets in the last 24 hours");
        assertThat(f.sharenum.tickets().openedBy(r.id(), r.id())).hasSize(2);
        f.clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(open(r, CAPYTALE)).isNotNull();
    }

    @Test
    void alerts_falling_in_quiet_hours_wait_for_the_morning() {
        world(b -> b.alertLimits(100, 3, Duration.ZERO, 100).quietHours(LocalTime.of(20, 0), LocalTime.of(7, 0)));
        f.clock.advance(Duration.ofHours(11));   // 20:00 UTC = 21:00 in Dijon
        TicketNum t = open(requester("R"), CAPYTALE);

        assertThat(t.alerts()).hasSize(3);
        assertThat(f.outbox.sent(Notification.TicketAlert.class)).isEmpty();
        assertThat(f.sharenum.outbox().retryNow(Fixture.HOST)).as("held alerts are not failures to retry").isZero();
        f.clock.advance(Duration.ofHours(9));    // 05:00 UTC = 06:00 in Dijon
        assertThat(f.sharenum.outbox().deliverDue(Fixture.HOST)).isZero();
        f.clock.advance(Duration.ofHours(1));    // 07:00 in Dijon
        assertThat(f.sharenum.outbox().deliverDue(Fixture.HOST)).isEqualTo(3);
        assertThat(f.outbox.sent(Notification.TicketAlert.class)).extracting(Notification::recipient)
                .containsExactlyInAnyOrder(nuits.id(), auxonne.id(), beaune.id());
    }



    @Test
    void a_member_who_chose_a_daily_digest_gets_the_days_alerts_in_one_message_at_five() {
        world(b -> b.alertLimits(100, 3, Duration.ZERO, 100));
        f.sharenum.members().setDigest(nuits.id(), nuits.id(), fr.sharenum.model.AlertPreferences.Digest.DAILY);
        open(requester("R1"), CAPYTALE);
        open(requester("R2"), CAPYTALE);
        open(requester("R3"), GEOGEBRA);

        assertThat(f.outbox.sent(Notification.TicketAlert.class)).extracting(Notification::recipient)
                .doesNotContain(nuits.id()).hasSize(4);
        f.clock.advance(Duration.ofHours(6));    // 15:00 UTC = 16:00 in Dijon
        assertThat(f.sharenum.outbox().deliverDue(Fixture.HOST)).isZero();
        f.clock.advance(Duration.ofHours(1));    // 17:00 in Dijon
        assertThat(f.sharenum.outbox().deliverDue(Fixture.HOST)).isEqualTo(3);
        assertThat(f.outbox.sent(Notification.AlertDigest.class)).singleElement().satisfies(d -> {
            assertThat(d.recipient()).isEqualTo(nuits.id());
            assertThat(d.alerts()).hasSize(3);
        });
    }
}
