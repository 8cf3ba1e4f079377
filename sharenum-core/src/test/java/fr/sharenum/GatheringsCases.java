package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.BadgeDefinition;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.OnlineAccess;
import fr.sharenum.model.Privilege;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.Fixture.REUNION;
import static fr.sharenum.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16, points 2 to 6: announcements, online events, offers of help, around an event, themes, teams, badges. Run
 * on every store by {@link GatheringsTest}.
 */
abstract class GatheringsCases {
    static final ToolId CAPYTALE = ToolId.of("capytale");
    static final Theme ORAL = Theme.of("oral");
    static final Instant DAY = START.plus(Duration.ofDays(10));

    final Stores kind;
    private final List<ShareNum> opened = new ArrayList<>();
    final Fixture f;
    final ShareNum sn;
    final Member paul;

    GatheringsCases(Stores kind) {
        this.kind = kind;
        f = fixture(b -> { });
        sn = f.sharenum;
        paul = f.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    }

    /** A ShareNum on a fresh store of this run's kind, closed after the test. */
    Fixture fixture(Consumer<ShareNum.Builder> customise) {
        ShareNumStore store = kind.fresh().store();
        Fixture fx = new Fixture(b -> {
            b.store(store);
            customise.accept(b);
        });
        opened.add(fx.sharenum);
        return fx;
    }

    @AfterEach
    void close() {
        opened.forEach(ShareNum::close);
    }

    EventRequest.Builder workshop(String title, Instant start) {
        return EventRequest.direct().title(title).tools(CAPYTALE).start(start).duration(Duration.ofHours(2)).capacity(5);
    }

    Event confirmed(EventRequest.Builder b) {
        Event e = sn.events().create(paul.id(), b.build());
        return sn.events().confirm(paul.id(), e.id());
    }

    List<MemberId> announced(Fixture fx, Event e) {
        return fx.outbox.sent(Notification.EventInvitation.class).stream()
                .filter(n -> n.event().id().equals(e.id()) && n.reason() == Notification.InvitationReason.ANNOUNCED)
                .map(Notification::recipient).toList();
    }

    @Nested
    class Announcements {
        @Test
        void members_nearby_with_the_tool_in_their_profile_are_told_even_when_they_follow_nothing() {
            Member novice = f.active("Nina Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member follower = f.follower("Fanny Fidèle", BEAUNE, Set.of(), Set.of(ORAL));
            Member optedOut = f.active("Octave Discret", CARNOT, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
            Member muted = f.active("Muriel Muette", CARNOT, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
            Member blocker = f.active("Blaise Bloquant", CARNOT, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
            Member far = f.active("Lou Lyonnaise", LYON, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member unrelated = f.active("Ursule Ailleurs", CARNOT);
            sn.members().setAnnouncements(optedOut.id(), optedOut.id(), false);
            sn.members().muteTool(muted.id(), muted.id(), CAPYTALE, true);
            sn.moderation().block(blocker.id(), paul.id());

            Event e = confirmed(workshop("Capytale et l'oral", DAY).themes(ORAL).atEstablishment(NUITS.uai()));

            assertThat(announced(f, e)).containsExactlyInAnyOrder(novice.id(), follower.id());
            assertThat(List.of(optedOut.id(), muted.id(), blocker.id(), far.id(), unrelated.id()))
                    .doesNotContainAnyElementsOf(announced(f, e));
            // one announcement per member per event: a new time does not announce again
            sn.events().reschedule(paul.id(), e.id(), DAY.plus(Duration.ofDays(1)), null);
            assertThat(announced(f, e)).hasSize(2);
        }

        @Test
        void announcements_are_capped_per_week_held_for_quiet_hours_and_digests() {
            Fixture capped = fixture(b -> b.announcementsPerWeek(1).quietHours(java.time.LocalTime.of(20, 0),
                    java.time.LocalTime.of(7, 0)));
            Member organiser = capped.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member nina = capped.active("Nina Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member daisy = capped.active("Daisy Digest", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            capped.sharenum.members().setDigest(daisy.id(), daisy.id(), AlertPreferences.Digest.DAILY);
            Event first = capped.sharenum.events().create(organiser.id(), workshop("Premier", DAY).atEstablishment(NUITS.uai()).build());
            capped.sharenum.events().confirm(organiser.id(), first.id());
            Event second = capped.sharenum.events().create(organiser.id(), workshop("Second", DAY.plus(Duration.ofDays(1)))
                    .atEstablishment(NUITS.uai()).build());
            capped.sharenum.events().confirm(organiser.id(), second.id());

            assertThat(announced(capped, first)).containsExactly(nina.id());      // Daisy's waits for her digest
            assertThat(announced(capped, second)).isEmpty();                      // the weekly cap is reached
            capped.clock.advance(Duration.ofDays(1));
            capped.sharenum.outbox().deliverDue(HOST);
            assertThat(announced(capped, first)).containsExactlyInAnyOrder(nina.id(), daisy.id());
            assertThat(announced(capped, second)).isEmpty();
        }

        @Test
        void the_host_caps_the_members_told_of_one_event_nearest_first_those_passed_over_not_counted() {
            Fixture fx = fixture(b -> b.maxAnnouncementsPerEvent(2).announcementsPerWeek(1));
            Member organiser = fx.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            // nearest to Nuits first: Nuits, then Beaune, then Dijon (Carnot)
            Member optedOut = fx.active("Olga Nuits", NUITS, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member full = fx.active("Fanny Nuits", NUITS, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member beaune = fx.active("Bastien Beaune", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member dijon = fx.active("Diane Dijon", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member dijon2 = fx.active("Damien Dijon", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            fx.sharenum.members().setAnnouncements(optedOut.id(), optedOut.id(), false);
            Member other = fx.active("Autre Organisateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            // Fanny used her weekly announcement on another event, told around Nuits only
            Event before = fx.sharenum.events().create(other.id(), workshop("Avant", DAY).atEstablishment(NUITS.uai())
                    .broadcastRadiusKm(1).build());
            fx.sharenum.events().confirm(other.id(), before.id());
            assertThat(announced(fx, before)).contains(full.id());

            Event e = fx.sharenum.events().create(organiser.id(), workshop("Atelier", DAY.plus(Duration.ofDays(1)))
                    .atEstablishment(NUITS.uai()).build());
            fx.sharenum.events().confirm(organiser.id(), e.id());

            // in Nuits, the opted-out and the capped are passed over and do not count: the other organiser (an ex-pair
            // of Nuits) and the nearest after them are told; Dijon, farther, is not
            assertThat(announced(fx, e)).containsExactlyInAnyOrder(other.id(), beaune.id());
            assertThat(List.of(optedOut.id(), full.id(), dijon.id(), dijon2.id())).doesNotContainAnyElementsOf(announced(fx, e));
        }

        @Test
        void when_the_nearest_slice_is_all_over_its_weekly_cap_the_next_slice_is_read() {
            ShareNumStore store = kind.fresh().store();
            Fixture fx = new Fixture(b -> b.store(store).maxAnnouncementsPerEvent(1).announcementsPerWeek(1));
            opened.add(fx.sharenum);
            Member organiser = fx.active("Paul Animateur", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            List<Member> nuits = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                nuits.add(fx.active("Collègue Nuits " + i, NUITS, new Skill(CAPYTALE, CompetenceLevel.NOVICE)));
            }
            Member beaune = fx.active("Bastien Beaune", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            // the 70 colleagues of Nuits had their announcement of the week an hour ago
            Instant hourAgo = fx.clock.instant().minus(Duration.ofHours(1));
            store.inTransaction(t -> {
                for (Member m : nuits) {
                    t.insert("throttle", Doc.of("announcements|" + m.id().value(), Map.of(),
                            "{\"us\":[" + (hourAgo.getEpochSecond() * 1_000_000 + hourAgo.getNano() / 1_000) + "]}"));
                }
                return null;
            });

            // a workshop in Nuits told to one member: the 64 nearest, read first, are all over their cap; then the next
            // slice — the last 6 of Nuits, over it too, and Beaune, 16 km away
            Event e = fx.sharenum.events().create(organiser.id(), workshop("Atelier", DAY).atEstablishment(NUITS.uai()).build());
            fx.sharenum.events().confirm(organiser.id(), e.id());
            assertThat(announced(fx, e)).containsExactly(beaune.id());
        }

        @Test
        void under_the_cap_the_nearest_are_told_whatever_tool_or_theme_brought_them_in() {
            Fixture fx = fixture(b -> b.maxAnnouncementsPerEvent(2));
            Member organiser = fx.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            ToolId geogebra = ToolId.of("geogebra");
            // from Nuits: a follower of the theme on the spot, a GeoGebra user in Beaune, a Capytale user in Dijon
            Member follower = fx.follower("Fanny Fidèle", NUITS, Set.of(), Set.of(ORAL));
            Member beaune = fx.active("Gaspard Beaune", BEAUNE, new Skill(geogebra, CompetenceLevel.NOVICE));
            Member dijon = fx.active("Camille Dijon", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Event e = fx.sharenum.events().create(organiser.id(), workshop("Capytale, GeoGebra et l'oral", DAY)
                    .tools(CAPYTALE, geogebra).themes(ORAL).atEstablishment(NUITS.uai()).build());
            fx.sharenum.events().confirm(organiser.id(), e.id());

            assertThat(announced(fx, e)).containsExactlyInAnyOrder(follower.id(), beaune.id());
            assertThat(announced(fx, e)).doesNotContain(dijon.id());
        }

        @Test
        void what_the_first_forms_recorded_still_counts_a_marker_per_member_and_a_counter_of_instants() {
            ShareNumStore store = kind.fresh().store();
            Fixture fx = new Fixture(b -> b.store(store).announcementsPerWeek(2));
            opened.add(fx.sharenum);
            Member organiser = fx.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member told = fx.active("Théo Déjà", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member full = fx.active("Fanny Comble", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member past = fx.active("Paula Passée", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member fresh = fx.active("Nina Nouvelle", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Event e = fx.sharenum.events().create(organiser.id(), workshop("Atelier", DAY).atEstablishment(NUITS.uai()).build());
            Instant now = fx.clock.instant();
            // as the first forms wrote them: a marker per (event, member); counters as lists of instants
            store.inTransaction(t -> {
                t.insert("event-announced", Doc.of(e.id().value() + "|" + told.id().value(), Map.of(), "{\"event\":\""
                        + e.id().value() + "\",\"member\":\"" + told.id().value() + "\",\"at\":\"" + now.minus(Duration.ofDays(1)) + "\"}"));
                t.insert("throttle", firstFormCounter(full, now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(1))));
                t.insert("throttle", firstFormCounter(past, now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(7)).minusSeconds(1)));
                return null;
            });

            fx.sharenum.events().confirm(organiser.id(), e.id());

            // told before: not again; two this week already: capped; two more than a week ago: told
            assertThat(announced(fx, e)).containsExactlyInAnyOrder(fresh.id(), past.id());
            // the counter is now in the compact form, with only this week's announcement in it
            String body = store.inTransaction(t -> t.get("throttle", "announcements|" + past.id().value())).orElseThrow().body();
            assertThat(body).isEqualTo("{\"us\":[" + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000) + "]}");
        }

        private Doc firstFormCounter(Member m, Instant... taken) {
            String key = "announcements|" + m.id().value();
            return Doc.of(key, Map.of(), "{\"key\":\"" + key + "\",\"taken\":[" + String.join(",",
                    java.util.Arrays.stream(taken).map(i -> "\"" + i + "\"").toList()) + "]}");
        }
    }

    @Nested
    class OnlineEvents {
        @Test
        void an_online_event_is_announced_to_its_territory_and_needs_an_https_link() {
            Member dijon = f.active("Dora Dijon", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member lyon = f.active("Lucas Lyon", LYON, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member reunion = f.active("Rémi Réunion", REUNION, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            assertThatThrownBy(() -> OnlineAccess.of(URI.create("http://visio.example.fr/x")))
                    .isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> workshop("Sans lieu", DAY).build()).isInstanceOf(InvalidValueException.class);

            Event academic = confirmed(workshop("Classe virtuelle Dijon", DAY)
                    .online(OnlineAccess.of(URI.create("https://visio.ac-dijon.fr/cv-1")).forAcademie(Academie.DIJON)));
            Event national = confirmed(workshop("Webinaire national", DAY.plus(Duration.ofDays(1)))
                    .online(OnlineAccess.of(URI.create("https://visio.education.fr/cv-2"))));

            assertThat(announced(f, academic)).containsExactly(dijon.id());
            assertThat(announced(f, national)).containsExactlyInAnyOrder(dijon.id(), lyon.id(), reunion.id());
            assertThat(academic.venue()).isNull();
            assertThat(academic.formats()).containsExactly(fr.sharenum.model.EventFormat.ONLINE);
            // an announcement does not carry the link; a registration does
            Notification.EventInvitation a = f.outbox.sent(Notification.EventInvitation.class).stream()
                    .filter(n -> n.recipient().equals(dijon.id())).findFirst().orElseThrow();
            assertThat(a.event().visio()).isNull();
            assertThat(a.invitation().ics()).doesNotContain("visio.ac-dijon.fr").contains("En ligne");
            sn.events().register(dijon.id(), academic.id());
            Notification.EventInvitation seat = f.outbox.sent(Notification.EventInvitation.class).stream()
                    .filter(n -> n.reason() == Notification.InvitationReason.REGISTERED).findFirst().orElseThrow();
            assertThat(seat.event().visio()).hasToString("https://visio.ac-dijon.fr/cv-1");
            assertThat(seat.invitation().ics()).contains("https://visio.ac-dijon.fr/cv-1");
        }

        @Test
        void a_hybrid_event_is_at_a_venue_and_online() {
            Event hybrid = confirmed(workshop("Hybride", DAY).atEstablishment(NUITS.uai())
                    .online(OnlineAccess.of(URI.create("https://visio.ac-dijon.fr/h")).forDepartement(Academie.DIJON, "021")));
            assertThat(hybrid.formats()).containsExactlyInAnyOrder(fr.sharenum.model.EventFormat.ON_SITE,
                    fr.sharenum.model.EventFormat.ONLINE);
            assertThat(hybrid.summary().place()).contains("en ligne");
        }
    }

    @Nested
    class AroundAnEvent {
        final Member lea = f.active("Léa Participante", CARNOT);
        final Member remi = f.active("Rémi Réunion", REUNION);

        @Test
        void reminders_go_the_day_before_and_an_hour_before_once_in_each_members_zone_with_the_ics() {
            Event e = confirmed(workshop("En ligne", DAY).online(OnlineAccess.of(URI.create("https://visio.education.fr/r"))));
            sn.events().register(lea.id(), e.id());
            sn.events().register(remi.id(), e.id());
            assertThat(sn.events().sendReminders(HOST)).isZero();

            f.clock.advance(Duration.between(f.clock.instant(), DAY.minus(Duration.ofHours(23))));
            assertThat(sn.events().sendReminders(HOST)).isEqualTo(3);      // the organiser and the two participants
            assertThat(sn.events().sendReminders(HOST)).isZero();
            f.clock.advance(Duration.ofHours(22).plusMinutes(10));
            assertThat(sn.events().sendReminders(HOST)).isEqualTo(3);

            List<Notification.EventReminder> toRemi = f.outbox.sent(Notification.EventReminder.class).stream()
                    .filter(r -> r.recipient().equals(remi.id())).toList();
            assertThat(toRemi).extracting(Notification.EventReminder::when)
                    .containsExactly(Notification.Reminder.DAY_BEFORE, Notification.Reminder.HOUR_BEFORE);
            assertThat(toRemi.get(0).zone()).isEqualTo(ZoneId.of("Indian/Reunion"));
            assertThat(toRemi.get(0).event().visio()).hasToString("https://visio.education.fr/r");
            assertThat(toRemi.get(0).invitation().ics()).contains("BEGIN:VEVENT");
            assertThatThrownBy(() -> sn.events().sendReminders(lea.id())).isInstanceOf(NotAllowedException.class);
        }

        @Test
        void attendance_by_organisers_or_self_check_in_no_shows_feedback_prompts_and_indicators() {
            Member noShow = f.active("Noé Absent", CARNOT);
            Event e = confirmed(workshop("Atelier", DAY).atEstablishment(NUITS.uai()));
            sn.events().register(lea.id(), e.id());
            sn.events().register(remi.id(), e.id());
            sn.events().register(noShow.id(), e.id());
            String code = sn.events().checkInCode(paul.id(), e.id());
            assertThatThrownBy(() -> sn.events().checkIn(lea.id(), e.id(), code)).isInstanceOf(IllegalTransitionException.class);

            f.clock.advance(Duration.between(f.clock.instant(), DAY.minus(Duration.ofMinutes(10))));
            String wrong = code.equals("000000") ? "111111" : "000000";
            assertThatThrownBy(() -> sn.events().checkIn(lea.id(), e.id(), wrong)).isInstanceOf(InvalidValueException.class);
            assertThat(sn.events().get(HOST, e.id()).attended()).isEmpty();
            assertThat(sn.events().checkIn(lea.id(), e.id(), code).attended()).containsExactly(lea.id());
            sn.events().markAttendance(paul.id(), e.id(), remi.id(), true);
            assertThatThrownBy(() -> sn.events().markAttendance(lea.id(), e.id(), remi.id(), true))
                    .isInstanceOf(NotAllowedException.class);
            f.clock.advance(Duration.ofHours(3));
            sn.events().markHeld(paul.id(), e.id());

            assertThat(f.outbox.sent(Notification.FeedbackRequested.class)).extracting(Notification::recipient)
                    .containsExactlyInAnyOrder(lea.id(), remi.id());
            assertThatThrownBy(() -> sn.events().giveFeedback(noShow.id(), e.id(), 5, null))
                    .isInstanceOf(IllegalTransitionException.class);
            sn.events().giveFeedback(lea.id(), e.id(), 4, "Très utile");
            YearMonth month = YearMonth.from(DAY.atZone(ZoneOffset.UTC));
            IndicatorReport r = sn.indicators().report(HOST, Territory.of(Academie.DIJON), month, month);
            assertThat(r.participants()).isEqualTo(3);
            assertThat(r.attended()).isEqualTo(2);
            assertThat(r.noShows()).isEqualTo(1);
            assertThat(r.toCsv()).contains("attended;2").contains("no_shows;1");
        }

        @Test
        void too_many_check_in_attempts_are_refused() {
            Event e = confirmed(workshop("Atelier", DAY).atEstablishment(NUITS.uai()));
            sn.events().register(lea.id(), e.id());
            String code = sn.events().checkInCode(paul.id(), e.id());
            f.clock.advance(Duration.between(f.clock.instant(), DAY));
            String wrong = code.equals("000000") ? "111111" : "000000";
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(() -> sn.events().checkIn(lea.id(), e.id(), wrong)).isInstanceOf(InvalidValueException.class);
            }
            assertThatThrownBy(() -> sn.events().checkIn(lea.id(), e.id(), code)).isInstanceOf(LimitExceededException.class);
        }

        @Test
        void academie_staff_cancel_with_a_reason_everyone_is_told_and_the_bus_is_freed() {
            BusId bus = BusId.of("busnum-21");
            sn.busNum().add(HOST, Bus.of(bus, "BusNum Côte-d'Or", CARNOT.location(), 80, Set.of("tablettes"), 12));
            Member staff = f.granted("Sam DANE", CARNOT, Privilege.ACADEMIE_STAFF);
            Member staffLyon = f.granted("Luc DANE Lyon", LYON, Privilege.ACADEMIE_STAFF);
            Event e = confirmed(workshop("Dans le bus", DAY.plus(Duration.ofHours(1))).atEstablishment(NUITS.uai()).onBus(bus));
            sn.events().register(lea.id(), e.id());
            assertThatThrownBy(() -> sn.events().cancel(staff.id(), e.id())).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> sn.events().cancel(staffLyon.id(), e.id(), "Grève")).isInstanceOf(NotAllowedException.class);
            assertThat(sn.events().get(HOST, e.id()).status()).isEqualTo(EventStatus.CONFIRMED);

            Event cancelled = sn.events().cancel(staff.id(), e.id(), "Alerte météo : établissements fermés");

            assertThat(cancelled.cancellationReason()).isEqualTo("Alerte météo : établissements fermés");
            List<Notification.EventInvitation> told = f.outbox.sent(Notification.EventInvitation.class).stream()
                    .filter(n -> n.reason() == Notification.InvitationReason.CANCELLED).toList();
            assertThat(told).extracting(Notification::recipient).containsExactlyInAnyOrder(paul.id(), lea.id());
            assertThat(told).allSatisfy(n -> assertThat(n.note()).contains("Alerte météo"));
            assertThat(sn.busNum().bookings(HOST, bus, DAY.atZone(ZoneOffset.UTC).toLocalDate(), 10)).isEmpty();
        }
    }

    @Nested
    class OffersOfHelp {
        final Member claire = f.active("Claire Demande", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));

        @Test
        void an_offer_is_found_nearby_and_a_ticket_addressed_to_its_author_alerts_only_them() {
            Member other = f.active("Omar Autre", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            HelpOffer offer = sn.helpOffers().publish(paul.id(), HelpOfferRequest.builder().tools(CAPYTALE).themes(ORAL)
                    .text("Je montre Capytale en 2de").radiusKm(30).online(true).availability("le mercredi après-midi").build());
            assertThatThrownBy(() -> sn.helpOffers().publish(claire.id(), HelpOfferRequest.builder().tools(CAPYTALE)
                    .text("Moi aussi").radiusKm(10).build())).isInstanceOf(InvalidValueException.class);

            Page<HelpOffer> near = sn.helpOffers().near(claire.id(), Set.of(CAPYTALE), Set.of(), PageRequest.first(5));
            assertThat(near.items()).singleElement().satisfies(o -> {
                assertThat(o.member()).isEqualTo(paul.id());
                assertThat(o.distanceKm()).isEqualTo(Math.round(CARNOT.location().distanceKm(NUITS.location())));
            });
            TicketNum t = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Pouvez-vous m'aider ?")
                    .themes(ORAL).addressedTo(paul.id()).build());

            assertThat(t.alerts()).extracting(a -> a.helper()).containsExactly(paul.id());
            assertThat(t.addressedTo()).isEqualTo(paul.id());
            assertThat(f.outbox.sent(Notification.TicketAlert.class)).extracting(Notification::recipient).containsExactly(paul.id());
            assertThat(sn.tickets().board(other.id(), Set.of(), Double.NaN, PageRequest.first(5)).items()).isEmpty();
            assertThatThrownBy(() -> sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Et vous ?")
                    .addressedTo(other.id()).build())).isInstanceOf(NotAllowedException.class);
            assertThat(sn.helpOffers().withdraw(paul.id(), offer.id()).active()).isFalse();
            assertThat(sn.helpOffers().near(claire.id(), Set.of(), Set.of(), PageRequest.first(5)).items()).isEmpty();
            assertThatThrownBy(() -> sn.helpOffers().withdraw(claire.id(), offer.id())).isInstanceOf(NotAllowedException.class);
        }
    }

    @Test
    void campaign_teams_may_include_staff_of_the_establishments_academie_only() {
        Member claire = f.active("Claire Principale", CARNOT);
        Member staff = f.granted("Sam DANE", BEAUNE, Privilege.ACADEMIE_STAFF);
        Member staffLyon = f.granted("Luc DANE Lyon", LYON, Privilege.ACADEMIE_STAFF);
        Member outsider = f.active("Otto Extérieur", NUITS);
        var c = sn.campaigns().start(claire.id(), "Le numérique au service de l'oral");
        assertThat(sn.campaigns().addToTeam(claire.id(), c.id(), staff.id()).team()).contains(staff.id());
        assertThatThrownBy(() -> sn.campaigns().addToTeam(claire.id(), c.id(), staffLyon.id())).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> sn.campaigns().addToTeam(claire.id(), c.id(), outsider.id())).isInstanceOf(NotAllowedException.class);
        assertThat(sn.campaigns().advance(staff.id(), c.id()).stage()).isNotNull();
    }

    @Test
    void participants_earn_badges_and_everyone_is_told_with_the_open_badges_link() {
        Fixture b = fixture(x -> x.badgeRules(new ArrayList<>(List.of(BadgeRule.defaults().get(0),
                BadgeRule.forParticipants(new BadgeDefinition("premiere-participation", "Première participation",
                        "A participé à un atelier.", "Participer à un atelier."), r -> r.eventsAttended() >= 1))))
                .openBadgesBase(URI.create("https://ent.example.fr/openbadges/")));
        Member organiser = b.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member lea = b.active("Léa Participante", CARNOT);
        Event e = b.sharenum.events().create(organiser.id(), workshop("Atelier", DAY).atEstablishment(NUITS.uai()).build());
        b.sharenum.events().confirm(organiser.id(), e.id());
        b.sharenum.events().register(lea.id(), e.id());
        b.clock.advance(Duration.between(b.clock.instant(), DAY.plus(Duration.ofHours(3))));
        b.sharenum.events().markHeld(organiser.id(), e.id());

        assertThat(b.sharenum.members().badges(lea.id(), lea.id())).extracting(fr.sharenum.model.BadgeAward::badge)
                .containsExactly("premiere-participation");
        assertThat(b.sharenum.members().badges(organiser.id(), organiser.id())).extracting(fr.sharenum.model.BadgeAward::badge)
                .containsExactly("premier-atelier");
        List<Notification.BadgeAwarded> told = b.outbox.sent(Notification.BadgeAwarded.class);
        assertThat(told).extracting(Notification::recipient).containsExactlyInAnyOrder(lea.id(), organiser.id());
        assertThat(told).allSatisfy(n -> assertThat(n.assertion().toString())
                .startsWith("https://ent.example.fr/openbadges/assertions/"));
        assertThatThrownBy(() -> new BadgeRule(new BadgeDefinition("x", "X", "x", "x"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
