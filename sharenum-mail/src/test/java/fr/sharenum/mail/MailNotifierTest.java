package fr.sharenum.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.sharenum.model.Email;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.EventSummary;
import fr.sharenum.model.Guide;
import fr.sharenum.model.Invitation;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.NotificationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real SMTP server started by the test (GreenMail), the received messages parsed. */
class MailNotifierTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("sharenum", "bon-mot-de-passe"))
            .withPerMethodLifecycle(true);

    private static final MemberId HUGO = MemberId.of("hugo");
    private static final Email HUGO_MAIL = Email.of("hugo.helper@ac-dijon.fr");

    private MailNotifier.Builder notifier() {
        return MailNotifier.builder("127.0.0.1", SMTP.getSmtp().getPort())
                .credentials("sharenum", "bon-mot-de-passe")
                .from("ShareNum Dijon <ne-pas-repondre@ac-dijon.fr>")
                .links(MailLinks.under(URI.create("https://ent.example.fr/sharenum")));
    }

    static Notification.TicketAlert alert() {
        return alert("alert:T1:hugo", 12, false);
    }

    static Notification.TicketAlert alert(String id, long km, boolean sameEstablishment) {
        return new Notification.TicketAlert(id, HUGO, HUGO_MAIL, TicketId.of("T1"), "Rachel Requérante",
                Set.of(ToolId.of("capytale")), TicketKind.ACCOMPANIMENT, "Démarrer Python en 2de — « tortue » & <b>boucles</b>",
                km, List.of(new Guide("g1", "Accompagner un pair", Set.of(ToolId.of("capytale")), Set.of(Theme.of("accompagnement")),
                        URI.create("https://example.org/guide"), "De l'outil à la pédagogie")),
                Map.of(ToolId.of("capytale"), "Capytale (Python)"), sameEstablishment);
    }

    static EventSummary workshop() {
        return new EventSummary(EventId.of("E1"), EventKind.WORKSHOP, "Capytale : premiers pas", Set.of(ToolId.of("capytale")),
                Set.of(), Instant.parse("2026-12-02T13:00:00Z"), Instant.parse("2026-12-02T15:00:00Z"),
                ZoneId.of("Europe/Paris"), "Collège Gaston Roupnel", true, EventStatus.CONFIRMED);
    }

    static String content(Part part) throws Exception {
        Object c = part.getContent();
        if (c instanceof String s) {
            return s;
        }
        if (c instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        throw new IllegalStateException(c.getClass().getName());
    }

    static List<BodyPart> leaves(Multipart mp) throws Exception {
        List<BodyPart> out = new ArrayList<>();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.getContent() instanceof Multipart inner) {
                out.addAll(leaves(inner));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void an_alert_arrives_in_french_text_and_html_with_unsubscribe_and_only_the_recipient() throws Exception {
        notifier().build().send(alert());

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("Un collègue à 12 km cherche de l'aide sur Capytale (Python)");
        assertThat(m.getHeader("Content-Language")[0]).isEqualTo("fr");
        assertThat(m.getFrom()[0].toString()).contains("ne-pas-repondre@ac-dijon.fr");
        assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("hugo.helper@ac-dijon.fr");
        assertThat(m.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(m.getHeader("List-Unsubscribe")[0]).isEqualTo("<https://ent.example.fr/sharenum/desabonnement?member=hugo>");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.getHeader("Message-ID")[0]).endsWith("@ac-dijon.fr>");
        String raw = GreenMailUtil.getWholeMessage(m);
        assertThat(raw).contains("Subject: =?UTF-8?");
        List<BodyPart> parts = leaves((Multipart) m.getContent());
        assertThat(parts).hasSize(2);
        String text = content(parts.get(0));
        String html = content(parts.get(1));
        assertThat(parts.get(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=utf-8");
        assertThat(text).contains("Rachel Requérante, à 12 km de votre établissement, cherche de l'aide sur Capytale (Python)").contains("« Démarrer Python en 2de — « tortue » & <b>boucles</b> »")
                .contains("https://ent.example.fr/sharenum/tickets/T1").contains("Accompagner un pair : https://example.org/guide");
        assertThat(parts.get(1).getContentType()).startsWith("text/html");
        assertThat(html).contains("<strong>Rachel Requérante</strong>").contains("&lt;b&gt;boucles&lt;/b&gt;")
                .doesNotContain("<b>boucles</b>").contains("href=\"https://ent.example.fr/sharenum/tickets/T1\"");
        assertThat(raw).doesNotContain("rachel").doesNotContain("@ac-lyon");
    }

    @Test
    void an_event_invitation_carries_the_ics_attachment() throws Exception {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:E1@ac-dijon.fr\r\n"
                + "SUMMARY:Capytale : premiers pas\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        Notification.EventInvitation promoted = new Notification.EventInvitation("event:E1:promoted:0:hugo", HUGO,
                HUGO_MAIL, workshop(), Notification.InvitationReason.PROMOTED, new Invitation("E1@ac-dijon.fr", 0, "REQUEST", ics));
        notifier().build().send(promoted);

        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Une place s'est libérée : Capytale : premiers pas");
        assertThat(m.getContentType()).startsWith("multipart/mixed");
        List<BodyPart> parts = leaves((Multipart) m.getContent());
        assertThat(parts).hasSize(3);
        assertThat(content(parts.get(0))).contains("mercredi 2 décembre 2026 à 14:00").contains("(dans le BusNum)");
        BodyPart attachment = parts.get(2);
        assertThat(attachment.getFileName()).isEqualTo("invitation.ics");
        assertThat(attachment.getContentType()).startsWith("text/calendar").contains("method=REQUEST");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        attachment.getInputStream().transferTo(bytes);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(ics);
    }

    @Test
    void every_kind_of_notification_is_rendered_without_leftover_placeholders() throws Exception {
        MailNotifier mail = notifier().build();
        EventSummary e = workshop();
        Invitation ics = new Invitation("E1@x.fr", 1, "CANCEL", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        List<Notification> all = new ArrayList<>(List.of(
                new Notification.VerificationRequested("v", HUGO, HUGO_MAIL, "abc-123", Instant.parse("2026-12-01T09:00:00Z")),
                alert(),
                new Notification.AlertDigest("dg", HUGO, HUGO_MAIL, List.of(alert(), alert())),
                new Notification.OfferReceived("o", HUGO, HUGO_MAIL, TicketId.of("T1"), MemberId.of("k"), "Karim", "Jeudi 16 h ?"),
                new Notification.OfferAccepted("a", HUGO, HUGO_MAIL, TicketId.of("T1"), "Rachel"),
                new Notification.OfferDeclined("d", HUGO, HUGO_MAIL, TicketId.of("T1")),
                new Notification.MessagePosted("p", HUGO, HUGO_MAIL, TicketId.of("T1"), MemberId.of("k"), "Karim", "À jeudi"),
                new Notification.TicketClosed("c", HUGO, HUGO_MAIL, TicketId.of("T1"), TicketStatus.EXPIRED),
                new Notification.Waitlisted("w", HUGO, HUGO_MAIL, e, 2),
                new Notification.OrganiserInvited("i", HUGO, HUGO_MAIL, e, "Karim Haddad"),
                new Notification.EstablishmentStatusChanged("s", HUGO, HUGO_MAIL, fr.sharenum.model.Uai.of("0210015C"),
                        "Lycée Carnot", fr.sharenum.model.EstablishmentStatus.CLOSED),
                new Notification.EventReminder("r", HUGO, HUGO_MAIL, e, Notification.Reminder.DAY_BEFORE,
                        java.time.ZoneId.of("Indian/Reunion"), ics),
                new Notification.FeedbackRequested("f", HUGO, HUGO_MAIL, e),
                new Notification.BadgeAwarded("b", HUGO, HUGO_MAIL, "premier-atelier", "Premier atelier ShareNum",
                        URI.create("https://ent.example.fr/openbadges/assertions/a1"))));
        for (Notification.InvitationReason reason : Notification.InvitationReason.values()) {
            all.add(new Notification.EventInvitation("e-" + reason, HUGO, HUGO_MAIL, e, reason, ics));
        }
        assertThat(all.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrder(Notification.class.getPermittedSubclasses());
        for (Notification n : all) {
            MimeMessage m = mail.compose(n);
            String raw = GreenMailUtil.getWholeMessage(m);
            assertThat(m.getSubject()).as(n.getClass().getSimpleName()).isNotBlank();
            assertThat(leaves((Multipart) m.getContent())).allSatisfy(p -> assertThat(content(p)).doesNotContain("{{"));
            assertThat(raw).doesNotContain("{{");
        }
        assertThat(content(leaves((Multipart) mail.compose(all.get(0)).getContent()).get(0)))
                .contains("https://ent.example.fr/sharenum/verification?member=hugo&token=abc-123");
    }

    @Test
    void the_same_notification_keeps_the_same_message_id() throws Exception {
        MailNotifier mail = notifier().build();
        assertThat(mail.compose(alert()).getMessageID()).isEqualTo(mail.compose(alert()).getMessageID());
    }

    @Test
    void refused_credentials_are_a_permanent_failure_reported_at_once() {
        MailNotifier wrong = MailNotifier.builder("127.0.0.1", SMTP.getSmtp().getPort())
                .credentials("sharenum", "mauvais").from("ne-pas-repondre@ac-dijon.fr")
                .links(MailLinks.under(URI.create("https://ent.example.fr"))).build();

        assertThatThrownBy(() -> wrong.send(alert())).isInstanceOf(NotificationFailedException.class)
                .satisfies(e -> assertThat(((NotificationFailedException) e).isPermanent()).isTrue());
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_server_that_is_down_is_one_transient_failure_at_once_the_outbox_retries() {
        MailNotifier mail = notifier().build();
        SMTP.stop();

        long start = System.nanoTime();
        assertThatThrownBy(() -> mail.send(alert())).isInstanceOf(NotificationFailedException.class)
                .hasMessageContaining("cannot reach the SMTP server")
                .satisfies(e -> assertThat(((NotificationFailedException) e).isPermanent()).isFalse());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait, no retry").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_batch_is_sent_over_one_connection() throws Exception {
        try (ConnectionCounter counter = new ConnectionCounter(SMTP.getSmtp().getPort())) {
            MailNotifier mail = notifier().build();
            MailNotifier viaCounter = MailNotifier.builder("127.0.0.1", counter.port())
                    .credentials("sharenum", "bon-mot-de-passe").from("ne-pas-repondre@ac-dijon.fr")
                    .links(MailLinks.under(URI.create("https://ent.example.fr"))).build();
            List<Notification> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(alert("alert:T1:hugo:" + i, i, false));
            }

            assertThat(viaCounter.sendAll(batch)).isEmpty();
            assertThat(SMTP.getReceivedMessages()).hasSize(5);
            assertThat(counter.connections()).isEqualTo(1);
            assertThat(mail.sendAll(List.of())).isEmpty();
        }
    }

    @Test
    void a_long_batch_opens_a_new_connection_every_n_messages() throws Exception {
        try (ConnectionCounter counter = new ConnectionCounter(SMTP.getSmtp().getPort())) {
            MailNotifier mail = MailNotifier.builder("127.0.0.1", counter.port())
                    .credentials("sharenum", "bon-mot-de-passe").from("ne-pas-repondre@ac-dijon.fr")
                    .links(MailLinks.under(URI.create("https://ent.example.fr"))).messagesPerConnection(2).build();
            List<Notification> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(alert("alert:T1:hugo:" + i, i, false));
            }

            assertThat(mail.sendAll(batch)).isEmpty();
            assertThat(SMTP.getReceivedMessages()).hasSize(5);
            assertThat(counter.connections()).isEqualTo(3);
        }
    }

    @Test
    void a_batch_to_a_server_that_is_down_fails_every_notification_as_transient() {
        MailNotifier mail = notifier().build();
        SMTP.stop();

        Map<String, NotificationFailedException> failures = mail.sendAll(List.of(alert("a1", 1, false), alert("a2", 2, false)));

        assertThat(failures).containsOnlyKeys("a1", "a2");
        assertThat(failures.values()).allSatisfy(f -> assertThat(f.isPermanent()).isFalse());
    }

    @Test
    void a_batch_with_refused_credentials_fails_every_notification_as_permanent() {
        MailNotifier wrong = MailNotifier.builder("127.0.0.1", SMTP.getSmtp().getPort())
                .credentials("sharenum", "mauvais").from("ne-pas-repondre@ac-dijon.fr")
                .links(MailLinks.under(URI.create("https://ent.example.fr"))).build();

        Map<String, NotificationFailedException> failures = wrong.sendAll(List.of(alert("a1", 1, false), alert("a2", 2, false)));

        assertThat(failures).containsOnlyKeys("a1", "a2");
        assertThat(failures.values()).allSatisfy(f -> assertThat(f.isPermanent()).isTrue());
    }

    @Test
    void a_colleague_of_the_same_establishment_is_not_0_km_away() throws Exception {
        MailNotifier mail = notifier().build();

        MimeMessage same = mail.compose(alert("a-same", 0, true));
        MimeMessage near = mail.compose(alert("a-near", 0, false));

        assertThat(same.getSubject()).isEqualTo("Un collègue de votre établissement cherche de l'aide sur Capytale (Python)");
        assertThat(content(leaves((Multipart) same.getContent()).get(0)))
                .contains("Rachel Requérante, dans votre établissement, cherche").doesNotContain("0 km");
        assertThat(near.getSubject()).isEqualTo("Un collègue tout proche cherche de l'aide sur Capytale (Python)");
        assertThat(content(leaves((Multipart) near.getContent()).get(0)))
                .contains("à moins d'un km de votre établissement").doesNotContain("0 km");
    }

    @Test
    void a_tool_without_a_name_is_shown_by_its_id_and_names_are_sorted() throws Exception {
        Notification.TicketAlert twoTools = new Notification.TicketAlert("a", HUGO, HUGO_MAIL, TicketId.of("T1"), "Rachel",
                Set.of(ToolId.of("capytale"), ToolId.of("outil-maison"), ToolId.of("geogebra")), TicketKind.ACCOMPANIMENT, "Aide",
                3, List.of(), Map.of(ToolId.of("capytale"), "Capytale (Python)", ToolId.of("geogebra"), "GeoGebra"), false);

        MimeMessage m = notifier().build().compose(twoTools);

        assertThat(m.getSubject()).isEqualTo("Un collègue à 3 km cherche de l'aide sur Capytale (Python), GeoGebra, outil-maison");
    }

    @Test
    void a_digest_lists_the_nearest_first_as_people_read_the_distances() throws Exception {
        Notification.AlertDigest digest = new Notification.AlertDigest("dg", HUGO, HUGO_MAIL, List.of(
                alert("far", 14, false), alert("near", 1, false), alert("same", 0, true), alert("near-too", 1, false)));

        MimeMessage m = notifier().build().compose(digest);

        String text = content(leaves((Multipart) m.getContent()).get(0));
        assertThat(m.getSubject()).isEqualTo("4 collègues proches cherchent de l'aide");
        assertThat(text.indexOf("dans votre établissement")).isLessThan(text.indexOf("à 1 km"));
        assertThat(text.indexOf("à 1 km")).isLessThan(text.indexOf("à 14 km"));
        MimeMessage one = notifier().build().compose(new Notification.AlertDigest("dg1", HUGO, HUGO_MAIL, List.of(alert())));
        assertThat(one.getSubject()).isEqualTo("Un collègue proche cherche de l'aide");
        assertThat(content(leaves((Multipart) one.getContent()).get(0))).contains("Un collègue proche cherche de l'aide sur");
    }

    @Test
    void the_host_replaces_templates_one_by_one(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("TicketAlert.subject"), "[ENT] {{{requester}}} : {{{tools}}}\n");
        Files.writeString(dir.resolve("layout.html"), "<!DOCTYPE html><html lang=\"fr\"><body>"
                + "<img src=\"https://ent.example.fr/logo.png\" alt=\"ENT Bourgogne\">{{{content}}}</body></html>");
        MailNotifier mail = notifier().templates(MailTemplates.directory(dir)).build();

        MimeMessage m = mail.compose(alert());

        assertThat(m.getSubject()).isEqualTo("[ENT] Rachel Requérante : Capytale (Python)");
        List<BodyPart> parts = leaves((Multipart) m.getContent());
        assertThat(content(parts.get(1))).startsWith("<!DOCTYPE html><html lang=\"fr\"><body><img").contains("Proposer mon aide");
        assertThat(content(parts.get(0))).as("ShareNum's text layout kept").contains("Ne plus recevoir ces messages");
        assertThat(mail.compose(new Notification.OfferDeclined("d", HUGO, HUGO_MAIL, TicketId.of("T1"))).getSubject())
                .isEqualTo("Merci pour votre proposition d'aide");
        MailNotifier fromJar = notifier().templates(MailTemplates.classpath(getClass().getClassLoader(), "host-mails/")).build();
        assertThat(fromJar.compose(alert()).getSubject()).isEqualTo("Demande d'aide : Capytale (Python)");
    }

    @Test
    void configuration_is_checked() {
        assertThatThrownBy(() -> MailNotifier.builder(" ", 25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailNotifier.builder("localhost", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailNotifier.builder("localhost", 25).from("pas une adresse"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailNotifier.builder("localhost", 25).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MailNotifier.builder("localhost", 25).messagesPerConnection(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
