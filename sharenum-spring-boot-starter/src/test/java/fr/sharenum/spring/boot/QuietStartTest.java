package fr.sharenum.spring.boot;

import fr.sharenum.ShareNum;
import fr.sharenum.model.Actor;
import fr.sharenum.spring.boot.app.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A normal start says nothing alarming: the second start of an application on an up-to-date H2 database, with an
 * iCalendar invitation written (ical4j loaded), logs no warning from ShareNum, Flyway or ical4j, no "version null",
 * no missing ical4j.properties. ShareNum, Flyway and ical4j log at INFO in this module's tests.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietStartTest {

    @Test
    void a_start_on_an_up_to_date_schema_is_quiet(@TempDir Path dir, CapturedOutput output) {
        String url = "spring.datasource.url=jdbc:h2:file:" + dir.resolve("app") + ";DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext first = start(url)) {
            assertThat(first.getBean(ShareNum.class)).isNotNull();
        }
        assertThat(output.getAll()).as("the first start creates the schema and says so")
                .containsPattern("ShareNum schema migrated from version none to \\d+ \\(\\d+ migrations applied\\)");
        int firstStart = output.getAll().length();

        try (ConfigurableApplicationContext second = start(url)) {
            ShareNum sharenum = second.getBean(ShareNum.class);
            Scenario.ticket(sharenum, second.getBean(Scenario.Recorder.class), Actor.host("spring-boot"));
        }
        String secondStart = output.getAll().substring(firstStart);
        assertThat(secondStart).doesNotContain("version null").doesNotContain("migrations applied")
                .doesNotContain("ical4j.properties not found").doesNotContain("Flyway upgrade recommended")
                .doesNotContainPattern("(?m)^\\S*\\s*(WARN|ERROR)\\b");
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(TestApplication.class).properties(url, "spring.main.banner-mode=off").run();
    }
}
