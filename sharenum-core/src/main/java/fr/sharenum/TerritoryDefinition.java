package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.InvalidValueException;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A custom territory: a named set of communes, départements, académies or establishments — a territoire numérique
 * éducatif, a bassin de formation, a réseau d'établissements — that académie staff define once and then use wherever
 * a {@link Territory} is ({@link Territory#custom(String)}). A place belongs to it when it lies in one of its parts;
 * parts may overlap (nothing is counted twice). Immutable.
 *
 * @param code     its code, 2 to 60 lower-case letters, digits or dashes ({@code "tne-aisne"})
 * @param name     its name, 1–200 characters ({@code "TNE de l'Aisne"})
 * @param academie the académie whose staff define and read it (its parts lie there), or {@code null} for a national
 *                 territory (defined by a national administrator or the host)
 * @param parts    1 to 5,000 territories of level {@code COMMUNE}, {@code DEPARTEMENT}, {@code ACADEMIE} or
 *                 {@code ESTABLISHMENT}
 */
public record TerritoryDefinition(String code, String name, Academie academie, Set<Territory> parts) {
    /** The most parts a custom territory has. */
    public static final int MAX_PARTS = 5_000;

    /**
     * Checks and normalises the components.
     *
     * @param code     its code, 2 to 60 lower-case letters, digits or dashes
     * @param name     its name, 1–200 characters
     * @param academie the académie whose staff define and read it, or {@code null} for a national territory
     * @param parts    1 to 5,000 territories of level {@code COMMUNE}, {@code DEPARTEMENT}, {@code ACADEMIE} or
     *                 {@code ESTABLISHMENT}
     * @throws InvalidValueException when a component is not valid
     */
    public TerritoryDefinition {
        if (code == null || code.isBlank()) {
            throw new InvalidValueException("code", "a custom territory has a code");
        }
        code = Territory.custom(code).code();
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "a custom territory has a name");
        }
        name = name.strip();
        if (name.length() > 200) {
            throw new InvalidValueException("name", "at most 200 characters, was " + name.length());
        }
        if (parts == null || parts.isEmpty()) {
            throw new InvalidValueException("parts", "a custom territory has at least one part");
        }
        if (parts.size() > MAX_PARTS) {
            throw new InvalidValueException("parts", "at most " + MAX_PARTS + " parts, got " + parts.size());
        }
        for (Territory p : parts) {
            Objects.requireNonNull(p, "part");
            if (p.level() == Territory.Level.COUNTRY || p.level() == Territory.Level.CUSTOM) {
                throw new InvalidValueException("parts", "a part is a commune, a département, an académie or an establishment,"
                        + " not " + p.level());
            }
        }
        Set<Territory> sorted = new LinkedHashSet<>();
        parts.stream().sorted(Comparator.comparing(Territory::level).thenComparing(Territory::code)).forEach(sorted::add);
        parts = Collections.unmodifiableSet(sorted);
    }

    /**
     * The territory to ask reports for.
     *
     * @return {@code Territory.custom(code)}
     */
    public Territory territory() {
        return Territory.custom(code);
    }
}
