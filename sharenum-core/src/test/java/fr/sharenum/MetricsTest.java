package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.Notification;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.NotificationFailedException;
import fr.sharenum.spi.Notifier;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static fr.sharenum.Fixture.AUXONNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an instance measures in a Micrometer registry, counted exactly on a scripted scenario; and nothing without one. */
@DisplayName("Metrics")
class MetricsTest {
    private static final ToolId CAPYTALE = ToolId.of("capytale");

    /** The host's notifier: verification mails always go; the rest fails while {@code down}. */
    static final class Flaky implements Notifier {
        final OutboxNotifier sink = new OutboxNotifier();
        volatile boolean down;

        @Override
        public void send(Notification n) {
            if (down && !(n instanceof Notification.VerificationRequested)) {
                throw new NotificationFailedException("SMTP server unreachable", false);
            }
            sink.send(n);
        }
    }

    static double count(MeterRegistry r, String name, String... tags) {
        return r.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    static long timed(MeterRegistry r, String name, String... tags) {
        return r.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
    }

    static double gauge(MeterRegistry r, String name) {
        return r.get(name).gauge().value();
    }

    @Nested
    @DisplayName("on a scripted scenario")
    class Scenario {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final Flaky notifier = new Flaky();
        final Fixture f = new Fixture(b -> b.meterRegistry(registry).notifier(notifier));
        final Member claire = f.activeVia(notifier.sink, "Claire Demande", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        final Member hugo = f.activeVia(notifier.sink, "Hugo Aide", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        final Member alice = f.activeVia(notifier.sink, "Alice Digest", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        final Member rita = f.activeVia(notifier.sink, "Rita Inscrite", NUITS);

        @Test
        void every_counter_timer_and_gauge_has_the_exact_value() {
            ShareNum sn = f.sharenum;
            assertThat(count(registry, "sharenum.members.registered")).isEqualTo(4);
            assertThat(count(registry, "sharenum.members.verified")).isEqualTo(4);
            assertThat(count(registry, "sharenum.notifications.delivered", "kind", "VerificationRequested")).isEqualTo(4);

            sn.members().setDigest(alice.id(), alice.id(), AlertPreferences.Digest.DAILY);
            ShareNumException denied = catching(() -> sn.tickets().open(Actor.anonymous(),
                    TicketRequest.builder(CAPYTALE).text("Python").build()));
            ShareNumException tooFar = catching(() -> sn.tickets().open(claire.id(),
                    TicketRequest.builder(CAPYTALE).text("Python").radiusKm(9_999).build()));
            TicketNum ticket = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Python").radiusKm(40).build());

            assertThat(ticket.alerts()).hasSize(2);
            assertThat(count(registry, "sharenum.tickets.opened")).isEqualTo(1);
            assertThat(count(registry, "sharenum.alerts.chosen")).isEqualTo(2);
            assertThat(count(registry, "sharenum.alerts.held")).isEqualTo(1);        // Alice's daily digest
            assertThat(count(registry, "sharenum.alerts.sent")).isEqualTo(1);        // Hugo's, at once
            assertThat(count(registry, "sharenum.refusals", "code", denied.code(), "operation", "tickets.open")).isEqualTo(1);
            assertThat(count(registry, "sharenum.refusals", "code", tooFar.code(), "operation", "tickets.open")).isEqualTo(1);
            assertThat(count(registry, "sharenum.refusals")).isEqualTo(2);
            assertThat(timed(registry, "sharenum.calls", "operation", "tickets.open", "outcome", "ok")).isEqualTo(1);
            assertThat(timed(registry, "sharenum.calls", "operation", "tickets.open", "outcome", "refused")).isEqualTo(2);
            assertThat(timed(registry, "sharenum.matching.queries", "query", "qualified")).isEqualTo(1);
            assertThat(count(registry, "sharenum.matching.hits", "query", "qualified")).isEqualTo(2);
            assertThat(timed(registry, "sharenum.delivery.latency", "path", "immediate")).isEqualTo(5);   // 4 verifications, 1 alert
            assertThat(gauge(registry, "sharenum.outbox.pending")).isEqualTo(1);
            assertThat(gauge(registry, "sharenum.matching.size")).isEqualTo(sn.matchingEngine(HOST).size());

            notifier.down = true;
            sn.tickets().offer(hugo.id(), ticket.id(), "Je passe jeudi");
            assertThat(count(registry, "sharenum.offers")).isEqualTo(1);
            assertThat(count(registry, "sharenum.notifications.failed", "kind", "OfferReceived")).isEqualTo(1);
            f.clock.advance(Duration.ofMinutes(10));
            Instant now = f.clock.instant();
            sleepPastTheGaugeCache();
            assertThat(gauge(registry, "sharenum.outbox.pending")).isEqualTo(2);
            assertThat(gauge(registry, "sharenum.outbox.oldest.age")).isEqualTo(Duration.ofMinutes(10).toSeconds());
            notifier.down = false;
            assertThat(sn.outbox().retryNow(HOST)).isEqualTo(1);
            assertThat(timed(registry, "sharenum.delivery.latency", "path", "retried")).isEqualTo(1);
            assertThat(registry.get("sharenum.delivery.latency").tag("path", "retried").timer().totalTime(TimeUnit.SECONDS))
                    .isEqualTo(Duration.ofMinutes(10).toSeconds());

            Event e = sn.events().create(hugo.id(), EventRequest.direct().title("Capytale : premiers pas").tools(CAPYTALE)
                    .start(now.plus(Duration.ofDays(9))).duration(Duration.ofHours(2)).capacity(1)
                    .atEstablishment(NUITS.uai()).build());
            sn.events().confirm(hugo.id(), e.id());
            sn.events().register(rita.id(), e.id());
            sn.events().register(claire.id(), e.id());
            assertThat(count(registry, "sharenum.events.created")).isEqualTo(1);
            assertThat(count(registry, "sharenum.events.confirmed")).isEqualTo(1);
            assertThat(count(registry, "sharenum.events.registrations", "status", "seated")).isEqualTo(1);
            assertThat(count(registry, "sharenum.events.registrations", "status", "waitlisted")).isEqualTo(1);
            assertThat(timed(registry, "sharenum.matching.queries", "query", "followers")).isEqualTo(1);

            f.clock.advance(Duration.ofDays(1));
            assertThat(sn.outbox().deliverDue(HOST)).isEqualTo(1);                     // Alice's digest, now due
            assertThat(count(registry, "sharenum.alerts.sent")).isEqualTo(2);
            assertThat(timed(registry, "sharenum.delivery.latency", "path", "held")).isEqualTo(1);
            sleepPastTheGaugeCache();
            assertThat(gauge(registry, "sharenum.outbox.pending")).isZero();
            assertThat(gauge(registry, "sharenum.outbox.dead")).isZero();
            assertThat(gauge(registry, "sharenum.outbox.oldest.age")).isZero();
            assertThat(gauge(registry, "sharenum.feed.lag")).isZero();
            assertThat(gauge(registry, "sharenum.feed.since.catch.up")).isGreaterThanOrEqualTo(0);
        }

        @Test
        void a_dead_letter_is_counted_and_gauged_by_kind() {
            ShareNum sn = f.sharenum;
            TicketNum ticket = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Python").radiusKm(40).build());
            notifier.down = true;
            sn.tickets().offer(hugo.id(), ticket.id(), "Je passe jeudi");
            for (int i = 1; i < 8; i++) {
                f.clock.advance(Duration.ofHours(7));
                sn.outbox().deliverDue(HOST);
            }
            assertThat(count(registry, "sharenum.notifications.failed", "kind", "OfferReceived")).isEqualTo(7);
            assertThat(count(registry, "sharenum.notifications.dead", "kind", "OfferReceived")).isEqualTo(1);
            sleepPastTheGaugeCache();
            assertThat(gauge(registry, "sharenum.outbox.dead")).isEqualTo(1);
        }

        @Test
        void closing_the_instance_removes_its_gauges_and_keeps_its_counters() {
            assertThat(registry.find("sharenum.outbox.pending").gauge()).isNotNull();
            f.sharenum.close();
            assertThat(registry.find("sharenum.outbox.pending").gauge()).isNull();
            assertThat(registry.find("sharenum.feed.lag").gauge()).isNull();
            assertThat(count(registry, "sharenum.members.registered")).isEqualTo(4);
        }

        @Test
        void counts_stay_exact_under_concurrent_calls() throws Exception {
            int threads = 8;
            int each = 20;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    for (int j = 0; j < each; j++) {
                        f.sharenum.members().get(HOST, claire.id());
                        catching(() -> f.sharenum.members().get(Actor.anonymous(), claire.id()));
                    }
                }));
            }
            for (Future<?> d : done) {
                d.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(timed(registry, "sharenum.calls", "operation", "members.get", "outcome", "ok")).isEqualTo(threads * each);
            assertThat(count(registry, "sharenum.refusals", "operation", "members.get")).isEqualTo(threads * each);
        }
    }

    @Test
    void qualified_helpers_left_out_are_counted_by_reason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Fixture f = new Fixture(b -> b.meterRegistry(registry).alertLimits(AlertLimits.builder().perHelperPerWeek(10_000)
                .coolDown(Duration.ofDays(7)).ticketsPerDay(10_000).build()));
        Member claire = f.active("Claire Demande", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        f.active("Hugo Aide", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member alice = f.active("Alice Sourdine", AUXONNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        ShareNum sn = f.sharenum;
        sn.members().muteTool(alice.id(), alice.id(), CAPYTALE, true);
        TicketNum first = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Python").radiusKm(40).build());
        assertThat(first.alerts()).hasSize(1);
        assertThat(count(registry, "sharenum.alerts.excluded", "reason", "muted")).isEqualTo(1);
        assertThat(count(registry, "sharenum.alerts.excluded", "reason", "cool-down")).isZero();
        // the same request again at once: Claire alerted Hugo for this tool within the cool-down
        TicketNum again = sn.tickets().open(claire.id(), TicketRequest.builder(CAPYTALE).text("Python, encore").radiusKm(40).build());
        assertThat(again.alerts()).isEmpty();
        assertThat(count(registry, "sharenum.alerts.excluded", "reason", "cool-down")).isEqualTo(1);
        assertThat(count(registry, "sharenum.alerts.excluded", "reason", "muted")).isEqualTo(2);
        assertThat(sn.tickets().alertReport(HOST, again.id()).orElseThrow().notAlerted())
                .containsEntry(AlertReport.Reason.COOL_DOWN, 1).containsEntry(AlertReport.Reason.MUTED, 1);
    }

    @Test
    void a_new_instance_lags_the_feed_until_it_catches_up() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        fr.sharenum.spi.ShareNumStore store = ShareNum.inMemoryStore();
        Fixture writer = new Fixture(b -> b.store(store));
        Fixture reader = new Fixture(b -> b.store(store).meterRegistry(registry).changeFeed(Duration.ZERO, Duration.ofDays(1)), false);
        assertThat(gauge(registry, "sharenum.feed.lag")).isZero();
        writer.active("Lena Lag", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        assertThat(gauge(registry, "sharenum.feed.lag")).isEqualTo(reader.sharenum.changeFeed(HOST).lag()).isEqualTo(3);   // registered, its first levels (dated, for progression), verified
        // its own write: it applies everything committed before it
        reader.sharenum.establishments().put(HOST, Fixture.school(Fixture.uai(21, 4999), "Collège de Genlis",
                fr.sharenum.model.EstablishmentType.COLLEGE, fr.sharenum.model.Academie.DIJON, 47.24, 5.22));
        assertThat(gauge(registry, "sharenum.feed.lag")).isZero();
        assertThat(gauge(registry, "sharenum.matching.size")).isEqualTo(writer.sharenum.matchingEngine(HOST).size());
        ChangeFeedStatus status = reader.sharenum.changeFeed(HOST);
        assertThat(status.applied()).isEqualTo(status.head()).isEqualTo(writer.sharenum.changeFeed(HOST).head());
        assertThatThrownBy(() -> reader.sharenum.changeFeed(Actor.anonymous()))
                .isInstanceOf(fr.sharenum.model.NotAllowedException.class);
    }

    @Test
    void a_registry_that_is_not_one_is_refused_and_none_measures_nothing() {
        assertThatThrownBy(() -> ShareNum.builder().meterRegistry("not a registry"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MeterRegistry");
        ShareNum.Builder b = ShareNum.builder().meterRegistry(null);
        try (ShareNum sn = b.build()) {
            assertThat(sn.tickets().getClass().getSimpleName()).isEqualTo("TicketsImpl");   // not measured, not wrapped
        }
    }

    @Test
    void the_documented_names_are_every_meter_an_instance_registers() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Fixture f = new Fixture(b -> b.meterRegistry(registry));
        f.active("Nora Names", CARNOT);
        assertThat(registry.getMeters()).extracting(m -> m.getId().getName())
                .allSatisfy(name -> assertThat(fr.sharenum.core.internal.metrics.Meters.names()).contains(name));
        assertThat(registry.getMeters()).extracting(Meter::getId).allSatisfy(id -> assertThat(id.getDescription()).isNotBlank());
    }

    /**
     * A ShareNum on a class path without Micrometer: built, used and closed, measuring nothing; a registry given there
     * is refused with a message that says what is missing.
     */
    @Test
    void a_share_num_without_micrometer_on_the_class_path_works() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String property : List.of("java.class.path", "jdk.module.path")) {
            String path = System.getProperty(property);
            if (path == null) {
                continue;
            }
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank() && !entry.contains("micrometer") && !entry.contains("HdrHistogram")
                        && !entry.contains("LatencyUtils")) {
                    urls.add(new File(entry).toURI().toURL());
                }
            }
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, isolated))
                    .isInstanceOf(ClassNotFoundException.class);
            @SuppressWarnings("unchecked")
            Supplier<String> run = (Supplier<String>) Class.forName(WithoutMicrometer.class.getName(), true, isolated)
                    .getDeclaredConstructor().newInstance();
            assertThat(run.get()).isEqualTo("ticket opened with 1 alert; registry refused: a meter registry was given but"
                    + " Micrometer (io.micrometer:micrometer-core) is not on the class path");
        }
    }

    static ShareNumException catching(Runnable call) {
        try {
            call.run();
        } catch (ShareNumException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    /** The outbox gauges share one count for 100 ms (several gauges are read at each scrape). */
    static void sleepPastTheGaugeCache() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
