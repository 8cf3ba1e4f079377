package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.spi.ClosedDays;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The default {@link ClosedDays}: French public holidays (computed for every year, Easter-based ones
 * included, with the Alsace-Moselle and overseas additions), closed weekdays, and the school-holiday
 * periods the host gives by zone, académie or for the whole country. School-holiday dates change
 * every year and are published by the ministry: the host supplies them.
 *
 * <pre>{@code
 * ClosedDays calendar = SchoolCalendar.builder()                       // public holidays and Sundays
 *         .holidays(Academie.HolidayZone.A, LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 21), "Vacances d'hiver")
 *         .holidays(Academie.CORSE, LocalDate.of(2027, 2, 20), LocalDate.of(2027, 3, 7), "Vacances d'hiver")
 *         .closed(LocalDate.of(2027, 5, 7), "Pont de l'Ascension")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SchoolCalendar implements ClosedDays {

    private static final Set<String> ALSACE_MOSELLE = Set.of("057", "067", "068");
    /** Commemoration of the abolition of slavery, a public holiday in these académies. */
    private static final Map<Academie, MonthDay> ABOLITION = Map.of(
            Academie.GUADELOUPE, MonthDay.of(5, 27),
            Academie.MARTINIQUE, MonthDay.of(5, 22),
            Academie.GUYANE, MonthDay.of(6, 10),
            Academie.LA_REUNION, MonthDay.of(12, 20),
            Academie.MAYOTTE, MonthDay.of(4, 27));

    private final boolean publicHolidays;
    private final Set<DayOfWeek> closedWeekdays;
    private final List<Period> periods;

    private SchoolCalendar(Builder b) {
        this.publicHolidays = b.publicHolidays;
        this.closedWeekdays = Set.copyOf(b.closedWeekdays);
        this.periods = List.copyOf(b.periods);
    }

    /**
     * Public holidays and Sundays closed, no school holidays yet.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Public holidays and Sundays only.
     *
     * @return the public holidays only
     */
    public static SchoolCalendar publicHolidaysOnly() {
        return builder().build();
    }

    @Override
    public Optional<String> closure(Academie academie, String departement, LocalDate date) {
        Objects.requireNonNull(academie, "academie");
        Objects.requireNonNull(date, "date");
        if (closedWeekdays.contains(date.getDayOfWeek())) {
            return Optional.of(date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRANCE));
        }
        if (publicHolidays) {
            Optional<String> holiday = publicHoliday(academie, departement, date);
            if (holiday.isPresent()) {
                return holiday;
            }
        }
        for (Period p : periods) {
            if (p.applies(academie) && !date.isBefore(p.from) && !date.isAfter(p.to)) {
                return Optional.of(p.label);
            }
        }
        return Optional.empty();
    }

    /**
     * The French public holiday on {@code date} at a place, if any.
     *
     * @param academie the académie
     * @param departement the departement
     * @param date the date
     * @return the French public holiday on {@code date} at a place, if any
     */
    public static Optional<String> publicHoliday(Academie academie, String departement, LocalDate date) {
        MonthDay md = MonthDay.from(date);
        String fixed = FIXED.get(md);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        LocalDate easter = easterSunday(date.getYear());
        long offset = ChronoUnit.DAYS.between(easter, date);
        if (offset == 1) {
            return Optional.of("Lundi de Pâques");
        }
        if (offset == 39) {
            return Optional.of("Ascension");
        }
        if (offset == 50) {
            return Optional.of("Lundi de Pentecôte");
        }
        if (departement != null && ALSACE_MOSELLE.contains(departement)) {
            if (offset == -2) {
                return Optional.of("Vendredi saint");
            }
            if (md.equals(MonthDay.of(12, 26))) {
                return Optional.of("Saint-Étienne");
            }
        }
        if (md.equals(ABOLITION.get(academie))) {
            return Optional.of("Commémoration de l'abolition de l'esclavage");
        }
        return Optional.empty();
    }

    private static final Map<MonthDay, String> FIXED = Map.of(
            MonthDay.of(1, 1), "Jour de l'an",
            MonthDay.of(5, 1), "Fête du Travail",
            MonthDay.of(5, 8), "Victoire 1945",
            MonthDay.of(7, 14), "Fête nationale",
            MonthDay.of(8, 15), "Assomption",
            MonthDay.of(11, 1), "Toussaint",
            MonthDay.of(11, 11), "Armistice 1918",
            MonthDay.of(12, 25), "Noël");

    /** Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private record Period(Academie.HolidayZone zone, Academie academie, LocalDate from, LocalDate to, String label) {
        boolean applies(Academie a) {
            if (academie != null) {
                return academie == a;
            }
            return zone == null || a.holidayZone() == zone;
        }
    }

    /** Builds a {@link SchoolCalendar}. Not thread-safe. */
    public static final class Builder {
        private boolean publicHolidays = true;
        private final Set<DayOfWeek> closedWeekdays = EnumSet.of(DayOfWeek.SUNDAY);
        private final List<Period> periods = new ArrayList<>();

        private Builder() {
        }

        /**
         * Whether French public holidays are closed days; default true.
         *
         * @param closed whether closed
         * @return this builder
         */
        public Builder publicHolidays(boolean closed) {
            this.publicHolidays = closed;
            return this;
        }

        /**
         * Days of the week when establishments are closed; default Sunday.
         *
         * @param days the days
         * @return this builder
         */
        public Builder closedWeekdays(Set<DayOfWeek> days) {
            Objects.requireNonNull(days, "days");
            closedWeekdays.clear();
            closedWeekdays.addAll(days);
            return this;
        }

        /**
         * A school-holiday period, first to last day inclusive, for a mainland zone.
         *
         * @param zone the time zone
         * @param from the start
         * @param to the end
         * @param label the label shown
         * @return this builder
         */
        public Builder holidays(Academie.HolidayZone zone, LocalDate from, LocalDate to, String label) {
            Objects.requireNonNull(zone, "zone");
            if (zone == Academie.HolidayZone.OWN) {
                throw new InvalidValueException("zone", "Corse and overseas académies each have their own calendar:"
                        + " give the académie instead of OWN");
            }
            return add(new Period(zone, null, from, to, label));
        }

        /**
         * A school-holiday period, first to last day inclusive, for one académie (Corse, overseas).
         *
         * @param academie the académie
         * @param from the start
         * @param to the end
         * @param label the label shown
         * @return this builder
         */
        public Builder holidays(Academie academie, LocalDate from, LocalDate to, String label) {
            Objects.requireNonNull(academie, "academie");
            return add(new Period(null, academie, from, to, label));
        }

        /**
         * A closed day everywhere (a bridge day, a national event).
         *
         * @param date the date
         * @param label the label shown
         * @return this builder
         */
        public Builder closed(LocalDate date, String label) {
            return add(new Period(null, null, date, date, label));
        }

        private Builder add(Period p) {
            if (p.from == null || p.to == null) {
                throw new InvalidValueException("from", "a closed period needs its first and last day");
            }
            if (p.to.isBefore(p.from)) {
                throw new InvalidValueException("to", "last day " + p.to + " is before first day " + p.from);
            }
            if (p.label == null || p.label.isBlank()) {
                throw new InvalidValueException("label", "say why establishments are closed");
            }
            periods.add(p);
            return this;
        }

        /**
         * Builds the {@code SchoolCalendar}.
         *
         * @return the {@link SchoolCalendar}
         */
        public SchoolCalendar build() {
            return new SchoolCalendar(this);
        }
    }
}
