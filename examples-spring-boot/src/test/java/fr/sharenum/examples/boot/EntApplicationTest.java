package fr.sharenum.examples.boot;

import fr.sharenum.ShareNum;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The application starts on an in-memory H2, tells its story through the starter's ShareNum, and reports UP. */
// no quiet hours in the test: the application's own (from 21:00) would hold Karim's alert in the evening
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:ent-example;DB_CLOSE_DELAY=-1",
        "sharenum.quiet-hours.start=00:00", "sharenum.quiet-hours.end=00:00"})
@ExtendWith(OutputCaptureExtension.class)
class EntApplicationTest {

    @Autowired
    ShareNum sharenum;
    @Autowired
    ShareNumStore store;

    @Test
    void the_story_runs_on_the_applications_database(CapturedOutput output) {
        assertThat(store).isInstanceOf(JdbcStore.class);
        assertThat(output.getOut()).contains("Karim Haddad registered and verified")
                .contains("alerted: 1").contains("Karim's alert names Capytale (Python), in his own establishment")
                .contains("ShareNum health: UP").contains("tickets opened since start (sharenum.tickets.opened): 1.0");
        assertThat(sharenum.tools().find(fr.sharenum.model.ToolId.of("capytale"))).isPresent();
    }
}
