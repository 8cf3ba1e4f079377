package fr.sharenum.spring.boot;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.sharenum.OutboxNotifier;
import fr.sharenum.ShareNum;
import fr.sharenum.TicketRequest;
import fr.sharenum.ToolCatalog;
import fr.sharenum.jdbc.JdbcStore;
import fr.sharenum.mail.MailNotifier;
import fr.sharenum.model.Actor;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.TicketNum;
import fr.sharenum.spi.Notifier;
import fr.sharenum.spi.ShareNumStore;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The auto-configuration in small application contexts: what it builds, from what, and when it backs off. */
class ShareNumAutoConfigurationTest {
    private static final Actor HOST = Actor.host("spring-boot");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ShareNumAutoConfiguration.class, HealthContributorAutoConfiguration.class));

    private ApplicationContextRunner withH2() {
        return runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Nested
    class Store {
        @Test
        void the_applications_datasource_holds_sharenums_data() {
            withH2().withBean(Scenario.Recorder.class).run(context -> {
                assertThat(context).hasSingleBean(ShareNum.class).hasSingleBean(JdbcStore.class);
                ShareNum sharenum = context.getBean(ShareNum.class);
                TicketNum ticket = Scenario.ticket(sharenum, context.getBean(Scenario.Recorder.class), HOST);
                var jdbc = context.getBean(javax.sql.DataSource.class).getConnection();
                try (jdbc; var rs = jdbc.createStatement().executeQuery("select count(*) from sn_ticket")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
                assertThat(sharenum.tickets().get(ticket.requester(), ticket.id()).alerts()).hasSize(1);
            });
        }

        @Test
        void a_schema_of_its_own_when_asked() {
            withH2().withPropertyValues("sharenum.jdbc.schema=sharenum").run(context -> {
                var jdbc = context.getBean(javax.sql.DataSource.class).getConnection();
                try (jdbc; var rs = jdbc.createStatement().executeQuery(
                        "select count(*) from information_schema.tables where upper(table_schema) = 'SHARENUM'"
                                + " and upper(table_name) = 'SN_TICKET'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            });
        }

        @Test
        void without_a_datasource_or_when_turned_off_the_data_stays_in_memory() {
            runner.run(context -> assertThat(context).hasSingleBean(ShareNum.class).doesNotHaveBean(ShareNumStore.class));
            withH2().withPropertyValues("sharenum.jdbc.enabled=false")
                    .run(context -> assertThat(context).hasSingleBean(ShareNum.class).doesNotHaveBean(ShareNumStore.class));
        }

        @Test
        void the_applications_own_store_wins() {
            ShareNumStore own = ShareNum.inMemoryStore();
            withH2().withBean(ShareNumStore.class, () -> own).run(context -> {
                assertThat(context).doesNotHaveBean(JdbcStore.class);
                assertThat(context.getBean(ShareNumStore.class)).isSameAs(own);
            });
        }
    }

    @Nested
    class Mail {
        @RegisterExtension
        final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

        @Test
        void sharenum_mail_properties_make_a_mail_notifier_that_sends() {
            runner.withPropertyValues("sharenum.mail.host=127.0.0.1", "sharenum.mail.port=" + smtp.getSmtp().getPort(),
                    "sharenum.mail.from=ShareNum <ne-pas-repondre@ac-dijon.fr>",
                    "sharenum.mail.base-url=https://ent.example.fr/sharenum").run(context -> {
                assertThat(context).hasSingleBean(MailNotifier.class);
                ShareNum sharenum = context.getBean(ShareNum.class);
                sharenum.establishments().put(HOST, Scenario.ROUPNEL);
                sharenum.members().register(Actor.anonymous(), fr.sharenum.NewMember.builder().displayName("Claire Martin")
                        .email("claire.martin@ac-dijon.fr").establishment(Scenario.ROUPNEL.uai())
                        .role(fr.sharenum.model.Role.TEACHER_SECONDARY).build());
                // the verification mail leaves through the outbox, on ShareNum's delivery worker
                assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
                MimeMessage[] received = smtp.getReceivedMessages();
                assertThat(received).hasSize(1);
                assertThat(received[0].getSubject()).isEqualTo("Confirmez votre adresse pour ShareNum");
                assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received[0]))
                        .contains("https://ent.example.fr/sharenum/verification?member=");
            });
        }

        @Test
        void spring_mail_properties_give_the_smtp_server() {
            runner.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + smtp.getSmtp().getPort(),
                    "sharenum.mail.from=ne-pas-repondre@ac-dijon.fr", "sharenum.mail.base-url=https://ent.example.fr/")
                    .run(context -> {
                        context.getBean(MailNotifier.class).send(new Notification.OfferDeclined("d1",
                                fr.sharenum.model.MemberId.of("m"), fr.sharenum.model.Email.of("hugo@ac-dijon.fr"),
                                fr.sharenum.model.TicketId.of("T1")));
                        assertThat(smtp.getReceivedMessages()).hasSize(1);
                    });
        }

        @Test
        void without_a_base_url_no_mail_and_without_a_server_a_clear_refusal() {
            runner.withPropertyValues("sharenum.mail.from=ne-pas-repondre@ac-dijon.fr")
                    .run(context -> assertThat(context).doesNotHaveBean(MailNotifier.class).hasSingleBean(ShareNum.class));
            runner.withPropertyValues("sharenum.mail.from=ne-pas-repondre@ac-dijon.fr", "sharenum.mail.base-url=https://ent.example.fr/")
                    .run(context -> assertThat(context).hasFailed().getFailure()
                            .hasStackTraceContaining("set sharenum.mail.host or spring.mail.host"));
            runner.withPropertyValues("sharenum.mail.from=ne-pas-repondre@ac-dijon.fr", "sharenum.mail.base-url=https://ent.example.fr/",
                    "sharenum.mail.enabled=false").run(context -> assertThat(context).doesNotHaveBean(MailNotifier.class));
        }

        @Test
        void the_applications_own_notifier_wins() {
            runner.withBean(OutboxNotifier.class).withPropertyValues("sharenum.mail.host=127.0.0.1",
                    "sharenum.mail.from=ne-pas-repondre@ac-dijon.fr", "sharenum.mail.base-url=https://ent.example.fr/")
                    .run(context -> {
                        assertThat(context).doesNotHaveBean(MailNotifier.class);
                        assertThat(context.getBean(Notifier.class)).isInstanceOf(OutboxNotifier.class);
                    });
        }
    }

    @Nested
    class Settings {
        @Test
        void properties_reach_the_builder() {
            runner.withBean(Scenario.Recorder.class)
                    .withPropertyValues("sharenum.radius.max-km=50", "sharenum.quiet-hours.start=21:30", "sharenum.alerts.cool-down=3d")
                    .run(context -> {
                        ShareNumProperties p = context.getBean(ShareNumProperties.class);
                        assertThat(p.getQuietHours().getStart()).isEqualTo(LocalTime.of(21, 30));
                        assertThat(p.getAlerts().getCoolDown()).isEqualTo(Duration.ofDays(3));
                        ShareNum sharenum = context.getBean(ShareNum.class);
                        TicketNum t = Scenario.ticket(sharenum, context.getBean(Scenario.Recorder.class), HOST);
                        assertThatThrownBy(() -> sharenum.tickets().open(t.requester(),
                                TicketRequest.builder(Scenario.CAPYTALE).text("encore").radiusKm(60).build()))
                                .isInstanceOf(InvalidValueException.class);
                    });
        }

        @Test
        void an_impossible_setting_stops_the_start_with_the_builders_reason() {
            runner.withPropertyValues("sharenum.radius.min-km=10", "sharenum.radius.default-km=5")
                    .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("need 0 < min <= default <= max"));
        }

        @Test
        void beans_of_the_application_and_customizers_are_handed_to_the_builder() {
            ToolCatalog tools = ToolCatalog.defaults().toBuilder().add("eduflow", "EduFlow", ToolCatalog.CREATION).build();
            ToolCatalog lastWord = ToolCatalog.builder().add("digipad", "Digipad", ToolCatalog.COLLABORATION).build();
            runner.withBean(ToolCatalog.class, () -> tools)
                    .run(context -> assertThat(context.getBean(ShareNum.class).tools()).isSameAs(tools));
            runner.withBean(ToolCatalog.class, () -> tools)
                    .withBean("onlyDigipad", ShareNumBuilderCustomizer.class, () -> b -> b.tools(lastWord))
                    .run(context -> assertThat(context.getBean(ShareNum.class).tools()).as("the customizer has the last word")
                            .isSameAs(lastWord));
        }

        @Test
        void spring_boots_flyway_stays_off_unless_the_application_has_migrations_or_says_otherwise() {
            var app = new org.springframework.boot.SpringApplication();
            var quiet = new org.springframework.core.env.StandardEnvironment();
            new ShareNumEnvironmentPostProcessor().postProcessEnvironment(quiet, app);
            assertThat(quiet.getProperty("spring.flyway.enabled")).isEqualTo("false");
            var explicit = new org.springframework.core.env.StandardEnvironment();
            explicit.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("app",
                    Map.of("spring.flyway.enabled", "true")));
            new ShareNumEnvironmentPostProcessor().postProcessEnvironment(explicit, app);
            assertThat(explicit.getProperty("spring.flyway.enabled")).isEqualTo("true");
        }

        @Test
        void the_applications_own_sharenum_wins() {
            ShareNum own = ShareNum.builder().build();
            runner.withBean(ShareNum.class, () -> own).run(context -> assertThat(context.getBean(ShareNum.class)).isSameAs(own));
        }

        /** The starter repeats ShareNum's defaults so IDEs show them: they must stay ShareNum's. */
        @Test
        void the_default_properties_are_sharenums_defaults() throws Exception {
            ShareNumProperties p = new ShareNumProperties();
            Map<String, Object> expected = Map.ofEntries(
                    Map.entry("minimumHelperLevel", p.getMinimumHelperLevel()),
                    Map.entry("minRadiusKm", p.getRadius().getMinKm()), Map.entry("maxRadiusKm", p.getRadius().getMaxKm()),
                    Map.entry("defaultRadiusKm", p.getRadius().getDefaultKm()),
                    Map.entry("ticketLifetime", p.getTicketLifetime()), Map.entry("verificationValidity", p.getVerificationValidity()),
                    Map.entry("trainingHorizon", p.getTrainingHorizon()), Map.entry("maxAlertsPerTicket", Integer.MAX_VALUE),
                    Map.entry("broadcastRadiusKm", p.getBroadcastRadiusKm()),
                    Map.entry("busSpeedKmh", p.getBus().getAverageSpeedKmh()), Map.entry("busSetUp", p.getBus().getSetUp()),
                    Map.entry("busTearDown", p.getBus().getTearDown()), Map.entry("busDayStart", p.getBus().getDayStart()),
                    Map.entry("busDayEnd", p.getBus().getDayEnd()),
                    Map.entry("invitationSender", fr.sharenum.model.Email.of(p.getInvitationSender())),
                    Map.entry("alertsPerHelperPerWeek", p.getAlerts().getPerHelperPerWeek()),
                    Map.entry("minimumAlertsPerTicket", p.getAlerts().getMinimumPerTicket()),
                    Map.entry("alertCoolDown", p.getAlerts().getCoolDown()), Map.entry("ticketsPerDay", p.getAlerts().getTicketsPerDay()),
                    Map.entry("quietStart", p.getQuietHours().getStart()), Map.entry("quietEnd", p.getQuietHours().getEnd()),
                    Map.entry("showHelperRatings", p.isShowHelperRatings()),
                    Map.entry("deliveryAttempts", p.getNotificationRetries().getMaxAttempts()),
                    Map.entry("firstRetry", p.getNotificationRetries().getFirstRetry()),
                    Map.entry("longestRetry", p.getNotificationRetries().getLongestRetry()),
                    Map.entry("staffAddressMustMatchAcademie", p.isStaffAddressMustMatchAcademie()),
                    Map.entry("automaticDelivery", p.getDelivery().isAutomatic()),
                    Map.entry("deliveryPollInterval", p.getDelivery().getPollInterval()),
                    Map.entry("deliveryLease", p.getDelivery().getLease()),
                    Map.entry("feedPollInterval", p.getChangeFeed().getPollInterval()),
                    Map.entry("feedRetention", p.getChangeFeed().getRetention()));
            ShareNum.Builder builder = ShareNum.builder();
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                Field f = ShareNum.Builder.class.getDeclaredField(e.getKey());
                f.setAccessible(true);
                assertThat(f.get(builder)).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
    }

    @Nested
    class Operating {
        @Test
        void sharenums_meters_go_to_the_applications_registry_unless_turned_off() {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            runner.withBean(Scenario.Recorder.class).withBean(MeterRegistry.class, () -> registry).run(context -> {
                Scenario.ticket(context.getBean(ShareNum.class), context.getBean(Scenario.Recorder.class), HOST);
                assertThat(registry.get("sharenum.tickets.opened").counter().count()).isEqualTo(1);
                assertThat(registry.get("sharenum.members.registered").counter().count()).isEqualTo(2);
                assertThat(registry.get("sharenum.outbox.pending").gauge()).isNotNull();
                assertThat(registry.get("sharenum.feed.lag").gauge().value()).isZero();
            });
            SimpleMeterRegistry off = new SimpleMeterRegistry();
            runner.withBean(Scenario.Recorder.class).withBean(MeterRegistry.class, () -> off)
                    .withPropertyValues("sharenum.metrics.enabled=false").run(context -> {
                        Scenario.ticket(context.getBean(ShareNum.class), context.getBean(Scenario.Recorder.class), HOST);
                        assertThat(off.getMeters()).noneMatch(m -> m.getId().getName().startsWith("sharenum."));
                    });
        }

        @Test
        void the_context_closes_sharenum_which_removes_its_gauges() {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            runner.withBean(MeterRegistry.class, () -> registry).run(context -> {
                assertThat(context).hasSingleBean(ShareNum.class);
                assertThat(registry.find("sharenum.outbox.pending").gauge()).isNotNull();
            });
            assertThat(registry.find("sharenum.outbox.pending").gauge()).as("closed with the context").isNull();
            assertThat(registry.find("sharenum.feed.lag").gauge()).isNull();
        }

        @Test
        void with_delivery_left_to_the_application_nothing_leaves_until_it_delivers() {
            // no quiet hours: the alert is due whatever the time of day the test runs at
            runner.withBean(Scenario.Recorder.class).withPropertyValues("sharenum.delivery.automatic=false",
                    "sharenum.quiet-hours.start=00:00", "sharenum.quiet-hours.end=00:00").run(context -> {
                ShareNum sharenum = context.getBean(ShareNum.class);
                Scenario.Recorder sent = context.getBean(Scenario.Recorder.class);
                sharenum.establishments().put(HOST, Scenario.ROUPNEL);
                fr.sharenum.model.Member m = sharenum.members().register(Actor.anonymous(), fr.sharenum.NewMember.builder()
                        .displayName("Manon Manuelle").email("manon.manuelle@ac-dijon.fr").establishment(Scenario.ROUPNEL.uai())
                        .role(fr.sharenum.model.Role.TEACHER_SECONDARY).build());
                Thread.sleep(300);
                assertThat(sent.sent).isEmpty();
                assertThat(sharenum.outbox().undeliveredVerifications(HOST)).singleElement()
                        .satisfies(e -> assertThat(e.notification().recipient()).isEqualTo(m.id()));
                assertThat(sharenum.outbox().deliverDue(HOST)).isEqualTo(1);
                assertThat(sent.sent).singleElement().isInstanceOf(Notification.VerificationRequested.class);
            });
        }

        @Test
        void the_applications_delivery_executor_runs_the_deliveries() {
            java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                runner.withBean(Scenario.Recorder.class)
                        .withBean("sharenumDeliveryExecutor", java.util.concurrent.Executor.class, () -> task -> {
                            runs.incrementAndGet();
                            pool.execute(task);
                        })
                        .withPropertyValues("sharenum.delivery.poll-interval=0s").run(context -> {
                            TicketNum t = Scenario.ticket(context.getBean(ShareNum.class), context.getBean(Scenario.Recorder.class), HOST);
                            assertThat(t.alerts()).hasSize(1);
                            assertThat(runs.get()).isPositive();
                        });
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void an_impossible_delivery_setting_stops_the_start_with_the_builders_reason() {
            runner.withPropertyValues("sharenum.delivery.lease=10ms")
                    .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("lease must be at least one second"));
        }
    }

    @Nested
    class HealthCheck {
        @Test
        void up_with_the_outbox_backlog_and_the_instances_feed_lag() {
            // no quiet hours: the alert is due whatever the time of day the test runs at
            runner.withBean(Scenario.Recorder.class).withPropertyValues("sharenum.delivery.automatic=false",
                    "sharenum.quiet-hours.start=00:00", "sharenum.quiet-hours.end=00:00").run(context -> {
                ShareNum sharenum = context.getBean(ShareNum.class);
                Scenario.ticket(sharenum, context.getBean(Scenario.Recorder.class), HOST);
                Health waiting = context.getBean(ShareNumHealthIndicator.class).health();
                assertThat(waiting.getStatus()).isEqualTo(Status.UP);
                assertThat(waiting.getDetails()).containsEntry("waiting", 1L).containsKey("oldestWaitingAge")
                        .containsEntry("failed", 0).containsEntry("deadLetters", 0)
                        .containsEntry("changeFeedLag", "PT0S").containsEntry("changesBehind", 0L);
                sharenum.outbox().deliverDue(HOST);
                Health delivered = context.getBean(ShareNumHealthIndicator.class).health();
                assertThat(delivered.getDetails()).containsEntry("waiting", 0L).doesNotContainKey("oldestWaitingAge");
            });
        }

        @Test
        void down_when_the_instance_stays_behind_the_change_feed() {
            runner.withPropertyValues("sharenum.health.max-feed-lag=1m")
                    .withBean(ChangeFeedLag.class, () -> () -> java.util.Optional.of(Duration.ofMinutes(2))).run(context -> {
                        Health health = context.getBean(ShareNumHealthIndicator.class).health();
                        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(health.getDetails()).containsEntry("changeFeedLag", "PT2M").doesNotContainKey("changesBehind")
                                .hasEntrySatisfying("reason", r -> assertThat(r.toString()).contains("behind the change feed"));
                    });
        }

        @Test
        void down_when_dead_letters_reach_the_threshold_and_the_feed_lag_when_known() {
            runner.withBean(Scenario.Recorder.class)
                    .withPropertyValues("sharenum.health.max-dead-letters=1", "sharenum.delivery.automatic=false",
                            "sharenum.quiet-hours.start=00:00", "sharenum.quiet-hours.end=00:00")
                    .withBean(ChangeFeedLag.class, () -> () -> java.util.Optional.of(Duration.ofSeconds(3))).run(context -> {
                        Scenario.Recorder recorder = context.getBean(Scenario.Recorder.class);
                        recorder.refuseAlerts = true;
                        ShareNum sharenum = context.getBean(ShareNum.class);
                        Scenario.ticket(sharenum, recorder, HOST);
                        sharenum.outbox().deliverDue(HOST);
                        Health health = context.getBean(ShareNumHealthIndicator.class).health();
                        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                        assertThat(health.getDetails()).containsEntry("deadLetters", 1).containsEntry("changeFeedLag", "PT3S")
                                .containsKey("oldestDeadLetter").containsKey("reason");
                    });
        }

        @Test
        void off_when_turned_off_and_replaceable() {
            runner.withPropertyValues("management.health.sharenum.enabled=false")
                    .run(context -> assertThat(context).doesNotHaveBean(ShareNumHealthIndicator.class));
            runner.withBean("sharenumHealthIndicator", org.springframework.boot.actuate.health.HealthIndicator.class,
                    () -> () -> Health.up().build()).run(context -> assertThat(context).doesNotHaveBean(ShareNumHealthIndicator.class));
        }
    }
}
