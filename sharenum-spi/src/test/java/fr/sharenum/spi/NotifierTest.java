package fr.sharenum.spi;

import fr.sharenum.model.Email;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.TicketId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The default batch of the SPI: one attempt each, in order, a failure never stops the others. */
class NotifierTest {

    private static Notification declined(String id) {
        return new Notification.OfferDeclined(id, MemberId.of("m-" + id), Email.of("hugo@ac-dijon.fr"), TicketId.of("T1"));
    }

    @Test
    void send_all_tries_each_once_in_order_and_reports_failures_by_id() {
        List<String> tried = new ArrayList<>();
        Notifier notifier = n -> {
            tried.add(n.id());
            switch (n.id()) {
                case "refused" -> throw new NotificationFailedException("adresse refusée", true);
                case "bug" -> throw new IllegalStateException("boom");
                default -> { }
            }
        };

        Map<String, NotificationFailedException> failures = notifier.sendAll(
                List.of(declined("a"), declined("refused"), declined("b"), declined("bug"), declined("c")));

        assertThat(tried).containsExactly("a", "refused", "b", "bug", "c");
        assertThat(failures).containsOnlyKeys("refused", "bug");
        assertThat(failures.keySet()).containsExactly("refused", "bug");
        assertThat(failures.get("refused").isPermanent()).isTrue();
        assertThat(failures.get("bug").isPermanent()).as("an unexpected exception is transient").isFalse();
        assertThat(failures.get("bug")).hasCauseInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(notifier.sendAll(List.of())).isEmpty();
    }
}
