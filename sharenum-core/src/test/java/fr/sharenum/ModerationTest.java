package fr.sharenum;

import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Alert;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Report;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.ModerationQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports to the host's moderation queue, and blocks between members. */
class ModerationTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");

    private final List<Report> forwarded = new CopyOnWriteArrayList<>();
    private final ModerationQueue backOffice = forwarded::add;
    private final Fixture f = new Fixture(b -> b.moderationQueue(backOffice));
    private final Member claire = f.active("Claire", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    private final Member karim = f.active("Karim", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member alice = f.active("Alice", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));

    private TicketNum conversation() {
        TicketNum t = f.sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("aide").radiusKm(40).build());
        f.sharenum.tickets().offer(karim.id(), t.id(), "oui");
        f.sharenum.tickets().accept(claire.id(), t.id(), karim.id());
        f.sharenum.tickets().post(karim.id(), t.id(), "message déplacé");
        return t;
    }

    @Test
    void a_participant_reports_a_message_once_and_the_host_queue_gets_it() {
        TicketNum t = conversation();

        Report r = f.sharenum.moderation().report(claire.id(), new Report.OfMessage(t.id(), 1), Report.Reason.HARASSMENT,
                "propos déplacés");

        assertThat(forwarded).containsExactly(r);
        assertThat(r.id()).contains(claire.id().value());
        assertThatThrownBy(() -> f.sharenum.moderation().report(claire.id(), new Report.OfMessage(t.id(), 1),
                Report.Reason.SPAM, "encore")).isInstanceOf(DuplicateException.class);
        assertThat(forwarded).hasSize(1);
    }

    @Test
    void members_report_only_what_they_can_see_and_not_themselves() {
        TicketNum t = conversation();

        assertThatThrownBy(() -> f.sharenum.moderation().report(alice.id(), new Report.OfMessage(t.id(), 1),
                Report.Reason.OTHER, "")).isInstanceOf(NotAllowedException.class).hasMessageContaining("participants");
        assertThatThrownBy(() -> f.sharenum.moderation().report(karim.id(), new Report.OfMessage(t.id(), 1),
                Report.Reason.OTHER, "")).isInstanceOf(NotAllowedException.class).hasMessageContaining("own message");
        assertThatThrownBy(() -> f.sharenum.moderation().report(claire.id(), new Report.OfMessage(t.id(), 9),
                Report.Reason.OTHER, "")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.sharenum.moderation().report(claire.id(), new Report.OfMember(claire.id()),
                Report.Reason.OTHER, "")).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> f.sharenum.moderation().report(claire.id(), new Report.OfEvent(fr.sharenum.model.EventId.of("nope")),
                Report.Reason.OTHER, "")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.sharenum.moderation().report(claire.id(), new Report.OfMessage(TicketId.of("nope"), 1),
                Report.Reason.OTHER, "")).isInstanceOf(NotFoundException.class);
        assertThat(forwarded).isEmpty();
        Report ok = f.sharenum.moderation().report(alice.id(), new Report.OfMember(karim.id()), Report.Reason.IMPERSONATION, "");
        assertThat(forwarded).containsExactly(ok);
    }

    @Test
    void the_default_queue_keeps_reports_for_the_host() {
        Fixture plain = new Fixture();
        Member a = plain.active("A", CARNOT);
        Member b = plain.active("B", NUITS);
        Report r = plain.sharenum.moderation().report(a.id(), new Report.OfMember(b.id()), Report.Reason.SPAM, "pub");
        assertThat(plain.sharenum.moderation().pendingReports(Fixture.HOST)).containsExactly(r);
    }

    @Test
    void a_block_stops_alerts_and_announcements_both_ways_until_lifted() {
        f.sharenum.moderation().block(karim.id(), claire.id());
        TicketNum fromClaire = f.sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("aide").radiusKm(40).build());
        assertThat(fromClaire.alerts()).extracting(Alert::helper).containsExactly(alice.id());

        Member follower = f.follower("Fabien", CARNOT, Set.of(CAPYTALE), Set.of());
        f.sharenum.moderation().block(follower.id(), karim.id());
        Event e = f.sharenum.events().create(karim.id(), EventRequest.direct().title("Atelier").tools(CAPYTALE)
                .start(Instant.parse("2026-12-02T13:00:00Z")).duration(Duration.ofHours(2)).capacity(5)
                .atEstablishment(NUITS.uai()).build());
        f.sharenum.events().confirm(karim.id(), e.id());
        assertThat(f.outbox.sentTo(follower.id())).noneMatch(n -> n instanceof Notification.EventInvitation);

        f.sharenum.moderation().unblock(karim.id(), claire.id());
        TicketNum again = f.sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("encore").radiusKm(40).build());
        assertThat(again.alerts()).extracting(Alert::helper).containsExactlyInAnyOrder(karim.id(), alice.id());
        assertThatThrownBy(() -> f.sharenum.moderation().block(claire.id(), claire.id())).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_suspended_member_is_never_matched() {
        f.sharenum.members().suspend(f.admin().id(), karim.id(), "signalé par la modération");
        TicketNum t = f.sharenum.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("aide").radiusKm(40).build());
        assertThat(t.alerts()).extracting(Alert::helper).containsExactly(alice.id());
    }
}
