package fr.sharenum.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How one establishment of the store differs from the official directory: what a directory
 * synchronisation proposes, to be reviewed, then applied by storing {@link #after()}.
 *
 * <pre>{@code
 * EstablishmentChange moved = new EstablishmentChange(uai, Set.of(Kind.MOVED), before, before.withLocation(there),
 *         before.location().distanceKm(there), false);
 * }</pre>
 *
 * @param uai              the establishment
 * @param kinds            what changed, at least one; {@link Kind#NEW} alone or with nothing else
 * @param before           the establishment as stored, {@code null} exactly when {@code kinds} is {@code NEW}
 * @param after            the establishment to store, same UAI
 * @param movedKm          great-circle distance from the old main position to the new one, in km
 *                         ({@code 0} unless {@link Kind#MOVED})
 * @param absentFromSource whether it is {@link Kind#CLOSED} because the directory no longer lists it
 *                         (rather than listing it as closed)
 */
public record EstablishmentChange(Uai uai, Set<Kind> kinds, Establishment before, Establishment after, double movedKm,
                                  boolean absentFromSource) {

    /** One kind of difference. An establishment may show several at once (moved and renamed). */
    public enum Kind {
        /** Not in the store yet. */
        NEW,
        /** Its main position changed by at least the synchronisation's threshold. */
        MOVED,
        /** Its official name changed. */
        RENAMED,
        /** Its {@link EstablishmentType} changed. */
        RETYPED,
        /** Now {@link EstablishmentStatus#CLOSING}. */
        CLOSING,
        /** Now {@link EstablishmentStatus#CLOSED}: listed as closed, or gone from the directory. */
        CLOSED,
        /** Was closing or closed, now open or opening again. */
        REOPENED,
        /** Was announced ({@link EstablishmentStatus#OPENING}), now open. */
        OPENED,
        /** Anything else: académie, commune, annexes, or an unusual status change. */
        UPDATED
    }

    /**
     * Checks and normalises the components.
     *
     * @param uai the establishment
     * @param kinds what changed, at least one; {@link Kind#NEW} alone or with nothing else
     * @param before the establishment as stored, {@code null} exactly when {@code kinds} is {@code NEW}
     * @param after the establishment to store, same UAI
     * @param movedKm great-circle distance from the old main position to the new one, in km ({@code 0} unless {@link Kind#MOVED})
     * @param absentFromSource whether it is {@link Kind#CLOSED} because the directory no longer lists it (rather than listing it as closed)
     */
    public EstablishmentChange {
        InvalidValueException.requireNonNull("uai", uai);
        InvalidValueException.requireNonNull("after", after);
        if (kinds == null || kinds.isEmpty()) {
            throw new InvalidValueException("kinds", "a change has at least one kind");
        }
        for (Kind k : kinds) {
            InvalidValueException.requireNonNull("kinds", k);
        }
        kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        if (!after.uai().equals(uai) || (before != null && !before.uai().equals(uai))) {
            throw new InvalidValueException("uai", "before and after must be establishment " + uai);
        }
        if ((before == null) != kinds.contains(Kind.NEW) || (before == null && kinds.size() > 1)) {
            throw new InvalidValueException("kinds", "NEW goes alone, exactly when there is no previous establishment");
        }
        if (!(movedKm >= 0) || Double.isInfinite(movedKm)) {
            throw new InvalidValueException("movedKm", "must be a distance in km, was " + movedKm);
        }
        if (absentFromSource && !kinds.contains(Kind.CLOSED)) {
            throw new InvalidValueException("absentFromSource", "only a CLOSED change can come from an absence");
        }
    }

    /**
     * Whether this change includes {@code kind}.
     *
     * @param kind the kind
     * @return whether this change includes {@code kind}
     */
    public boolean is(Kind kind) {
        return kinds.contains(kind);
    }
}
