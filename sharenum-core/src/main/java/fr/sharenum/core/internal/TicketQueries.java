package fr.sharenum.core.internal;

import fr.sharenum.BoardEntry;
import fr.sharenum.Page;
import fr.sharenum.PageRequest;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.access.Relation;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.GeoPoint;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.TicketQuery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The lists people read of tickets: "my tickets", "my offers", and the helper's board of open requests nearby. */
final class TicketQueries {
    private final Transactions transactions;
    private final Settings settings;

    /**
     * @param transactions the unit of work
     * @param settings     the host's settings (minimum helper level, radius bounds)
     */
    TicketQueries(Transactions transactions, Settings settings) {
        this.transactions = transactions;
        this.settings = settings;
    }

    /**
     * Whether {@code p} is qualified for {@code ticket}: at the minimum helper level on one of its tools, working within
     * its radius of its origin, and the one it is addressed to when it is addressed.
     */
    boolean qualified(Tx t, Principal p, TicketNum ticket) {
        Member m = p.member();
        if (m == null || !p.isActiveMember() || m.id().equals(ticket.requester())
                || ticket.addressedTo() != null && !ticket.addressedTo().equals(m.id())) {
            return false;
        }
        CompetenceLevel min = settings.minimumHelperLevel();
        boolean level = ticket.tools().stream().anyMatch(tool -> m.levelOn(tool).map(l -> l.compareTo(min) >= 0).orElse(false));
        if (!level) {
            return false;
        }
        GeoPoint here = t.establishment(m.establishment()).map(Establishment::location).orElse(null);
        return here != null && here.distanceKm(ticket.origin()) <= ticket.radiusKm();
    }

    /** The relations of {@link TicketsImpl#relations(Tx, Principal, TicketNum)} and QUALIFIED. */
    Access.Relations relations(Tx t, Principal p, TicketNum ticket) {
        return TicketsImpl.relations(t, p, ticket).add(Relation.QUALIFIED, qualified(t, p, ticket));
    }

    Page<TicketNum> of(Actor actor, MemberId member, PageRequest page, boolean offered) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(page, "page");
        String kind = offered ? "offered" : "opened";
        Cursors.Key after = Cursors.decode(kind, page.cursor());
        return transactions.tx(t -> {
            Member m = t.member(member).orElseThrow(() -> new NotFoundException("member", member));
            Principal p = Access.principal(t, actor);
            Access.require(Operation.TICKETS_OF_MEMBER, MembersImpl.relations(t, p, m));
            TicketQuery q = TicketQuery.all(page.limit() + 1);
            q = offered ? q.offeredBy(member) : q.openedBy(member);
            if (after != null) {
                q = q.after(after.at(), TicketId.of(after.id()));
            }
            List<TicketNum> found = t.searchTickets(q);
            List<TicketNum> out = new ArrayList<>();
            for (TicketNum ticket : found.subList(0, Math.min(found.size(), page.limit()))) {
                out.add(TicketViews.forReader(ticket, relations(t, p, ticket)));
            }
            String next = found.size() > page.limit()
                    ? Cursors.encode(kind, out.get(out.size() - 1).openedAt(), out.get(out.size() - 1).id().value()) : null;
            return new Page<>(out, next);
        });
    }

    Page<BoardEntry> board(Actor actor, Set<ToolId> tools, double radiusKm, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(page, "page");
        Settings s = settings;
        double radius = Double.isNaN(radiusKm) ? s.maxRadiusKm() : radiusKm;
        if (!(radius >= s.minRadiusKm() && radius <= s.maxRadiusKm())) {
            throw new InvalidValueException("radiusKm", "must be between " + s.minRadiusKm() + " and " + s.maxRadiusKm()
                    + " km, was " + radiusKm);
        }
        for (ToolId tool : tools) {
            s.tools().get(tool);
        }
        Cursors.Key after = Cursors.decode("board", page.cursor());
        return transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.TICKETS_BOARD, Access.relations(p, null));
            Member me = p.member();
            Establishment mine = t.establishment(me.establishment())
                    .orElseThrow(() -> new NotFoundException("establishment", me.establishment()));
            Set<ToolId> mastered = new HashSet<>();
            for (Map.Entry<ToolId, Skill> e : me.skills().entrySet()) {
                if (e.getValue().level().compareTo(s.minimumHelperLevel()) >= 0 && (tools.isEmpty() || tools.contains(e.getKey()))) {
                    mastered.add(e.getKey());
                }
            }
            if (mastered.isEmpty()) {
                return new Page<BoardEntry>(List.of(), null);
            }
            AlertPreferences myPrefs = t.alertPreferences(me.id()).orElse(AlertPreferences.NONE);
            Academie academie = mine.academie();
            List<BoardEntry> out = new ArrayList<>();
            TicketQuery q = TicketQuery.awaitingNear(mine.location(), radius, mastered, Math.min(200, page.limit() * 2 + 1));
            if (after != null) {
                q = q.after(after.at(), TicketId.of(after.id()));
            }
            TicketNum lastShown = null;
            boolean more = false;
            while (true) {
                List<TicketNum> batch = t.searchTickets(q);
                for (TicketNum ticket : batch) {
                    if (!shown(t, me, myPrefs, mine, ticket)) {
                        continue;
                    }
                    if (out.size() == page.limit()) {
                        more = true;
                        break;
                    }
                    out.add(entry(t, p, academie, mine, ticket));
                    lastShown = ticket;
                }
                if (more || batch.size() < q.limit()) {
                    break;
                }
                TicketNum last = batch.get(batch.size() - 1);
                q = q.after(last.openedAt(), last.id());
            }
            String next = more ? Cursors.encode("board", lastShown.openedAt(), lastShown.id().value()) : null;
            return new Page<>(out, next);
        });
    }

    /** Whether a request found near the reader belongs on their board. */
    private static boolean shown(Tx t, Member me, AlertPreferences myPrefs, Establishment mine, TicketNum ticket) {
        if (ticket.requester().equals(me.id()) || ticket.addressedTo() != null && !ticket.addressedTo().equals(me.id())) {
            return false;
        }
        if (mine.location().distanceKm(ticket.origin()) > ticket.radiusKm() || myPrefs.blocks(ticket.requester())) {
            return false;
        }
        return !t.alertPreferences(ticket.requester()).map(x -> x.blocks(me.id())).orElse(false);
    }

    private BoardEntry entry(Tx t, Principal p, Academie academie, Establishment mine, TicketNum ticket) {
        MemberId me = p.memberId();
        Access.Relations r = TicketsImpl.relations(p, t.establishment(ticket.establishment()).map(Establishment::academie)
                .orElse(academie), ticket).add(Relation.QUALIFIED, true);
        boolean text = Access.allows(Operation.TICKETS_BOARD_TEXT, r);
        return new BoardEntry(ticket.id(), ticket.tools(), ticket.themes(), ticket.kind(), text ? ticket.text() : null,
                Math.round(mine.location().distanceKm(ticket.origin())), mine.uai().equals(ticket.establishment()),
                ticket.openedAt(), ticket.expiresAt(), ticket.status(), ticket.offers().size(), ticket.wasAlerted(me),
                ticket.offerOf(me).isPresent());
    }
}
