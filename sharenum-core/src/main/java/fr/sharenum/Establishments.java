package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentChange;
import fr.sharenum.model.Uai;

import java.util.Collection;
import java.util.List;
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
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Establishment put(Actor actor, Establishment establishment);

    /**
     * Adds or replaces many establishments (an Annuaire import) in one transaction.
     *
     * @param actor          the host, or a national administrator
     * @param establishments the establishments
     * @return how many were stored
     * @throws fr.sharenum.model.InvalidValueException when the list contains {@code null}
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    int putAll(Actor actor, Collection<Establishment> establishments);

    /**
     * Applies a change set of the official directory (what {@code sharenum-annuaire}'s {@code DirectorySync}
     * proposes, reviewed by the host) in one transaction: each change stores its {@code after}. Idempotent: a change
     * whose {@code after} is already stored is skipped, so applying the same set twice changes nothing. Members are
     * kept whatever happens to their establishment: those of an establishment now {@code CLOSING} or {@code CLOSED}
     * are told ({@code Notification.EstablishmentStatusChanged}); those of a moved one are matched from its new
     * position on every instance (through the change feed).
     *
     * @param actor   the host, or a national administrator
     * @param changes the changes, each at most once per UAI
     * @return how many changes were stored (the others were already)
     * @throws fr.sharenum.model.VersionConflictException when an establishment is no longer what the change set saw
     *                                                    (neither its {@code before} nor its {@code after}): nothing
     *                                                    is applied, synchronise again
     * @throws fr.sharenum.model.InvalidValueException    when a UAI appears twice
     * @throws fr.sharenum.model.NotAllowedException      when {@code actor} may not write establishments
     */
    int apply(Actor actor, List<EstablishmentChange> changes);

    /**
     * Every establishment stored, in UAI order (what {@code DirectorySync.diff} compares with a new file).
     *
     * @param actor anyone
     * @return the establishments
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<Establishment> all(Actor actor);

    /**
     * @param actor anyone
     * @param uai   the establishment's UAI
     * @return the establishment, empty when unknown
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Optional<Establishment> find(Actor actor, Uai uai);

    /**
     * @param actor anyone
     * @param uai   the establishment's UAI
     * @return the establishment
     * @throws fr.sharenum.model.NotFoundException when unknown
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Establishment get(Actor actor, Uai uai);
}
