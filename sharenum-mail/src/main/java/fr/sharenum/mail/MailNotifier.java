package fr.sharenum.mail;

import fr.sharenum.model.Notification;
import fr.sharenum.spi.NotificationFailedException;
import fr.sharenum.spi.Notifier;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends each notification as a French e-mail over SMTP (Jakarta Mail, Eclipse Angus): a text and an
 * HTML body from Mustache templates, the iCalendar invitation attached for event notifications
 * ({@code invitation.ics}, {@code text/calendar; method=…}), UTF-8 throughout, {@code List-Unsubscribe}
 * with one-click {@code List-Unsubscribe-Post}, and a {@code Message-ID} derived from the notification's
 * idempotency key so a retried notification is recognisable as the same message. The only address in
 * a message is the recipient's (and the host's sender): no other member's address is ever disclosed.
 *
 * <p>A transient failure (connection refused or dropped, timeout, a 4xx reply) is retried with
 * exponential backoff and, when the attempts run out, reported as transient so ShareNum keeps the
 * notification for a later retry; a permanent one (authentication refused, recipient refused) is
 * reported at once as permanent. Nothing is dropped silently.
 *
 * <pre>{@code
 * Notifier mail = MailNotifier.builder("smtp.ac-dijon.fr", 587)
 *         .credentials("sharenum", password).startTls(true)
 *         .from("ShareNum <ne-pas-repondre@ac-dijon.fr>")
 *         .links(MailLinks.under(URI.create("https://ent.example.fr/sharenum")))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class MailNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);

    private final Session session;
    private final String username;
    private final String password;
    private final InternetAddress from;
    private final MailLinks links;
    private final Templates templates;
    private final int maxAttempts;
    private final Duration initialBackoff;

    private MailNotifier(Builder b) {
        Properties props = new Properties();
        props.put("mail.smtp.host", b.host);
        props.put("mail.smtp.port", Integer.toString(b.port));
        props.put("mail.smtp.connectiontimeout", Long.toString(b.timeout.toMillis()));
        props.put("mail.smtp.timeout", Long.toString(b.timeout.toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(b.timeout.toMillis()));
        props.put("mail.smtp.auth", Boolean.toString(b.username != null));
        props.put("mail.smtp.starttls.enable", Boolean.toString(b.startTls));
        props.put("mail.smtp.starttls.required", Boolean.toString(b.startTls));
        props.put("mail.mime.charset", "UTF-8");
        this.session = Session.getInstance(props);
        this.username = b.username;
        this.password = b.password;
        this.from = b.from;
        this.links = b.links;
        this.templates = new Templates(b.links);
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
    }

    /** An SMTP server at {@code host}:{@code port}. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    @Override
    public void send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        MimeMessage message;
        try {
            message = compose(notification);
        } catch (MessagingException e) {
            throw new NotificationFailedException("cannot compose the e-mail for " + notification.id() + ": "
                    + e.getMessage(), true, e);
        }
        Duration backoff = initialBackoff;
        MessagingException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                if (username != null) {
                    Transport.send(message, username, password);
                } else {
                    Transport.send(message);
                }
                LOG.debug("mail {} sent on attempt {}", notification.id(), attempt);
                return;
            } catch (AuthenticationFailedException e) {
                throw new NotificationFailedException("the SMTP server refused ShareNum's credentials", true, e);
            } catch (SendFailedException e) {
                if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                    throw new NotificationFailedException("the SMTP server refused the recipient of " + notification.id(),
                            true, e);
                }
                last = e;
            } catch (MessagingException e) {
                last = e;
            }
            if (attempt < maxAttempts) {
                LOG.info("mail attempt {} of {} for {} failed ({}); retrying in {} ms", attempt, maxAttempts,
                        notification.id(), last.getClass().getSimpleName(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
        throw new NotificationFailedException("could not send " + notification.id() + " after " + maxAttempts
                + " attempts: " + last.getMessage(), false, last);
    }

    /** The whole message for {@code n}; visible for the tests. */
    MimeMessage compose(Notification n) throws MessagingException {
        Templates.Rendered r = templates.render(n);
        String messageId = "<" + digest(n.id()) + "@" + domainOf(from) + ">";
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(from);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(n.to().value()));
        m.setSubject(r.subject(), "UTF-8");
        m.setHeader("Auto-Submitted", "auto-generated");
        m.setHeader("X-ShareNum-Notification", n.getClass().getSimpleName());
        String unsubscribe = links.unsubscribe(n.recipient()).toString();
        m.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(r.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(r.html(), "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (n instanceof Notification.EventInvitation invitation) {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            MimeBodyPart ics = new MimeBodyPart();
            // bytes, not a String: text handlers may touch line ends, and RFC 5545 needs every CRLF
            ics.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                    invitation.invitation().ics().getBytes(StandardCharsets.UTF_8), invitation.invitation().contentType())));
            ics.setFileName(invitation.invitation().fileName());
            ics.setHeader("Content-Transfer-Encoding", "base64");
            mixed.addBodyPart(ics);
            m.setContent(mixed);
        } else {
            m.setContent(alternative);
        }
        m.saveChanges();
        return m;
    }

    private static String domainOf(InternetAddress address) {
        String a = address.getAddress();
        return a.substring(a.indexOf('@') + 1);
    }

    private static String digest(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("interrupted while waiting to retry", false, e);
        }
    }

    /** Configures a {@link MailNotifier}. Not thread-safe. */
    public static final class Builder {
        private final String host;
        private final int port;
        private String username;
        private String password;
        private boolean startTls;
        private InternetAddress from;
        private MailLinks links;
        private Duration timeout = Duration.ofSeconds(20);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofSeconds(1);

        private Builder(String host, int port) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("the SMTP host is required");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("the SMTP port must be between 1 and 65535, was " + port);
            }
            this.host = host.strip();
            this.port = port;
        }

        /** Authenticate with these credentials; default none. */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Require STARTTLS; default false. */
        public Builder startTls(boolean required) {
            this.startTls = required;
            return this;
        }

        /** The sender, e.g. {@code "ShareNum <ne-pas-repondre@ac-dijon.fr>"}; required. */
        public Builder from(String address) {
            try {
                this.from = new InternetAddress(Objects.requireNonNull(address, "from"), true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("not a valid sender address: " + address, e);
            }
            return this;
        }

        /** Where the links lead; required. */
        public Builder links(MailLinks links) {
            this.links = Objects.requireNonNull(links, "links");
            return this;
        }

        /** Connection, read and write timeout; default 20 s. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** At most {@code maxAttempts} tries (1–20), waiting {@code initialBackoff} then doubling; default 4 and 1 s. */
        public Builder retries(int maxAttempts, Duration initialBackoff) {
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("maxAttempts must be between 1 and 20, was " + maxAttempts);
            }
            if (initialBackoff == null || initialBackoff.isNegative()) {
                throw new IllegalArgumentException("initialBackoff must be zero or positive");
            }
            this.maxAttempts = maxAttempts;
            this.initialBackoff = initialBackoff;
            return this;
        }

        public MailNotifier build() {
            if (from == null) {
                throw new IllegalStateException("say who sends: from(\"ShareNum <ne-pas-repondre@…>\")");
            }
            if (links == null) {
                throw new IllegalStateException("say where links lead: links(MailLinks.under(baseUrl))");
            }
            return new MailNotifier(this);
        }
    }
}
