package fr.sharenum.spring.boot;

import fr.sharenum.ShareNum;

/**
 * Last word on the {@code ShareNum.Builder} the starter prepares from the properties and the application's beans:
 * every bean of this type is called, in {@link org.springframework.core.annotation.Order} order, just before
 * {@code build()}.
 *
 * <pre>{@code
 * @Bean
 * ShareNumBuilderCustomizer winterHolidays() {
 *     return builder -> builder.closedDays(SchoolCalendar.builder()
 *             .holidays(Academie.HolidayZone.A, LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 21), "Vacances d'hiver")
 *             .build());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ShareNumBuilderCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the builder, already set from the properties and beans
     */
    void customize(ShareNum.Builder builder);
}
