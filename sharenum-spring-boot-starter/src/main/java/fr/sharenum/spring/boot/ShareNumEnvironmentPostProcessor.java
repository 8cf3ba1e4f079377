package fr.sharenum.spring.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Keeps Spring Boot's own Flyway off when the application has no Flyway migrations: {@code sharenum-jdbc} brings
 * {@code flyway-core} for ShareNum's tables (migrated by {@code JdbcStore} with its own history,
 * {@code sn_schema_history}), which would otherwise switch Spring Boot's Flyway on, create an empty
 * {@code flyway_schema_history} and warn "No migrations found" at every start. An application with migrations
 * ({@code classpath:db/migration}) or any {@code spring.flyway.enabled} / {@code spring.flyway.locations} setting
 * keeps Spring Boot's behaviour; this default comes last and any setting of the application wins.
 */
public class ShareNumEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "sharenum-defaults";

    /** Created by Spring Boot. */
    public ShareNumEnvironmentPostProcessor() {
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.flyway.enabled") || environment.containsProperty("spring.flyway.locations")) {
            return;
        }
        ClassLoader loader = application.getClassLoader() != null ? application.getClassLoader()
                : ShareNumEnvironmentPostProcessor.class.getClassLoader();
        if (loader.getResource("db/migration") == null) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of("spring.flyway.enabled", "false")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
