package fr.sharenum.spi;

import fr.sharenum.model.Establishment;
import fr.sharenum.model.Uai;

import java.util.Optional;
import java.util.function.Consumer;

/** Establishments, by UAI. Part of a {@link StoreTransaction}: only valid during the transaction that handed it out. */
public interface EstablishmentStore {

    /**
     * @param uai the establishment's UAI
     * @return the establishment, if stored
     */
    Optional<Establishment> get(Uai uai);

    /**
     * Inserts or replaces an establishment.
     *
     * @param establishment the establishment
     */
    void put(Establishment establishment);

    /**
     * Visits every establishment, in no particular order.
     *
     * @param action what to do with each
     */
    void forEach(Consumer<? super Establishment> action);
}
