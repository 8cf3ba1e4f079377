package fr.sharenum.core.internal;

import fr.sharenum.Establishments;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentChange;
import fr.sharenum.model.EstablishmentStatus;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Uai;
import fr.sharenum.model.VersionConflictException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The establishment directory: puts, the application of a directory change set, reads. A moved establishment's
 * members are placed anew through the change feed (every instance keeps where establishments stand); the members
 * of an establishment that starts closing or closes are told, and kept.
 */
final class EstablishmentsImpl implements Establishments {
    private final Transactions transactions;
    private final Dispatcher dispatcher;

    /**
     * @param transactions the unit of work
     * @param dispatcher   where notifications of merged establishments go
     */
    EstablishmentsImpl(Transactions transactions, Dispatcher dispatcher) {
        this.transactions = transactions;
        this.dispatcher = dispatcher;
    }

    @Override
    public Establishment put(Actor actor, Establishment establishment) {
        putAll(actor, List.of(Objects.requireNonNull(establishment, "establishment")));
        return establishment;
    }

    @Override
    public int putAll(Actor actor, Collection<Establishment> all) {
        Objects.requireNonNull(all, "establishments");
        for (Establishment e : all) {
            if (e == null) {
                throw new InvalidValueException("establishments", "must not contain null");
            }
        }
        List<Notification> out = new ArrayList<>();
        transactions.tx(t -> {
            out.clear();
            Access.require(Operation.ESTABLISHMENTS_WRITE, Access.relations(Access.principal(t, actor), null));
            for (Establishment e : all) {
                Optional<Establishment> before = t.establishment(e.uai());
                t.putEstablishment(e);
                tellMembersOfAClosure(t, before.orElse(null), e, out);
            }
            dispatcher.enqueue(t, out);
            return null;
        });
        dispatcher.deliver(out);
        return all.size();
    }

    @Override
    public int apply(Actor actor, List<EstablishmentChange> changes) {
        Objects.requireNonNull(changes, "changes");
        Set<Uai> seen = new HashSet<>();
        for (EstablishmentChange c : changes) {
            if (c == null) {
                throw new InvalidValueException("changes", "must not contain null");
            }
            if (!seen.add(c.uai())) {
                throw new InvalidValueException("changes", "the establishment " + c.uai() + " appears twice");
            }
        }
        List<Notification> out = new ArrayList<>();
        int applied = transactions.tx(t -> {
            out.clear();
            Access.require(Operation.ESTABLISHMENTS_WRITE, Access.relations(Access.principal(t, actor), null));
            int n = 0;
            for (EstablishmentChange c : changes) {
                Establishment stored = t.establishment(c.uai()).orElse(null);
                if (c.after().equals(stored)) {
                    continue;   // applied already: applying a change set twice changes nothing
                }
                if (!Objects.equals(stored, c.before())) {
                    throw new VersionConflictException("the establishment " + c.uai() + " changed since the change set"
                            + " was made; synchronise again");
                }
                t.putEstablishment(c.after());
                tellMembersOfAClosure(t, stored, c.after(), out);
                n++;
            }
            dispatcher.enqueue(t, out);
            return n;
        });
        dispatcher.deliver(out);
        return applied;
    }

    /** When an establishment starts closing or closes, each of its active members is told (once per status). */
    private static void tellMembersOfAClosure(Tx t, Establishment before, Establishment after, List<Notification> out) {
        EstablishmentStatus was = before == null ? null : before.status();
        EstablishmentStatus now = after.status();
        if (now == was || (now != EstablishmentStatus.CLOSING && now != EstablishmentStatus.CLOSED)) {
            return;
        }
        for (Member m : t.membersAt(after.uai())) {
            if (m.isActive()) {
                out.add(new Notification.EstablishmentStatusChanged("establishment:" + after.uai() + ":" + now + ":" + m.id(),
                        m.id(), m.email(), after.uai(), after.name(), now));
            }
        }
    }

    @Override
    public List<Establishment> all(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        return transactions.tx(t -> {
            Access.require(Operation.ESTABLISHMENTS_READ, Access.relations(Access.principal(t, actor), null));
            List<Establishment> out = new ArrayList<>();
            t.forEachEstablishment(out::add);
            out.sort(Comparator.comparing(e -> e.uai().value()));
            return out;
        });
    }

    @Override
    public Optional<Establishment> find(Actor actor, Uai uai) {
        Objects.requireNonNull(uai, "uai");
        return transactions.tx(t -> {
            Access.require(Operation.ESTABLISHMENTS_READ, Access.relations(Access.principal(t, actor), null));
            return t.establishment(uai);
        });
    }

    @Override
    public Establishment get(Actor actor, Uai uai) {
        return find(actor, uai).orElseThrow(() -> new NotFoundException("establishment", uai));
    }
}
