package fr.sharenum.core.internal.rules;

import fr.sharenum.BusLogistics;
import fr.sharenum.core.internal.BusRules;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusBookingException;
import fr.sharenum.model.BusBookingException.Reason;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.EventStatusChange;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.TimeWindow;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.ClosedDays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BusNum booking rules and registration rules, alone with plain values. */
class BookingAndRegistrationRulesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Venue DIJON = new Venue("Lycée Carnot", GeoPoint.of(47.3226, 5.0466), Academie.DIJON, "021", Uai.of("0210015C"));
    private static final Venue BEAUNE = new Venue("Lycée de Beaune", GeoPoint.of(47.0250, 4.8372), Academie.DIJON, "021", null);
    private static final Venue LYON = new Venue("Lycée du Parc", GeoPoint.of(45.77, 4.85), Academie.LYON, "069", null);
    private static final Bus BUS = Bus.of(BusId.of("busnum-21"), "BusNum Côte-d'Or", GeoPoint.of(47.32, 5.04), 80, Set.of(), 12);
    private static final MemberId ORGANISER = MemberId.of("org");

    private static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    private static Event event(Venue venue, String start, int capacity, EventStatus status) {
        Instant at = paris(start);
        return new Event(EventId.random(), EventKind.WORKSHOP, "Atelier", "", Set.of(ToolId.of("capytale")), Set.of(), at,
                Duration.ofHours(2), capacity, List.of(ORGANISER), venue, BUS.id(), null, 30, status, List.of(), List.of(), 0,
                List.of(new EventStatusChange(status, at.minus(Duration.ofDays(10)))), 1);
    }

    @Nested
    @DisplayName("BusBookingRules")
    class Booking {
        private final ClosedDays closedOnWednesday = (academie, departement, day) ->
                day.equals(LocalDate.of(2026, 12, 2)) ? Optional.of("journée banalisée") : Optional.empty();
        private final BookingRulesUnderTest rules = new BookingRulesUnderTest(new BusBookingRules(
                rulesOf(BusLogistics.defaults()), closedOnWednesday));

        private BusRules rulesOf(BusLogistics l) {
            return new BusRules(l.averageSpeedKmh(), l.setUp(), l.tearDown(), l.dayStart(), l.dayEnd());
        }

        @Test
        void a_free_day_within_range_and_hours_is_booked() {
            assertThatCode(() -> rules.check(event(DIJON, "2026-12-01T10:00", 10, EventStatus.PLANNED), List.of()))
                    .doesNotThrowAnyException();
        }

        @Test
        void the_first_rule_broken_names_the_refusal() {
            // out of range, too many seats, closed day and outside hours at once: the range is seen first
            assertThat(rules.reason(event(LYON, "2026-12-02T06:00", 40, EventStatus.PLANNED), List.of())).isEqualTo(Reason.OUT_OF_RANGE);
            assertThat(rules.reason(event(DIJON, "2026-12-02T06:00", 40, EventStatus.PLANNED), List.of())).isEqualTo(Reason.NOT_ENOUGH_SEATS);
            assertThat(rules.reason(event(DIJON, "2026-12-02T06:00", 10, EventStatus.PLANNED), List.of())).isEqualTo(Reason.CLOSED_DAY);
            assertThat(rules.reason(event(DIJON, "2026-12-01T07:30", 10, EventStatus.PLANNED), List.of())).isEqualTo(Reason.OUTSIDE_HOURS);
        }

        @Test
        void a_booking_too_close_for_tear_down_drive_and_set_up_conflicts() {
            Event morning = event(BEAUNE, "2026-12-01T09:00", 10, EventStatus.PLANNED);
            BusBooking booked = new BusBooking(BUS.id(), morning.id(), BEAUNE, new TimeWindow(morning.start(), morning.end()));
            assertThat(rules.reason(event(DIJON, "2026-12-01T12:00", 10, EventStatus.PLANNED), List.of(booked)))
                    .isEqualTo(Reason.CONFLICT);
            assertThatCode(() -> rules.check(event(DIJON, "2026-12-01T15:00", 10, EventStatus.PLANNED), List.of(booked)))
                    .doesNotThrowAnyException();
        }

        @Test
        void an_events_own_booking_never_conflicts_with_it() {
            Event e = event(DIJON, "2026-12-01T10:00", 10, EventStatus.PLANNED);
            BusBooking own = new BusBooking(BUS.id(), e.id(), DIJON, new TimeWindow(e.start(), e.end()));
            assertThatCode(() -> rules.check(e, List.of(own))).doesNotThrowAnyException();
        }
    }

    /** Reads the reason of a refusal. */
    private record BookingRulesUnderTest(BusBookingRules rules) {
        void check(Event e, List<BusBooking> others) {
            rules.check(BUS, e, others);
        }

        Reason reason(Event e, List<BusBooking> others) {
            try {
                rules.check(BUS, e, others);
            } catch (BusBookingException refused) {
                return refused.reason();
            }
            throw new AssertionError("booking accepted");
        }
    }

    @Nested
    @DisplayName("RegistrationRules")
    class Registration {
        private final Instant now = paris("2026-11-23T09:00");

        @Test
        void a_confirmed_event_to_come_takes_registrations() {
            assertThatCode(() -> RegistrationRules.check(event(DIJON, "2026-12-01T10:00", 10, EventStatus.CONFIRMED),
                    MemberId.of("someone"), now)).doesNotThrowAnyException();
        }

        @Test
        void organisers_are_refused_before_the_status_and_the_start() {
            Event planned = event(DIJON, "2026-11-01T10:00", 10, EventStatus.PLANNED);
            assertThatThrownBy(() -> RegistrationRules.check(planned, ORGANISER, now))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("needs no seat");
            assertThatThrownBy(() -> RegistrationRules.check(planned, MemberId.of("someone"), now))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("CONFIRMED");
            assertThatThrownBy(() -> RegistrationRules.check(event(DIJON, "2026-11-01T10:00", 10, EventStatus.CONFIRMED),
                    MemberId.of("someone"), now)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("started");
        }
    }
}
