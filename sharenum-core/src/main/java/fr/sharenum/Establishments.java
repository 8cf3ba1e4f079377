package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Uai;

import java.util.Collection;
import java.util.Optional;

/**
 * The establishments members work at: public open data (the Annuaire de l'éducation), read by anyone,
 * written by the host or a national administrator. Obtained from {@link ShareNum#establishments()};
 * thread-safe.
 */
public interface Establishments {

    /**
     * Adds or replaces an establishment. When its location changes, its members are re-located for matching.
     *
     * @param actor         the host, or a national administrator
     * @param establishment the establishment
     * @return the establishment
     */
    Establishment put(Actor actor, Establishment establishment);

    /**
     * Adds or replaces many establishments (an Annuaire import) in one transaction.
     *
     * @param actor          the host, or a national administrator
     * @param establishments the establishments
     * @return how many were stored
     */
    int putAll(Actor actor, Collection<Establishment> establishments);

    /**
     * @param actor anyone
     * @param uai   the establishment's UAI
     * @return the establishment, empty when unknown
     */
    Optional<Establishment> find(Actor actor, Uai uai);

    /**
     * @param actor anyone
     * @param uai   the establishment's UAI
     * @return the establishment
     * @throws fr.sharenum.model.NotFoundException when unknown
     */
    Establishment get(Actor actor, Uai uai);
}
