package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventFormat;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.OnlineAccess;
import fr.sharenum.model.Participation;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Issue 16, point 1: the lists people read — events near me, my events, my tickets and offers, the board, the
 * directory, the catalogue. Run on every store by {@link FindingTest}: the same cases, the store's own queries.
 */
abstract class FindingCases {
    static final ToolId CAPYTALE = ToolId.of("capytale");
    static final ToolId GEOGEBRA = ToolId.of("geogebra");
    static final Theme ORAL = Theme.of("oral");
    static final Instant DAY = START.plus(Duration.ofDays(10));

    final Stores kind;
    private final List<ShareNum> opened = new ArrayList<>();
    final Fixture f;
    final ShareNum sn;
    final Member paul;
    final Member lea;

    FindingCases(Stores kind) {
        this.kind = kind;
        f = fixture(b -> { });
        sn = f.sharenum;
        paul = f.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED),
                new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
        lea = f.active("Léa Lectrice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
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

    Event direct(Member organiser, EventRequest.Builder b) {
        return sn.events().create(organiser.id(), b.build());
    }

    EventRequest.Builder workshop(String title, Instant start) {
        return EventRequest.direct().title(title).tools(CAPYTALE).start(start).duration(Duration.ofHours(2)).capacity(2);
    }

    static List<String> titles(Page<Event> p) {
        return p.items().stream().map(Event::title).toList();
    }

    @Nested
    class EventsNearMe {
        @Test
        void search_finds_venues_within_the_radius_and_online_events_for_my_territory_soonest_first() {
            Event nuits = direct(paul, workshop("À Nuits", DAY.plus(Duration.ofHours(2))).atEstablishment(NUITS.uai()));
            Event lyon = direct(paul, workshop("À Lyon", DAY).atEstablishment(LYON.uai()));
            Event dijonOnline = direct(paul, workshop("En ligne Dijon", DAY.plus(Duration.ofHours(1)))
                    .online(OnlineAccess.of(URI.create("https://visio.ac-dijon.fr/salle-1")).forAcademie(Academie.DIJON)));
            Event national = direct(paul, workshop("En ligne France", DAY.plus(Duration.ofHours(3)))
                    .online(OnlineAccess.of(URI.create("https://visio.education.fr/salle-2"))));
            Event lyonOnline = direct(paul, workshop("En ligne Lyon", DAY.plus(Duration.ofHours(4)))
                    .online(OnlineAccess.of(URI.create("https://visio.ac-lyon.fr/salle-3")).forAcademie(Academie.LYON)));
            Event planned = direct(paul, workshop("Pas encore confirmé", DAY).atEstablishment(NUITS.uai()));
            for (Event e : List.of(nuits, lyon, dijonOnline, national, lyonOnline)) {
                sn.events().confirm(paul.id(), e.id());
            }
            EventSearch near = EventSearch.between(START, START.plus(Duration.ofDays(30))).aroundMe(30).build();

            Page<Event> page = sn.events().search(lea.id(), near, PageRequest.first(10));

            assertThat(titles(page)).containsExactly("En ligne Dijon", "À Nuits", "En ligne France");
            assertThat(page.next()).isNull();
            // the host sees planned events too; a member does not
            assertThat(titles(sn.events().search(HOST, EventSearch.between(START, START.plus(Duration.ofDays(30)))
                    .around(NUITS.location(), 5).build(), PageRequest.first(10)))).containsExactly("Pas encore confirmé", "À Nuits");
            assertThat(titles(sn.events().search(lea.id(), EventSearch.between(START, START.plus(Duration.ofDays(30)))
                    .aroundMe(30).formats(EventFormat.ONLINE).build(), PageRequest.first(10))))
                    .containsExactly("En ligne Dijon", "En ligne France");
            assertThat(planned.status()).isEqualTo(EventStatus.PLANNED);
        }

        @Test
        void online_events_announced_to_any_academie_are_stored_and_found_whatever_the_length_of_its_name() {
            List<String> titles = new java.util.ArrayList<>();
            int hour = 0;
            for (Academie a : Academie.values()) {
                String title = "En ligne " + a.name();
                titles.add(title);
                Event e = direct(paul, workshop(title, DAY.plus(Duration.ofMinutes(10L * hour++)))
                        .online(OnlineAccess.of(URI.create("https://visio.education.fr/" + a.code())).forAcademie(a)));
                sn.events().confirm(paul.id(), e.id());
                assertThat(sn.events().get(HOST, e.id()).online().academie()).isEqualTo(a);
            }
            Page<Event> all = sn.events().search(HOST, EventSearch.between(START, START.plus(Duration.ofDays(30)))
                    .formats(EventFormat.ONLINE).build(), PageRequest.first(100));
            assertThat(titles(all)).containsExactlyElementsOf(titles);
        }

        @Test
        void search_filters_by_tool_theme_format_and_status() {
            BusId bus = BusId.of("busnum-21");
            sn.busNum().add(HOST, Bus.of(bus, "BusNum Côte-d'Or", CARNOT.location(), 80, Set.of("tablettes"), 12));
            Event inBus = direct(paul, workshop("Dans le bus", DAY).themes(ORAL).atEstablishment(NUITS.uai()).onBus(bus));
            // the builder adds tools: GeoGebra's events are built without the usual Capytale
            java.util.function.BiFunction<String, Instant, EventRequest.Builder> onGeogebra = (title, start) -> EventRequest.direct()
                    .title(title).tools(GEOGEBRA).start(start).duration(Duration.ofHours(2)).capacity(2);
            Event geogebra = direct(paul, onGeogebra.apply("GeoGebra à Dijon", DAY.plus(Duration.ofHours(1))).atEstablishment(CARNOT.uai()));
            Event online = direct(paul, workshop("Capytale en ligne", DAY.plus(Duration.ofHours(2)))
                    .online(OnlineAccess.of(URI.create("https://visio.ac-dijon.fr/f")).forAcademie(Academie.DIJON)));
            Event hybrid = direct(paul, onGeogebra.apply("GeoGebra et l'oral, hybride", DAY.plus(Duration.ofHours(3))).themes(ORAL).atEstablishment(NUITS.uai()).online(OnlineAccess.of(URI.create("https://visio.ac-dijon.fr/h"))
                            .forAcademie(Academie.DIJON)));
            for (Event e : List.of(inBus, geogebra, online, hybrid)) {
                sn.events().confirm(paul.id(), e.id());
            }
            Event cancelled = direct(paul, workshop("Annulé", DAY.plus(Duration.ofHours(4))).atEstablishment(CARNOT.uai()));
            sn.events().confirm(paul.id(), cancelled.id());
            sn.events().cancel(paul.id(), cancelled.id());
            direct(paul, workshop("Prévu", DAY.plus(Duration.ofHours(5))).atEstablishment(CARNOT.uai()));
            java.util.function.Function<EventSearch.Builder, List<String>> found = b -> titles(sn.events().search(lea.id(),
                    b.build(), PageRequest.first(20)));
            java.util.function.Supplier<EventSearch.Builder> nearLea = () -> EventSearch.between(START, START.plus(Duration.ofDays(30)))
                    .aroundMe(30);

            assertThat(found.apply(nearLea.get())).containsExactly("Dans le bus", "GeoGebra à Dijon", "Capytale en ligne",
                    "GeoGebra et l'oral, hybride");
            assertThat(found.apply(nearLea.get().tools(GEOGEBRA))).containsExactly("GeoGebra à Dijon", "GeoGebra et l'oral, hybride");
            assertThat(found.apply(nearLea.get().themes(ORAL))).containsExactly("Dans le bus", "GeoGebra et l'oral, hybride");
            assertThat(found.apply(nearLea.get().formats(EventFormat.BUSNUM))).containsExactly("Dans le bus");
            assertThat(found.apply(nearLea.get().formats(EventFormat.ON_SITE))).containsExactly("Dans le bus", "GeoGebra à Dijon",
                    "GeoGebra et l'oral, hybride");
            assertThat(found.apply(nearLea.get().formats(EventFormat.ONLINE))).containsExactly("Capytale en ligne",
                    "GeoGebra et l'oral, hybride");
            assertThat(found.apply(nearLea.get().tools(CAPYTALE).formats(EventFormat.ON_SITE, EventFormat.BUSNUM)))
                    .containsExactly("Dans le bus");
            // members see confirmed and held events only, whatever they ask; the host sees every status
            assertThat(found.apply(nearLea.get().statuses(EventStatus.CANCELLED, EventStatus.PLANNED))).isEmpty();
            EventSearch aroundCarnot = EventSearch.between(START, START.plus(Duration.ofDays(30))).around(CARNOT.location(), 5)
                    .statuses(EventStatus.CANCELLED, EventStatus.PLANNED).build();
            assertThat(titles(sn.events().search(HOST, aroundCarnot, PageRequest.first(20)))).containsExactly("Annulé", "Prévu");
            // a period leaves out what starts at its end
            assertThat(found.apply(EventSearch.between(START, DAY.plus(Duration.ofHours(1))).aroundMe(30)))
                    .containsExactly("Dans le bus");
        }

        @Test
        void pages_follow_each_other_without_repeating_or_skipping() {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                Event e = direct(paul, workshop("Atelier " + i, DAY.plus(Duration.ofHours(i % 3))).atEstablishment(NUITS.uai()));
                sn.events().confirm(paul.id(), e.id());
            }
            EventSearch near = EventSearch.between(START, START.plus(Duration.ofDays(30))).aroundMe(30).build();
            List<Event> all = sn.events().search(lea.id(), near, PageRequest.first(50)).items();
            all.forEach(e -> expected.add(e.id().value()));
            List<String> paged = new ArrayList<>();
            Page<Event> p = sn.events().search(lea.id(), near, PageRequest.first(3));
            while (true) {
                p.items().forEach(e -> paged.add(e.id().value()));
                if (p.next() == null) {
                    break;
                }
                p = sn.events().search(lea.id(), near, PageRequest.after(p.next(), 3));
            }
            assertThat(paged).hasSize(7).containsExactlyElementsOf(expected);
            assertThat(all).isSortedAccordingTo(java.util.Comparator.comparing(Event::start));
        }

        @Test
        void bad_searches_are_refused_with_a_documented_exception() {
            EventSearch tooFar = EventSearch.between(START, START.plus(Duration.ofDays(3))).aroundMe(5000).build();
            assertThatThrownBy(() -> sn.events().search(lea.id(), tooFar, PageRequest.first(10)))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("radiusKm");
            EventSearch tooLong = EventSearch.between(START, START.plus(Duration.ofDays(500))).build();
            assertThatThrownBy(() -> sn.events().search(lea.id(), tooLong, PageRequest.first(10)))
                    .isInstanceOf(InvalidValueException.class);
            EventSearch ok = EventSearch.between(START, START.plus(Duration.ofDays(3))).build();
            assertThatThrownBy(() -> sn.events().search(lea.id(), ok, PageRequest.after("bm90LWEtY3Vyc29y", 10)))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("cursor");
            assertThatThrownBy(() -> sn.events().search(HOST, EventSearch.between(START, START.plus(Duration.ofDays(3)))
                    .aroundMe(10).build(), PageRequest.first(10))).isInstanceOf(InvalidValueException.class);
            assertThatThrownBy(() -> PageRequest.first(0)).isInstanceOf(InvalidValueException.class);
        }

        @Test
        void the_visio_link_is_shown_to_members_holding_a_seat_only() {
            Event online = direct(paul, workshop("Classe virtuelle", DAY)
                    .online(OnlineAccess.of(URI.create("https://visio.ac-dijon.fr/salle-9")).forAcademie(Academie.DIJON)));
            sn.events().confirm(paul.id(), online.id());
            assertThat(sn.events().get(lea.id(), online.id()).online().link()).isEqualTo(OnlineAccess.HIDDEN);
            assertThat(sn.events().get(lea.id(), online.id()).checkInCode()).isNull();
            sn.events().register(lea.id(), online.id());
            assertThat(sn.events().get(lea.id(), online.id()).online().link()).hasToString("https://visio.ac-dijon.fr/salle-9");
            assertThat(sn.events().get(paul.id(), online.id()).checkInCode()).matches("[0-9]{6}");
        }
    }

    @Nested
    class MyLists {
        @Test
        void my_events_are_those_i_organise_hold_a_seat_at_or_wait_for() {
            Member other = f.active("Olga Autre", BEAUNE);
            Event a = direct(paul, workshop("A", DAY).atEstablishment(NUITS.uai()).capacity(1));
            sn.events().confirm(paul.id(), a.id());
            sn.events().register(other.id(), a.id());
            sn.events().register(lea.id(), a.id());           // full: waitlisted
            Event b = direct(paul, workshop("B", DAY.plus(Duration.ofDays(1))).atEstablishment(NUITS.uai()));
            sn.events().confirm(paul.id(), b.id());
            sn.events().register(lea.id(), b.id());
            Event mine = direct(f.active("Marc Ex-pair", CARNOT, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED)),
                    workshop("C", DAY).tools(GEOGEBRA).atEstablishment(CARNOT.uai()));
            Instant from = START;
            Instant to = START.plus(Duration.ofDays(60));

            assertThat(titles(sn.events().of(lea.id(), lea.id(), Set.of(), from, to, PageRequest.first(10)))).containsExactly("A", "B");
            assertThat(titles(sn.events().of(lea.id(), lea.id(), Set.of(Participation.WAITLISTED), from, to, PageRequest.first(10))))
                    .containsExactly("A");
            assertThat(titles(sn.events().of(lea.id(), lea.id(), Set.of(Participation.REGISTERED), from, to, PageRequest.first(10))))
                    .containsExactly("B");
            Page<Event> first = sn.events().of(lea.id(), lea.id(), Set.of(), from, to, PageRequest.first(1));
            Page<Event> second = sn.events().of(lea.id(), lea.id(), Set.of(), from, to, PageRequest.after(first.next(), 1));
            assertThat(titles(first)).containsExactly("A");
            assertThat(titles(second)).containsExactly("B");
            assertThat(second.next()).isNull();
            assertThat(titles(sn.events().of(paul.id(), paul.id(), Set.of(Participation.ORGANISING), from, to,
                    PageRequest.first(10)))).containsExactly("A", "B");
            assertThat(titles(sn.events().of(lea.id(), lea.id(), Set.of(Participation.ORGANISING), from, to,
                    PageRequest.first(10)))).isEmpty();
            assertThat(mine.status()).isEqualTo(EventStatus.PLANNED);
            assertThatThrownBy(() -> sn.events().of(other.id(), lea.id(), Set.of(), from, to, PageRequest.first(10)))
                    .isInstanceOf(NotAllowedException.class);
        }

        @Test
        void my_tickets_and_my_offers_page_oldest_first() {
            List<TicketNum> opened = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opened.add(sn.tickets().open(lea.id(), TicketRequest.builder(CAPYTALE).text("Question " + i).radiusKm(40)
                        .themes(ORAL).build()));
                f.clock.advance(Duration.ofMinutes(1));
            }
            sn.tickets().offer(paul.id(), opened.get(0).id(), "Je peux");
            sn.tickets().offer(paul.id(), opened.get(2).id(), "Moi aussi");

            Page<TicketNum> first = sn.tickets().openedBy(lea.id(), lea.id(), PageRequest.first(2));
            Page<TicketNum> second = sn.tickets().openedBy(lea.id(), lea.id(), PageRequest.after(first.next(), 2));
            assertThat(first.items()).extracting(TicketNum::text).containsExactly("Question 0", "Question 1");
            assertThat(second.items()).extracting(TicketNum::text).containsExactly("Question 2");
            assertThat(second.next()).isNull();
            assertThat(first.items().get(0).themes()).containsExactly(ORAL);
            Page<TicketNum> offers = sn.tickets().offeredBy(paul.id(), paul.id(), PageRequest.first(10));
            assertThat(offers.items()).extracting(TicketNum::id).containsExactly(opened.get(0).id(), opened.get(2).id());
            // the helper's view: their own offer only
            assertThat(offers.items().get(0).offers()).extracting(o -> o.helper()).containsOnly(paul.id());
        }
    }

    @Nested
    class Board {
        final Fixture capped = fixture(b -> b.maxAlertsPerTicket(1).alertLimits(10_000, 1, Duration.ZERO, 10_000));

        @Test
        void a_qualified_colleague_not_alerted_sees_the_request_with_its_text_and_may_offer() {
            ShareNum s = capped.sharenum;
            Member near = capped.active("Nora Proche", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member other = capped.active("Omar Autre", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member novice = capped.active("Nina Novice", NUITS, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member far = capped.active("Fabien Loin", LYON, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member asker = capped.active("Alice Demande", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            TicketNum t = s.tickets().open(asker.id(), TicketRequest.builder(CAPYTALE).text("Aide Python 2de").radiusKm(40).build());
            assertThat(t.alerts()).extracting(a -> a.helper()).containsExactly(near.id());   // capped at one alert

            Page<BoardEntry> board = s.tickets().board(other.id(), Set.of(), Double.NaN, PageRequest.first(10));

            assertThat(board.items()).singleElement().satisfies(e -> {
                assertThat(e.ticket()).isEqualTo(t.id());
                assertThat(e.text()).isEqualTo("Aide Python 2de");
                assertThat(e.alerted()).isFalse();
                assertThat(e.distanceKm()).isEqualTo(Math.round(NUITS.location().distanceKm(CARNOT.location())));
            });
            assertThat(s.tickets().board(novice.id(), Set.of(), Double.NaN, PageRequest.first(10)).items()).isEmpty();
            assertThat(s.tickets().board(far.id(), Set.of(), Double.NaN, PageRequest.first(10)).items()).isEmpty();
            assertThat(s.tickets().board(asker.id(), Set.of(), Double.NaN, PageRequest.first(10)).items()).isEmpty();
            assertThat(s.tickets().offer(other.id(), t.id(), "Je passe mardi").offers()).hasSize(1);
            assertThatThrownBy(() -> s.tickets().offer(far.id(), t.id(), "Moi ?")).isInstanceOf(NotAllowedException.class);
            s.moderation().block(asker.id(), near.id());
            assertThat(s.tickets().board(near.id(), Set.of(), Double.NaN, PageRequest.first(10)).items()).isEmpty();
        }
    }

    @Nested
    class DirectoryOfExPairs {
        @Test
        void only_listed_experienced_members_nearby_are_shown_with_a_rounded_distance_and_their_establishment() {
            Member listed = f.active("Lise Listée", NUITS, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
            Member unlisted = f.active("Ugo Discret", NUITS, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
            Member middle = f.active("Ida Intermédiaire", NUITS, new Skill(GEOGEBRA, CompetenceLevel.INTERMEDIATE));
            Member lyonnais = f.active("Louis Lyonnais", LYON, new Skill(GEOGEBRA, CompetenceLevel.EXPERIENCED));
            for (Member m : List.of(listed, middle, lyonnais, paul)) {
                assertThat(sn.members().listInDirectory(m.id(), m.id(), true)).isTrue();
            }
            assertThat(unlisted.id()).isNotNull();

            Page<DirectoryEntry> page = sn.members().directory(lea.id(), GEOGEBRA, 50, PageRequest.first(1));
            Page<DirectoryEntry> next = sn.members().directory(lea.id(), GEOGEBRA, 50, PageRequest.after(page.next(), 5));

            List<DirectoryEntry> all = new ArrayList<>(page.items());
            all.addAll(next.items());
            assertThat(all).extracting(DirectoryEntry::member).containsExactlyInAnyOrder(listed.id(), paul.id());
            assertThat(all).allSatisfy(e -> {
                assertThat(e.establishmentName()).isEqualTo(NUITS.name());
                assertThat(e.distanceKm()).isEqualTo(Math.round(CARNOT.location().distanceKm(NUITS.location())));
            });
            assertThat(next.next()).isNull();
            sn.members().listInDirectory(listed.id(), listed.id(), false);
            sn.moderation().block(paul.id(), lea.id());
            assertThat(sn.members().directory(lea.id(), GEOGEBRA, 50, PageRequest.first(10)).items()).isEmpty();
            assertThatThrownBy(() -> sn.members().listInDirectory(lea.id(), paul.id(), true)).isInstanceOf(NotAllowedException.class);
        }
    }

    @Nested
    class Catalogue {
        @Test
        void trainings_page_by_start_and_guides_by_tool_or_theme() {
            Fixture c = fixture(b -> b.guides(List.of(new fr.sharenum.model.Guide("g1", "L'oral avec Capytale", Set.of(CAPYTALE),
                    Set.of(ORAL), URI.create("https://example.org/g1"), "Pistes"))));
            Member cano = c.granted("Claire Canopé", CARNOT, fr.sharenum.model.Privilege.CANOPE);
            Member reader = c.active("Rita Lectrice", CARNOT);
            for (int i = 0; i < 3; i++) {
                c.sharenum.trainings().publish(cano.id(), new fr.sharenum.model.Training("coop-" + i, "Session " + i,
                        fr.sharenum.model.TrainingKind.TOOL_TESTING, Academie.DIJON, Set.of(CAPYTALE),
                        START.plus(Duration.ofDays(3 + i)), START.plus(Duration.ofDays(3 + i)).plus(Duration.ofHours(2)),
                        "Coopérative de Dijon", null));
            }
            Page<fr.sharenum.model.Training> first = c.sharenum.trainings().search(reader.id(), Academie.DIJON, Set.of(),
                    START, START.plus(Duration.ofDays(30)), PageRequest.first(2));
            Page<fr.sharenum.model.Training> second = c.sharenum.trainings().search(reader.id(), Academie.DIJON, Set.of(CAPYTALE),
                    START, START.plus(Duration.ofDays(30)), PageRequest.after(first.next(), 2));
            assertThat(first.items()).extracting(fr.sharenum.model.Training::id).containsExactly("coop-0", "coop-1");
            assertThat(second.items()).extracting(fr.sharenum.model.Training::id).containsExactly("coop-2");
            assertThat(c.sharenum.trainings().search(reader.id(), Academie.LYON, Set.of(), START, START.plus(Duration.ofDays(30)),
                    PageRequest.first(2)).items()).isEmpty();
            assertThat(c.sharenum.trainings().guides(reader.id(), Set.of(), Set.of(ORAL))).extracting(fr.sharenum.model.Guide::id)
                    .containsExactly("g1");
        }
    }

    @Test
    void trainings_starting_together_page_in_a_stable_order_whatever_order_the_hosts_catalogue_gives() {
        Instant at = START.plus(Duration.ofDays(5));
        List<fr.sharenum.model.Training> loose = List.of("paf-c", "paf-a", "paf-b").stream().map(id -> new fr.sharenum.model.Training(
                id, "Session " + id, fr.sharenum.model.TrainingKind.PAF_SESSION, Academie.DIJON, Set.of(CAPYTALE), at,
                at.plus(Duration.ofHours(3)), "Canopé Dijon", null)).toList();
        Fixture c = fixture(b -> b.trainingCatalog((academie, tools, from, to) -> loose));
        Member reader = c.active("Rita Lectrice", CARNOT);
        List<String> seen = new ArrayList<>();
        Page<fr.sharenum.model.Training> p = c.sharenum.trainings().search(reader.id(), Academie.DIJON, Set.of(), START,
                START.plus(Duration.ofDays(30)), PageRequest.first(1));
        while (true) {
            p.items().forEach(x -> seen.add(x.id()));
            if (p.next() == null) {
                break;
            }
            p = c.sharenum.trainings().search(reader.id(), Academie.DIJON, Set.of(), START, START.plus(Duration.ofDays(30)),
                    PageRequest.after(p.next(), 1));
        }
        assertThat(seen).containsExactly("paf-a", "paf-b", "paf-c");
    }

    @Test
    void reunion_members_see_the_events_of_their_island() {
        Member r = f.active("Rémi Réunion", REUNION, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Event e = direct(r, workshop("À Saint-Denis", DAY).atEstablishment(REUNION.uai()));
        sn.events().confirm(r.id(), e.id());
        Member other = f.active("Rose Réunion", REUNION);
        assertThat(titles(sn.events().search(other.id(), EventSearch.between(START, START.plus(Duration.ofDays(20)))
                .aroundMe(20).build(), PageRequest.first(5)))).containsExactly("À Saint-Denis");
        assertThat(sn.events().search(lea.id(), EventSearch.between(START, START.plus(Duration.ofDays(20)))
                .aroundMe(200).build(), PageRequest.first(5)).items()).isEmpty();
    }
}
