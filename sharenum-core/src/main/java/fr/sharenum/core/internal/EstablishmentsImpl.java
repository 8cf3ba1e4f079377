package fr.sharenum.core.internal;

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
    public Establishment put(Establishment establishment) {
        putAll(List.of(establishment));
        return establishment;
    }

    @Override
    public int putAll(Collection<Establishment> all) {
        for (Establishment e : all) {
            if (e == null) {
                throw new InvalidValueException("establishments", "must not contain null");
            }
        }
        engine.refreshPending();
        List<MemberId> moved = engine.tx(t -> {
            List<MemberId> relocate = new ArrayList<>();
            for (Establishment e : all) {
                Optional<Establishment> old = t.establishment(e.uai());
                t.putEstablishment(e);
                if (old.isPresent() && !old.get().location().equals(e.location())) {
                    t.membersAt(e.uai()).stream().map(Member::id).forEach(relocate::add);
                }
            }
            return relocate;
        });
        all.forEach(engine.indicatorsAggregates()::establishment);
        engine.reindexAll(moved);
        return all.size();
    }

    @Override
    public Optional<Establishment> find(Uai uai) {
        return engine.tx(t -> t.establishment(uai));
    }

    @Override
    public Establishment get(Uai uai) {
        return find(uai).orElseThrow(() -> new NotFoundException("establishment", uai));
    }
}
