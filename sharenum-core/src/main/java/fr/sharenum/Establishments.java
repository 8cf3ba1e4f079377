package fr.sharenum;

import fr.sharenum.model.Establishment;
import fr.sharenum.model.Uai;

import java.util.Collection;
import java.util.Optional;

/** The establishments members work at. Obtained from {@link ShareNum#establishments()}; thread-safe. */
public interface Establishments {

    /**
     * Adds or replaces an establishment. When its location changes, its members are re-located for
     * matching.
     */
    Establishment put(Establishment establishment);

    /** Adds or replaces many establishments (an Annuaire import). Returns how many were stored. */
    int putAll(Collection<Establishment> establishments);

    Optional<Establishment> find(Uai uai);

    /** @throws fr.sharenum.model.NotFoundException when unknown */
    Establishment get(Uai uai);
}
