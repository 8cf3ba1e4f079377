package fr.sharenum.webhook;

import fr.sharenum.model.Notification;
import fr.sharenum.model.ToolId;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** One line of French per notification, for the {@code text} field chat hooks display. */
final class Summaries {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH:mm", Locale.FRANCE);

    private Summaries() {
    }

    static String of(Notification n) {
        if (n instanceof Notification.VerificationRequested) {
            return "Confirmez votre adresse professionnelle pour activer votre compte ShareNum.";
        }
        if (n instanceof Notification.TicketAlert a) {
            return a.requesterName() + ", à " + a.distanceKm() + " km, cherche de l'aide sur "
                    + a.tools().stream().map(ToolId::value).sorted().collect(Collectors.joining(", ")) + " : « " + a.text() + " »";
        }
        if (n instanceof Notification.AlertDigest d) {
            return d.alerts().size() + " collègues proches cherchent de l'aide : " + d.alerts().stream()
                    .map(a -> a.requesterName() + " (" + a.tools().stream().map(ToolId::value).sorted()
                            .collect(Collectors.joining(", ")) + ", " + a.distanceKm() + " km)")
                    .collect(Collectors.joining(" ; ")) + ".";
        }
        if (n instanceof Notification.OfferReceived o) {
            return o.helperName() + " propose de vous aider : « " + o.message() + " »";
        }
        if (n instanceof Notification.OfferAccepted o) {
            return o.requesterName() + " a accepté votre proposition d'aide : vous pouvez échanger et planifier.";
        }
        if (n instanceof Notification.OfferDeclined) {
            return "Un autre collègue accompagnera cette demande. Merci pour votre proposition !";
        }
        if (n instanceof Notification.MessagePosted m) {
            return m.senderName() + " : « " + m.text() + " »";
        }
        if (n instanceof Notification.TicketClosed c) {
            return "La demande TicketNum est désormais " + c.status().name().toLowerCase(Locale.ROOT) + ".";
        }
        if (n instanceof Notification.EventInvitation e) {
            String when = WHEN.format(e.event().start().atZone(e.event().zone()));
            switch (e.reason()) {
                case ANNOUNCED:
                    return "Nouvel atelier près de chez vous : « " + e.event().title() + " », " + when + ", " + e.event().place() + ".";
                case ORGANISING:
                    return "Votre atelier « " + e.event().title() + " » est confirmé pour le " + when + ".";
                case REGISTERED:
                    return "Inscription confirmée : « " + e.event().title() + " », " + when + ".";
                case PROMOTED:
                    return "Une place s'est libérée : vous êtes inscrit·e à « " + e.event().title() + " », " + when + ".";
                case UPDATED:
                    return "Nouvel horaire pour « " + e.event().title() + " » : " + when + ".";
                default:
                    return "L'atelier « " + e.event().title() + " » du " + when + " est annulé"
                            + (e.note() == null ? "." : " : " + e.note());
            }
        }
        if (n instanceof Notification.OrganiserInvited o) {
            return o.inviterName() + " vous invite à co-organiser « " + o.event().title() + " » : acceptez ou déclinez"
                    + " l'invitation dans ShareNum.";
        }
        if (n instanceof Notification.EstablishmentStatusChanged s) {
            return s.establishmentName() + (s.status() == fr.sharenum.model.EstablishmentStatus.CLOSED
                    ? " est fermé selon l'annuaire de l'éducation" : " fermera prochainement selon l'annuaire de l'éducation")
                    + " : vous restez membre ; indiquez votre nouvel établissement dans votre profil quand vous changez.";
        }
        if (n instanceof Notification.EventReminder r) {
            String when = WHEN.format(r.event().start().atZone(r.zone()));
            return (r.when() == Notification.Reminder.DAY_BEFORE ? "Demain" : "Dans une heure") + " : « " + r.event().title()
                    + " », " + when + ", " + r.event().place() + ".";
        }
        if (n instanceof Notification.FeedbackRequested f) {
            return "Merci d'avoir participé à « " + f.event().title() + " » : donnez votre avis aux organisateurs.";
        }
        if (n instanceof Notification.BadgeAwarded b) {
            return "Vous avez obtenu le badge « " + b.badgeName() + " »" + (b.assertion() == null ? "." : " : " + b.assertion());
        }
        if (n instanceof Notification.Waitlisted w) {
            return "« " + w.event().title() + " » est complet : vous êtes en position " + w.position() + " sur la liste d'attente.";
        }
        throw new IllegalArgumentException("unknown notification " + n.getClass());
    }
}
