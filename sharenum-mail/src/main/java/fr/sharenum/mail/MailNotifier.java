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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends each notification as a French e-mail over SMTP (Jakarta Mail, Eclipse Angus): a text and an
 * HTML body from Mustache templates (the host may replace any of them: {@link Builder#templates}), the
 * iCalendar invitation attached for event notifications ({@code invitation.ics}, {@code text/calendar;
 * method=…}), UTF-8 throughout, {@code Content-Language: fr}, {@code List-Unsubscribe} with one-click
 * {@code List-Unsubscribe-Post}, and a {@code Message-ID} derived from the notification's idempotency key
 * so a retried notification is recognisable as the same message. The only address in a message is the
 * recipient's (and the host's sender): no other member's address is ever disclosed.
 *
 * <p>One attempt per notification: ShareNum's outbox owns retries and backoff. A transient failure
 * (connection refused or dropped, timeout, a 4xx reply) is reported as transient so the outbox tries
 * again later; a permanent one (authentication refused, recipient refused, a message that cannot be
 * composed) as permanent, so it becomes a dead letter at once. {@link #sendAll} sends a batch over one
 * SMTP connection (a new one every {@link Builder#messagesPerConnection} messages, or when the server
 * drops it). Nothing is dropped silently, and nothing waits in the caller's thread but the SMTP exchange
 * itself.
 *
 * <pre>{@code
 * Notifier mail = MailNotifier.builder("smtp.ac-dijon.fr", 587)
 *         .credentials("sharenum", password).startTls(true)
 *         .from("ShareNum <ne-pas-repondre@ac-dijon.fr>")
 *         .links(MailLinks.under(URI.create("https://ent.example.fr/sharenum")))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe: each call uses its own SMTP connection.
 */
public final class MailNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);

    private final Session session;
    private final String username;
    private final String password;
    private final InternetAddress from;
    private final MailLinks links;
    private final Templates templates;
    private final int messagesPerConnection;

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
        this.templates = new Templates(b.links, b.templates);
        this.messagesPerConnection = b.messagesPerConnection;
    }

    /**
     * A builder for an SMTP server.
     *
     * @param host the SMTP server's host name
     * @param port its port (25, 465, 587…)
     * @return a builder
     * @throws IllegalArgumentException when the host is blank or the port out of 1–65535
     */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /**
     * Sends one e-mail, one attempt.
     *
     * @param notification what to tell whom
     * @throws NotificationFailedException when it could not be sent; {@link NotificationFailedException#isPermanent()}
     *                                     says whether another attempt can help
     */
    @Override
    public void send(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        NotificationFailedException failure = sendAll(List.of(notification)).get(notification.id());
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Sends the e-mails over one SMTP connection, one attempt each, in order.
     *
     * @param notifications what to tell whom
     * @return the failures by notification id; empty when every e-mail was accepted by the server
     */
    @Override
    public Map<String, NotificationFailedException> sendAll(List<? extends Notification> notifications) {
        Objects.requireNonNull(notifications, "notifications");
        Map<String, NotificationFailedException> failures = new LinkedHashMap<>();
        List<Notification> pending = new ArrayList<>(notifications.size());
        List<MimeMessage> messages = new ArrayList<>(notifications.size());
        for (Notification n : notifications) {
            try {
                messages.add(compose(Objects.requireNonNull(n, "notification")));
                pending.add(n);
            } catch (MessagingException | RuntimeException e) {
                failures.put(n.id(), new NotificationFailedException("cannot compose the e-mail for " + n.id() + ": "
                        + e.getMessage(), true, e));
            }
        }
        Transport transport = null;
        int onThisConnection = 0;
        try {
            for (int i = 0; i < pending.size(); i++) {
                Notification n = pending.get(i);
                if (transport != null && (onThisConnection >= messagesPerConnection || !transport.isConnected())) {
                    close(transport);
                    transport = null;
                }
                if (transport == null) {
                    try {
                        transport = connect();
                        onThisConnection = 0;
                    } catch (MessagingException e) {
                        boolean permanent = e instanceof AuthenticationFailedException;
                        String why = permanent ? "the SMTP server refused ShareNum's credentials"
                                : "cannot reach the SMTP server: " + e.getMessage();
                        for (Notification rest : pending.subList(i, pending.size())) {
                            failures.put(rest.id(), new NotificationFailedException(why, permanent, e));
                        }
                        break;
                    }
                }
                MimeMessage m = messages.get(i);
                onThisConnection++;
                try {
                    transport.sendMessage(m, m.getAllRecipients());
                    LOG.debug("mail {} sent", n.id());
                } catch (SendFailedException e) {
                    boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
                    failures.put(n.id(), new NotificationFailedException(refused
                            ? "the SMTP server refused the recipient of " + n.id()
                            : "the SMTP server did not accept " + n.id() + ": " + e.getMessage(), refused, e));
                } catch (MessagingException e) {
                    failures.put(n.id(), new NotificationFailedException("could not send " + n.id() + ": " + e.getMessage(),
                            false, e));
                }
            }
        } finally {
            close(transport);
        }
        if (!failures.isEmpty()) {
            LOG.info("{} of {} mails not sent", failures.size(), notifications.size());
        }
        return failures;
    }

    private Transport connect() throws MessagingException {
        Transport t = session.getTransport("smtp");
        if (username != null) {
            t.connect(username, password);
        } else {
            t.connect();
        }
        return t;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("closing the SMTP connection failed: {}", e.getMessage());
            }
        }
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
        m.setHeader("Content-Language", "fr");
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
        fr.sharenum.model.Invitation calendar = n instanceof Notification.EventInvitation i ? i.invitation()
                : n instanceof Notification.EventReminder reminder ? reminder.invitation() : null;
        if (calendar != null) {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            MimeBodyPart ics = new MimeBodyPart();
            // bytes, not a String: text handlers may touch line ends, and RFC 5545 needs every CRLF
            ics.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                    calendar.ics().getBytes(StandardCharsets.UTF_8), calendar.contentType())));
            ics.setFileName(calendar.fileName());
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
        private MailTemplates templates = MailTemplates.none();
        private int messagesPerConnection = 100;

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

        /**
         * Authenticate with these credentials; default none.
         *
         * @param username the SMTP user
         * @param password their password
         * @return this builder
         */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username, "username");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Require STARTTLS; default false.
         *
         * @param required whether required
         * @return this builder
         */
        public Builder startTls(boolean required) {
            this.startTls = required;
            return this;
        }

        /**
         * The sender, e.g. {@code "ShareNum <ne-pas-repondre@ac-dijon.fr>"}; required.
         *
         * @param address an address, with a display name if wanted
         * @return this builder
         */
        public Builder from(String address) {
            try {
                this.from = new InternetAddress(Objects.requireNonNull(address, "from"), true);
            } catch (AddressException e) {
                throw new IllegalArgumentException("not a valid sender address: " + address, e);
            }
            return this;
        }

        /**
         * Where the links lead; required.
         *
         * @param links the host's pages
         * @return this builder
         */
        public Builder links(MailLinks links) {
            this.links = Objects.requireNonNull(links, "links");
            return this;
        }

        /**
         * Connection, read and write timeout; default 20 s.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The host's templates, replacing ShareNum's one by one (the ENT's layout and logo, other wording);
         * default {@link MailTemplates#none()}.
         *
         * @param templates where to find the host's templates
         * @return this builder
         */
        public Builder templates(MailTemplates templates) {
            this.templates = Objects.requireNonNull(templates, "templates");
            return this;
        }

        /**
         * How many messages a batch sends over one SMTP connection before opening a new one (servers often
         * limit it); default 100.
         *
         * @param max at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code max} is below 1
         */
        public Builder messagesPerConnection(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("messagesPerConnection must be at least 1, was " + max);
            }
            this.messagesPerConnection = max;
            return this;
        }

        /**
         * Builds the notifier.
         *
         * @return a notifier ready to send
         * @throws IllegalStateException when the sender or the links are missing
         */
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
