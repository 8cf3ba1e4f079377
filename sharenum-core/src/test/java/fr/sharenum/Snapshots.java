package fr.sharenum;

import fr.sharenum.model.Bus;
import fr.sharenum.model.TicketNum;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;
import fr.sharenum.spi.ShareNumStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Everything a store holds, as text in a stable order: to check that a refused or failed call changed nothing. */
final class Snapshots {
    /** The kernel collections core keeps beside the native aggregates. */
    static final List<String> KERNEL_COLLECTIONS = List.of("grant", "audit", "identity-link", "throttle", "help-offer",
            "directory-listing", "event-announced", "event-announced-to", "event-reminded");

    private Snapshots() {
    }

    static List<String> of(ShareNumStore store) {
        return store.inTransaction(st -> {
            fr.sharenum.core.internal.Tx t = fr.sharenum.core.internal.Tx.of(st);
            TreeSet<String> rows = new TreeSet<>();
            Instant from = Instant.EPOCH;
            Instant to = Instant.parse("9999-01-01T00:00:00Z");
            t.forEachEstablishment(e -> rows.add("E " + e));
            t.forEachMember(m -> {
                rows.add("M " + m);
                t.verification(m.id()).ifPresent(v -> rows.add("V " + v));
                t.availability(m.id()).ifPresent(a -> rows.add("A " + m.id() + " " + a));
                t.alertPreferences(m.id()).ifPresent(a -> rows.add("P " + m.id() + " " + a));
                t.badgesOf(m.id()).forEach(b -> rows.add("BG " + b));
                for (TicketNum tk : t.ticketsOf(m.id())) {
                    rows.add("T " + tk);
                    t.messages(tk.id(), 0, Integer.MAX_VALUE).forEach(msg -> rows.add("C " + msg));
                }
            });
            t.eventsOverlapping(from, to).forEach(e -> {
                rows.add("EV " + e);
                t.feedbackOn(e.id()).forEach(fb -> rows.add("F " + fb));
            });
            for (Bus b : t.buses()) {
                rows.add("B " + b);
                t.bookings(b.id(), from, to).forEach(bk -> rows.add("BK " + bk));
            }
            t.dueNotifications(to, Integer.MAX_VALUE).forEach(o -> rows.add("O " + o));
            t.deadLetters(Integer.MAX_VALUE).forEach(o -> rows.add("D " + o));
            t.publishedTrainings(from, to).forEach(tr -> rows.add("TR " + tr));
            for (String c : KERNEL_COLLECTIONS) {
                for (Doc d : t.range(c, Documents.BY_KEY, "", "\uffff", 100_000)) {
                    rows.add("K " + c + " " + d.key() + " v" + d.version() + " " + d.body());
                }
            }
            return new ArrayList<>(rows);
        });
    }
}
