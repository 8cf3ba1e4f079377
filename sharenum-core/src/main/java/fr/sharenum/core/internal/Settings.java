package fr.sharenum.core.internal;

import fr.sharenum.EmailPolicy;
import fr.sharenum.ToolCatalog;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Email;
import fr.sharenum.spi.ClosedDays;

import java.time.Clock;
import java.time.Duration;

/** The host's configuration, as built by {@code ShareNum.Builder}. */
public record Settings(EmailPolicy emailPolicy, ToolCatalog tools, Clock clock, CompetenceLevel minimumHelperLevel,
                       double minRadiusKm, double maxRadiusKm, double defaultRadiusKm, Duration ticketLifetime,
                       Duration verificationValidity, Duration trainingHorizon, int maxAlertsPerTicket,
                       ClosedDays closedDays, double broadcastRadiusKm, BusRules busRules, Email invitationSender,
                       Dispatcher.DeliveryPolicy delivery) {
}
