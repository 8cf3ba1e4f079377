package fr.sharenum;

import fr.sharenum.model.Availability;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBookingException;
import fr.sharenum.model.BusBookingException.Reason;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.TimeWindow;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Venue;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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

class BusNumTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final BusId BUS = BusId.of("busnum-21");
    private static final BusId FAR_BUS = BusId.of("busnum-69");

    private final Fixture f = new Fixture(b -> b.busLogistics(50, Duration.ofMinutes(45), Duration.ofMinutes(30)));
    private final BusNum fleet = f.sharenum.busNum();
    private final Events events = f.sharenum.events();
    private final Member expert = f.active("Eva Experte", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));

    BusNumTest() {
        fleet.add(Fixture.HOST, Bus.of(BUS, "BusNum Côte-d'Or", CARNOT.location(), 60, Set.of("16 tablettes", "écran interactif"), 16));
        fleet.add(Fixture.HOST, Bus.of(FAR_BUS, "BusNum Rhône", LYON.location(), 80, Set.of("robots"), 12));
    }

    private static Instant paris(String t) {
        return LocalDateTime.parse(t).atZone(PARIS).toInstant();
    }

    private EventRequest.Builder onBus(String start, Venue venue) {
        return EventRequest.direct().title("Atelier Capytale").tools(CAPYTALE).start(paris(start))
                .duration(Duration.ofHours(2)).capacity(12).at(venue).onBus(BUS);
    }

    private Event book(String start, Venue venue) {
        return events.create(expert.id(), onBus(start, venue).build());
    }

    @Test
    void a_booking_is_recorded_with_the_event_and_bumps_the_bus_version() {
        Event e = book("2026-12-02T10:00", Venue.of(NUITS));

        assertThat(e.busId()).contains(BUS);
        assertThat(fleet.bookings(Fixture.HOST, BUS, LocalDate.of(2026, 12, 1), 10)).singleElement()
                .satisfies(b -> assertThat(b.event()).isEqualTo(e.id()));
        assertThat(fleet.get(Fixture.HOST, BUS).version()).isEqualTo(2);
    }

    @Test
    void a_venue_beyond_the_operating_radius_is_refused_and_nothing_is_booked() {
        assertThatThrownBy(() -> book("2026-12-02T10:00", Venue.of(LYON)))
                .isInstanceOf(BusBookingException.class)
                .hasMessageContaining("operating radius of 60 km")
                .extracting("reason").isEqualTo(Reason.OUT_OF_RANGE);
        assertUnchanged();
    }

    @Test
    void closed_days_and_hours_outside_operations_are_refused() {
        assertThatThrownBy(() -> book("2026-12-25T10:00", Venue.of(NUITS)))
                .isInstanceOf(BusBookingException.class).hasMessageContaining("Noël")
                .extracting("reason").isEqualTo(Reason.CLOSED_DAY);
        assertThatThrownBy(() -> book("2026-12-06T10:00", Venue.of(NUITS)))  // a Sunday
                .extracting("reason").isEqualTo(Reason.CLOSED_DAY);
        assertThatThrownBy(() -> book("2026-12-02T07:15", Venue.of(NUITS)))  // set-up would start at 06:30
                .isInstanceOf(BusBookingException.class).extracting("reason").isEqualTo(Reason.OUTSIDE_HOURS);
        assertThatThrownBy(() -> events.create(expert.id(), onBus("2026-12-02T10:00", Venue.of(NUITS)).capacity(30).build()))
                .isInstanceOf(BusBookingException.class).extracting("reason").isEqualTo(Reason.NOT_ENOUGH_SEATS);
        assertUnchanged();
    }

    @Test
    void overlapping_or_too_close_bookings_conflict_and_travel_time_counts() {
        Event morning = book("2026-12-02T10:00", Venue.of(NUITS));                  // ends 12:00 at Nuits
        double km = NUITS.location().distanceKm(AUXONNE.location());               // ≈ 33 km: ≈ 40 min at 50 km/h
        assertThat(km).isBetween(25.0, 40.0);

        // 30 min tear-down + ~40 min drive + 45 min set-up: Auxonne at 13:00 is too early
        assertThatThrownBy(() -> book("2026-12-02T13:00", Venue.of(AUXONNE)))
                .isInstanceOf(BusBookingException.class)
                .satisfies(e -> {
                    BusBookingException b = (BusBookingException) e;
                    assertThat(b.reason()).isEqualTo(Reason.CONFLICT);
                    assertThat(b.conflictingEvent()).contains(morning.id());
                });
        assertThatThrownBy(() -> book("2026-12-02T11:00", Venue.of(NUITS)))
                .extracting("reason").isEqualTo(Reason.CONFLICT);
        // the same place needs no drive: 12:00 + 30 + 45 = 13:15
        assertThatThrownBy(() -> book("2026-12-02T13:00", Venue.of(NUITS))).extracting("reason").isEqualTo(Reason.CONFLICT);
        Event sameVenue = book("2026-12-02T13:15", Venue.of(NUITS));
        assertThat(sameVenue.busId()).contains(BUS);
        // before the morning one: Auxonne 06:00–... no; 08:00 would end at 10:00 (needs ~115 min before 10:00)
        assertThatThrownBy(() -> book("2026-12-02T08:00", Venue.of(AUXONNE))).extracting("reason").isEqualTo(Reason.CONFLICT);
        assertThat(fleet.bookings(Fixture.HOST, BUS, LocalDate.of(2026, 12, 2), 10)).hasSize(2);
    }

    @Test
    void a_cancelled_event_frees_the_bus() {
        Event first = book("2026-12-02T10:00", Venue.of(NUITS));
        assertThatThrownBy(() -> book("2026-12-02T10:30", Venue.of(NUITS))).isInstanceOf(BusBookingException.class);

        Event cancelled = events.cancel(expert.id(), first.id());

        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(fleet.bookings(Fixture.HOST, BUS, LocalDate.of(2026, 12, 1), 10)).isEmpty();
        Event second = book("2026-12-02T10:30", Venue.of(NUITS));
        assertThat(fleet.bookings(Fixture.HOST, BUS, LocalDate.of(2026, 12, 1), 10)).singleElement()
                .satisfies(b -> assertThat(b.event()).isEqualTo(second.id()));
    }

    @Test
    void rescheduling_moves_the_booking_and_keeps_the_rules() {
        Event a = book("2026-12-02T10:00", Venue.of(NUITS));
        Event b = book("2026-12-02T15:00", Venue.of(NUITS));

        assertThatThrownBy(() -> events.reschedule(expert.id(), b.id(), paris("2026-12-02T11:00"), null))
                .isInstanceOf(BusBookingException.class);
        assertThat(events.get(Fixture.HOST, b.id()).start()).isEqualTo(paris("2026-12-02T15:00"));

        Event moved = events.reschedule(expert.id(), a.id(), paris("2026-12-03T10:00"), null);
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(fleet.bookings(Fixture.HOST, BUS, LocalDate.of(2026, 12, 1), 10)).extracting(x -> x.onSite().start())
                .containsExactly(paris("2026-12-02T15:00"), paris("2026-12-03T10:00"));
    }

    @Test
    void suggestions_list_buses_in_range_with_their_free_windows() {
        book("2026-12-02T10:00", Venue.of(NUITS));

        List<BusOption> options = fleet.suggest(Fixture.HOST, Venue.of(AUXONNE), LocalDate.of(2026, 12, 2), Duration.ofHours(2));

        assertThat(options).singleElement().satisfies(o -> {
            assertThat(o.bus().id()).isEqualTo(BUS);
            assertThat(o.distanceKm()).isBetween(25.0, 35.0);
            // operating day 07:00–20:00 less set-up/tear-down: events may run 07:45–19:30, minus what Nuits blocks
            assertThat(o.free()).hasSize(1);
            TimeWindow afternoon = o.free().get(0);
            assertThat(afternoon.end()).isEqualTo(paris("2026-12-02T19:30"));
            assertThat(afternoon.start()).isAfter(paris("2026-12-02T13:50")).isBefore(paris("2026-12-02T14:00"));
        });
        assertThat(fleet.suggest(Fixture.HOST, Venue.of(LYON), LocalDate.of(2026, 12, 2), Duration.ofHours(2)))
                .extracting(o -> o.bus().id()).containsExactly(FAR_BUS);
        assertThat(fleet.suggest(Fixture.HOST, Venue.of(NUITS), LocalDate.of(2026, 12, 25), Duration.ofHours(2))).isEmpty();
        assertThatThrownBy(() -> fleet.suggest(Fixture.HOST, Venue.of(NUITS), LocalDate.of(2026, 12, 2), Duration.ofMinutes(1)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void common_slots_can_require_the_bus_to_be_free() {
        Member paul = f.active("Paul Nuits", NUITS);
        Availability wednesday = Availability.builder().weekly(DayOfWeek.WEDNESDAY, TimeRange.of("09:00", "12:30")).build();
        f.sharenum.agenda().publish(expert.id(), expert.id(), wednesday);
        f.sharenum.agenda().publish(paul.id(), paul.id(), wednesday);
        Member other = f.active("Otto Autre", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        events.create(other.id(), EventRequest.direct().title("Robots").tools(CAPYTALE).start(paris("2026-11-25T09:00"))
                .duration(Duration.ofHours(2)).capacity(10).at(Venue.of(NUITS)).onBus(BUS).build());

        List<CommonSlot> slots = f.sharenum.agenda().findCommonSlots(Fixture.HOST, SlotQuery.of(Duration.ofHours(2), START,
                START.plus(Duration.ofDays(14))).members(expert.id(), paul.id()).bus(BUS, Venue.of(NUITS)).build());

        assertThat(slots).extracting(CommonSlot::start).first().isEqualTo(paris("2026-12-02T09:00"));
    }

    @Test
    void bad_fleet_input_is_refused() {
        assertThatThrownBy(() -> fleet.add(Fixture.HOST, Bus.of(BUS, "Doublon", CARNOT.location(), 10, Set.of(), 4)))
                .isInstanceOf(DuplicateException.class);
        assertThatThrownBy(() -> Bus.of(BusId.of("x"), "X", GeoPoint.of(47, 5), 0, Set.of(), 4))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("operatingRadiusKm");
        assertThatThrownBy(() -> Bus.of(BusId.of("x"), "X", GeoPoint.of(47, 5), 10, Set.of(), 0))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("seats");
        assertThatThrownBy(() -> BusId.of("Bus Num!")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> fleet.get(Fixture.HOST, BusId.of("nope"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> events.create(expert.id(), onBus("2026-12-02T10:00", Venue.of(NUITS)).onBus(BusId.of("nope")).build()))
                .isInstanceOf(NotFoundException.class);
        assertThat(fleet.all(Fixture.HOST)).extracting(Bus::id).containsExactly(BUS, FAR_BUS);
        assertUnchanged();
    }

    @Test
    void of_concurrent_bookings_for_overlapping_times_exactly_one_wins() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Event>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String start = "2026-12-09T" + (10 + i % 3) + ":00";
            Venue venue = i % 2 == 0 ? Venue.of(NUITS) : Venue.of(AUXONNE);
            results.add(pool.submit(() -> {
                go.await();
                return book(start, venue);
            }));
        }
        go.countDown();
        int won = 0;
        int conflicts = 0;
        for (Future<Event> r : results) {
            try {
                r.get(30, TimeUnit.SECONDS);
                won++;
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(BusBookingException.class);
                assertThat(((BusBookingException) e.getCause()).reason()).isEqualTo(Reason.CONFLICT);
                conflicts++;
            }
        }
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(conflicts).isEqualTo(threads - 1);
        assertThat(fleet.bookings(Fixture.HOST, BUS, LocalDate.of(2026, 12, 9), 10)).hasSize(1);
        assertThat(events.between(Fixture.HOST, paris("2026-12-09T00:00"), paris("2026-12-10T00:00"))).hasSize(1);
    }

    private void assertUnchanged() {
        assertThat(fleet.bookings(Fixture.HOST, BUS, LocalDate.of(2026, 11, 1), 100)).isEmpty();
        assertThat(fleet.get(Fixture.HOST, BUS).version()).isEqualTo(1);
        assertThat(events.between(Fixture.HOST, START, START.plus(Duration.ofDays(60)))).isEmpty();
    }

}
