package fr.sharenum.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.sharenum.model.Alert;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Offer;
import fr.sharenum.model.OfferStatus;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.ShareNumStore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A pseudonymised export of tickets, matches, events and feedback for researchers, schema
 * {@value #SCHEMA} (documented in {@code docs/research-export.md}).
 *
 * <ul>
 *   <li>members, tickets and events appear only as pseudonyms: a keyed hash (HMAC-SHA-256) of their id
 *       with a secret the host holds — stable from one export to the next with the same secret,
 *       unlinkable to ShareNum's ids without it;</li>
 *   <li>places are coarsened to the commune, the département or the académie, never an establishment;</li>
 *   <li>free text (ticket texts, offers, messages, titles, descriptions, comments), names and addresses
 *       are left out; dates are days, durations minutes, distances whole km.</li>
 * </ul>
 *
 * <pre>{@code
 * ObjectNode data = ResearchExport.builder(secretFromTheHostsVault).coarsen(Coarsening.DEPARTEMENT).build()
 *         .export(store, Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ResearchExport {
    /** The schema identifier written in every export. */
    public static final String SCHEMA = "sharenum-research/1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** How precisely places are given. */
    public enum Coarsening {
        /** INSEE commune code (the département when an establishment's commune is unknown). */
        COMMUNE,
        /** Département code. */
        DEPARTEMENT,
        /** Académie code. */
        ACADEMIE
    }

    private final byte[] secret;
    private final Coarsening coarsening;

    private ResearchExport(Builder b) {
        this.secret = b.secret.clone();
        this.coarsening = b.coarsening;
    }

    /**
     * @param secret the host's key for the pseudonyms, at least 32 random bytes from its key store: a secret (whoever
     *               holds it links pseudonyms back to members), never shipped with an export; see docs/security.md
     * @return a builder
     */
    public static Builder builder(byte[] secret) {
        return new Builder(secret);
    }

    private static <A> A need(java.util.Optional<A> aggregate, String name) {
        return aggregate.orElseThrow(() -> new IllegalArgumentException("the research export reads a store with native "
                + name + " (the in-memory store or JdbcStore)"));
    }

    /**
     * Tickets opened and events starting in {@code [from, to)}, with their matches and feedback.
     *
     * @param store the store
     * @param from the start
     * @param to the end
     * @return the export
     */
    public ObjectNode export(ShareNumStore store, Instant from, Instant to) {
        Objects.requireNonNull(store, "store");
        if (from == null || to == null || !to.isAfter(from)) {
            throw new IllegalArgumentException("the period needs a start before its end");
        }
        return store.inTransaction(t -> {
            Map<Uai, Establishment> establishments = new HashMap<>();
            var members = need(t.members(), "members");
            var ticketStore = need(t.tickets(), "tickets");
            need(t.establishments(), "establishments").forEach(e -> establishments.put(e.uai(), e));
            Map<MemberId, Uai> workplace = new HashMap<>();
            List<TicketNum> tickets = new ArrayList<>();
            members.forEach(m -> workplace.put(m.id(), m.establishment()));
            members.forEach(m -> ticketStore.openedBy(m.id()).stream()
                    .filter(x -> !x.openedAt().isBefore(from) && x.openedAt().isBefore(to)).forEach(tickets::add));
            var feedbackStore = need(t.feedback(), "feedback");
            List<Event> events = need(t.events(), "events").overlapping(from, to).stream()
                    .filter(e -> !e.start().isBefore(from)).toList();

            ObjectNode root = NODES.objectNode();
            root.put("schema", SCHEMA);
            root.put("coarsening", coarsening.name());
            root.put("from", day(from));
            root.put("to", day(to));
            ArrayNode ticketRows = root.putArray("tickets");
            ArrayNode matchRows = root.putArray("matches");
            for (TicketNum x : tickets) {
                ObjectNode row = ticketRows.addObject();
                row.put("ticket", pseudonym("ticket", x.id().value()));
                row.put("requester", pseudonym("member", x.requester().value()));
                row.put("place", place(establishments.get(x.establishment())));
                ArrayNode tools = row.putArray("tools");
                x.tools().stream().map(ToolId::value).sorted().forEach(tools::add);
                row.put("kind", x.kind().name());
                row.put("radiusKm", Math.round(x.radiusKm()));
                row.put("openedOn", day(x.openedAt()));
                row.put("status", x.status().name());
                row.put("trainingsShown", x.shownTrainings().size());
                row.put("trainingsDeclined", x.trainingsDeclined());
                row.put("alerts", x.alerts().size());
                row.put("offers", x.offers().size());
                minutes(row, "minutesToFirstOffer", x.openedAt(), x.offers().stream().map(Offer::at).min(Instant::compareTo));
                minutes(row, "minutesToAcceptance", x.openedAt(), x.enteredAt(TicketStatus.HELPER_ACCEPTED));
                minutes(row, "minutesToEvent", x.openedAt(), x.enteredAt(TicketStatus.SCHEDULED));
                for (Alert a : x.alerts()) {
                    ObjectNode match = matchRows.addObject();
                    match.put("ticket", pseudonym("ticket", x.id().value()));
                    match.put("helper", pseudonym("member", a.helper().value()));
                    match.put("helperPlace", place(establishments.get(workplace.get(a.helper()))));
                    match.put("tool", a.tool().value());
                    match.put("level", a.level().name());
                    match.put("distanceKm", Math.round(a.distanceKm()));
                    Optional<Offer> offer = x.offerOf(a.helper());
                    match.put("offered", offer.isPresent());
                    match.put("accepted", offer.map(o -> o.status() == OfferStatus.ACCEPTED).orElse(false));
                }
            }
            ArrayNode eventRows = root.putArray("events");
            ArrayNode feedbackRows = root.putArray("feedback");
            for (Event e : events) {
                ObjectNode row = eventRows.addObject();
                row.put("event", pseudonym("event", e.id().value()));
                ArrayNode organisers = row.putArray("organisers");
                e.organisers().forEach(o -> organisers.add(pseudonym("member", o.value())));
                if (e.ticket() != null) {
                    row.put("ticket", pseudonym("ticket", e.ticket().value()));
                } else {
                    row.putNull("ticket");
                }
                if (e.venue() == null) {
                    // online only: the territory it was announced to (null for the whole country)
                    row.put("place", e.online().academie() == null ? null : coarsening == Coarsening.ACADEMIE
                            || e.online().departement() == null ? e.online().academie().code() : e.online().departement());
                } else {
                    row.put("place", e.venue().establishment() != null ? place(establishments.get(e.venue().establishment()))
                            : coarsening == Coarsening.ACADEMIE ? e.venue().academie().code() : e.venue().departement());
                }
                row.put("kind", e.kind().name());
                ArrayNode tools = row.putArray("tools");
                e.tools().stream().map(ToolId::value).sorted().forEach(tools::add);
                ArrayNode themes = row.putArray("themes");
                e.themes().stream().map(th -> th.value()).sorted().forEach(themes::add);
                row.put("day", day(e.start()));
                row.put("durationMinutes", e.duration().toMinutes());
                row.put("capacity", e.capacity());
                row.put("registered", e.registered().size());
                row.put("waitlisted", e.waitlist().size());
                row.put("status", e.status().name());
                row.put("busNum", e.bus() != null);
                if (e.status() == EventStatus.HELD) {
                    for (Feedback f : feedbackStore.on(e.id())) {
                        ObjectNode fb = feedbackRows.addObject();
                        fb.put("event", pseudonym("event", e.id().value()));
                        fb.put("participant", pseudonym("member", f.member().value()));
                        fb.put("usefulness", f.usefulness());
                    }
                }
            }
            return root;
        });
    }

    private static void minutes(ObjectNode row, String field, Instant from, Optional<Instant> to) {
        if (to.isPresent()) {
            row.put(field, Duration.between(from, to.get()).toMinutes());
        } else {
            row.putNull(field);
        }
    }

    private static String day(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private String place(Establishment e) {
        if (e == null) {
            return null;
        }
        switch (coarsening) {
            case COMMUNE:
                return e.communeCode() != null ? e.communeCode() : e.departement();
            case DEPARTEMENT:
                return e.departement();
            default:
                return e.academie().code();
        }
    }

    /** {@code kind}-prefixed keyed hash of an id: stable for one secret, unlinkable without it. */
    String pseudonym(String kind, String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
            return kind.charAt(0) + "-" + HexFormat.of().formatHex(h, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Configures a {@link ResearchExport}. Not thread-safe. */
    public static final class Builder {
        private final byte[] secret;
        private Coarsening coarsening = Coarsening.DEPARTEMENT;

        private Builder(byte[] secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.length < 32) {
                throw new IllegalArgumentException("the pseudonym secret must be at least 32 bytes, was " + secret.length);
            }
            this.secret = secret.clone();
        }

        /**
         * How precisely places are given; default {@link Coarsening#DEPARTEMENT}.
         *
         * @param coarsening the coarsening
         * @return this builder
         */
        public Builder coarsen(Coarsening coarsening) {
            this.coarsening = Objects.requireNonNull(coarsening, "coarsening");
            return this;
        }

        /**
         * Builds the {@code ResearchExport}.
         *
         * @return the {@link ResearchExport}
         */
        public ResearchExport build() {
            return new ResearchExport(this);
        }
    }

}
