package fr.sharenum.mail;

import fr.sharenum.model.EventId;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.TicketId;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where the links of the e-mails lead, in the host's platform. {@link #under(URI)} builds them under
 * one base URL; a host with other routes implements the interface.
 */
public interface MailLinks {

    /**
     * The page confirming a member's address with {@code token}.
     *
     * @param member the member
     * @param token the single-use token, to redeem with {@code members().verify}
     * @return its address
     */
    URI verification(MemberId member, String token);

    /**
     * The page of a ticket (alert, offer, conversation).
     *
     * @param ticket the ticket
     * @return its address
     */
    URI ticket(TicketId ticket);

    /**
     * The page of an event (registration, waitlist, co-organisation).
     *
     * @param event the event
     * @return its address
     */
    URI event(EventId event);

    /**
     * One-click unsubscribe (RFC 8058: it must accept a POST).
     *
     * @param member the member
     * @return its address
     */
    URI unsubscribe(MemberId member);

    /**
     * The member's profile page (their establishment, levels, alert preferences). The default is the unsubscribe
     * page's sibling {@code profil?member=…}; {@link #under(URI)} gives {@code base}/profil.
     *
     * @param member the member
     * @return its address
     */
    default URI profile(MemberId member) {
        return unsubscribe(member).resolve("profil?member=" + encode(member.value()));
    }

    /**
     * Links {@code base}/verification?member=…&amp;token=…, {@code base}/tickets/{id},
     * {@code base}/evenements/{id}, {@code base}/desabonnement?member=…, {@code base}/profil.
     *
     * @param base the root of the host's ShareNum pages
     * @return the links
     */
    static MailLinks under(URI base) {
        Objects.requireNonNull(base, "base");
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return new MailLinks() {
            @Override
            public URI verification(MemberId member, String token) {
                return URI.create(root + "verification?member=" + encode(member.value()) + "&token=" + encode(token));
            }

            @Override
            public URI ticket(TicketId ticket) {
                return URI.create(root + "tickets/" + encode(ticket.value()));
            }

            @Override
            public URI event(EventId event) {
                return URI.create(root + "evenements/" + encode(event.value()));
            }

            @Override
            public URI unsubscribe(MemberId member) {
                return URI.create(root + "desabonnement?member=" + encode(member.value()));
            }

            @Override
            public URI profile(MemberId member) {
                return URI.create(root + "profil");
            }
        };
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
