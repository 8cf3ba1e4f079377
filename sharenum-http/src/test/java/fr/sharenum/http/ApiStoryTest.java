package fr.sharenum.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.sharenum.ShareNum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole story through the HTTP API, as four people (a teacher, two experienced colleagues, the DANE's
 * referent) and a visitor: every exchange is checked against the committed OpenAPI document (request and
 * response bodies against their schemas), refusals are problems with their stable codes and leave state
 * unchanged, and at the end every described operation has answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiStoryTest {

    /** Monday 2 March 2026, 10:00 in Dijon. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final OpenApiValidator validator = new OpenApiValidator();
    private ShareNumHttp http;
    private String base;
    private Client anonymous;
    private Client claire;
    private Client paul;
    private Client lea;
    private Client nadia;
    private String ticket;
    private String event;
    private String leaToken;

    @BeforeAll
    void start() {
        http = Server.demo(ShareNum.inMemoryStore(), clock, null).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + http.port();
        anonymous = new Client(base, null, validator);
    }

    @AfterAll
    void stop() {
        http.stop();
    }

    private Client signIn(String email) {
        Client.Res r = anonymous.post("/api/v1/dev/sign-in", Map.of("email", email));
        assertThat(r.status()).isEqualTo(200);
        return new Client(base, r.json().get("token").asText(), validator);
    }

    @Test
    @Order(1)
    @DisplayName("a visitor reads what is public; what needs a member is 401 with a French problem, English on request")
    void visitor() {
        assertThat(anonymous.get("/api/v1/health").json().get("status").asText()).isEqualTo("ok");
        assertThat(anonymous.get("/api/v1/openapi.json").json().get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(anonymous.get("/api/v1/tools").json().findValuesAsText("id")).contains("capytale");
        assertThat(anonymous.get("/api/v1/establishments/0211136W").json().get("name").asText()).isEqualTo("Collège Gaston Roupnel");
        assertThat(anonymous.get("/api/v1/establishments/0211136X").code()).isEqualTo("request.bad-parameter");
        assertThat(anonymous.get("/api/v1/dev/accounts").json()).hasSize(4);
        assertThat(anonymous.get("/api/v1/academies").json().findValuesAsText("code")).contains("07");
        assertThat(anonymous.get("/api/v1/map/layers/establishments").json().get("features")).hasSize(6);
        assertThat(anonymous.get("/api/v1/map/layers/academies").json().get("features")).isEmpty();

        Client.Res me = anonymous.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.header("Content-Type")).startsWith("application/problem+json");
        assertThat(me.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(me.json().get("code").asText()).isEqualTo("auth.required");
        assertThat(me.json().get("detail").asText()).isEqualTo("Connectez-vous pour faire cette action.");
        assertThat(anonymous.with("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5").get("/api/v1/me").json().get("detail").asText())
                .isEqualTo("Sign in to do this.");
        assertThat(anonymous.get("/api/v1/nowhere").code()).isEqualTo("route.not-found");
        Client.Res headers = anonymous.get("/api/v1/health");
        assertThat(headers.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(headers.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    @Order(2)
    @DisplayName("the development sign-in gives sessions; unknown accounts and sessions are refused")
    void sign_ins() {
        assertThat(anonymous.post("/api/v1/dev/sign-in", Map.of("email", "inconnu@ac-dijon.fr")).code()).isEqualTo("auth.unknown-account");
        assertThat(new Client(base, "dev.forged", validator).get("/api/v1/me").code()).isEqualTo("auth.unknown-session");
        claire = signIn("claire.martin@ac-dijon.fr");
        paul = signIn("paul.bernard@ac-dijon.fr");
        lea = signIn("lea.moreau@ac-dijon.fr");
        leaToken = lea.token();
        nadia = signIn("nadia.roussel@ac-dijon.fr");
        assertThat(claire.get("/api/v1/me").json().get("id").asText()).isEqualTo("claire-martin");
    }

    @Test
    @Order(3)
    @DisplayName("profile edits need the version they were based on: 428 without, 412 when stale, nothing changed")
    void profile() {
        Client.Res me = claire.get("/api/v1/me");
        String etag = me.header("ETag");
        assertThat(etag).matches("\"\\d+\"");
        assertThat(claire.with("If-None-Match", etag).get("/api/v1/me").status()).isEqualTo(304);
        Map<String, Object> edit = Map.of("displayName", "Claire Martin-Dupont");
        assertThat(claire.patch("/api/v1/me", edit).status()).isEqualTo(428);
        Client.Res stale = claire.with("If-Match", "\"999\"").patch("/api/v1/me", edit);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version-conflict");
        assertThat(claire.get("/api/v1/me").json().get("displayName").asText()).isEqualTo("Claire Martin");
        Client.Res edited = claire.with("If-Match", etag).patch("/api/v1/me", edit);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("displayName").asText()).isEqualTo("Claire Martin-Dupont");
        Client.Res skill = claire.with("If-Match", edited.header("ETag")).put("/api/v1/me/skills/geogebra", Map.of("level", "INTERMEDIATE"));
        assertThat(skill.json().get("skills").has("geogebra")).isTrue();
        Client.Res removed = claire.with("If-Match", skill.header("ETag")).delete("/api/v1/me/skills/geogebra");
        assertThat(removed.json().get("skills").has("geogebra")).isFalse();
        assertThat(claire.with("If-Match", removed.header("ETag")).put("/api/v1/me/skills/geogebra", Map.of("level", "GURU")).code())
                .isEqualTo("request.malformed");
    }

    @Test
    @Order(4)
    @DisplayName("trainings first, then the ticket: an idempotency key replays the creation, another body is refused")
    void open_ticket() {
        JsonNode trainings = claire.get("/api/v1/trainings?tools=capytale").json();
        assertThat(trainings).hasSize(1);
        Map<String, Object> request = Map.of("tools", List.of("capytale"), "text", "Démarrer Python en 2de avec Capytale",
                "radiusKm", 30);
        assertThat(claire.post("/api/v1/tickets", request).code()).isEqualTo("trainings-first");
        Map<String, Object> declined = Map.of("tools", List.of("capytale"), "text", "Démarrer Python en 2de avec Capytale",
                "radiusKm", 30, "declinedTrainings", List.of(trainings.get(0).get("id").asText()));
        Client keyed = claire.with("Idempotency-Key", "ticket-1");
        Client.Res created = keyed.post("/api/v1/tickets", declined);
        assertThat(created.status()).isEqualTo(201);
        ticket = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/tickets/" + ticket);
        Client.Res replayed = keyed.post("/api/v1/tickets", declined);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("id").asText()).isEqualTo(ticket);
        assertThat(keyed.post("/api/v1/tickets", request).code()).isEqualTo("idempotency.key-reused");
        assertThat(claire.get("/api/v1/me/tickets").json().get("items")).hasSize(1);
        assertThat(claire.post("/api/v1/tickets", Map.of("tools", List.of("capytale"), "text", " ", "declinedTrainings",
                List.of("PAF-21-NUM-042", "CANOPE-21-7"))).code()).isEqualTo("invalid-value");
        assertThat(claire.post("/api/v1/tickets", "{not json").code()).isEqualTo("request.malformed");
        assertThat(claire.get("/api/v1/me/tickets").json().get("items")).hasSize(1);
    }

    @Test
    @Order(5)
    @DisplayName("the alerted helpers find the ticket in their inbox and offer; the requester accepts with If-Match")
    void offer_and_accept() {
        JsonNode inbox = paul.get("/api/v1/me/inbox").json();
        assertThat(inbox.findValuesAsText("type")).contains("TicketAlert");
        Client.Res alerts = paul.get("/api/v1/me/alerts");
        assertThat(alerts.status()).as(alerts.body()).isEqualTo(200);
        assertThat(alerts.json().get("items").findValuesAsText("id")).contains(ticket);
        assertThat(paul.post("/api/v1/tickets/" + ticket + "/offers", Map.of("message", "Je passe mercredi")).status()).isEqualTo(201);
        assertThat(lea.post("/api/v1/tickets/" + ticket + "/offers", Map.of("message", "Moi aussi")).status()).isEqualTo(201);
        assertThat(lea.post("/api/v1/tickets/" + ticket + "/offers", Map.of("message", "Encore")).code()).isEqualTo("duplicate");
        Client.Res t = claire.get("/api/v1/tickets/" + ticket);
        assertThat(t.json().get("offers")).hasSize(2);
        assertThat(lea.get("/api/v1/tickets/" + ticket).json().get("offers")).hasSize(1);
        assertThat(claire.with("If-Match", "\"1\"").post("/api/v1/tickets/" + ticket + "/acceptance", Map.of("helper", "paul-bernard"))
                .code()).isEqualTo("precondition.failed");
        Client.Res accepted = claire.with("If-Match", t.header("ETag"))
                .post("/api/v1/tickets/" + ticket + "/acceptance", Map.of("helper", "paul-bernard"));
        assertThat(accepted.json().get("status").asText()).isEqualTo("HELPER_ACCEPTED");
    }

    @Test
    @Order(6)
    @DisplayName("the conversation is paged by cursor, with a Link to the next page; others may not read it")
    void conversation() {
        assertThat(claire.post("/api/v1/tickets/" + ticket + "/messages", Map.of("text", "Merci !")).status()).isEqualTo(201);
        assertThat(paul.post("/api/v1/tickets/" + ticket + "/messages", Map.of("text", "Avec plaisir")).status()).isEqualTo(201);
        Client.Res first = claire.get("/api/v1/tickets/" + ticket + "/messages?limit=1");
        assertThat(first.json().get("items").get(0).get("text").asText()).isEqualTo("Merci !");
        String next = first.json().get("next").asText();
        assertThat(first.header("Link")).contains("cursor=" + next).contains("rel=\"next\"");
        Client.Res second = claire.get("/api/v1/tickets/" + ticket + "/messages?limit=1&cursor=" + next);
        assertThat(second.json().get("items").get(0).get("text").asText()).isEqualTo("Avec plaisir");
        assertThat(second.json().has("next")).isFalse();
        assertThat(claire.get("/api/v1/tickets/" + ticket + "/messages?cursor=bad!").code()).isEqualTo("request.bad-parameter");
        Client.Res refused = lea.get("/api/v1/tickets/" + ticket + "/messages");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("access.denied");
        assertThat(refused.json().get("detail").asText()).startsWith("Action refusée");
    }

    @Test
    @Order(7)
    @DisplayName("a common slot with the BusNum, the event created from the ticket, confirmed and announced nearby")
    void event() {
        assertThat(claire.get("/api/v1/me/availability").json().get("weekly")).isNotEmpty();
        Map<String, Object> availability = Map.of("weekly", List.of(Map.of("day", "WEDNESDAY", "range", Map.of("start", "13:30", "end", "17:30"))),
                "exceptions", Map.of());
        assertThat(claire.put("/api/v1/me/availability", availability).status()).isEqualTo(200);
        Instant now = clock.instant();
        Client.Res slots = claire.post("/api/v1/common-slots", Map.of("members", List.of("claire-martin", "paul-bernard"),
                "duration", "PT2H", "from", now.toString(), "to", now.plus(Duration.ofDays(21)).toString(),
                "bus", "busnum-21", "busVenue", "0211136W"));
        assertThat(slots.json()).isNotEmpty();
        String start = slots.json().get(0).get("proposed").get("start").asText();
        LocalDate day = Instant.parse(start).atZone(ZoneId.of("Europe/Paris")).toLocalDate();
        assertThat(claire.get("/api/v1/bus-options?establishment=0211136W&date=" + day + "&duration=PT2H").json()).isNotEmpty();
        assertThat(claire.get("/api/v1/bus-options?establishment=0211136W").code()).isEqualTo("request.bad-parameter");
        assertThat(claire.get("/api/v1/buses").json().get("items")).hasSize(1);
        assertThat(claire.get("/api/v1/buses/busnum-21").json().get("seats").asInt()).isEqualTo(16);

        Client.Res created = paul.with("Idempotency-Key", "event-1").post("/api/v1/events", Map.of("ticket", ticket,
                "title", "Capytale : premiers pas", "start", start, "duration", "PT2H", "capacity", 12,
                "establishment", "0211136W", "bus", "busnum-21"));
        assertThat(created.status()).isEqualTo(201);
        event = created.json().get("id").asText();
        assertThat(claire.get("/api/v1/buses/busnum-21/bookings?from=" + day).json()).hasSize(1);
        Client.Res confirmed = paul.with("If-Match", created.header("ETag")).post("/api/v1/events/" + event + "/confirmation", null);
        assertThat(confirmed.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(lea.get("/api/v1/me/inbox").json().findValuesAsText("type")).contains("EventInvitation");
        assertThat(lea.get("/api/v1/events?radiusKm=50").json().get("items").findValuesAsText("id")).contains(event);
        assertThat(lea.get("/api/v1/events?radiusKm=5000").code()).isEqualTo("request.bad-parameter");
        assertThat(lea.get("/api/v1/map/events").json().get("features")).hasSize(1);
        assertThat(lea.put("/api/v1/events/" + event + "/registration", null).json().get("registered")).hasSize(1);
        assertThat(lea.put("/api/v1/events/" + event + "/registration", null).code()).isEqualTo("duplicate");
        assertThat(lea.get("/api/v1/events/" + event).status()).isEqualTo(200);
    }

    @Test
    @Order(8)
    @DisplayName("after the workshop: held, feedback, badges, rating")
    void after_the_workshop() {
        clock.skip(Duration.ofDays(22));
        assertThat(paul.post("/api/v1/events/" + event + "/held", null).json().get("status").asText()).isEqualTo("HELD");
        Client.Res feedback = lea.post("/api/v1/events/" + event + "/feedback", Map.of("usefulness", 5, "comment", "Très utile"));
        assertThat(feedback.status()).as(feedback.body()).isEqualTo(201);
        assertThat(lea.post("/api/v1/events/" + event + "/feedback", Map.of("usefulness", 9)).code()).isIn("invalid-value", "duplicate");
        assertThat(paul.get("/api/v1/events/" + event + "/feedback").json()).hasSize(1);
        assertThat(lea.get("/api/v1/events/" + event + "/feedback").status()).isEqualTo(403);
        assertThat(paul.get("/api/v1/me/badges").json().get("items")).isNotEmpty();
        assertThat(claire.get("/api/v1/members/paul-bernard/badges").json().get("items")).isNotEmpty();
        assertThat(paul.get("/api/v1/members/paul-bernard/rating").json().get("count").asInt()).isEqualTo(1);
        assertThat(claire.get("/api/v1/members/paul-bernard/rating").code()).isEqualTo("not-found");
    }

    @Test
    @Order(9)
    @DisplayName("the DANE reads the académie's indicators, in JSON and CSV; a teacher may not")
    void indicators() {
        String q = "?level=ACADEMIE&code=07&from=2026-01&to=2026-12";
        assertThat(nadia.get("/api/v1/indicators" + q).json().get("ticketsOpened").asInt()).isEqualTo(1);
        Client.Res csv = nadia.get("/api/v1/indicators.csv" + q);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(claire.get("/api/v1/indicators" + q).code()).startsWith("access.");
        assertThat(nadia.get("/api/v1/indicators?level=PLANET&code=07&from=2026-01&to=2026-12").code()).isEqualTo("request.bad-parameter");

        // the second round: attendance, progression, a custom territory, consent
        assertThat(paul.post("/api/v1/events/" + event + "/attendance", Map.of("present", List.of())).status()).isEqualTo(200);
        assertThat(nadia.get("/api/v1/indicators/impact" + q).json().get("eventsWithAttendance").asInt()).isEqualTo(1);
        assertThat(nadia.get("/api/v1/indicators/impact.csv" + q).header("Content-Type")).startsWith("text/csv");
        assertThat(claire.get("/api/v1/indicators/impact" + q).code()).startsWith("access.");
        assertThat(nadia.post("/api/v1/territories", Map.of("code", "cote-d-or", "name", "Côte-d'Or", "academie", "DIJON",
                "parts", List.of(Map.of("level", "DEPARTEMENT", "code", "021")))).status()).isEqualTo(200);
        assertThat(nadia.get("/api/v1/territories?academie=DIJON").json()).hasSize(1);
        assertThat(nadia.get("/api/v1/indicators/impact?level=CUSTOM&code=cote-d-or&from=2026-01&to=2026-12").status())
                .isEqualTo(200);
        assertThat(claire.get("/api/v1/members/claire-martin/progression").json()).isNotEmpty();
        assertThat(claire.get("/api/v1/me/research-consent").json().get("given").asBoolean()).isFalse();
        assertThat(claire.put("/api/v1/me/research-consent", Map.of("given", true)).json().get("given").asBoolean()).isTrue();
        assertThat(claire.get("/api/v1/me/research-consent").json().get("given").asBoolean()).isTrue();
        Map<String, Object> unknown = Map.of("id", "PAF-INCONNUE", "title", "Inconnue", "kind", "PAF_SESSION", "academie", "DIJON",
                "tools", List.of("capytale"), "start", "2026-12-01T09:00:00Z", "end", "2026-12-01T12:00:00Z", "place", "Dijon");
        assertThat(claire.post("/api/v1/trainings/followed", unknown).code()).isEqualTo("not-found");   // not in the catalogue
        assertThat(claire.post("/api/v1/trainings/attended", unknown).code()).isEqualTo("not-found");
    }

    @Test
    @Order(10)
    @DisplayName("a campaign in Claire's collège, through its three stages")
    void campaign() {
        Client.Res started = claire.with("Idempotency-Key", "c1").post("/api/v1/campaigns", Map.of("title", "Le numérique au service de l'oral"));
        assertThat(started.status()).isEqualTo(201);
        String c = "/api/v1/campaigns/" + started.json().get("id").asText();
        assertThat(claire.post(c + "/team", Map.of("member", "nadia-dane")).json().get("team")).hasSize(2);
        assertThat(nadia.post(c + "/concerns", Map.of("tools", List.of("capytale"))).json().get("concerns")).hasSize(1);
        assertThat(lea.post(c + "/concerns", Map.of("tools", List.of("capytale"))).status()).isEqualTo(403);
        assertThat(claire.post(c + "/advance", null).json().get("stage").asText()).isEqualTo("WORKSHOPS");
        assertThat(claire.get(c + "/proposals?radiusKm=40").status()).isEqualTo(200);
        assertThat(claire.post(c + "/workshops", Map.of("event", event)).json().get("workshops")).hasSize(1);
        assertThat(claire.post(c + "/advance", null).json().get("stage").asText()).isEqualTo("FOLLOW_UP");
        assertThat(nadia.post(c + "/experiments", Map.of("tool", "capytale")).json().get("experiments")).hasSize(1);
        assertThat(claire.get(c + "/report").json().get("startedExperiment").asInt()).isEqualTo(1);
        assertThat(nadia.get(c).status()).isEqualTo(200);
    }

    @Test
    @Order(11)
    @DisplayName("reports, blocks, grants and the audit trail")
    void moderation_and_roles() {
        assertThat(lea.post("/api/v1/reports", Map.of("subject", Map.of("type", "member", "member", "claire-martin"),
                "reason", "SPAM", "comment", "test")).status()).isEqualTo(201);
        assertThat(nadia.get("/api/v1/reports").json().get("items")).hasSize(1);
        assertThat(lea.get("/api/v1/reports").status()).isEqualTo(403);
        assertThat(lea.put("/api/v1/me/blocks/claire-martin", null).status()).isEqualTo(204);
        assertThat(lea.delete("/api/v1/me/blocks/claire-martin").status()).isEqualTo(204);
        Client.Res grant = nadia.post("/api/v1/grants", Map.of("member", "lea-moreau", "privilege", "CANOPE", "academie", "DIJON",
                "reason", "Médiatrice Canopé 21"));
        assertThat(grant.status()).isEqualTo(201);
        assertThat(lea.post("/api/v1/grants", Map.of("member", "lea-moreau", "privilege", "NATIONAL_ADMIN", "reason", "moi")).code())
                .startsWith("access.");
        assertThat(lea.get("/api/v1/me/grants").json()).hasSize(1);
        assertThat(nadia.get("/api/v1/members/lea-moreau/grants").json()).hasSize(1);
        assertThat(nadia.post("/api/v1/grants/" + grant.json().get("id").asText() + "/revocation", Map.of("reason", "fin de mission"))
                .json().has("revokedAt")).isTrue();
        Instant now = clock.instant();
        assertThat(nadia.get("/api/v1/audit?academie=DIJON&from=2026-01-01T00:00:00Z&to=" + now.plusSeconds(60)).json()).isNotEmpty();
        assertThat(nadia.get("/api/v1/audit?academie=DIJON").code()).isEqualTo("request.bad-parameter");
        assertThat(nadia.get("/api/v1/outbox/dead-letters").status()).isEqualTo(403);
        assertThat(nadia.post("/api/v1/outbox/retry", null).status()).isEqualTo(403);
    }

    @Test
    @Order(12)
    @DisplayName("profiles, records, exports, suspension, alert preferences")
    void members() {
        assertThat(claire.get("/api/v1/members/paul-bernard").json().has("email")).isFalse();
        assertThat(claire.get("/api/v1/members/paul-bernard/record").status()).isEqualTo(403);
        assertThat(nadia.get("/api/v1/members/paul-bernard/record").json().get("email").asText()).isEqualTo("paul.bernard@ac-dijon.fr");
        assertThat(claire.get("/api/v1/me/export").json().get("member").get("id").asText()).isEqualTo("claire-martin");
        assertThat(nadia.get("/api/v1/members/claire-martin/export").status()).isEqualTo(200);
        assertThat(claire.get("/api/v1/members/lea-moreau/export").status()).isEqualTo(403);
        assertThat(nadia.post("/api/v1/members/lea-moreau/suspension", Map.of("reason", "vérification")).json().get("status").asText())
                .isEqualTo("SUSPENDED");
        assertThat(lea.get("/api/v1/me").code()).isEqualTo("access.suspended");
        assertThat(nadia.post("/api/v1/members/lea-moreau/reinstatement", Map.of("reason", "vérifié")).json().get("status").asText())
                .isEqualTo("ACTIVE");
        assertThat(claire.get("/api/v1/me/preferences").status()).isEqualTo(200);
        assertThat(claire.put("/api/v1/me/preferences/muted-tools/geogebra", Map.of("muted", true)).json().get("mutedTools")).hasSize(1);
        assertThat(claire.put("/api/v1/me/preferences/pause", Map.of("until", clock.instant().plus(Duration.ofDays(3)).toString()))
                .json().has("pausedUntil")).isTrue();
        assertThat(claire.put("/api/v1/me/preferences/digest", Map.of("digest", "DAILY")).json().get("digest").asText()).isEqualTo("DAILY");
    }

    @Test
    @Order(13)
    @DisplayName("a visitor registers; a wrong verification code is refused")
    void registration() {
        Client.Res r = anonymous.post("/api/v1/members", Map.of("displayName", "Hugo Petit", "email", "hugo.petit@ac-dijon.fr",
                "establishment", "0210038C", "role", "TEACHER_SECONDARY"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("status").asText()).isEqualTo("PENDING_VERIFICATION");
        assertThat(anonymous.post("/api/v1/members/" + r.json().get("id").asText() + "/verification", Map.of("token", "faux")).code())
                .isEqualTo("verification-failed");
        assertThat(anonymous.post("/api/v1/members", Map.of("displayName", "X", "email", "x@gmail.com", "establishment", "0210038C",
                "role", "TEACHER_SECONDARY")).code()).isEqualTo("email-not-allowed");
        assertThat(anonymous.post("/api/v1/members", Map.of("displayName", "X")).code()).isEqualTo("invalid-value");
    }

    @Test
    @Order(14)
    @DisplayName("publishing, the fleet, direct events with co-organisers, and the other ticket steps")
    void more() {
        Instant in10 = clock.instant().plus(Duration.ofDays(10));
        assertThat(nadia.post("/api/v1/trainings", Map.of("id", "CANOPE-21-7", "title", "Atelier Capytale", "kind", "CANOPE_WORKSHOP",
                "academie", "DIJON", "tools", List.of("capytale"), "themes", List.of(), "start", in10.toString(),
                "end", in10.plusSeconds(7200).toString(),
                "place", "Atelier Canopé de Dijon")).status()).isEqualTo(201);
        assertThat(nadia.post("/api/v1/buses", Map.of("id", "busnum-89", "name", "BusNum Yonne", "home", Map.of("latitude", 47.79,
                "longitude", 3.57), "operatingRadiusKm", 80, "equipment", List.of("tablettes"), "seats", 12, "version", 1)).status())
                .isEqualTo(201);
        Instant start = clock.instant().plus(Duration.ofDays(9)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(14));
        Client.Res direct = paul.post("/api/v1/events", Map.of("title", "Capytale en pratique", "tools", List.of("capytale"),
                "start", start.toString(), "duration", "PT1H30M", "capacity", 10, "establishment", "0211225T",
                "coOrganisers", List.of("lea-moreau")));
        assertThat(direct.status()).isEqualTo(201);
        String e = "/api/v1/events/" + direct.json().get("id").asText();
        assertThat(lea.post(e + "/invitation/acceptance", null).json().get("organisers")).hasSize(2);
        Client.Res other = paul.post("/api/v1/events", Map.of("title", "Capytale, suite", "tools", List.of("capytale"),
                "start", start.plus(Duration.ofDays(1)).toString(), "duration", "PT1H", "capacity", 10, "establishment", "0211225T",
                "coOrganisers", List.of("lea-moreau")));
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(lea.post("/api/v1/events/" + other.json().get("id").asText() + "/invitation/refusal", null).json().get("invited"))
                .isEmpty();
        assertThat(paul.post(e + "/confirmation", null).status()).isEqualTo(200);
        assertThat(claire.put(e + "/registration", null).status()).isEqualTo(200);
        assertThat(claire.delete(e + "/registration").json().get("registered")).isEmpty();
        assertThat(paul.post(e + "/reschedule", Map.of("start", start.plus(Duration.ofHours(1)).toString(), "duration", "PT1H")).status())
                .isEqualTo(200);
        assertThat(claire.post(e + "/cancellation", null).status()).isEqualTo(403);
        assertThat(paul.post(e + "/cancellation", null).json().get("status").asText()).isEqualTo("CANCELLED");

        String t3 = claire.post("/api/v1/tickets", Map.of("tools", List.of("capytale"), "text", "Et les tests unitaires ?",
                "declinedTrainings", List.of("PAF-21-NUM-042", "CANOPE-21-7"))).json().get("id").asText();
        paul.post("/api/v1/tickets/" + t3 + "/offers", Map.of("message", "Oui"));
        claire.post("/api/v1/tickets/" + t3 + "/acceptance", Map.of("helper", "paul-bernard"));
        assertThat(paul.post("/api/v1/tickets/" + t3 + "/completion", null).json().get("status").asText()).isEqualTo("DONE");
        assertThat(claire.post("/api/v1/tickets/" + t3 + "/completion", null).code()).isEqualTo("illegal-transition");
        Map<String, Object> request = Map.of("tools", List.of("capytale"), "text", "Corriger des copies Capytale",
                "declinedTrainings", List.of("PAF-21-NUM-042", "CANOPE-21-7"));
        Client.Res opened = claire.post("/api/v1/tickets", request);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String t2 = opened.json().get("id").asText();
        assertThat(claire.post("/api/v1/tickets/" + t2 + "/cancellation", null).json().get("status").asText()).isEqualTo("CANCELLED");
    }

    private String nearby;

    @Test
    @Order(15)
    @DisplayName("finding events: around me or around a point, by period, tools, themes and formats, on the list and the map; my events")
    void finding_events() {
        clock.skip(Duration.ofDays(1));
        Instant start = clock.instant().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofHours(13));
        Client.Res created = paul.post("/api/v1/events", Map.of("title", "Capytale et l'évaluation", "tools", List.of("capytale"),
                "themes", List.of("evaluation"), "start", start.toString(), "duration", "PT2H", "capacity", 10,
                "establishment", "0211225T"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        nearby = created.json().get("id").asText();
        assertThat(paul.post("/api/v1/events/" + nearby + "/confirmation", null).status()).isEqualTo(200);
        Client.Res online = paul.post("/api/v1/events", Map.of("title", "Capytale en classe virtuelle", "tools", List.of("capytale"),
                "start", start.plus(Duration.ofDays(1)).toString(), "duration", "PT1H", "capacity", 30,
                "online", Map.of("link", "https://visio.example.fr/capytale", "academie", "DIJON")));
        assertThat(online.status()).as(online.body()).isEqualTo(201);
        String visio = online.json().get("id").asText();
        assertThat(paul.post("/api/v1/events/" + visio + "/confirmation", null).status()).isEqualTo(200);

        assertThat(ids(lea.get("/api/v1/events?radiusKm=50&tools=capytale"))).contains(nearby, visio);
        assertThat(ids(lea.get("/api/v1/events?radiusKm=50&themes=evaluation"))).contains(nearby).doesNotContain(visio);
        assertThat(ids(lea.get("/api/v1/events?radiusKm=50&formats=ONLINE"))).contains(visio).doesNotContain(nearby);
        assertThat(ids(lea.get("/api/v1/events?radiusKm=50&from=" + start.plus(Duration.ofHours(3))))).contains(visio).doesNotContain(nearby);
        // around a point: the collège Le Chapitre, then the collège Pasteur 60 km away
        assertThat(ids(claire.get("/api/v1/events?latitude=47.29561&longitude=5.00352&radiusKm=5"))).contains(nearby);
        assertThat(ids(claire.get("/api/v1/events?latitude=47.63468&longitude=4.34210&radiusKm=5"))).doesNotContain(nearby);
        assertThat(claire.get("/api/v1/events?latitude=47.29561").code()).isEqualTo("request.bad-parameter");
        assertThat(claire.get("/api/v1/events?formats=BY_PIGEON").code()).isEqualTo("request.bad-parameter");
        Client.Res first = lea.get("/api/v1/events?radiusKm=50&limit=1");
        assertThat(first.json().get("items")).hasSize(1);
        Client.Res second = lea.get("/api/v1/events?radiusKm=50&limit=1&cursor=" + first.json().get("next").asText());
        assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
        JsonNode map = claire.get("/api/v1/map/events?latitude=47.29561&longitude=5.00352&radiusKm=5&tools=capytale").json();
        assertThat(map.get("features").findValuesAsText("id")).contains(nearby);

        assertThat(lea.put("/api/v1/events/" + nearby + "/registration", null).status()).isEqualTo(200);
        assertThat(claire.put("/api/v1/events/" + nearby + "/registration", null).status()).isEqualTo(200);
        assertThat(ids(paul.get("/api/v1/me/events?as=ORGANISING"))).contains(nearby, visio);
        assertThat(ids(lea.get("/api/v1/me/events?as=REGISTERED"))).contains(nearby).doesNotContain(visio);
        assertThat(lea.get("/api/v1/me/events?as=SPECTATING").code()).isEqualTo("request.bad-parameter");

        // académie staff cancel the online one, with a reason that everyone is told
        assertThat(nadia.post("/api/v1/events/" + visio + "/cancellation", null).code()).isEqualTo("invalid-value");
        assertThat(paul.get("/api/v1/events/" + visio).json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(nadia.post("/api/v1/events/" + visio + "/cancellation", Map.of("reason", "Formateur indisponible")).json()
                .get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    @Order(16)
    @DisplayName("in the room: the organiser shows the check-in code, a participant checks in, another is marked present")
    void check_in() {
        Instant start = Instant.parse(paul.get("/api/v1/events/" + nearby).json().get("start").asText());
        clock.skip(Duration.between(clock.instant(), start.minus(Duration.ofMinutes(10))));
        String code = paul.get("/api/v1/events/" + nearby + "/check-in-code").json().get("code").asText();
        assertThat(lea.get("/api/v1/events/" + nearby + "/check-in-code").status()).isEqualTo(403);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(lea.post("/api/v1/events/" + nearby + "/check-in", Map.of("code", wrong)).code()).isEqualTo("invalid-value");
        assertThat(lea.post("/api/v1/events/" + nearby + "/check-in", Map.of("code", code)).status()).isEqualTo(200);
        assertThat(paul.put("/api/v1/events/" + nearby + "/attendance/claire-martin", Map.of("attended", true)).status()).isEqualTo(200);
        assertThat(paul.put("/api/v1/events/" + nearby + "/attendance/nadia-dane", Map.of("attended", true)).code()).isEqualTo("not-found");
        assertThat(claire.put("/api/v1/events/" + nearby + "/attendance/lea-moreau", Map.of("attended", true)).status()).isEqualTo(403);
    }

    @Test
    @Order(17)
    @DisplayName("finding people: the helper's board, my offers, offers of help up front, a ticket addressed to one colleague,"
            + " the directory of ex-pairs, the trainings catalogue and guides")
    void finding_people() {
        clock.skip(Duration.ofDays(1));
        List<String> declined = List.of("PAF-21-NUM-042", "CANOPE-21-7");
        Client.Res opened = claire.post("/api/v1/tickets", Map.of("tools", List.of("capytale"), "themes", List.of("programmation"),
                "text", "Des exercices de Python auto-corrigés ?", "declinedTrainings", declined));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String t = opened.json().get("id").asText();
        JsonNode board = paul.get("/api/v1/me/board?tools=capytale").json().get("items");
        assertThat(board.findValuesAsText("ticket")).contains(t);
        assertThat(paul.get("/api/v1/me/board?radiusKm=500").code()).isEqualTo("request.bad-parameter");
        assertThat(paul.post("/api/v1/tickets/" + t + "/offers", Map.of("message", "Je peux vous montrer")).status()).isEqualTo(201);
        assertThat(paul.get("/api/v1/me/offers").json().get("items").findValuesAsText("id")).contains(t);
        assertThat(claire.get("/api/v1/me/tickets?limit=100").json().get("items").findValuesAsText("id")).contains(t);

        Client.Res offer = paul.with("Idempotency-Key", "offer-1").post("/api/v1/help-offers", Map.of("tools", List.of("capytale"),
                "text", "Je montre Capytale en 2de, évaluation comprise", "radiusKm", 30, "online", true,
                "availability", "le mercredi après-midi"));
        assertThat(offer.status()).as(offer.body()).isEqualTo(201);
        String offerId = offer.json().get("id").asText();
        assertThat(paul.post("/api/v1/help-offers", Map.of("tools", List.of("capytale"), "text", "x", "radiusKm", 0)).code())
                .isEqualTo("invalid-value");
        JsonNode near = claire.get("/api/v1/help-offers?tools=capytale").json().get("items");
        assertThat(near.findValuesAsText("id")).containsExactly(offerId);
        assertThat(paul.get("/api/v1/help-offers").json().get("items")).isEmpty();   // not one's own
        assertThat(claire.get("/api/v1/members/paul-bernard/help-offers").json().get("items")).hasSize(1);
        Client.Res addressed = claire.post("/api/v1/tickets", Map.of("tools", List.of("capytale"), "text", "Pouvez-vous m'aider, Paul ?",
                "declinedTrainings", declined, "addressedTo", "paul-bernard"));
        assertThat(addressed.status()).as(addressed.body()).isEqualTo(201);
        assertThat(addressed.json().get("addressedTo").asText()).isEqualTo("paul-bernard");
        assertThat(lea.post("/api/v1/help-offers/" + offerId + "/withdrawal", null).status()).isEqualTo(403);
        assertThat(paul.post("/api/v1/help-offers/" + offerId + "/withdrawal", null).json().has("withdrawnAt")).isTrue();
        assertThat(claire.get("/api/v1/help-offers?tools=capytale").json().get("items")).isEmpty();

        assertThat(paul.put("/api/v1/me/directory-listing", Map.of("listed", true)).json().get("listed").asBoolean()).isTrue();
        JsonNode directory = claire.get("/api/v1/directory?tool=capytale&radiusKm=50").json().get("items");
        assertThat(directory.findValuesAsText("member")).containsExactly("paul-bernard");
        assertThat(directory.get(0).has("email")).isFalse();
        assertThat(claire.get("/api/v1/directory").code()).isEqualTo("request.bad-parameter");
        assertThat(paul.put("/api/v1/me/directory-listing", Map.of("listed", false)).json().get("listed").asBoolean()).isFalse();
        assertThat(claire.get("/api/v1/directory?tool=capytale&radiusKm=50").json().get("items")).isEmpty();
        assertThat(claire.put("/api/v1/me/preferences/announcements", Map.of("welcome", false)).json().get("noAnnouncements")
                .asBoolean()).isTrue();

        assertThat(claire.get("/api/v1/trainings/catalogue?tools=capytale").json().get("items").findValuesAsText("id"))
                .contains("CANOPE-21-7");
        assertThat(claire.get("/api/v1/trainings/catalogue?academie=ATLANTIDE").code()).isEqualTo("request.bad-parameter");
        Client.Res guide1 = claire.get("/api/v1/guides?tools=capytale&themes=programmation&limit=2");
        assertThat(guide1.json().get("items")).hasSize(2);
        Client.Res guide2 = claire.get("/api/v1/guides?tools=capytale&themes=programmation&limit=2&cursor="
                + guide1.json().get("next").asText());
        assertThat(guide2.json().get("items")).hasSize(1);
        assertThat(guide2.json().get("items").findValuesAsText("id")).doesNotContainAnyElementsOf(guide1.json().get("items").findValuesAsText("id"));
    }

    @Test
    @Order(18)
    @DisplayName("the catalogue searched: trainings by theme, guides by académie and date, newest first, page by page")
    void catalogue_search() {
        Instant in12 = clock.instant().plus(Duration.ofDays(12));
        assertThat(nadia.post("/api/v1/trainings", Map.of("id", "CANOPE-21-9", "title", "Évaluer avec Capytale", "kind",
                "CANOPE_WORKSHOP", "academie", "DIJON", "tools", List.of("capytale"), "themes", List.of("evaluation"),
                "start", in12.toString(), "end", in12.plusSeconds(7200).toString(), "place", "Atelier Canopé de Dijon")).status())
                .isEqualTo(201);
        assertThat(ids(claire.get("/api/v1/trainings/catalogue?themes=evaluation"))).containsExactly("CANOPE-21-9");
        assertThat(ids(claire.get("/api/v1/trainings/catalogue?tools=capytale&themes=evaluation"))).containsExactly("CANOPE-21-9");
        assertThat(ids(claire.get("/api/v1/trainings/catalogue?tools=capytale"))).contains("CANOPE-21-9");

        Client.Res first = claire.get("/api/v1/guides/catalogue?academie=DIJON&limit=1");
        assertThat(ids(first)).containsExactly("GUIDE-CAPYTALE-EVAL");
        Client.Res second = claire.get("/api/v1/guides/catalogue?academie=DIJON&limit=1&cursor=" + first.json().get("next").asText());
        assertThat(ids(second)).containsExactly("GUIDE-CAPYTALE-DEBUT");
        assertThat(second.json().path("next").isTextual()).isFalse();
        assertThat(ids(claire.get("/api/v1/guides/catalogue"))).containsExactly("GUIDE-PROG-COLLEGE", "GUIDE-CAPYTALE-EVAL",
                "GUIDE-CAPYTALE-DEBUT");
        assertThat(ids(claire.get("/api/v1/guides/catalogue?from=2025-10-01&to=2026-01-01"))).containsExactly("GUIDE-CAPYTALE-EVAL");
        assertThat(ids(claire.get("/api/v1/guides/catalogue?tools=capytale&themes=evaluation"))).containsExactly("GUIDE-CAPYTALE-EVAL");
        assertThat(claire.get("/api/v1/guides/catalogue?from=2026-01-01&to=2025-01-01").code()).isEqualTo("invalid-value");
        assertThat(claire.get("/api/v1/guides/catalogue?from=hier").code()).isEqualTo("request.bad-parameter");
        String trainingCursor = claire.get("/api/v1/trainings/catalogue?tools=capytale&limit=1").json().get("next").asText();
        assertThat(claire.get("/api/v1/guides/catalogue?cursor=" + trainingCursor).code()).isEqualTo("invalid-value");
        assertThat(anonymous.get("/api/v1/guides/catalogue").status()).isEqualTo(403);
    }

    private static List<String> ids(Client.Res page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items").findValuesAsText("id");
    }

    @Test
    @Order(20)
    @DisplayName("the inbox stream: events numbered, resumed after Last-Event-ID with nothing lost")
    void inbox_stream() throws Exception {
        List<String> ids = readEvents(paulToken(), null, 3);
        assertThat(ids).containsExactly("1", "2", "3");
        List<String> resumed = readEvents(paulToken(), "2", 1);
        assertThat(resumed).containsExactly("3");
        assertThat(anonymous.get("/api/v1/me/inbox/stream").status()).isEqualTo(401);
    }

    private String token;

    private String paulToken() {
        if (token == null) {
            token = anonymous.post("/api/v1/dev/sign-in", Map.of("email", "paul.bernard@ac-dijon.fr")).json().get("token").asText();
        }
        return token;
    }

    private List<String> readEvents(String bearer, String lastEventId, int count) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/me/inbox/stream"))
                .header("Authorization", "Bearer " + bearer).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> ids = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while (ids.size() < count && (line = in.readLine()) != null) {
                    if (line.startsWith("id:")) {
                        ids.add(line.substring(3).strip());
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reading.get(10, TimeUnit.SECONDS);
        r.body().close();
        return ids;
    }

    @Test
    @Order(21)
    @DisplayName("a member erases their account: their inbox is emptied and their session reads nothing more")
    void erasure() throws Exception {
        JsonNode before = lea.get("/api/v1/me/inbox").json();
        assertThat(before).isNotEmpty();
        String last = before.get(before.size() - 1).get("seq").asText();
        assertThat(lea.delete("/api/v1/me").json().get("status").asText()).isEqualTo("ERASED");
        assertThat(lea.get("/api/v1/me").code()).isEqualTo("access.erased");
        assertThat(lea.get("/api/v1/me/inbox").code()).isEqualTo("access.erased");
        // the browser reconnects with the last id it saw: refused, nothing of hers is sent
        for (String lastEventId : List.of("0", last)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/inbox/stream"))
                    .header("Authorization", "Bearer " + leaToken).header("Accept", "text/event-stream")
                    .header("Last-Event-ID", lastEventId).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("access.erased").doesNotContain("\"seq\"");
        }
    }

    @Test
    @Order(22)
    @DisplayName("bodies too large, of another type, and wrong methods are problems too")
    void bad_requests() {
        String big = "{\"text\":\"" + "x".repeat(70_000) + "\"}";
        assertThat(claire.post("/api/v1/tickets/" + ticket + "/messages", big).status()).isEqualTo(413);
        Client.Res wrongType = claire.with("Content-Type", "text/plain").post("/api/v1/tickets/" + ticket + "/messages",
                "{\"text\":\"x\"}");
        assertThat(wrongType.code()).isEqualTo("request.unsupported-media-type");
    }

    @Test
    @Order(100)
    @DisplayName("every operation the OpenAPI document describes has answered as described")
    void every_operation_answered() {
        assertThat(validator.answered()).containsAll(validator.described().stream()
                .filter(id -> !id.equals("myInboxStream")).toList());
    }
}
