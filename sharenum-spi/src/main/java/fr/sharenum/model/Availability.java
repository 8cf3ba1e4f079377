package fr.sharenum.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When a member can meet: weekly recurring slots, plus dated exceptions that replace the weekly
 * pattern on their date (an empty list there means "not available that day"). Times are wall-clock
 * times in the time zone of the member's establishment, so "Wednesday 14:00–17:00" stays 14:00 on
 * both sides of a daylight-saving change.
 *
 * <pre>{@code
 * Availability a = Availability.builder()
 *         .weekly(DayOfWeek.WEDNESDAY, TimeRange.of("13:30", "17:30"))
 *         .weekly(DayOfWeek.FRIDAY, TimeRange.of("16:00", "18:00"))
 *         .unavailable(LocalDate.of(2027, 1, 13))
 *         .on(LocalDate.of(2027, 1, 15), TimeRange.of("10:00", "12:00"))
 *         .build();
 * }</pre>
 *
 * @param weekly     recurring slots, sorted by day then time, at most {@value #MAX_WEEKLY}
 * @param exceptions dated replacements of the weekly pattern, at most {@value #MAX_EXCEPTIONS} dates
 */
public record Availability(List<WeeklySlot> weekly, Map<LocalDate, List<TimeRange>> exceptions) {

    /** Most weekly slots one member may publish. */
    public static final int MAX_WEEKLY = 70;
    /** Most dated exceptions one member may keep. */
    public static final int MAX_EXCEPTIONS = 400;

    /** Nobody can meet a member who published nothing. */
    public static final Availability NONE = new Availability(List.of(), Map.of());

    /**
     * Checks and normalises the components.
     *
     * @param weekly recurring slots, sorted by day then time, at most {@value #MAX_WEEKLY}
     * @param exceptions dated replacements of the weekly pattern, at most {@value #MAX_EXCEPTIONS} dates
     */
    public Availability {
        weekly = weekly == null ? List.of() : new ArrayList<>(weekly);
        for (WeeklySlot s : weekly) {
            InvalidValueException.requireNonNull("weekly", s);
        }
        if (weekly.size() > MAX_WEEKLY) {
            throw new InvalidValueException("weekly", "at most " + MAX_WEEKLY + " weekly slots, got " + weekly.size());
        }
        weekly.sort((a, b) -> a.day() != b.day() ? a.day().compareTo(b.day()) : a.range().compareTo(b.range()));
        weekly = List.copyOf(weekly);
        TreeMap<LocalDate, List<TimeRange>> ex = new TreeMap<>();
        if (exceptions != null) {
            if (exceptions.size() > MAX_EXCEPTIONS) {
                throw new InvalidValueException("exceptions", "at most " + MAX_EXCEPTIONS + " dated exceptions, got "
                        + exceptions.size());
            }
            for (Map.Entry<LocalDate, List<TimeRange>> e : exceptions.entrySet()) {
                InvalidValueException.requireNonNull("exceptions", e.getKey());
                ex.put(e.getKey(), sorted(e.getValue()));
            }
        }
        exceptions = java.util.Collections.unmodifiableSortedMap(ex);
    }

    /**
     * The builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The ranges available on {@code date}: its exception if there is one, else the weekly slots of its day.
     *
     * @param date the date
     * @return the ranges available on {@code date}: its exception if there is one, else the weekly slots of its day
     */
    public List<TimeRange> on(LocalDate date) {
        List<TimeRange> dated = exceptions.get(date);
        if (dated != null) {
            return dated;
        }
        DayOfWeek day = date.getDayOfWeek();
        return weekly.stream().filter(s -> s.day() == day).map(WeeklySlot::range).toList();
    }

    /**
     * Whether the member published nothing at all.
     *
     * @return whether the member published nothing at all
     */
    public boolean isEmpty() {
        return weekly.isEmpty() && exceptions.values().stream().allMatch(List::isEmpty);
    }

    private static List<TimeRange> sorted(Collection<TimeRange> ranges) {
        if (ranges == null) {
            return List.of();
        }
        List<TimeRange> out = new ArrayList<>();
        for (TimeRange r : ranges) {
            out.add(InvalidValueException.requireNonNull("exceptions", r));
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /** Builds an {@link Availability}. Not thread-safe. */
    public static final class Builder {
        private final List<WeeklySlot> weekly = new ArrayList<>();
        private final Map<LocalDate, List<TimeRange>> exceptions = new TreeMap<>();

        private Builder() {
        }

        /**
         * Available every {@code day} during {@code range}.
         *
         * @param day the day
         * @param range the range
         * @return this builder
         */
        public Builder weekly(DayOfWeek day, TimeRange range) {
            weekly.add(new WeeklySlot(day, range));
            return this;
        }

        /**
         * Not available at all on {@code date}, whatever the weekly pattern says.
         *
         * @param date the date
         * @return this builder
         */
        public Builder unavailable(LocalDate date) {
            exceptions.put(InvalidValueException.requireNonNull("date", date), new ArrayList<>());
            return this;
        }

        /**
         * On {@code date}, available during {@code range} instead of the weekly pattern (call again to add ranges).
         *
         * @param date the date
         * @param range the range
         * @return this builder
         */
        public Builder on(LocalDate date, TimeRange range) {
            exceptions.computeIfAbsent(InvalidValueException.requireNonNull("date", date), d -> new ArrayList<>())
                    .add(InvalidValueException.requireNonNull("range", range));
            return this;
        }

        /**
         * Builds the {@code Availability}.
         *
         * @return the {@link Availability}
         */
        public Availability build() {
            return new Availability(weekly, exceptions);
        }
    }
}
