package fr.sharenum.core.internal;

import fr.sharenum.HelpOffer;
import fr.sharenum.HelpOfferRequest;
import fr.sharenum.HelpOffers;
import fr.sharenum.Page;
import fr.sharenum.PageRequest;
import fr.sharenum.TicketRequest;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.store.DocCollection;
import fr.sharenum.core.internal.store.Keys;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Alert;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.LimitExceededException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.spi.Documents;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Offers of help up front, kept as kernel documents (collection {@code help-offer}: every store has them), and the
 * ticket addressed to an offer's author.
 */
final class HelpOffersImpl implements HelpOffers {
    /** Most standing offers per member. */
    static final int MAX_STANDING = 10;

    /** What is stored: the offer without a reader's distance. */
    record Stored(String id, MemberId member, Uai establishment, Set<ToolId> tools, Set<Theme> themes,
                  String text, double radiusKm, boolean online, String availability, Instant publishedAt,
                  Instant withdrawnAt) {
        HelpOffer view(long distanceKm) {
            return new HelpOffer(id, member, establishment, tools, themes, text, radiusKm, online, availability, publishedAt,
                    withdrawnAt, distanceKm);
        }

        boolean about(Set<ToolId> t, Set<Theme> h) {
            return t.isEmpty() && h.isEmpty() || tools.stream().anyMatch(t::contains) || themes.stream().anyMatch(h::contains);
        }
    }

    private static final DocCollection<Stored> OFFERS = new DocCollection<>("help-offer", Stored.class, Stored::id, o -> {
        Map<String, String> ix = new HashMap<>();
        ix.put("member", Keys.join(o.member().value(), Keys.time(o.publishedAt())));
        if (o.withdrawnAt() == null) {
            ix.put("standing", Keys.time(o.publishedAt()));
        }
        return ix;
    });

    private final Transactions transactions;
    private final Settings settings;
    private final Map<Uai, Establishment> places;

    /**
     * @param transactions the unit of work
     * @param settings     the host's settings (clock, tools, radius bounds, minimum helper level)
     * @param places       every establishment, as the change feed brings them (read-only view)
     */
    HelpOffersImpl(Transactions transactions, Settings settings, Map<Uai, Establishment> places) {
        this.transactions = transactions;
        this.settings = settings;
        this.places = places;
    }

    @Override
    public HelpOffer publish(Actor actor, HelpOfferRequest r) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(r, "request");
        String text = clean("text", r.text(), 1000, false);
        String availability = r.availability().isEmpty() ? "" : clean("availability", r.availability(), 200, true);
        if (r.radiusKm() > settings.maxRadiusKm()) {
            throw new InvalidValueException("radiusKm", "must be at most " + settings.maxRadiusKm() + " km, was "
                    + r.radiusKm());
        }
        for (ToolId tool : r.tools()) {
            settings.tools().get(tool);
        }
        Instant now = settings.clock().instant();
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.HELP_OFFERS_PUBLISH, Access.relations(p, null));
            Member m = p.member();
            CompetenceLevel min = settings.minimumHelperLevel();
            for (ToolId tool : r.tools()) {
                if (m.levelOn(tool).map(l -> l.compareTo(min) < 0).orElse(true)) {
                    throw new InvalidValueException("tools", "member " + m.id() + " offers help on " + tool
                            + " without being at least " + min + " on it");
                }
            }
            if (standing(t, m.id()).size() >= MAX_STANDING) {
                throw new LimitExceededException("member " + m.id() + " has " + MAX_STANDING
                        + " standing offers of help, the most allowed; withdraw one first");
            }
            Stored o = new Stored(UUID.randomUUID().toString(), m.id(), m.establishment(), r.tools(), r.themes(), text,
                    r.radiusKm(), r.online(), availability, now, null);
            OFFERS.insert(t, o);
            return o.view(-1);
        });
    }

    /**
     * Free text as the model checks it at its boundary: NFC, surrounding blanks stripped, a length cap, no control
     * character but line feeds and tabs (none on one line), no bidirectional override or isolate.
     */
    static String clean(String field, String value, int max, boolean oneLine) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be empty");
        }
        String v = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (v.length() > max) {
            throw new InvalidValueException(field, "at most " + max + " characters, was " + v.length());
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean allowedBreak = !oneLine && (c == '\n' || c == '\t');
            boolean control = Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029'
                    || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069';
            if (control && !allowedBreak) {
                throw new InvalidValueException(field, String.format("contains the character U+%04X", (int) c));
            }
        }
        return v;
    }

    private static List<Stored> standing(Tx t, MemberId member) {
        List<Stored> out = new ArrayList<>();
        for (Stored o : OFFERS.all(t, "member", member.value())) {
            if (o.withdrawnAt() == null) {
                out.add(o);
            }
        }
        return out;
    }

    @Override
    public HelpOffer withdraw(Actor actor, String offer) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(offer, "offer");
        Instant now = settings.clock().instant();
        return transactions.retryingConflicts(() -> transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            var doc = OFFERS.doc(t, offer);
            if (doc.isEmpty()) {
                Access.require(Operation.HELP_OFFERS_WITHDRAW, Access.relations(p, null));
                throw new NotFoundException("offer of help", offer);
            }
            Stored o = OFFERS.get(t, offer).orElseThrow();
            Access.require(Operation.HELP_OFFERS_WITHDRAW, Access.relations(p, null).self(o.member()));
            if (o.withdrawnAt() != null) {
                return o.view(-1);
            }
            Stored w = new Stored(o.id(), o.member(), o.establishment(), o.tools(), o.themes(), o.text(), o.radiusKm(),
                    o.online(), o.availability(), o.publishedAt(), now);
            OFFERS.replace(t, w, doc.get().version());
            return w.view(-1);
        }));
    }

    @Override
    public Page<HelpOffer> near(Actor actor, Set<ToolId> tools, Set<Theme> themes, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(themes, "themes");
        Objects.requireNonNull(page, "page");
        Cursors.Key after = Cursors.decode("help-offers", page.cursor());
        transactions.freshen();
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.HELP_OFFERS_NEAR, Access.relations(p, null));
            Member me = p.member();
            GeoPoint here = location(t, me.establishment());
            AlertPreferences mine = t.alertPreferences(me.id()).orElse(AlertPreferences.NONE);
            List<HelpOffer> found = new ArrayList<>();
            for (Stored o : OFFERS.between(t, "standing", "", Keys.END)) {
                if (o.member().equals(me.id()) || !o.about(tools, themes) || mine.blocks(o.member())) {
                    continue;
                }
                GeoPoint there = location(t, o.establishment());
                double d = here == null || there == null ? Double.POSITIVE_INFINITY : here.distanceKm(there);
                if (!(o.online() || d <= o.radiusKm())) {
                    continue;
                }
                if (t.alertPreferences(o.member()).map(x -> x.blocks(me.id())).orElse(false)) {
                    continue;
                }
                double rounded = Double.isInfinite(d) ? Double.MAX_VALUE : Math.rint(d);
                if (after != null && (rounded < after.number() || rounded == after.number() && o.id().compareTo(after.id()) <= 0)) {
                    continue;
                }
                found.add(o.view(Double.isInfinite(d) ? -1 : Math.round(d)));
            }
            Comparator<HelpOffer> order = Comparator.comparingDouble((HelpOffer h) -> h.distanceKm() < 0 ? Double.MAX_VALUE
                    : h.distanceKm()).thenComparing(HelpOffer::id);
            found.sort(order);
            List<HelpOffer> out = found.size() > page.limit() ? found.subList(0, page.limit()) : found;
            String next = null;
            if (found.size() > page.limit()) {
                HelpOffer last = out.get(out.size() - 1);
                next = Cursors.encode("help-offers", last.distanceKm() < 0 ? Double.MAX_VALUE : last.distanceKm(), last.id());
            }
            return new Page<>(out, next);
        });
    }

    private GeoPoint location(Tx t, Uai uai) {
        Establishment e = places.get(uai);
        if (e == null) {
            e = t.establishment(uai).orElse(null);
        }
        return e == null ? null : e.location();
    }

    @Override
    public List<HelpOffer> of(Actor actor, MemberId member) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(member, "member");
        return transactions.tx(t -> {
            Access.require(Operation.HELP_OFFERS_READ, Access.relations(Access.principal(t, actor), null));
            t.member(member).orElseThrow(() -> new NotFoundException("member", member));
            List<Stored> mine = standing(t, member);
            List<HelpOffer> out = new ArrayList<>();
            for (int i = mine.size() - 1; i >= 0; i--) {
                out.add(mine.get(i).view(-1));
            }
            return out;
        });
    }

    /**
     * The one alert of a ticket addressed to {@code helper}: they have a standing offer of help reaching the requester
     * (within its radius, or online) about one of the ticket's tools or themes, they are at the minimum helper level on
     * one of its tools, and neither blocked the other.
     *
     * @throws NotAllowedException when the helper cannot be asked directly
     */
    List<Alert> addressed(MemberId requester, Establishment origin, TicketRequest request) {
        MemberId helper = request.addressedTo();
        CompetenceLevel min = settings.minimumHelperLevel();
        return transactions.tx(t -> {
            Member h = Engine.activeMember(t, helper);
            Access.requireNotBlocked(t, Operation.TICKETS_OFFER, requester, helper);
            GeoPoint there = location(t, h.establishment());
            double d = there == null ? Double.POSITIVE_INFINITY : there.distanceKm(origin.location());
            boolean offered = standing(t, helper).stream().anyMatch(o -> o.about(request.tools(), request.themes())
                    && (o.online() || d <= o.radiusKm()));
            if (!offered) {
                throw new NotAllowedException("member " + helper + " has no offer of help reaching " + origin.uai()
                        + " about " + request.tools() + " " + request.themes() + ": open the ticket to every colleague nearby");
            }
            Alert best = null;
            for (ToolId tool : new TreeSet<>(request.tools())) {
                CompetenceLevel level = h.levelOn(tool).orElse(null);
                if (level != null && level.compareTo(min) >= 0 && (best == null || level.compareTo(best.level()) > 0)) {
                    best = new Alert(helper, tool, level, Double.isInfinite(d) ? 0 : Math.rint(d));
                }
            }
            if (best == null) {
                throw new NotAllowedException("member " + helper + " is not at least " + min + " on " + request.tools());
            }
            return List.of(best);
        });
    }

    /** Withdraws a member's offers and replaces their words with the erasure notice (RGPD erasure). */
    static void erase(Tx t, MemberId member) {
        for (Stored o : OFFERS.all(t, "member", member.value())) {
            Stored redacted = new Stored(o.id(), o.member(), o.establishment(), o.tools(), o.themes(), Erasure.ERASED_TEXT,
                    o.radiusKm(), o.online(), "", o.publishedAt(), o.withdrawnAt() != null ? o.withdrawnAt() : t.clockNow());
            OFFERS.replace(t, redacted, OFFERS.doc(t, o.id()).orElseThrow().version());
        }
    }

    /** Every member's standing offers, for an export. */
    static List<HelpOffer> allOf(Documents d, MemberId member) {
        return OFFERS.all(d, "member", member.value()).stream().map(o -> o.view(-1)).toList();
    }
}
