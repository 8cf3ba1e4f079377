package fr.sharenum.spring.boot;

import fr.sharenum.AlertLimits;
import fr.sharenum.BusLogistics;
import fr.sharenum.EmailPolicy;
import fr.sharenum.NotificationRetries;
import fr.sharenum.QuietHours;
import fr.sharenum.RadiusBounds;
import fr.sharenum.ShareNum;
import fr.sharenum.ToolCatalog;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.mail.MailLinks;
import fr.sharenum.mail.MailNotifier;
import fr.sharenum.mail.MailTemplates;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Email;
import fr.sharenum.spi.ClosedDays;
import fr.sharenum.spi.GuideCatalog;
import fr.sharenum.spi.MatchingEngine;
import fr.sharenum.spi.ModerationQueue;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.TrainingCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * ShareNum for a Spring Boot application: a {@link ShareNum} bean built from the {@code sharenum.*} properties
 * ({@link ShareNumProperties}) and the application's beans; its store a {@link JdbcStore} on the application's
 * {@link DataSource} (PostgreSQL or H2; ShareNum's tables created and upgraded by its own Flyway history,
 * {@code sn_schema_history}, after the application's own database initialisation); its notifier a
 * {@link MailNotifier} when {@code sharenum.mail.base-url} and {@code sharenum.mail.from} are set (the SMTP server
 * of {@code sharenum.mail.host} or Spring's {@code spring.mail.*}); a {@link ShareNumHealthIndicator} with the
 * Actuator. Every bean backs off when the application defines its own of the same type; beans of the application
 * of type {@link TrainingCatalog}, {@link GuideCatalog}, {@link ToolCatalog}, {@link ClosedDays},
 * {@link EmailPolicy}, {@link ModerationQueue}, {@link MatchingEngine} and {@link Clock} (when there is only one)
 * are handed to the builder, then every {@link ShareNumBuilderCustomizer}.
 *
 * <p>Notifications are delivered by the instance's own worker ({@code sharenum.delivery.*}; an {@code Executor} bean
 * named {@code sharenumDeliveryExecutor} runs it), or by the application when {@code sharenum.delivery.automatic=false}.
 * With Micrometer, ShareNum's meters go to the application's {@code MeterRegistry}. The instance is closed with the
 * application context, before the store and the DataSource it uses: its worker finishes the sends it started.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        afterName = {"org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(ShareNum.class)
@EnableConfigurationProperties(ShareNumProperties.class)
public class ShareNumAutoConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ShareNumAutoConfiguration.class);

    /** Created by Spring. */
    public ShareNumAutoConfiguration() {
    }

    /**
     * The instance, closed with the application context.
     *
     * @param properties      the {@code sharenum.*} properties
     * @param store           the store, when there is one (else in memory)
     * @param notifier        the notifier, when there is one (else ShareNum's logging outbox)
     * @param trainings       the application's training catalogue, if any
     * @param guides          the application's guide catalogue, if any
     * @param tools           the application's tool catalogue, if any
     * @param closedDays      the application's closed days, if any
     * @param emailPolicy     the application's e-mail policy, if any
     * @param moderationQueue the application's moderation queue, if any
     * @param matchingEngine  the application's matching engine, if any (else the best found on the class path)
     * @param clock           the application's clock, if any
     * @param deliveryExecutor the application's {@code Executor} named {@code sharenumDeliveryExecutor}, if any
     * @param customizers     the application's last words on the builder
     * @return the ShareNum instance
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ShareNum sharenum(ShareNumProperties properties, ObjectProvider<ShareNumStore> store,
                             ObjectProvider<Notifier> notifier, ObjectProvider<TrainingCatalog> trainings,
                             ObjectProvider<GuideCatalog> guides, ObjectProvider<ToolCatalog> tools,
                             ObjectProvider<ClosedDays> closedDays, ObjectProvider<EmailPolicy> emailPolicy,
                             ObjectProvider<ModerationQueue> moderationQueue, ObjectProvider<MatchingEngine> matchingEngine,
                             ObjectProvider<Clock> clock,
                             @Qualifier("sharenumDeliveryExecutor") ObjectProvider<Executor> deliveryExecutor,
                             ObjectProvider<ShareNumBuilderCustomizer> customizers) {
        ShareNum.Builder b = Settings.apply(properties, ShareNum.builder());
        if (properties.getDelivery().isAutomatic()) {
            b.notificationDelivery(deliveryExecutor.getIfAvailable(), properties.getDelivery().getPollInterval());
        }
        store.ifUnique(b::store);
        if (store.getIfUnique() == null) {
            LOG.info("ShareNum keeps its data in memory (no DataSource, or sharenum.jdbc.enabled=false): it is lost on restart");
        }
        notifier.ifUnique(b::notifier);
        trainings.ifUnique(b::trainingCatalog);
        guides.ifUnique(b::guideCatalog);
        tools.ifUnique(b::tools);
        closedDays.ifUnique(b::closedDays);
        emailPolicy.ifUnique(b::emailPolicy);
        moderationQueue.ifUnique(b::moderationQueue);
        matchingEngine.ifUnique(b::matchingEngine);
        clock.ifUnique(b::clock);
        customizers.orderedStream().forEach(c -> c.customize(b));
        return b.build();
    }

    /** The store on the application's DataSource. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JdbcStore.class, DataSource.class})
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnProperty(prefix = "sharenum.jdbc", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class Jdbc {

        /**
         * ShareNum's store in the application's database, after its own initialisation (Flyway, Liquibase, SQL scripts).
         *
         * @param dataSource the application's DataSource
         * @param properties the {@code sharenum.jdbc.*} settings
         * @return the store
         */
        @Bean
        @ConditionalOnMissingBean(ShareNumStore.class)
        @DependsOnDatabaseInitialization
        JdbcStore sharenumStore(DataSource dataSource, ShareNumProperties properties) {
            JdbcStore.Builder b = JdbcStore.builder(dataSource).migrate(properties.getJdbc().isMigrate());
            if (properties.getJdbc().getSchema() != null) {
                b.schema(properties.getJdbc().getSchema());
            }
            return b.build();
        }
    }

    /** E-mail over SMTP. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MailNotifier.class)
    @ConditionalOnProperty(prefix = "sharenum.mail", name = {"base-url", "from"})
    @ConditionalOnProperty(prefix = "sharenum.mail", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class Mail {

        /**
         * The mail notifier, from {@code sharenum.mail.*} or else Spring's {@code spring.mail.*}.
         *
         * @param properties the {@code sharenum.mail.*} settings
         * @param environment where {@code spring.mail.*} are read
         * @return the notifier
         */
        @Bean
        @ConditionalOnMissingBean(Notifier.class)
        MailNotifier sharenumMailNotifier(ShareNumProperties properties, Environment environment) {
            ShareNumProperties.Mail mail = properties.getMail();
            String host = first(mail.getHost(), environment.getProperty("spring.mail.host"));
            if (host == null) {
                throw new IllegalStateException("ShareNum sends mail: set sharenum.mail.host or spring.mail.host"
                        + " (or sharenum.mail.enabled=false)");
            }
            int port = mail.getPort() != null ? mail.getPort() : environment.getProperty("spring.mail.port", Integer.class, 25);
            String username = first(mail.getUsername(), environment.getProperty("spring.mail.username"));
            String password = first(mail.getPassword(), environment.getProperty("spring.mail.password"));
            boolean startTls = mail.getStartTls() != null ? mail.getStartTls()
                    : environment.getProperty("spring.mail.properties.mail.smtp.starttls.required", Boolean.class, false);
            MailNotifier.Builder b = MailNotifier.builder(host, port).from(mail.getFrom())
                    .links(MailLinks.under(URI.create(mail.getBaseUrl()))).startTls(startTls)
                    .timeout(mail.getTimeout()).messagesPerConnection(mail.getMessagesPerConnection());
            if (username != null) {
                b.credentials(username, password == null ? "" : password);
            }
            if (mail.getTemplates() != null) {
                b.templates(templates(mail.getTemplates()));
            }
            return b.build();
        }

        private static MailTemplates templates(String location) {
            if (location.startsWith("classpath:")) {
                String prefix = location.substring("classpath:".length()).replaceFirst("^/", "");
                return MailTemplates.classpath(Mail.class.getClassLoader(), prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/");
            }
            String path = location.startsWith("file:") ? URI.create(location).getPath() : location;
            return MailTemplates.directory(Path.of(path));
        }

        private static String first(String a, String b) {
            return a != null ? a : b;
        }
    }

    /** ShareNum's meters in the application's Micrometer registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnProperty(prefix = "sharenum.metrics", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class Metrics {

        /**
         * Hands the application's registry (its primary one, when there are several) to the builder; nothing when the
         * application has none. Ordered first, so that the application's customizers may replace it.
         *
         * @param registry the application's registry, if any
         * @return the customizer
         */
        @Bean
        @ConditionalOnMissingBean(name = "sharenumMeterRegistryCustomizer")
        @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
        ShareNumBuilderCustomizer sharenumMeterRegistryCustomizer(ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
            return b -> registry.ifUnique(b::meterRegistry);
        }
    }

    /**
     * The change feed's lag of the instance, read from {@link ShareNum#changeFeed}.
     *
     * @param sharenum   the instance
     * @param properties the host's name
     * @return the lag
     */
    @Bean
    @ConditionalOnMissingBean
    ChangeFeedLag sharenumChangeFeedLag(ShareNum sharenum, ShareNumProperties properties) {
        return ChangeFeedLag.of(sharenum, Actor.host(properties.getHostName()));
    }

    /** The Actuator's health contributor. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("sharenum")
    static class HealthContributor {

        /**
         * ShareNum's health.
         *
         * @param sharenum   the instance
         * @param properties the thresholds and the host's name
         * @param feedLag    the change feed's lag, when the application reports it
         * @return the indicator
         */
        @Bean
        @ConditionalOnMissingBean(name = "sharenumHealthIndicator")
        ShareNumHealthIndicator sharenumHealthIndicator(ShareNum sharenum, ShareNumProperties properties,
                                                        ObjectProvider<ChangeFeedLag> feedLag) {
            return new ShareNumHealthIndicator(sharenum, Actor.host(properties.getHostName()), properties.getHealth(),
                    feedLag.getIfUnique());
        }
    }

    /** From properties to builder calls. */
    static final class Settings {
        private Settings() {
        }

        static ShareNum.Builder apply(ShareNumProperties p, ShareNum.Builder b) {
            ShareNumProperties.Alerts alerts = p.getAlerts();
            ShareNumProperties.Bus bus = p.getBus();
            ShareNumProperties.NotificationRetries retries = p.getNotificationRetries();
            b.minimumHelperLevel(p.getMinimumHelperLevel())
                    .radiusKm(RadiusBounds.of(p.getRadius().getMinKm(), p.getRadius().getMaxKm(), p.getRadius().getDefaultKm()))
                    .ticketLifetime(p.getTicketLifetime())
                    .verificationValidity(p.getVerificationValidity())
                    .trainingHorizon(p.getTrainingHorizon())
                    .broadcastRadiusKm(p.getBroadcastRadiusKm())
                    .busLogistics(BusLogistics.builder().averageSpeedKmh(bus.getAverageSpeedKmh()).setUp(bus.getSetUp())
                            .tearDown(bus.getTearDown()).operatingHours(bus.getDayStart(), bus.getDayEnd()).build())
                    .invitationSender(Email.of(p.getInvitationSender()))
                    .notificationRetries(NotificationRetries.builder().maxAttempts(retries.getMaxAttempts())
                            .firstRetry(retries.getFirstRetry()).longestRetry(retries.getLongestRetry()).build())
                    .alertLimits(AlertLimits.builder().perHelperPerWeek(alerts.getPerHelperPerWeek())
                            .minimumPerTicket(alerts.getMinimumPerTicket()).coolDown(alerts.getCoolDown())
                            .ticketsPerDay(alerts.getTicketsPerDay())
                            .maxPerTicket(p.getMaxAlertsPerTicket() != null ? p.getMaxAlertsPerTicket() : Integer.MAX_VALUE)
                            .build())
                    .quietHours(QuietHours.of(p.getQuietHours().getStart(), p.getQuietHours().getEnd()))
                    .showHelperRatings(p.isShowHelperRatings())
                    .staffAddressMustMatchAcademie(p.isStaffAddressMustMatchAcademie())
                    .notificationLease(p.getDelivery().getLease())
                    .changeFeed(p.getChangeFeed().getPollInterval(), p.getChangeFeed().getRetention());
            if (!p.getDelivery().isAutomatic()) {
                b.manualNotificationDelivery();
            }
            return b;
        }
    }
}
