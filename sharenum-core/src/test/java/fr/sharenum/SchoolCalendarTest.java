package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchoolCalendarTest {

    private final SchoolCalendar calendar = SchoolCalendar.builder()
            .holidays(Academie.HolidayZone.A, LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 21), "Vacances d'hiver, zone A")
            .holidays(Academie.CORSE, LocalDate.of(2027, 2, 20), LocalDate.of(2027, 3, 7), "Vacances d'hiver, Corse")
            .closed(LocalDate.of(2027, 5, 7), "Pont de l'Ascension")
            .build();

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2038, 2038-04-25",
            "2285, 2285-03-22"})
    void easter_sunday_matches_the_published_dates(int year, LocalDate easter) {
        assertThat(SchoolCalendar.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void french_public_holidays_including_the_movable_ones() {
        assertThat(calendar.closure(Academie.DIJON, "021", LocalDate.of(2027, 3, 29))).contains("Lundi de Pâques");
        assertThat(calendar.closure(Academie.DIJON, "021", LocalDate.of(2027, 5, 6))).contains("Ascension");
        assertThat(calendar.closure(Academie.DIJON, "021", LocalDate.of(2027, 5, 17))).contains("Lundi de Pentecôte");
        assertThat(calendar.closure(Academie.DIJON, "021", LocalDate.of(2026, 11, 11))).contains("Armistice 1918");
        assertThat(calendar.closure(Academie.DIJON, "021", LocalDate.of(2027, 3, 26))).isEmpty();
    }

    @Test
    void alsace_moselle_and_overseas_have_their_own_public_holidays() {
        LocalDate goodFriday = LocalDate.of(2027, 3, 26);
        assertThat(calendar.closure(Academie.STRASBOURG, "067", goodFriday)).contains("Vendredi saint");
        assertThat(calendar.closure(Academie.NANCY_METZ, "057", LocalDate.of(2026, 12, 26))).contains("Saint-Étienne");
        assertThat(calendar.closure(Academie.NANCY_METZ, "054", goodFriday)).isEmpty();
        assertThat(calendar.closure(Academie.LA_REUNION, "974", LocalDate.of(2027, 12, 20)))
                .hasValueSatisfying(r -> assertThat(r).contains("abolition"));
        assertThat(calendar.closure(Academie.MARTINIQUE, "972", LocalDate.of(2027, 5, 22))).isPresent();
        assertThat(calendar.closure(Academie.DIJON, "021", LocalDate.of(2027, 5, 22))).isEmpty();
    }

    @Test
    void school_holidays_apply_to_their_zone_or_academie_and_sundays_are_closed() {
        LocalDate winter = LocalDate.of(2027, 2, 10);
        assertThat(calendar.closure(Academie.DIJON, "021", winter)).contains("Vacances d'hiver, zone A");
        assertThat(calendar.closure(Academie.PARIS, "075", winter)).isEmpty();
        assertThat(calendar.closure(Academie.CORSE, "02A", LocalDate.of(2027, 3, 3))).contains("Vacances d'hiver, Corse");
        assertThat(calendar.closure(Academie.PARIS, "075", LocalDate.of(2027, 5, 7))).contains("Pont de l'Ascension");
        assertThat(calendar.closure(Academie.PARIS, "075", LocalDate.of(2027, 1, 10))).isPresent(); // a Sunday
        SchoolCalendar open = SchoolCalendar.builder().publicHolidays(false).closedWeekdays(Set.of(DayOfWeek.SATURDAY)).build();
        assertThat(open.closure(Academie.PARIS, "075", LocalDate.of(2027, 1, 10))).isEmpty();
        assertThat(open.closure(Academie.PARIS, "075", LocalDate.of(2026, 12, 25))).isEmpty();
        assertThat(open.closure(Academie.PARIS, "075", LocalDate.of(2027, 1, 9))).isPresent();
    }

    @Test
    void bad_periods_are_refused() {
        SchoolCalendar.Builder b = SchoolCalendar.builder();
        assertThatThrownBy(() -> b.holidays(Academie.HolidayZone.B, LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 1), "x"))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("to");
        assertThatThrownBy(() -> b.holidays(Academie.HolidayZone.OWN, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 10), "x"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("own calendar");
        assertThatThrownBy(() -> b.closed(LocalDate.of(2027, 2, 1), " "))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("label");
    }
}
