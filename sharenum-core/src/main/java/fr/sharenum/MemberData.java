package fr.sharenum;

import fr.sharenum.model.Availability;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.Message;
import fr.sharenum.model.Notification;
import fr.sharenum.model.TicketNum;

import java.time.Instant;
import java.util.List;

/**
 * Everything ShareNum holds about one member (RGPD right of access), from
 * {@link Members#exportData}. Serialise it with {@code sharenum-json}'s {@code ShareNumModule} to hand
 * it over as JSON.
 *
 * @param exportedAt    when it was gathered
 * @param member        the profile
 * @param availability  the published availability
 * @param ticketsOpened tickets the member opened
 * @param ticketsHelped tickets the member was alerted for, offered help on or accepted for
 * @param messagesSent  messages the member wrote
 * @param events        events the member organises, holds a seat in or waits for
 * @param pending       notifications to the member not delivered yet
 */
public record MemberData(Instant exportedAt, Member member, Availability availability, List<TicketNum> ticketsOpened,
                         List<TicketNum> ticketsHelped, List<Message> messagesSent, List<Event> events,
                         List<Notification> pending) {
    public MemberData {
        ticketsOpened = List.copyOf(ticketsOpened);
        ticketsHelped = List.copyOf(ticketsHelped);
        messagesSent = List.copyOf(messagesSent);
        events = List.copyOf(events);
        pending = List.copyOf(pending);
    }
}
