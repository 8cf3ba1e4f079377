package fr.sharenum.core.internal.rules;

import fr.sharenum.model.Event;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.MemberId;

import java.time.Instant;

/**
 * Whether a member may take a seat at an event (once the access matrix and blocks allowed them), in the order a
 * caller meets the refusals: organisers need no seat; registrations open while the event is CONFIRMED; and close
 * when it starts.
 */
public final class RegistrationRules {
    private RegistrationRules() {
    }

    /**
     * @param event  the event
     * @param member who registers
     * @param now    the time of the call
     * @throws IllegalTransitionException naming the rule broken
     */
    public static void check(Event event, MemberId member, Instant now) {
        if (event.isOrganiser(member)) {
            throw new IllegalTransitionException("event " + event.id() + " (member " + member + " organises it and needs no seat)",
                    event.status(), "a registration");
        }
        if (event.status() != EventStatus.CONFIRMED) {
            throw new IllegalTransitionException("event " + event.id() + " (registrations open while it is CONFIRMED)",
                    event.status(), "a registration");
        }
        if (!event.start().isAfter(now)) {
            throw new IllegalTransitionException("event " + event.id() + " (it has already started)", event.status(),
                    "a registration");
        }
    }
}
