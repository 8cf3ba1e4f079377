package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Availability;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.TimeWindow;
import fr.sharenum.model.ToolId;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.Fixture.REUNION;
import static fr.sharenum.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgendaTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ToolId CAPYTALE = ToolId.of("capytale");

    private final Fixture f = new Fixture(b -> b.closedDays(SchoolCalendar.builder()
            .holidays(Academie.HolidayZone.A, LocalDate.of(2026, 12, 19), LocalDate.of(2027, 1, 3), "Vacances de Noël")
            .build()));
    private final Agenda agenda = f.sharenum.agenda();
    private final Member claire = f.active("Claire Carnot", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
    private final Member paul = f.active("Paul Nuits", NUITS);
    private final Member rose = f.active("Rose Réunion", REUNION);

    private static Instant paris(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    private static Availability weekly(DayOfWeek day, String from, String to) {
        return Availability.builder().weekly(day, TimeRange.of(from, to)).build();
    }

    private List<CommonSlot> slots(Duration d, Instant from, Instant to, int max, MemberId... members) {
        return agenda.findCommonSlots(Fixture.HOST, SlotQuery.of(d, from, to).members(members).maxResults(max).build());
    }

    @Test
    void earliest_common_slot_is_the_start_of_the_overlap_in_local_time() {
        agenda.publish(claire.id(), claire.id(), weekly(DayOfWeek.WEDNESDAY, "13:30", "17:30"));
        agenda.publish(paul.id(), paul.id(), weekly(DayOfWeek.WEDNESDAY, "14:00", "18:00"));

        List<CommonSlot> slots = slots(Duration.ofHours(2), START, START.plus(Duration.ofDays(14)), 5, claire.id(), paul.id());

        assertThat(slots).hasSize(2);
        assertThat(slots.get(0).proposed()).isEqualTo(new TimeWindow(paris("2026-11-25T14:00"), paris("2026-11-25T16:00")));
        assertThat(slots.get(0).free()).isEqualTo(new TimeWindow(paris("2026-11-25T14:00"), paris("2026-11-25T17:30")));
        assertThat(slots.get(1).start()).isEqualTo(paris("2026-12-02T14:00"));
    }

    @Test
    void dated_exceptions_replace_the_weekly_pattern() {
        agenda.publish(claire.id(), claire.id(), Availability.builder()
                .weekly(DayOfWeek.WEDNESDAY, TimeRange.of("13:30", "17:30"))
                .unavailable(LocalDate.of(2026, 11, 25))
                .on(LocalDate.of(2026, 11, 27), TimeRange.of("08:00", "10:00"))
                .build());
        agenda.publish(paul.id(), paul.id(), Availability.builder()
                .weekly(DayOfWeek.WEDNESDAY, TimeRange.of("14:00", "18:00"))
                .weekly(DayOfWeek.FRIDAY, TimeRange.of("09:00", "12:00"))
                .build());

        List<CommonSlot> slots = slots(Duration.ofMinutes(45), START, START.plus(Duration.ofDays(14)), 3, claire.id(), paul.id());

        assertThat(slots).extracting(CommonSlot::start)
                .containsExactly(paris("2026-11-27T09:00"), paris("2026-12-02T14:00"));
    }

    @Test
    void events_members_organise_or_attend_are_not_free_time() {
        agenda.publish(claire.id(), claire.id(), weekly(DayOfWeek.WEDNESDAY, "13:30", "17:30"));
        agenda.publish(paul.id(), paul.id(), weekly(DayOfWeek.WEDNESDAY, "14:00", "18:00"));
        f.sharenum.events().create(claire.id(), EventRequest.direct().title("Capytale en 2de").tools(CAPYTALE)
                .start(paris("2026-11-25T14:00")).duration(Duration.ofHours(2)).capacity(10)
                .atEstablishment(CARNOT.uai()).build());

        List<CommonSlot> oneHour = slots(Duration.ofHours(1), START, START.plus(Duration.ofDays(14)), 1, claire.id(), paul.id());
        List<CommonSlot> twoHours = slots(Duration.ofHours(2), START, START.plus(Duration.ofDays(14)), 1, claire.id(), paul.id());

        assertThat(oneHour).extracting(CommonSlot::start).containsExactly(paris("2026-11-25T16:00"));
        assertThat(twoHours).extracting(CommonSlot::start).containsExactly(paris("2026-12-02T14:00"));
    }

    @Test
    void closed_days_are_skipped_school_holidays_and_public_holidays() {
        agenda.publish(claire.id(), claire.id(), weekly(DayOfWeek.THURSDAY, "10:00", "12:00"));
        agenda.publish(paul.id(), paul.id(), weekly(DayOfWeek.THURSDAY, "10:00", "12:00"));

        List<CommonSlot> christmas = slots(Duration.ofHours(1), paris("2026-12-18T00:00"), paris("2027-01-08T00:00"), 10,
                claire.id(), paul.id());
        List<CommonSlot> ascension = slots(Duration.ofHours(1), paris("2027-05-05T00:00"), paris("2027-05-14T00:00"), 10,
                claire.id(), paul.id());

        assertThat(christmas).extracting(CommonSlot::start).containsExactly(paris("2027-01-07T10:00"));
        assertThat(ascension).extracting(CommonSlot::start).containsExactly(paris("2027-05-13T10:00"));
    }

    @Test
    void slots_follow_wall_clock_time_across_the_daylight_saving_change() {
        agenda.publish(claire.id(), claire.id(), weekly(DayOfWeek.TUESDAY, "10:00", "12:00"));
        agenda.publish(paul.id(), paul.id(), weekly(DayOfWeek.TUESDAY, "10:00", "12:00"));

        List<CommonSlot> slots = slots(Duration.ofHours(2), paris("2027-03-22T00:00"), paris("2027-04-01T00:00"), 5,
                claire.id(), paul.id());

        assertThat(slots).extracting(CommonSlot::start)
                .containsExactly(Instant.parse("2027-03-23T09:00:00Z"), Instant.parse("2027-03-30T08:00:00Z"));
    }

    @Test
    void the_hour_lost_in_the_spring_forward_night_is_not_free_time() {
        Fixture open = new Fixture(b -> b.closedDays(SchoolCalendar.builder().closedWeekdays(java.util.Set.of()).build()));
        Member a = open.active("Anne", CARNOT);
        Member b = open.active("Bruno", NUITS);
        Availability night = weekly(DayOfWeek.SUNDAY, "01:00", "04:00");    // 28 March 2027: 02:00 becomes 03:00
        open.sharenum.agenda().publish(a.id(), a.id(), night);
        open.sharenum.agenda().publish(b.id(), b.id(), night);
        Instant from = paris("2027-03-27T00:00");
        Instant to = paris("2027-03-29T00:00");

        List<CommonSlot> twoHours = open.sharenum.agenda().findCommonSlots(Fixture.HOST, SlotQuery.of(Duration.ofHours(2), from, to).members(a.id(), b.id()).build());
        List<CommonSlot> threeHours = open.sharenum.agenda().findCommonSlots(Fixture.HOST, SlotQuery.of(Duration.ofHours(3), from, to).members(a.id(), b.id()).build());

        assertThat(twoHours).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(Instant.parse("2027-03-28T00:00:00Z"));
            assertThat(s.free().end()).isEqualTo(Instant.parse("2027-03-28T02:00:00Z"));
        });
        assertThat(threeHours).isEmpty();
    }

    @Test
    void members_in_different_zones_meet_only_once_daylight_saving_brings_their_hours_together() {
        agenda.publish(claire.id(), claire.id(), weekly(DayOfWeek.TUESDAY, "10:00", "12:00"));   // Paris: 09–11 UTC in winter, 08–10 in summer
        agenda.publish(rose.id(), rose.id(), weekly(DayOfWeek.TUESDAY, "12:00", "13:00"));     // Réunion, UTC+4 all year: 08–09 UTC

        List<CommonSlot> slots = slots(Duration.ofHours(1), paris("2027-03-15T00:00"), paris("2027-04-10T00:00"), 5,
                claire.id(), rose.id());

        assertThat(slots).extracting(CommonSlot::start)
                .containsExactly(Instant.parse("2027-03-30T08:00:00Z"), Instant.parse("2027-04-06T08:00:00Z"));
    }

    @Test
    void an_evening_range_ending_at_midnight_and_slots_on_the_step_grid() {
        agenda.publish(claire.id(), claire.id(), weekly(DayOfWeek.MONDAY, "19:10", "00:00"));
        agenda.publish(paul.id(), paul.id(), weekly(DayOfWeek.MONDAY, "18:00", "00:00"));

        List<CommonSlot> slots = slots(Duration.ofHours(1), START, START.plus(Duration.ofDays(7)), 1, claire.id(), paul.id());

        assertThat(slots.get(0).start()).isEqualTo(paris("2026-11-23T19:15"));
        assertThat(slots.get(0).free().end()).isEqualTo(paris("2026-11-24T00:00"));
    }

    @Test
    void no_overlap_is_an_empty_answer_not_an_error() {
        agenda.publish(claire.id(), claire.id(), weekly(DayOfWeek.MONDAY, "08:00", "10:00"));
        agenda.publish(paul.id(), paul.id(), weekly(DayOfWeek.MONDAY, "10:00", "12:00"));

        assertThat(slots(Duration.ofMinutes(30), START, START.plus(Duration.ofDays(60)), 10, claire.id(), paul.id())).isEmpty();
        assertThat(slots(Duration.ofMinutes(30), START, START.plus(Duration.ofDays(60)), 10, claire.id(), rose.id())).isEmpty();
    }

    @Test
    void bad_queries_are_refused_with_the_field_named() {
        Instant to = START.plus(Duration.ofDays(7));
        assertThatThrownBy(() -> SlotQuery.of(Duration.ofHours(1), START, to).members(claire.id()).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at least two");
        assertThatThrownBy(() -> SlotQuery.of(Duration.ofHours(1), START, to).members(claire.id(), claire.id()).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("distinct");
        assertThatThrownBy(() -> SlotQuery.of(Duration.ofMinutes(5), START, to).members(claire.id(), paul.id()).build())
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("duration");
        assertThatThrownBy(() -> SlotQuery.of(Duration.ofHours(1), to, START).members(claire.id(), paul.id()).build())
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> SlotQuery.of(Duration.ofHours(1), START, START.plus(Duration.ofDays(400)))
                .members(claire.id(), paul.id()).build()).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> SlotQuery.of(Duration.ofHours(1), START, to).members(claire.id(), paul.id())
                .step(Duration.ofSeconds(90)).build()).isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("step");
        assertThatThrownBy(() -> agenda.findCommonSlots(Fixture.HOST, SlotQuery.of(Duration.ofHours(1), START, to)
                .members(claire.id(), MemberId.of("ghost")).build())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void publishing_for_an_unknown_member_or_a_bad_range_changes_nothing() {
        Availability before = weekly(DayOfWeek.MONDAY, "08:00", "10:00");
        agenda.publish(claire.id(), claire.id(), before);

        assertThatThrownBy(() -> agenda.publish(MemberId.of("ghost"), MemberId.of("ghost"), before)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> TimeRange.of("10:00", "09:00")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("after start");
        assertThatThrownBy(() -> TimeRange.of("25:00", "26:00")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not a time of day");
        assertThatThrownBy(() -> Availability.builder().on(LocalDate.of(2027, 1, 1), null))
                .isInstanceOf(InvalidValueException.class);

        assertThat(agenda.availability(claire.id(), claire.id())).isEqualTo(before);
        assertThat(agenda.availability(paul.id(), paul.id())).isEqualTo(Availability.NONE);
        assertThat(before.on(LocalDate.of(2026, 11, 30))).containsExactly(new TimeRange(LocalTime.of(8, 0), LocalTime.of(10, 0)));
    }
}
