package fr.sharenum.core.internal;

import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.model.Actor;
import java.util.Objects;

import fr.sharenum.Establishments;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Uai;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

final class EstablishmentsImpl implements Establishments {
    private final Engine engine;

    EstablishmentsImpl(Engine engine) {
        this.engine = engine;
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
        // members of a moved establishment are placed anew through the change feed (Tx.putEstablishment)
        engine.tx(t -> {
            Access.require(Operation.ESTABLISHMENTS_WRITE, Access.relations(Access.principal(t, actor), null));
            for (Establishment e : all) {
                t.putEstablishment(e);
            }
            return null;
        });
        return all.size();
    }

    @Override
    public Optional<Establishment> find(Actor actor, Uai uai) {
        Objects.requireNonNull(uai, "uai");
        return engine.tx(t -> {
            Access.require(Operation.ESTABLISHMENTS_READ, Access.relations(Access.principal(t, actor), null));
            return t.establishment(uai);
        });
    }

    @Override
    public Establishment get(Actor actor, Uai uai) {
        return find(actor, uai).orElseThrow(() -> new NotFoundException("establishment", uai));
    }
}
