package fr.sharenum.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.sharenum.model.Alert;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.MemberStatus;
import fr.sharenum.model.Offer;
import fr.sharenum.model.OfferStatus;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.ShareNumStore;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A safe export of tickets, matches, events and feedback for researchers, schema {@value #SCHEMA} (documented, with
 * its guarantees, in {@code docs/research-export.md}).
 *
 * <ul>
 *   <li><b>consent</b>: a member's records (their tickets, the matches where they were alerted, the events they
 *       organise, their feedback) are exported only when they consent ({@link Builder#consent}; by default nobody
 *       does: the host passes {@code sharenum.research().consents(host)});</li>
 *   <li><b>small counts</b>: every released record lies in a class of records sharing its place, month and topic
 *       (its quasi-identifiers) that holds at least {@link Builder#threshold k} distinct members (default 5) — places
 *       are coarsened (commune, département, académie, country) until it does, and the record is withheld when even
 *       the country is too small; every cell of the aggregate table below {@code k} is withheld, and enough other
 *       cells with it that no withheld cell can be worked out from the totals or from the cells released beside it;
 *       </li>
 *   <li><b>no linkage by default</b>: records carry no member pseudonym, so the records of one member cannot be
 *       combined into a rarer profile; with {@link Builder#linkMembers(boolean)} they carry keyed pseudonyms
 *       (HMAC-SHA-256 with the host's secret), stable from one export to the next, for longitudinal studies under an
 *       agreement — a weaker protection, documented as such;</li>
 *   <li>no free text, name, address, establishment or UAI; dates are months, delays minutes, distances bands.</li>
 * </ul>
 *
 * <pre>{@code
 * ObjectNode data = ResearchExport.builder(secretFromTheHostsVault)
 *         .consent(sharenum.research().consents(host)).threshold(5).build()
 *         .export(store, Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2027-07-01T00:00:00Z"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ResearchExport {
    /** The schema identifier written in every export. */
    public static final String SCHEMA = "sharenum-research/2";
    /** The threshold when the host sets none. */
    public static final int DEFAULT_THRESHOLD = 5;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String COUNTRY = "FR";

    /** How precisely places are given at best (coarser when a class is too small). */
    public enum Coarsening {
        /** INSEE commune code (the département when an establishment's commune is unknown). */
        COMMUNE,
        /** Département code. */
        DEPARTEMENT,
        /** Académie code. */
        ACADEMIE
    }

    /** The levels a place goes through, finest first. */
    private enum PlaceLevel { COMMUNE, DEPARTEMENT, ACADEMIE, COUNTRY }

    private final byte[] secret;
    private final Coarsening coarsening;
    private final Predicate<MemberId> consent;
    private final int threshold;
    private final boolean linkMembers;

    private ResearchExport(Builder b) {
        this.secret = b.secret.clone();
        this.coarsening = b.coarsening;
        this.consent = b.consent;
        this.threshold = b.threshold;
        this.linkMembers = b.linkMembers;
    }

    /**
     * A builder.
     *
     * @param secret the host's key for the pseudonyms, at least 32 random bytes from its key store: a secret (whoever
     *               holds it links pseudonyms back to members), never shipped with an export; see docs/security.md
     * @return a builder
     * @throws IllegalArgumentException when the secret is shorter than 32 bytes
     */
    public static Builder builder(byte[] secret) {
        return new Builder(secret);
    }

    private static <A> A need(Optional<A> aggregate, String name) {
        return aggregate.orElseThrow(() -> new IllegalArgumentException("the research export reads a store with native "
                + name + " (the in-memory store or JdbcStore)"));
    }

    /** One record about to be released: the members behind it, its places from finest to coarsest, its topic. */
    private static final class Row {
        final ObjectNode node;
        final Set<MemberId> subjects;
        final String[] places;
        final String month;
        final String topic;
        String released;

        Row(ObjectNode node, Set<MemberId> subjects, String[] places, String month, String topic) {
            this.node = node;
            this.subjects = subjects;
            this.places = places;
            this.month = month;
            this.topic = topic;
        }
    }

    /**
     * Tickets opened and events starting in {@code [from, to)}, with their matches and feedback, made safe.
     *
     * @param store the store
     * @param from  the start
     * @param to    the end
     * @return the export
     * @throws IllegalArgumentException when the period is empty or the store lacks a native aggregate
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
            Set<MemberId> consenting = new HashSet<>();
            List<TicketNum> tickets = new ArrayList<>();
            members.forEach(m -> {
                workplace.put(m.id(), m.establishment());
                if (m.status() != MemberStatus.ERASED && m.status() != MemberStatus.SUSPENDED && consent.test(m.id())) {
                    consenting.add(m.id());
                }
            });
            members.forEach((Member m) -> ticketStore.openedBy(m.id()).stream()
                    .filter(x -> !x.openedAt().isBefore(from) && x.openedAt().isBefore(to)).forEach(tickets::add));
            tickets.sort(Comparator.comparing(TicketNum::openedAt).thenComparing(x -> x.id().value()));
            var feedbackStore = need(t.feedback(), "feedback");
            List<Event> events = need(t.events(), "events").overlapping(from, to).stream()
                    .filter(e -> !e.start().isBefore(from)).sorted(Comparator.comparing(Event::start)
                            .thenComparing(e -> e.id().value())).toList();
            Map<String, Integer> withoutConsent = new LinkedHashMap<>();

            // tickets, then the matches of every ticket (a match is the alerted helper's record)
            List<Row> ticketRows = new ArrayList<>();
            List<Row> matchRows = new ArrayList<>();
            for (TicketNum x : tickets) {
                String month = month(x.openedAt());
                String tools = topic(x.tools().stream().map(ToolId::value).sorted().toList());
                if (consenting.contains(x.requester())) {
                    ObjectNode row = NODES.objectNode();
                    row.put("ticket", pseudonym("ticket", x.id().value()));
                    member(row, "requester", x.requester());
                    row.putNull("place");
                    row.putNull("placeLevel");
                    ArrayNode toolArray = row.putArray("tools");
                    x.tools().stream().map(ToolId::value).sorted().forEach(toolArray::add);
                    row.put("kind", x.kind().name());
                    row.put("radiusKm", Math.round(x.radiusKm()));
                    row.put("month", month);
                    row.put("status", x.status().name());
                    row.put("trainingsShown", x.shownTrainings().size());
                    row.put("trainingsDeclined", x.trainingsDeclined());
                    row.put("alerts", x.alerts().size());
                    row.put("offers", x.offers().size());
                    minutes(row, "minutesToFirstOffer", x.openedAt(), x.offers().stream().map(Offer::at).min(Instant::compareTo));
                    minutes(row, "minutesToAcceptance", x.openedAt(), x.enteredAt(TicketStatus.HELPER_ACCEPTED));
                    minutes(row, "minutesToEvent", x.openedAt(), x.enteredAt(TicketStatus.SCHEDULED));
                    ticketRows.add(new Row(row, Set.of(x.requester()), places(establishments.get(x.establishment())), month, tools));
                } else {
                    withoutConsent.merge("tickets", 1, Integer::sum);
                }
                for (Alert a : x.alerts()) {
                    if (!consenting.contains(a.helper())) {
                        withoutConsent.merge("matches", 1, Integer::sum);
                        continue;
                    }
                    ObjectNode match = NODES.objectNode();
                    match.put("ticket", pseudonym("ticket", x.id().value()));
                    member(match, "helper", a.helper());
                    match.putNull("helperPlace");
                    match.putNull("placeLevel");
                    match.put("tool", a.tool().value());
                    match.put("level", a.level().name());
                    match.put("month", month);
                    match.put("distanceKm", band(a.distanceKm()));
                    Optional<Offer> offer = x.offerOf(a.helper());
                    match.put("offered", offer.isPresent());
                    match.put("accepted", offer.map(o -> o.status() == OfferStatus.ACCEPTED).orElse(false));
                    matchRows.add(new Row(match, Set.of(a.helper()), places(establishments.get(workplace.get(a.helper()))), month,
                            a.tool().value() + "/" + a.level().name()));
                }
            }

            // events whose organisers all consent, and the feedback of consenting participants
            List<Row> eventRows = new ArrayList<>();
            Map<String, List<Row>> feedbackByEvent = new LinkedHashMap<>();
            for (Event e : events) {
                if (!consenting.containsAll(e.organisers())) {
                    withoutConsent.merge("events", 1, Integer::sum);
                    continue;
                }
                String month = month(e.start());
                ObjectNode row = NODES.objectNode();
                String event = pseudonym("event", e.id().value());
                row.put("event", event);
                ArrayNode organisers = row.putArray("organisers");
                if (linkMembers) {
                    e.organisers().forEach(o -> organisers.add(pseudonym("member", o.value())));
                }
                if (e.ticket() != null) {
                    row.put("ticket", pseudonym("ticket", e.ticket().value()));
                } else {
                    row.putNull("ticket");
                }
                row.putNull("place");
                row.putNull("placeLevel");
                row.put("kind", e.kind().name());
                ArrayNode toolArray = row.putArray("tools");
                e.tools().stream().map(ToolId::value).sorted().forEach(toolArray::add);
                ArrayNode themes = row.putArray("themes");
                e.themes().stream().map(th -> th.value()).sorted().forEach(themes::add);
                row.put("month", month);
                row.put("durationMinutes", e.duration().toMinutes());
                row.put("capacity", e.capacity());
                row.put("registered", e.registered().size());
                row.put("waitlisted", e.waitlist().size());
                row.put("status", e.status().name());
                row.put("busNum", e.bus() != null);
                String topic = topic(e.tools().stream().map(ToolId::value).sorted().toList());
                eventRows.add(new Row(row, Set.copyOf(e.organisers()), places(e, establishments), month, topic));
                if (e.status() == EventStatus.HELD) {
                    for (Feedback f : feedbackStore.on(e.id())) {
                        if (!consenting.contains(f.member())) {
                            withoutConsent.merge("feedback", 1, Integer::sum);
                            continue;
                        }
                        ObjectNode fb = NODES.objectNode();
                        fb.put("event", event);
                        member(fb, "participant", f.member());
                        fb.put("usefulness", f.usefulness());
                        feedbackByEvent.computeIfAbsent(event, k -> new ArrayList<>())
                                .add(new Row(fb, Set.of(f.member()), new String[] {COUNTRY}, month, event));
                    }
                }
            }

            ObjectNode root = NODES.objectNode();
            root.put("schema", SCHEMA);
            root.put("coarsening", coarsening.name());
            root.put("threshold", threshold);
            root.put("linkedMembers", linkMembers);
            root.put("from", day(from));
            root.put("to", day(to));
            ObjectNode suppressed = root.putObject("suppressed");
            ObjectNode consentless = root.putObject("withoutConsent");
            for (String array : List.of("tickets", "matches", "events", "feedback")) {
                consentless.put(array, withoutConsent.getOrDefault(array, 0));
            }
            List<Row> releasedTickets = generalise(ticketRows, "place");
            List<Row> releasedMatches = generalise(matchRows, "helperPlace");
            List<Row> releasedEvents = generalise(eventRows, "place");
            Set<String> eventsOut = new HashSet<>();
            releasedEvents.forEach(r -> eventsOut.add(r.node.path("event").asText()));
            // feedback: only on a released event, and only when at least k consenting participants rated it
            List<Row> releasedFeedback = new ArrayList<>();
            int feedbackWithheld = 0;
            for (Map.Entry<String, List<Row>> e : feedbackByEvent.entrySet()) {
                Set<MemberId> raters = new HashSet<>();
                e.getValue().forEach(r -> raters.addAll(r.subjects));
                if (eventsOut.contains(e.getKey()) && raters.size() >= threshold) {
                    releasedFeedback.addAll(e.getValue());
                } else {
                    feedbackWithheld += e.getValue().size();
                }
            }
            suppressed.put("tickets", ticketRows.size() - releasedTickets.size());
            suppressed.put("matches", matchRows.size() - releasedMatches.size());
            suppressed.put("events", eventRows.size() - releasedEvents.size());
            suppressed.put("feedback", feedbackWithheld);
            ArrayNode out = root.putArray("tickets");
            releasedTickets.forEach(r -> out.add(r.node));
            ArrayNode matchesOut = root.putArray("matches");
            releasedMatches.forEach(r -> matchesOut.add(r.node));
            ArrayNode eventsArray = root.putArray("events");
            releasedEvents.forEach(r -> eventsArray.add(r.node));
            ArrayNode feedbackArray = root.putArray("feedback");
            releasedFeedback.forEach(r -> feedbackArray.add(r.node));
            int cells = table(root.putObject("tables"), tickets, establishments);
            suppressed.put("cells", cells);
            return root;
        });
    }

    /**
     * Releases each row at the finest place whose class (place, month, topic) holds at least {@code threshold}
     * distinct members among the rows not yet released at a finer level; withholds the rest. Rows keep their order.
     */
    private List<Row> generalise(List<Row> rows, String placeField) {
        List<Row> pending = new ArrayList<>(rows);
        PlaceLevel[] levels = PlaceLevel.values();
        for (int level = coarsening.ordinal(); level < levels.length && !pending.isEmpty(); level++) {
            int l = level;
            Map<String, Set<MemberId>> classes = new HashMap<>();
            Function<Row, String> key = r -> r.places[Math.min(l, r.places.length - 1)] + "|" + r.month + "|" + r.topic;
            for (Row r : pending) {
                classes.computeIfAbsent(key.apply(r), k -> new HashSet<>()).addAll(r.subjects);
            }
            List<Row> still = new ArrayList<>();
            for (Row r : pending) {
                if (classes.get(key.apply(r)).size() >= threshold) {
                    int at = Math.min(l, r.places.length - 1);
                    r.released = r.places[at];
                    r.node.put(placeField, r.released);
                    PlaceLevel named = levels[at + (levels.length - r.places.length)];
                    if (named == PlaceLevel.COMMUNE && r.places[0].equals(r.places[1])) {
                        named = PlaceLevel.DEPARTEMENT;   // the commune is not known: the département stands in
                    }
                    r.node.put("placeLevel", named.name());
                } else {
                    still.add(r);
                }
            }
            pending = still;
        }
        List<Row> released = new ArrayList<>();
        for (Row r : rows) {
            if (r.released != null) {
                released.add(r);
            }
        }
        return released;
    }

    /**
     * Tickets opened and tickets that got a helper per académie, month and tool, with each (académie, month)'s
     * totals: cells below the threshold withheld ({@code null}), then, in each (académie, month), further cells until
     * the withheld ones cannot be worked out from the total (at least two withheld, together at least the
     * threshold), and "got a helper" withheld when "did not" would be small. Counts every ticket (an aggregate
     * table, not a member's record).
     *
     * @return how many cells were withheld
     */
    private int table(ObjectNode tables, List<TicketNum> tickets, Map<Uai, Establishment> establishments) {
        // académie|month -> tool -> {opened, withHelper}
        Map<String, Map<String, int[]>> groups = new TreeMap<>();
        for (TicketNum x : tickets) {
            Establishment e = establishments.get(x.establishment());
            String academie = e == null ? "?" : e.academie().code();
            for (ToolId tool : x.tools()) {
                int[] c = groups.computeIfAbsent(academie + "|" + month(x.openedAt()), k -> new TreeMap<>())
                        .computeIfAbsent(tool.value(), k -> new int[2]);
                c[0]++;
                if (x.enteredAt(TicketStatus.HELPER_ACCEPTED).isPresent()) {
                    c[1]++;
                }
            }
        }
        ArrayNode cells = tables.putArray("ticketsByAcademieMonthTool");
        ArrayNode totals = tables.putArray("ticketsByAcademieMonth");
        int withheld = 0;
        for (Map.Entry<String, Map<String, int[]>> g : groups.entrySet()) {
            String[] am = g.getKey().split("\\|");
            List<String> tools = new ArrayList<>(g.getValue().keySet());
            int[][] values = new int[2][tools.size()];
            for (int i = 0; i < tools.size(); i++) {
                values[0][i] = g.getValue().get(tools.get(i))[0];
                values[1][i] = g.getValue().get(tools.get(i))[1];
            }
            boolean[][] hidden = new boolean[2][tools.size()];
            int[] total = new int[2];
            boolean[] totalHidden = new boolean[2];
            for (int metric = 0; metric < 2; metric++) {
                for (int i = 0; i < tools.size(); i++) {
                    total[metric] += values[metric][i];
                    hidden[metric][i] = small(values[metric][i]);
                }
                if (metric == 1) {
                    // "did not get a helper" is released beside "opened": keep it from being small
                    for (int i = 0; i < tools.size(); i++) {
                        hidden[1][i] |= hidden[0][i] || small(values[0][i] - values[1][i]);
                    }
                }
                totalHidden[metric] = small(total[metric]) || metric == 1 && (totalHidden[0] || small(total[0] - total[1]));
                if (!totalHidden[metric]) {
                    secondary(values[metric], hidden[metric], total[metric]);
                }
            }
            for (int i = 0; i < tools.size(); i++) {
                ObjectNode cell = cells.addObject();
                cell.put("academie", am[0]);
                cell.put("month", am[1]);
                cell.put("tool", tools.get(i));
                withheld += put(cell, "opened", values[0][i], hidden[0][i]) + put(cell, "withHelper", values[1][i], hidden[1][i]);
            }
            ObjectNode row = totals.addObject();
            row.put("academie", am[0]);
            row.put("month", am[1]);
            withheld += put(row, "opened", total[0], totalHidden[0]) + put(row, "withHelper", total[1], totalHidden[1]);
        }
        return withheld;
    }

    private boolean small(int count) {
        return count > 0 && count < threshold;
    }

    /** Withholds further cells of a group whose total is released until the withheld ones cannot be worked out. */
    private void secondary(int[] values, boolean[] hidden, int total) {
        while (true) {
            int count = 0;
            int sum = 0;
            for (int i = 0; i < values.length; i++) {
                if (hidden[i]) {
                    count++;
                    sum += values[i];
                }
            }
            if (count == 0 || count >= 2 && sum >= threshold) {
                return;
            }
            int smallest = -1;
            for (int i = 0; i < values.length; i++) {
                if (!hidden[i] && values[i] > 0 && (smallest < 0 || values[i] < values[smallest])) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                return; // every non-zero cell is withheld: their sum is the total, each stays unknown when ≥ 2
            }
            hidden[smallest] = true;
        }
    }

    private static int put(ObjectNode node, String field, int value, boolean hidden) {
        if (hidden) {
            node.putNull(field);
            return 1;
        }
        node.put(field, value);
        return 0;
    }

    private void member(ObjectNode row, String field, MemberId member) {
        if (linkMembers) {
            row.put(field, pseudonym("member", member.value()));
        } else {
            row.putNull(field);
        }
    }

    private static String topic(List<String> tools) {
        return String.join(",", tools);
    }

    /** Distances as bands (a whole km beside the requester's commune could place a helper's school). */
    private static String band(double km) {
        if (km < 5) {
            return "0-5";
        } else if (km < 10) {
            return "5-10";
        } else if (km < 20) {
            return "10-20";
        } else if (km < 50) {
            return "20-50";
        }
        return "50+";
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

    private static String month(Instant t) {
        return YearMonth.from(t.atOffset(ZoneOffset.UTC)).toString();
    }

    /** An establishment's places: commune (or département), département, académie, country. */
    private static String[] places(Establishment e) {
        if (e == null) {
            return new String[] {COUNTRY};
        }
        return new String[] {e.communeCode() != null ? e.communeCode() : e.departement(), e.departement(), e.academie().code(), COUNTRY};
    }

    /**
     * An event's places from the finest to the country: its venue's, or for an online event the territory it was
     * announced to (the whole country when none).
     */
    private static String[] places(Event e, Map<Uai, Establishment> establishments) {
        if (e.venue() != null) {
            return places(e.venue(), establishments);
        }
        String academie = e.online().academie() == null ? COUNTRY : e.online().academie().code();
        String departement = e.online().departement() == null ? academie : e.online().departement();
        return new String[] {departement, departement, academie, COUNTRY};
    }

    private static String[] places(Venue v, Map<Uai, Establishment> establishments) {
        if (v.establishment() != null && establishments.containsKey(v.establishment())) {
            return places(establishments.get(v.establishment()));
        }
        return new String[] {v.departement(), v.departement(), v.academie().code(), COUNTRY};
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
        private Predicate<MemberId> consent = m -> false;
        private int threshold = DEFAULT_THRESHOLD;
        private boolean linkMembers;

        private Builder(byte[] secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.length < 32) {
                throw new IllegalArgumentException("the pseudonym secret must be at least 32 bytes, was " + secret.length);
            }
            this.secret = secret.clone();
        }

        /**
         * How precisely places are given at best; default {@link Coarsening#DEPARTEMENT}. A class too small at that
         * level is released at a coarser one.
         *
         * @param coarsening the coarsening
         * @return this builder
         */
        public Builder coarsen(Coarsening coarsening) {
            this.coarsening = Objects.requireNonNull(coarsening, "coarsening");
            return this;
        }

        /**
         * Whose records may be exported; default nobody. Pass {@code sharenum.research().consents(host)}; erased and
         * suspended members are left out whatever it says.
         *
         * @param consent whether a member consents
         * @return this builder
         */
        public Builder consent(Predicate<MemberId> consent) {
            this.consent = Objects.requireNonNull(consent, "consent");
            return this;
        }

        /**
         * The smallest number of distinct members behind any released class of records or cell; default
         * {@value #DEFAULT_THRESHOLD}. 1 turns suppression off: only for an export that stays in a secure enclave
         * (CASD) under the host's agreement.
         *
         * @param k at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code k} is below 1
         */
        public Builder threshold(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("the threshold is at least 1, was " + k);
            }
            this.threshold = k;
            return this;
        }

        /**
         * Whether records carry member pseudonyms (stable for one secret), so that a member's records can be followed
         * across records and exports; default {@code false}, which keeps every record unlinkable to the others of the
         * same member. Linked records are easier to re-identify: reserve them to a research agreement.
         *
         * @param link whether to link
         * @return this builder
         */
        public Builder linkMembers(boolean link) {
            this.linkMembers = link;
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
