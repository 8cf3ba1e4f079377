package fr.sharenum.examples.boot;

import fr.sharenum.OutboxNotifier;
import fr.sharenum.spring.boot.ShareNumBuilderCustomizer;
import fr.sharenum.SchoolCalendar;
import fr.sharenum.model.Academie;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.LocalDate;

/**
 * An ENT's Spring Boot application embedding ShareNum with the starter: the database of {@code application.properties}
 * holds ShareNum's tables, {@code sharenum.*} properties set its rules, a {@link ShareNumBuilderCustomizer} adds the
 * school holidays, and the application keeps its own notifier (it would be the ENT's inbox; here the inspectable
 * {@link OutboxNotifier}). {@link Demo} then runs a short story. Run it twice: the second run finds the members of
 * the first in the database.
 *
 * <pre>
 * ./mvnw -q -pl examples-spring-boot -am compile exec:java
 * </pre>
 */
@SpringBootApplication
public class EntApplication {

    /**
     * Starts the application, tells the story, and stops.
     *
     * @param args Spring Boot arguments, e.g. {@code --sharenum.alerts.cool-down=0}
     */
    public static void main(String[] args) {
        SpringApplication.run(EntApplication.class, args).close();
    }

    /**
     * The ENT's own notifier: the starter leaves its mail notifier aside when the application defines one.
     *
     * @return a notifier keeping what it is given
     */
    @Bean
    OutboxNotifier entInbox() {
        return new OutboxNotifier();
    }

    /**
     * What properties cannot say: the winter holidays of zone A close the establishments of Dijon.
     *
     * @return the customizer
     */
    @Bean
    ShareNumBuilderCustomizer winterHolidays() {
        return builder -> builder.closedDays(SchoolCalendar.builder()
                .holidays(Academie.HolidayZone.A, LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 21), "Vacances d'hiver")
                .build());
    }
}
