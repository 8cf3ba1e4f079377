package fr.sharenum.spi;

import fr.sharenum.model.Academie;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The host's calendar of days when establishments are closed: public holidays, school holidays by
 * zone, closed weekdays. ShareNum proposes no common slot on a member's closed day and books no BusNum
 * on a closed day at the venue. Core ships {@code fr.sharenum.SchoolCalendar}, built from the French
 * public holidays and the school-holiday periods the host gives it.
 *
 * <p>Implementations must be thread-safe and fast (called once per member and day of a search).
 *
 * <pre>{@code
 * ShareNum sharenum = ShareNum.builder().closedDays(SchoolCalendar.builder()
 *         .holidays(Academie.HolidayZone.A, LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 21), "Vacances d'hiver")
 *         .build()).build();
 * }</pre>
 */
@FunctionalInterface
public interface ClosedDays {

    /**
     * Why establishments of {@code departement} in {@code academie} are closed on {@code date}
     * (e.g. {@code "Noël"}, {@code "Vacances de printemps, zone B"}), or empty when they are open.
     *
     * @param academie    académie of the place
     * @param departement its département code ({@code "021"}, {@code "02A"}, {@code "974"})
     * @param date        local date at the place
     * @return the closure, or empty when there is none
     */
    Optional<String> closure(Academie academie, String departement, LocalDate date);

    /**
     * Never closed.
     *
     * @return the none
     */
    static ClosedDays none() {
        return (academie, departement, date) -> Optional.empty();
    }
}
