package fr.sharenum.spring.boot.app;

import fr.sharenum.spring.boot.Scenario;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application as a host writes it, in its own package: a DataSource from its properties, ShareNum from the
 * starter.
 */
@SpringBootApplication
public class TestApplication {

    /** @return the notifier the tests read */
    @Bean
    Scenario.Recorder recorder() {
        return new Scenario.Recorder();
    }
}
