package fr.sharenum.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import fr.sharenum.json.ShareNumModule;
import fr.sharenum.model.Email;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.NotificationFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real HTTP server on loopback (the JDK's), not a mock. */
class WebhookNotifierTest {

    private static final byte[] SECRET = "une-cle-secrete-de-test-32-octets".getBytes(StandardCharsets.UTF_8);

    private record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = failuresLeft.getAndDecrement() > 0 ? failureStatus : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private static Notification alert() {
        return new Notification.TicketAlert("alert:T1:M2", MemberId.of("M2"), Email.of("hugo@ac-dijon.fr"),
                TicketId.of("T1"), "Rachel", Set.of(ToolId.of("capytale")), TicketKind.ACCOMPANIMENT,
                "Démarrer Python en 2de — qui peut m'aider ?", 12, List.of());
    }

    @Test
    void posts_signed_json_with_a_chat_text_and_the_typed_notification() throws Exception {
        WebhookNotifier notifier = WebhookNotifier.builder(hook(), SECRET).build();

        notifier.send(alert());

        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("X-ShareNum-Delivery")).isEqualTo("alert:T1:M2");
        String expected = "sha256=" + WebhookNotifier.hmac(SECRET, r.header("X-ShareNum-Timestamp") + "." + r.body());
        assertThat(MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                r.header("X-ShareNum-Signature").getBytes(StandardCharsets.UTF_8))).isTrue();
        JsonNode json = ShareNumModule.mapper().readTree(r.body());
        assertThat(json.path("text").asText()).contains("Rachel").contains("capytale").contains("12 km").contains("m'aider");
        assertThat(json.path("notification").path("type").asText()).isEqualTo("TicketAlert");
        assertThat(json.path("notification").has("to")).as("no address in the body").isFalse();
        assertThat(r.body()).doesNotContain("hugo@ac-dijon.fr");
        assertThat(json.path("notification").path("ticket").asText()).isEqualTo("T1");
        assertThat(json.path("notification").path("recipient").asText()).isEqualTo("M2");
    }

    @Test
    void a_verification_carries_the_hosts_link_never_the_token_and_is_refused_without_one() {
        Notification.VerificationRequested v = new Notification.VerificationRequested("verify:M2:ab", MemberId.of("M2"),
                Email.of("hugo@ac-dijon.fr"), "s3cr3t-t0ken-value", java.time.Instant.parse("2026-12-04T09:00:00Z"));
        WebhookNotifier refusing = WebhookNotifier.builder(hook(), SECRET).build();
        assertThatThrownBy(() -> refusing.send(v)).isInstanceOf(NotificationFailedException.class)
                .satisfies(e -> assertThat(((NotificationFailedException) e).isPermanent()).isTrue());
        assertThat(received).isEmpty();

        WebhookNotifier linking = WebhookNotifier.builder(hook(), SECRET)
                .verificationLinks(x -> URI.create("https://ent.example.fr/sharenum/verifier/" + x.recipient())).build();
        linking.send(v);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.body()).doesNotContain("s3cr3t-t0ken-value").doesNotContain("hugo@ac-dijon.fr")
                    .contains("https://ent.example.fr/sharenum/verifier/M2");
        });
        assertThat(v.toString()).doesNotContain("s3cr3t-t0ken-value");
    }

    @Test
    void transient_failures_are_retried_with_the_same_delivery_id() {
        failuresLeft.set(2);
        WebhookNotifier notifier = WebhookNotifier.builder(hook(), SECRET).retries(4, Duration.ofMillis(20)).build();

        notifier.send(alert());

        assertThat(received).hasSize(3);
        assertThat(received).extracting(r -> r.header("X-ShareNum-Delivery")).containsOnly("alert:T1:M2");
    }

    @Test
    void by_default_one_attempt_then_a_transient_failure_for_the_outbox_to_retry() {
        failuresLeft.set(10);
        WebhookNotifier notifier = WebhookNotifier.builder(hook(), SECRET).build();

        assertThatThrownBy(() -> notifier.send(alert())).isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("after 1 attempt (").hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(((NotificationFailedException) e).isPermanent()).isFalse());
        assertThat(received).hasSize(1);
    }

    @Test
    void an_outage_longer_than_the_retries_is_reported_as_transient() {
        failuresLeft.set(10);
        WebhookNotifier notifier = WebhookNotifier.builder(hook(), SECRET).retries(3, Duration.ofMillis(10)).build();

        assertThatThrownBy(() -> notifier.send(alert())).isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(((NotificationFailedException) e).isPermanent()).isFalse());
        assertThat(received).hasSize(3);
    }

    @Test
    void a_refusal_is_permanent_and_not_retried() {
        failuresLeft.set(10);
        failureStatus = 410;
        WebhookNotifier notifier = WebhookNotifier.builder(hook(), SECRET).retries(5, Duration.ofMillis(10)).build();

        assertThatThrownBy(() -> notifier.send(alert())).isInstanceOf(NotificationFailedException.class)
                .satisfies(e -> assertThat(((NotificationFailedException) e).isPermanent()).isTrue());
        assertThat(received).hasSize(1);
    }

    @Test
    void a_server_slower_than_the_timeout_counts_as_a_transient_failure() {
        delayMillis = 1_000;
        WebhookNotifier notifier = WebhookNotifier.builder(hook(), SECRET).timeout(Duration.ofMillis(200))
                .retries(2, Duration.ofMillis(10)).build();

        assertThatThrownBy(() -> notifier.send(alert())).isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("Timeout")
                .satisfies(e -> assertThat(((NotificationFailedException) e).isPermanent()).isFalse());
    }

    @Test
    void nobody_listening_is_a_transient_failure() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        WebhookNotifier notifier = WebhookNotifier.builder(URI.create("http://127.0.0.1:" + port + "/hook"), SECRET)
                .retries(2, Duration.ofMillis(10)).build();

        assertThatThrownBy(() -> notifier.send(alert())).isInstanceOf(NotificationFailedException.class)
                .satisfies(e -> assertThat(((NotificationFailedException) e).isPermanent()).isFalse());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
    }

    @Test
    void configuration_is_checked() {
        assertThatThrownBy(() -> WebhookNotifier.builder(URI.create("ftp://x/hook"), SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookNotifier.builder(URI.create("http://chat.example.fr/hook"), SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThat(WebhookNotifier.builder(URI.create("https://chat.example.fr/hook"), SECRET).build()).isNotNull();
        assertThat(WebhookNotifier.builder(URI.create("http://localhost:8080/hook"), SECRET).build()).isNotNull();
        assertThatThrownBy(() -> WebhookNotifier.builder(hook(), new byte[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookNotifier.builder(hook(), SECRET).retries(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_kind_of_notification_has_a_french_summary_without_addresses() {
        MemberId m = MemberId.of("M2");
        Email to = Email.of("hugo@ac-dijon.fr");
        TicketId t = TicketId.of("T1");
        fr.sharenum.model.EventSummary event = new fr.sharenum.model.EventSummary(fr.sharenum.model.EventId.of("E1"),
                fr.sharenum.model.EventKind.WORKSHOP, "Capytale : premiers pas", Set.of(ToolId.of("capytale")), Set.of(),
                java.time.Instant.parse("2026-12-02T13:00:00Z"), java.time.Instant.parse("2026-12-02T15:00:00Z"),
                java.time.ZoneId.of("Europe/Paris"), "Collège Roupnel", true, fr.sharenum.model.EventStatus.CONFIRMED);
        fr.sharenum.model.Invitation ics = new fr.sharenum.model.Invitation("E1@x.fr", 0, "REQUEST", "BEGIN:VCALENDAR");
        List<Notification> all = new java.util.ArrayList<>(List.of(
                new Notification.VerificationRequested("v", m, to, "tok", java.time.Instant.EPOCH), alert(),
                new Notification.AlertDigest("dg", m, to, List.of((Notification.TicketAlert) alert(), (Notification.TicketAlert) alert())),
                new Notification.OfferReceived("o", m, to, t, MemberId.of("H"), "Hugo", "Je viens jeudi"),
                new Notification.OfferAccepted("a", m, to, t, "Rachel"), new Notification.OfferDeclined("d", m, to, t),
                new Notification.MessagePosted("p", m, to, t, MemberId.of("H"), "Hugo", "À jeudi"),
                new Notification.TicketClosed("c", m, to, t, fr.sharenum.model.TicketStatus.DONE),
                new Notification.Waitlisted("w", m, to, event, 2),
                new Notification.OrganiserInvited("i", m, to, event, "Karim"),
                new Notification.EstablishmentStatusChanged("s", m, to, fr.sharenum.model.Uai.of("0210015C"), "Lycée Carnot",
                        fr.sharenum.model.EstablishmentStatus.CLOSING),
                new Notification.EventReminder("r", m, to, event, Notification.Reminder.HOUR_BEFORE, java.time.ZoneId.of("Europe/Paris"),
                        ics),
                new Notification.FeedbackRequested("f", m, to, event),
                new Notification.BadgeAwarded("b", m, to, "premier-atelier", "Premier atelier", null)));
        for (Notification.InvitationReason reason : Notification.InvitationReason.values()) {
            all.add(new Notification.EventInvitation("e" + reason, m, to, event, reason, ics));
        }
        assertThat(all.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrder(Notification.class.getPermittedSubclasses());
        for (Notification n : all) {
            assertThat(Summaries.of(n)).isNotBlank().doesNotContain("@");
        }
        assertThat(Summaries.of(all.get(all.size() - 1))).contains("annulé").contains("mercredi 2 décembre 2026 à 14:00");
    }
}
