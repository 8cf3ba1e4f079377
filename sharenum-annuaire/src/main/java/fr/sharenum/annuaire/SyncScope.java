package fr.sharenum.annuaire;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.EstablishmentType;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which establishments of the store a file speaks for: those it does not list are closed only inside
 * this scope. A regional extract does not close the rest of France, nor the national collèges file the
 * écoles.
 *
 * <ul>
 *   <li>{@link #seenInFile()} (the default): the académies and the types of the establishments the file
 *       lists — the Occitanie extract speaks for Toulouse and Montpellier, the collèges file for the
 *       collèges of every académie;</li>
 *   <li>{@link #of(Set, Set)}: the académies and types given;</li>
 *   <li>{@link #everything()}: the file is the whole national directory;</li>
 *   <li>{@link #nothing()}: never close an establishment for being absent (only for being listed closed).</li>
 * </ul>
 *
 * @param mode      how the scope is decided
 * @param academies the académies covered ({@link Mode#GIVEN} and, after a synchronisation, {@link Mode#SEEN_IN_FILE})
 * @param types     the types covered, likewise
 */
public record SyncScope(Mode mode, Set<Academie> academies, Set<EstablishmentType> types) {

    /** How a scope is decided. */
    public enum Mode {
        /** The académies and types of the file's establishments. */
        SEEN_IN_FILE,
        /** The académies and types given. */
        GIVEN,
        /** Every establishment. */
        EVERYTHING,
        /** No establishment. */
        NOTHING
    }

    /**
     * Checks and normalises the components.
     *
     * @param mode how the scope is decided
     * @param academies the académies covered ({@link Mode#GIVEN} and, after a synchronisation, {@link Mode#SEEN_IN_FILE})
     * @param types the types covered, likewise
     */
    public SyncScope {
        Objects.requireNonNull(mode, "mode");
        academies = academies == null || academies.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(academies));
        types = types == null || types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    /**
     * The académies and types of the establishments listed in the file (the default).
     *
     * @return the académies and types of the establishments listed in the file (the default)
     */
    public static SyncScope seenInFile() {
        return new SyncScope(Mode.SEEN_IN_FILE, Set.of(), Set.of());
    }

    /**
     * These académies and types.
     *
     * @param academies académies the file speaks for, not empty
     * @param types     types the file speaks for, not empty
     * @return the {@code SyncScope}
     */
    public static SyncScope of(Set<Academie> academies, Set<EstablishmentType> types) {
        if (academies.isEmpty() || types.isEmpty()) {
            throw new IllegalArgumentException("a scope needs académies and types; use nothing() for none");
        }
        return new SyncScope(Mode.GIVEN, academies, types);
    }

    /**
     * Every establishment: the file is the whole national directory.
     *
     * @return every establishment: the file is the whole national directory
     */
    public static SyncScope everything() {
        return new SyncScope(Mode.EVERYTHING, Set.of(), Set.of());
    }

    /**
     * No establishment is closed for being absent.
     *
     * @return the nothing
     */
    public static SyncScope nothing() {
        return new SyncScope(Mode.NOTHING, Set.of(), Set.of());
    }

    /**
     * Whether {@code e} is inside this scope (for {@link Mode#SEEN_IN_FILE}, once resolved with what was seen).
     *
     * @param e an establishment of the store
     * @return whether {@code e} is inside this scope (for {@link Mode#SEEN_IN_FILE}, once resolved with what was seen)
     */
    public boolean covers(Establishment e) {
        return covers(e.academie(), e.type());
    }

    /**
     * Whether establishments of {@code academie} and {@code type} are inside this scope.
     *
     * @param academie their académie
     * @param type     their type
     * @return whether establishments of {@code academie} and {@code type} are inside this scope
     */
    public boolean covers(Academie academie, EstablishmentType type) {
        switch (mode) {
            case EVERYTHING:
                return true;
            case NOTHING:
                return false;
            default:
                return academies.contains(academie) && types.contains(type);
        }
    }

    /** This scope with the académies and types seen in the file filled in, when it depends on them. */
    SyncScope resolve(Set<Academie> seenAcademies, Set<EstablishmentType> seenTypes) {
        return mode == Mode.SEEN_IN_FILE ? new SyncScope(Mode.SEEN_IN_FILE, seenAcademies, seenTypes) : this;
    }
}
