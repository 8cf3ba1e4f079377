package fr.sharenum.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import fr.sharenum.model.EventSummary;
import fr.sharenum.model.Guide;
import fr.sharenum.model.Notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Subject, text and HTML of each notification, from the host's {@link MailTemplates} where it has one, else from
 * the Mustache templates in {@code templates/}.
 */
final class Templates {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH:mm", Locale.FRANCE);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm z", Locale.FRANCE);

    /** A rendered e-mail. */
    record Rendered(String subject, String text, String html) {
    }

    private final DefaultMustacheFactory factory = new DefaultMustacheFactory();
    private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();
    private final Map<String, Optional<Mustache>> hosts = new ConcurrentHashMap<>();
    private final MailLinks links;
    private final MailTemplates overrides;

    Templates(MailLinks links, MailTemplates overrides) {
        this.links = links;
        this.overrides = overrides;
    }

    Rendered render(Notification n) {
        String kind = n.getClass().getSimpleName();
        Map<String, Object> model = model(n);
        model.put("unsubscribe", links.unsubscribe(n.recipient()).toString());
        String subject = (String) model.get("subject");
        Optional<Mustache> ownSubject = own(kind + ".subject");
        if (ownSubject.isPresent()) {
            StringWriter out = new StringWriter();
            ownSubject.get().execute(out, model);
            subject = out.toString().strip().replaceAll("\\s+", " ");
            model.put("subject", subject);
        }
        Map<String, Object> text = new HashMap<>(model);
        text.put("content", run(kind + ".txt", model));
        Map<String, Object> html = new HashMap<>(model);
        html.put("content", run(kind + ".html", model));
        return new Rendered(subject, run("layout.txt", text), run("layout.html", html));
    }

    private String run(String template, Map<String, Object> model) {
        Mustache m = compiled.computeIfAbsent(template, this::load);
        StringWriter out = new StringWriter();
        m.execute(out, model);
        return out.toString();
    }

    /** The host's template {@code name}, compiled once. */
    private Optional<Mustache> own(String name) {
        return hosts.computeIfAbsent(name, n -> overrides.find(n).map(text -> factory.compile(new StringReader(text), n)));
    }

    private Mustache load(String template) {
        Optional<Mustache> own = own(template);
        if (own.isPresent()) {
            return own.get();
        }
        try (InputStream in = Templates.class.getResourceAsStream("templates/" + template)) {
            if (in == null) {
                throw new IllegalStateException("missing mail template " + template);
            }
            return factory.compile(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)), template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> model(Notification n) {
        Map<String, Object> m = new HashMap<>();
        if (n instanceof Notification.VerificationRequested v) {
            m.put("subject", "Confirmez votre adresse pour ShareNum");
            m.put("link", links.verification(v.recipient(), v.token()).toString());
            m.put("expires", DAY_TIME.format(v.expiresAt().atZone(java.time.ZoneId.of("Europe/Paris"))));
        } else if (n instanceof Notification.TicketAlert a) {
            m.putAll(alert(a));
            m.put("subject", (a.sameEstablishment() ? "Un collègue de votre établissement"
                    : a.distanceKm() == 0 ? "Un collègue tout proche" : "Un collègue à " + a.distanceKm() + " km")
                    + " cherche de l'aide sur " + m.get("tools"));
            m.put("kind", switch (a.kind()) {
                case ACCOMPANIMENT -> "accompagnement";
                case EXPERIENCE_EXCHANGE -> "échange d'expérience";
                default -> "partage de connaissances";
            });
            m.put("guides", a.guides().stream().map(Templates::guide).toList());
            m.put("hasGuides", !a.guides().isEmpty());
        } else if (n instanceof Notification.AlertDigest d) {
            int count = d.alerts().size();
            m.put("subject", count == 1 ? "Un collègue proche cherche de l'aide" : count + " collègues proches cherchent de l'aide");
            m.put("count", count);
            m.put("several", count > 1);
            // nearest first, as people read the distances: own establishment, then rounded km; arrival order otherwise
            m.put("alerts", d.alerts().stream()
                    .sorted(Comparator.comparing((Notification.TicketAlert a) -> !a.sameEstablishment())
                            .thenComparingLong(Notification.TicketAlert::distanceKm))
                    .map(this::alert).toList());
        } else if (n instanceof Notification.OfferReceived o) {
            m.put("subject", o.helperName() + " propose de vous aider");
            m.put("helper", o.helperName());
            m.put("message", o.message());
            m.put("link", links.ticket(o.ticket()).toString());
        } else if (n instanceof Notification.OfferAccepted o) {
            m.put("subject", o.requesterName() + " a accepté votre aide");
            m.put("requester", o.requesterName());
            m.put("link", links.ticket(o.ticket()).toString());
        } else if (n instanceof Notification.OfferDeclined o) {
            m.put("subject", "Merci pour votre proposition d'aide");
            m.put("link", links.ticket(o.ticket()).toString());
        } else if (n instanceof Notification.MessagePosted p) {
            m.put("subject", "Nouveau message de " + p.senderName());
            m.put("sender", p.senderName());
            m.put("text", p.text());
            m.put("link", links.ticket(p.ticket()).toString());
        } else if (n instanceof Notification.TicketClosed c) {
            String status = switch (c.status()) {
                case CANCELLED -> "annulée";
                case EXPIRED -> "expirée";
                default -> "terminée";
            };
            m.put("subject", "Demande " + status);
            m.put("status", status);
            m.put("link", links.ticket(c.ticket()).toString());
        } else if (n instanceof Notification.EventInvitation e) {
            event(m, e.event());
            String title = e.event().title();
            switch (e.reason()) {
                case ANNOUNCED -> {
                    m.put("subject", "Atelier près de chez vous : " + title);
                    m.put("intro", "Un atelier sur un outil ou un thème que vous suivez est organisé près de votre établissement.");
                }
                case ORGANISING -> {
                    m.put("subject", "Votre atelier est confirmé : " + title);
                    m.put("intro", "L'atelier que vous organisez est confirmé ; les collègues proches en sont informés.");
                }
                case REGISTERED -> {
                    m.put("subject", "Inscription confirmée : " + title);
                    m.put("intro", "Votre inscription est confirmée.");
                }
                case PROMOTED -> {
                    m.put("subject", "Une place s'est libérée : " + title);
                    m.put("intro", "Une place s'est libérée : vous êtes inscrit·e.");
                }
                case UPDATED -> {
                    m.put("subject", "Nouvel horaire : " + title);
                    m.put("intro", "L'horaire de l'événement a changé.");
                }
                default -> {
                    m.put("subject", "Annulation : " + title);
                    m.put("intro", e.note() == null ? "L'événement est annulé." : "L'événement est annulé : " + e.note());
                }
            }
        } else if (n instanceof Notification.OrganiserInvited o) {
            event(m, o.event());
            m.put("subject", "Invitation à co-organiser : " + o.event().title());
            m.put("inviter", o.inviterName());
        } else if (n instanceof Notification.Waitlisted w) {
            event(m, w.event());
            m.put("subject", "Liste d'attente : " + w.event().title());
            m.put("position", w.position());
        } else if (n instanceof Notification.EstablishmentStatusChanged s) {
            boolean closed = s.status() == fr.sharenum.model.EstablishmentStatus.CLOSED;
            m.put("subject", (closed ? "Fermeture de " : "Fermeture prochaine de ") + s.establishmentName());
            m.put("establishment", s.establishmentName());
            m.put("uai", s.establishment().value());
            m.put("state", closed ? "est fermé selon l'annuaire de l'éducation" : "fermera prochainement selon l'annuaire de l'éducation");
            m.put("link", links.profile(s.recipient()).toString());
        } else if (n instanceof Notification.EventReminder r) {
            event(m, r.event());
            // the recipient's own time zone: an overseas participant of an online event reads their local time
            m.put("when", WHEN.format(r.event().start().atZone(r.zone())));
            m.put("zone", r.zone().equals(r.event().zone()) ? "" : " (heure de " + r.zone().getId() + ")");
            boolean tomorrow = r.when() == Notification.Reminder.DAY_BEFORE;
            m.put("subject", (tomorrow ? "Demain : " : "Dans une heure : ") + r.event().title());
            m.put("intro", tomorrow ? "Rappel : l'événement auquel vous participez a lieu demain."
                    : "Rappel : l'événement auquel vous participez commence dans une heure.");
        } else if (n instanceof Notification.FeedbackRequested f) {
            event(m, f.event());
            m.put("subject", "Votre avis sur « " + f.event().title() + " »");
        } else if (n instanceof Notification.BadgeAwarded b) {
            m.put("subject", "Vous avez obtenu le badge « " + b.badgeName() + " »");
            m.put("badge", b.badgeName());
            m.put("hasAssertion", b.assertion() != null);
            if (b.assertion() != null) {
                m.put("assertion", b.assertion().toString());
            }
        } else {
            throw new IllegalArgumentException("no template for " + n.getClass().getName());
        }
        return m;
    }

    /** What an alert shows, alone or in a digest: who asks, on which tools, how far, what, and where to answer. */
    private Map<String, Object> alert(Notification.TicketAlert a) {
        Map<String, Object> x = new HashMap<>();
        x.put("requester", a.requesterName());
        x.put("tools", a.tools().stream().map(a::toolName).sorted(Collator.getInstance(Locale.FRANCE))
                .collect(Collectors.joining(", ")));
        x.put("distanceKm", a.distanceKm());
        x.put("sameEstablishment", a.sameEstablishment());
        x.put("where", a.sameEstablishment() ? "dans votre établissement"
                : a.distanceKm() == 0 ? "à moins d'un km de votre établissement"
                : "à " + a.distanceKm() + " km de votre établissement");
        x.put("text", a.text());
        x.put("link", links.ticket(a.ticket()).toString());
        return x;
    }

    private void event(Map<String, Object> m, EventSummary e) {
        m.put("title", e.title());
        m.put("when", WHEN.format(e.start().atZone(e.zone())));
        m.put("place", e.place());
        m.put("bus", e.onBus());
        m.put("hasVisio", e.visio() != null);
        if (e.visio() != null) {
            m.put("visio", e.visio().toString());
        }
        m.put("link", links.event(e.id()).toString());
    }

    private static Map<String, Object> guide(Guide g) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", g.title());
        m.put("summary", g.summary());
        if (g.link() != null) {
            m.put("link", g.link().toString());
        }
        return m;
    }

}
