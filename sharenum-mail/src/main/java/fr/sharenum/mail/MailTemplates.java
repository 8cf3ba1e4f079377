package fr.sharenum.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's own mail templates, which replace ShareNum's one by one: {@link MailNotifier} asks for each
 * template by name and uses ShareNum's built-in one when the host has none. Templates are
 * <a href="https://mustache.github.io/mustache.5.html">Mustache</a>, UTF-8; {@code {{x}}} is HTML-escaped,
 * {@code {{{x}}}} is not (use it in the text templates and the subjects only).
 *
 * <p>Names: {@code <Kind>.txt} and {@code <Kind>.html} (the body of one kind of notification, e.g.
 * {@code TicketAlert.html}), {@code <Kind>.subject} (its subject, one line; ShareNum's is computed and given to
 * every template as {@code subject}), {@code layout.txt} and {@code layout.html} (what wraps every body as
 * {@code content}). Kinds: the simple names of the records of {@link fr.sharenum.model.Notification}, listed in
 * {@link #KINDS}. Every template sees {@code subject}, {@code unsubscribe} (the link of
 * {@link MailLinks#unsubscribe}) and its kind's values, documented in {@code docs/integration-guide.md}
 * (e.g. {@code TicketAlert}: {@code requester}, {@code tools} — display names —, {@code where} — "dans votre
 * établissement", "à 12 km de votre établissement" —, {@code distanceKm}, {@code sameEstablishment}, {@code kind},
 * {@code text}, {@code link}, {@code guides}, {@code hasGuides}).
 *
 * <p>Templates are read once, on first use, and kept: restart to take a change into account. Keep them
 * accessible: a {@code lang} on {@code <html>}, an {@code alt} on every image, no empty list, and a text
 * version of every HTML body (ShareNum's own are checked by a test).
 *
 * <pre>{@code
 * MailNotifier mail = MailNotifier.builder("smtp.ac-dijon.fr", 587)
 *         .templates(MailTemplates.directory(Path.of("/etc/ent/sharenum-mails")))   // layout.html with the ENT's logo
 *         ...
 * }</pre>
 */
@FunctionalInterface
public interface MailTemplates {

    /** The kinds of notification, each with a {@code .txt}, {@code .html} and optional {@code .subject} template. */
    List<String> KINDS = List.of("VerificationRequested", "TicketAlert", "AlertDigest", "OfferReceived", "OfferAccepted",
            "OfferDeclined", "MessagePosted", "TicketClosed", "EventInvitation", "OrganiserInvited", "Waitlisted", "EstablishmentStatusChanged",
            "EventReminder", "FeedbackRequested", "BadgeAwarded");

    /**
     * The host's text of a template.
     *
     * @param name the template's name, e.g. {@code TicketAlert.html}, {@code TicketAlert.subject}, {@code layout.html}
     * @return its text, or empty to use ShareNum's
     */
    Optional<String> find(String name);

    /**
     * No override: ShareNum's templates only (the default).
     *
     * @return templates that find nothing
     */
    static MailTemplates none() {
        return name -> Optional.empty();
    }

    /**
     * Templates read from files named like the templates in {@code directory}; a file that is absent leaves
     * ShareNum's template in use.
     *
     * @param directory the folder holding e.g. {@code layout.html} and {@code TicketAlert.subject}
     * @return the templates found there
     */
    static MailTemplates directory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return name -> {
            Path file = directory.resolve(name);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the mail template " + file, e);
            }
        };
    }

    /**
     * Templates read as resources {@code prefix + name} of {@code loader}, e.g. packaged in the host's jar.
     *
     * @param loader the class loader holding them
     * @param prefix the resource folder, e.g. {@code "sharenum/mail/"}
     * @return the templates found there
     */
    static MailTemplates classpath(ClassLoader loader, String prefix) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(prefix, "prefix");
        return name -> {
            try (InputStream in = loader.getResourceAsStream(prefix + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the mail template " + prefix + name, e);
            }
        };
    }
}
