package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Notification.EventInvitation;
import fr.sharenum.model.Notification.InvitationReason;
import fr.sharenum.model.Registration;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Venue;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventsTest {

    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");
    private static final Theme EVALUATION = Theme.of("evaluation");
    private static final Instant WEDNESDAY = Instant.parse("2026-12-02T13:00:00Z");

    private final Fixture f = new Fixture();
    private final Events events = f.sharenum.events();
    private final Member requester = f.active("Rachel Requérante", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
    private final Member helper = f.active("Hugo Helper", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member intermediate = f.active("Inès Inter", NUITS, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));

    private TicketNum acceptedTicket() {
        TicketNum t = f.sharenum.tickets().open(requester.id(), TicketRequest.builder(CAPYTALE).text("Python en 2de")
                .radiusKm(40).build());
        f.sharenum.tickets().offer(helper.id(), t.id(), "Je peux venir");
        return f.sharenum.tickets().accept(requester.id(), t.id(), helper.id());
    }

    private EventRequest.Builder workshop() {
        return EventRequest.direct().title("Capytale : premiers pas").tools(CAPYTALE).start(WEDNESDAY)
                .duration(Duration.ofHours(2)).capacity(2).atEstablishment(CARNOT.uai());
    }

    private Event confirmed(int capacity) {
        Event e = events.create(helper.id(), workshop().capacity(capacity).build());
        return events.confirm(helper.id(), e.id());
    }

    private <T extends Notification> List<T> sent(Class<T> kind) {
        return f.outbox.sent(kind);
    }

    private List<EventInvitation> invitations(InvitationReason reason) {
        return sent(EventInvitation.class).stream().filter(n -> n.reason() == reason).toList();
    }

    private static VEvent parse(EventInvitation n) throws Exception {
        assertThat(n.invitation().ics()).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        Calendar c = new CalendarBuilder().build(new StringReader(n.invitation().ics()));
        assertThat(c.getProperty("METHOD").orElseThrow().getValue()).isEqualTo(n.invitation().method());
        return (VEvent) c.getComponent("VEVENT").orElseThrow();
    }

    @Test
    void an_event_from_an_accepted_ticket_schedules_it_and_both_participants_organise() {
        TicketNum ticket = acceptedTicket();

        Event e = events.create(helper.id(), EventRequest.fromTicket(ticket.id()).title("Capytale avec Rachel")
                .start(WEDNESDAY).duration(Duration.ofHours(2)).capacity(10).atEstablishment(CARNOT.uai()).build());

        assertThat(e.status()).isEqualTo(EventStatus.PLANNED);
        assertThat(e.organisers()).containsExactly(helper.id(), requester.id());
        assertThat(e.tools()).containsExactly(CAPYTALE);
        assertThat(e.ticketId()).contains(ticket.id());
        assertThat(e.venue().establishment()).isEqualTo(CARNOT.uai());
        assertThat(f.sharenum.tickets().get(Fixture.HOST, ticket.id()).status()).isEqualTo(TicketStatus.SCHEDULED);
        // a second event for the same ticket is an illegal transition
        assertThatThrownBy(() -> events.create(requester.id(), EventRequest.fromTicket(ticket.id()).title("Encore")
                .start(WEDNESDAY).duration(Duration.ofHours(1)).capacity(5).atEstablishment(CARNOT.uai()).build()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void only_participants_of_an_accepted_ticket_and_experienced_members_create_events() {
        TicketNum open = f.sharenum.tickets().open(requester.id(), TicketRequest.builder(CAPYTALE).text("aide").build());
        TicketNum accepted = acceptedTicket();

        assertThatThrownBy(() -> events.create(intermediate.id(), EventRequest.fromTicket(accepted.id()).title("x")
                .start(WEDNESDAY).duration(Duration.ofHours(1)).capacity(5).atEstablishment(CARNOT.uai()).build()))
                .isInstanceOf(NotAllowedException.class).extracting("code").isEqualTo("access.denied");
        assertThatThrownBy(() -> events.create(requester.id(), EventRequest.fromTicket(open.id()).title("x")
                .start(WEDNESDAY).duration(Duration.ofHours(1)).capacity(5).atEstablishment(CARNOT.uai()).build()))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> events.create(intermediate.id(), workshop().build()))
                .isInstanceOf(NotAllowedException.class).hasMessageContaining("experienced");

        assertThat(events.between(Fixture.HOST, START, START.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(f.sharenum.tickets().get(Fixture.HOST, open.id()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(f.sharenum.tickets().get(Fixture.HOST, accepted.id()).status()).isEqualTo(TicketStatus.HELPER_ACCEPTED);
    }

    @Test
    void bad_event_values_are_refused_with_the_field_named() {
        assertThatThrownBy(() -> events.create(helper.id(), workshop().start(START.minusSeconds(1)).build()))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("start");
        assertThatThrownBy(() -> events.create(helper.id(), workshop().duration(Duration.ofMinutes(5)).build()))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("duration");
        assertThatThrownBy(() -> events.create(helper.id(), workshop().capacity(0).build()))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("capacity");
        assertThatThrownBy(() -> events.create(helper.id(), workshop().title(" ").build()))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("title");
        assertThatThrownBy(() -> events.create(helper.id(), workshop().tools(ToolId.of("inconnu")).build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> events.create(helper.id(), workshop().broadcastRadiusKm(-1).build()))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("broadcastRadiusKm");
        assertThatThrownBy(() -> EventRequest.direct().title("x").build())
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("venue");
        assertThat(events.between(Fixture.HOST, START, START.plus(Duration.ofDays(30)))).isEmpty();
    }

    @Test
    void confirming_tells_each_nearby_active_follower_once_and_never_the_organisers() throws Exception {
        Member toolFollower = f.follower("Fanny Suit", NUITS, Set.of(CAPYTALE), Set.of());
        Member both = f.follower("Bruno Deux", AUXONNE, Set.of(CAPYTALE), Set.of(EVALUATION));
        Member themeOnly = f.follower("Thea Theme", NUITS, Set.of(), Set.of(EVALUATION));
        Member otherTool = f.follower("Otto Autre", NUITS, Set.of(GEOGEBRA), Set.of());
        Member far = f.follower("Léo Loin", LYON, Set.of(CAPYTALE), Set.of(EVALUATION));
        Member organiserFollowing = f.follower("Olga Orga", CARNOT, Set.of(CAPYTALE), Set.of());
        f.sharenum.members().suspend(f.admin().id(), both.id(), "signalé par la modération");
        Member pendingNear = f.pending("Paul Pending", CARNOT);

        Event e = events.create(helper.id(), workshop().themes(EVALUATION).coOrganisers(organiserFollowing.id()).build());
        assertThat(sent(EventInvitation.class)).isEmpty();
        // a co-organiser is invited and organises only once they accept
        assertThat(e.organisers()).containsExactly(helper.id());
        assertThat(sent(Notification.OrganiserInvited.class)).extracting(Notification::recipient).containsExactly(organiserFollowing.id());
        assertThatThrownBy(() -> events.confirm(organiserFollowing.id(), e.id())).isInstanceOf(NotAllowedException.class);
        assertThat(events.acceptInvitation(organiserFollowing.id(), e.id()).organisers()).containsExactly(helper.id(), organiserFollowing.id());
        Event confirmed = events.confirm(helper.id(), e.id());

        assertThat(confirmed.status()).isEqualTo(EventStatus.CONFIRMED);
        // followers of its tool or theme, and (issue 16) members nearby with its tool in their profile, at any level
        assertThat(invitations(InvitationReason.ANNOUNCED)).extracting(Notification::recipient)
                .containsExactlyInAnyOrder(toolFollower.id(), themeOnly.id(), requester.id(), intermediate.id());
        assertThat(invitations(InvitationReason.ORGANISING)).extracting(Notification::recipient)
                .containsExactlyInAnyOrder(helper.id(), organiserFollowing.id());
        assertThat(f.outbox.sentTo(far.id())).filteredOn(n -> n instanceof EventInvitation).isEmpty();
        assertThat(f.outbox.sentTo(otherTool.id())).filteredOn(n -> n instanceof EventInvitation).isEmpty();
        assertThat(f.outbox.sentTo(pendingNear.id())).filteredOn(n -> n instanceof EventInvitation).isEmpty();

        EventInvitation announce = invitations(InvitationReason.ANNOUNCED).get(0);
        VEvent v = parse(announce);
        assertThat(announce.invitation().method()).isEqualTo("PUBLISH");
        assertThat(v.getProperty("UID").orElseThrow().getValue()).isEqualTo(e.id() + "@sharenum.invalid");
        assertThat(v.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
        assertThat(v.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20261202T130000Z");
        assertThat(v.getProperty("ATTENDEE")).isEmpty();
        assertThat(announce.invitation().ics()).doesNotContain(helper.email().value());
        assertThatThrownBy(() -> events.confirm(helper.id(), e.id())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> events.confirm(toolFollower.id(), e.id())).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void registrations_fill_the_seats_then_the_waitlist_which_is_promoted_in_order() throws Exception {
        Event e = confirmed(2);
        Member a = f.active("Anne A", NUITS);
        Member b = f.active("Bea B", NUITS);
        Member c = f.active("Cyril C", NUITS);
        Member d = f.active("Dora D", NUITS);

        events.register(a.id(), e.id());
        events.register(b.id(), e.id());
        events.register(c.id(), e.id());
        Event seenByD = events.register(d.id(), e.id());
        // a registrant sees their own place; the others are counted, not named
        assertThat(seenByD.registered()).extracting(r -> r.member().value()).containsExactly("participant-1", "participant-2");
        assertThat(seenByD.waitlistPosition(d.id())).hasValue(2);
        Event full = events.get(helper.id(), e.id());

        assertThat(full.registered()).extracting(Registration::member).containsExactly(a.id(), b.id());
        assertThat(full.waitlistPosition(c.id())).hasValue(1);
        assertThat(full.waitlistPosition(d.id())).hasValue(2);
        assertThat(sent(Notification.Waitlisted.class)).extracting(Notification.Waitlisted::position).containsExactly(1, 2);
        EventInvitation seat = invitations(InvitationReason.REGISTERED).get(0);
        assertThat(parse(seat).getProperty("ATTENDEE").orElseThrow().getValue()).isEqualTo("mailto:" + a.email().value());

        events.unregister(b.id(), e.id());
        Event after = events.get(Fixture.HOST, e.id());

        assertThat(after.registered()).extracting(Registration::member).containsExactly(a.id(), c.id());
        assertThat(after.waitlist()).extracting(Registration::member).containsExactly(d.id());
        assertThat(invitations(InvitationReason.PROMOTED)).extracting(Notification::recipient).containsExactly(c.id());

        events.unregister(d.id(), e.id());
        assertThat(events.get(Fixture.HOST, e.id()).waitlist()).isEmpty();
        assertThatThrownBy(() -> events.unregister(d.id(), e.id())).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void double_registration_organisers_and_unconfirmed_events_are_refused_and_change_nothing() {
        Event planned = events.create(helper.id(), workshop().build());
        Member a = f.active("Anne A", NUITS);
        assertThatThrownBy(() -> events.register(a.id(), planned.id()))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("PLANNED");

        Event e = confirmed(1);
        Member b = f.active("Bea B", NUITS);
        events.register(a.id(), e.id());
        events.register(b.id(), e.id());
        Event before = events.get(Fixture.HOST, e.id());

        assertThatThrownBy(() -> events.register(a.id(), e.id())).isInstanceOf(DuplicateException.class)
                .hasMessageContaining("already registered");
        assertThatThrownBy(() -> events.register(b.id(), e.id())).isInstanceOf(DuplicateException.class)
                .hasMessageContaining("waitlist");
        assertThatThrownBy(() -> events.register(helper.id(), e.id())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> events.register(f.pending("Pat P", NUITS).id(), e.id()))
                .isInstanceOf(fr.sharenum.model.MemberNotVerifiedException.class);
        assertThat(events.get(Fixture.HOST, e.id())).isEqualTo(before);

        f.clock.advance(Duration.between(START, WEDNESDAY));
        assertThatThrownBy(() -> events.register(f.active("Late L", NUITS).id(), e.id()))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("started");
    }

    @Test
    void cancelling_tells_everyone_with_a_cancel_of_the_same_uid_frees_the_ticket() throws Exception {
        TicketNum ticket = acceptedTicket();
        Event e = events.create(requester.id(), EventRequest.fromTicket(ticket.id()).title("Capytale")
                .start(WEDNESDAY).duration(Duration.ofHours(2)).capacity(1).atEstablishment(CARNOT.uai()).build());
        events.confirm(requester.id(), e.id());
        Member a = f.active("Anne A", NUITS);
        Member b = f.active("Bea B", NUITS);
        events.register(a.id(), e.id());
        events.register(b.id(), e.id());
        String uid = invitations(InvitationReason.REGISTERED).get(0).invitation().uid();

        Event cancelled = events.cancel(requester.id(), e.id());

        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(cancelled.sequence()).isEqualTo(1);
        assertThat(f.sharenum.tickets().get(Fixture.HOST, ticket.id()).status()).isEqualTo(TicketStatus.HELPER_ACCEPTED);
        List<EventInvitation> cancels = invitations(InvitationReason.CANCELLED);
        assertThat(cancels).extracting(Notification::recipient).containsExactlyInAnyOrder(a.id(), b.id(), helper.id());
        for (EventInvitation n : cancels) {
            VEvent v = parse(n);
            assertThat(n.invitation().method()).isEqualTo("CANCEL");
            assertThat(v.getProperty("UID").orElseThrow().getValue()).isEqualTo(uid);
            assertThat(v.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
            assertThat(v.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        }
        assertThatThrownBy(() -> events.cancel(requester.id(), e.id())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> events.register(f.active("Cyril C", NUITS).id(), e.id())).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void rescheduling_a_confirmed_event_sends_an_update_with_a_higher_sequence() throws Exception {
        Event e = confirmed(5);
        Member a = f.active("Anne A", NUITS);
        events.register(a.id(), e.id());

        Event moved = events.reschedule(helper.id(), e.id(), WEDNESDAY.plus(Duration.ofDays(7)), Duration.ofHours(3));

        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.duration()).isEqualTo(Duration.ofHours(3));
        List<EventInvitation> updates = invitations(InvitationReason.UPDATED);
        assertThat(updates).extracting(Notification::recipient).containsExactlyInAnyOrder(helper.id(), a.id());
        VEvent v = parse(updates.get(0));
        assertThat(v.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(v.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo("20261209T130000Z");
        assertThat(v.getProperty("DTEND").orElseThrow().getValue()).isEqualTo("20261209T160000Z");
        assertThatThrownBy(() -> events.reschedule(a.id(), e.id(), WEDNESDAY, null)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> events.reschedule(helper.id(), e.id(), START.minusSeconds(60), null))
                .isInstanceOf(InvalidValueException.class);
        assertThat(events.get(Fixture.HOST, e.id()).sequence()).isEqualTo(1);
    }

    @Test
    void an_event_is_marked_held_after_it_ends_and_closes_its_ticket() {
        TicketNum ticket = acceptedTicket();
        Event e = events.create(helper.id(), EventRequest.fromTicket(ticket.id()).title("Capytale")
                .start(WEDNESDAY).duration(Duration.ofHours(2)).capacity(5).at(Venue.of(CARNOT)).build());
        assertThatThrownBy(() -> events.markHeld(helper.id(), e.id())).isInstanceOf(IllegalTransitionException.class);
        events.confirm(helper.id(), e.id());
        f.clock.advance(Duration.between(START, WEDNESDAY.plus(Duration.ofHours(1))));
        assertThatThrownBy(() -> events.markHeld(helper.id(), e.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("ends at");

        f.clock.advance(Duration.ofHours(1));
        Event held = events.markHeld(requester.id(), e.id());

        assertThat(held.status()).isEqualTo(EventStatus.HELD);
        assertThat(held.enteredAt(EventStatus.HELD)).contains(WEDNESDAY.plus(Duration.ofHours(2)));
        assertThat(f.sharenum.tickets().get(Fixture.HOST, ticket.id()).status()).isEqualTo(TicketStatus.DONE);
        assertThatThrownBy(() -> events.cancel(helper.id(), e.id())).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void concurrent_registrations_never_exceed_capacity_nor_lose_anyone() throws Exception {
        Event e = confirmed(5);
        int n = 24;
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(f.active("Membre " + i, NUITS));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Event>> futures = new ArrayList<>();
        for (Member m : members) {
            futures.add(pool.submit(() -> {
                go.await();
                return events.register(m.id(), e.id());
            }));
        }
        go.countDown();
        for (Future<Event> fu : futures) {
            fu.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Event after = events.get(Fixture.HOST, e.id());
        assertThat(after.registered()).hasSize(5);
        assertThat(after.waitlist()).hasSize(n - 5);
        Set<MemberId> all = new HashSet<>();
        after.registered().forEach(r -> all.add(r.member()));
        after.waitlist().forEach(r -> all.add(r.member()));
        assertThat(all).hasSize(n);
        assertThat(invitations(InvitationReason.REGISTERED)).hasSize(5);
        assertThat(sent(Notification.Waitlisted.class)).extracting(Notification.Waitlisted::position)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, n - 5).boxed().toList());
    }
}
