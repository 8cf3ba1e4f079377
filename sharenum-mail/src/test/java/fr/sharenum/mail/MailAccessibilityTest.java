package fr.sharenum.mail;

import fr.sharenum.model.Email;
import fr.sharenum.model.Invitation;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of mail, as composed for the SMTP server, checked for what assistive technologies and text-only
 * readers need: the language declared, an alternative text on every image, no empty list, a plain-text part
 * that says the same, links that say where they lead.
 */
class MailAccessibilityTest {
    private static final MemberId HUGO = MemberId.of("hugo");
    private static final Email HUGO_MAIL = Email.of("hugo.helper@ac-dijon.fr");
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALT = Pattern.compile("\\balt\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMPTY_LIST = Pattern.compile("<(ul|ol)\\b[^>]*>\\s*</\\1>", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK_TEXT = Pattern.compile("<a\\b[^>]*>(.*?)</a>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static MailNotifier.Builder notifier() {
        return MailNotifier.builder("127.0.0.1", 2525).from("ShareNum Dijon <ne-pas-repondre@ac-dijon.fr>")
                .links(MailLinks.under(URI.create("https://ent.example.fr/sharenum")));
    }

    /** One of each kind, with the edge that used to leave an empty list: an alert without guides. */
    private static List<Notification> everyKind() {
        Invitation ics = new Invitation("E1@x.fr", 1, "CANCEL", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        Notification.TicketAlert withoutGuides = new Notification.TicketAlert("a0", HUGO, HUGO_MAIL, TicketId.of("T1"), "Rachel",
                Set.of(ToolId.of("capytale")), TicketKind.KNOWLEDGE_SHARING, "Aide", 4, List.of(),
                Map.of(ToolId.of("capytale"), "Capytale (Python)"), false);
        List<Notification> all = new ArrayList<>(List.of(
                new Notification.VerificationRequested("v", HUGO, HUGO_MAIL, "abc-123", Instant.parse("2026-12-01T09:00:00Z")),
                MailNotifierTest.alert(), withoutGuides,
                new Notification.AlertDigest("dg", HUGO, HUGO_MAIL, List.of(MailNotifierTest.alert(), withoutGuides)),
                new Notification.OfferReceived("o", HUGO, HUGO_MAIL, TicketId.of("T1"), MemberId.of("k"), "Karim", "Jeudi 16 h ?"),
                new Notification.OfferAccepted("a", HUGO, HUGO_MAIL, TicketId.of("T1"), "Rachel"),
                new Notification.OfferDeclined("d", HUGO, HUGO_MAIL, TicketId.of("T1")),
                new Notification.MessagePosted("p", HUGO, HUGO_MAIL, TicketId.of("T1"), MemberId.of("k"), "Karim", "À jeudi"),
                new Notification.TicketClosed("c", HUGO, HUGO_MAIL, TicketId.of("T1"), TicketStatus.EXPIRED),
                new Notification.Waitlisted("w", HUGO, HUGO_MAIL, MailNotifierTest.workshop(), 2),
                new Notification.OrganiserInvited("i", HUGO, HUGO_MAIL, MailNotifierTest.workshop(), "Karim Haddad"),
                new Notification.EstablishmentStatusChanged("s", HUGO, HUGO_MAIL, fr.sharenum.model.Uai.of("0210015C"),
                        "Lycée Carnot", fr.sharenum.model.EstablishmentStatus.CLOSING),
                new Notification.EventReminder("r", HUGO, HUGO_MAIL, MailNotifierTest.workshop(), Notification.Reminder.HOUR_BEFORE,
                        java.time.ZoneId.of("Europe/Paris"), ics),
                new Notification.FeedbackRequested("f", HUGO, HUGO_MAIL, MailNotifierTest.workshop()),
                new Notification.BadgeAwarded("b", HUGO, HUGO_MAIL, "premier-atelier", "Premier atelier ShareNum", null)));
        for (Notification.InvitationReason reason : Notification.InvitationReason.values()) {
            all.add(new Notification.EventInvitation("e-" + reason, HUGO, HUGO_MAIL, MailNotifierTest.workshop(), reason, ics));
        }
        return all;
    }

    @Test
    void every_mail_declares_its_language_has_a_text_part_and_no_empty_list() throws Exception {
        MailNotifier mail = notifier().build();
        List<Notification> all = everyKind();
        assertThat(all.stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrder(Notification.class.getPermittedSubclasses());

        for (Notification n : all) {
            checkAccessible(mail.compose(n), n.id());
        }
    }

    @Test
    void a_host_layout_is_held_to_the_same_rules(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("layout.html"), "<!DOCTYPE html><html lang=\"fr\"><body>"
                + "<img src=\"https://ent.example.fr/logo.png\" alt=\"ENT Bourgogne-Franche-Comté\">{{{content}}}"
                + "<a href=\"{{unsubscribe}}\">Ne plus recevoir ces messages</a></body></html>");
        MailNotifier mail = notifier().templates(MailTemplates.directory(dir)).build();

        for (Notification n : everyKind()) {
            checkAccessible(mail.compose(n), n.id());
        }
        // and the check itself catches an image without alternative text
        assertThat(imagesWithoutAlt("<p><img src=\"x.png\"><img src=\"y.png\" alt=\"\"><img alt=\"Logo\" src=\"z\"></p>"))
                .hasSize(2);
        assertThat(EMPTY_LIST.matcher("<ul>\n</ul>").find()).isTrue();
    }

    private static void checkAccessible(MimeMessage m, String id) throws Exception {
        assertThat(m.getHeader("Content-Language")).as(id).containsExactly("fr");
        Multipart alternative = alternative((Multipart) m.getContent());
        assertThat(alternative.getContentType()).as(id).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).as(id).isEqualTo(2);
        BodyPart textPart = alternative.getBodyPart(0);
        BodyPart htmlPart = alternative.getBodyPart(1);
        assertThat(textPart.getContentType()).as(id + ": the text part comes first").startsWith("text/plain");
        assertThat(htmlPart.getContentType()).as(id).startsWith("text/html");
        String text = MailNotifierTest.content(textPart);
        String html = MailNotifierTest.content(htmlPart);

        assertThat(html).as(id + ": language").containsPattern("<html[^>]*\\blang=\"fr\"");
        assertThat(imagesWithoutAlt(html)).as(id + ": images without alternative text").isEmpty();
        assertThat(EMPTY_LIST.matcher(html).find()).as(id + ": empty list").isFalse();
        assertThat(html).as(id).doesNotContainPattern("<li>\\s*</li>");
        Matcher link = LINK_TEXT.matcher(html);
        while (link.find()) {
            String label = link.group(1).replaceAll("<[^>]+>", "").strip();
            assertThat(label).as(id + ": link text").isNotBlank()
                    .doesNotMatch("(?i)(ici|cliquez ici|lien|click here|here)");
        }
        assertThat(text).as(id + ": text part").isNotBlank().doesNotContain("<p>").doesNotContain("<a ");
        // every link of the HTML is readable in the text part
        Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        while (href.find()) {
            assertThat(text).as(id + ": link in the text part").contains(unescape(href.group(1)));
        }
    }

    /** What an HTML attribute value reads as: Mustache escapes {@code =} and {@code &}. */
    private static String unescape(String attribute) {
        return Pattern.compile("&#(\\d+);").matcher(attribute.replace("&amp;", "&"))
                .replaceAll(r -> Character.toString(Integer.parseInt(r.group(1))));
    }

    private static Multipart alternative(Multipart mp) throws Exception {
        if (mp.getContentType().startsWith("multipart/alternative")) {
            return mp;
        }
        return (Multipart) mp.getBodyPart(0).getContent();
    }

    private static List<String> imagesWithoutAlt(String html) {
        List<String> bad = new ArrayList<>();
        Matcher img = IMG.matcher(html);
        while (img.find()) {
            Matcher alt = ALT.matcher(img.group());
            if (!alt.find() || alt.group(1).isBlank()) {
                bad.add(img.group());
            }
        }
        return bad;
    }
}
