package fr.sharenum;

import fr.sharenum.model.BadgeDefinition;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When a helper earns a badge: a {@link BadgeDefinition} and a condition on the helper's record of
 * events held. Checked for every organiser each time an event is marked held; a badge is awarded once.
 *
 * <pre>{@code
 * ShareNum.builder().badgeRules(List.of(
 *         BadgeRule.of(new BadgeDefinition("dix-ateliers", "Dix ateliers", "…", "Avoir animé dix ateliers"),
 *                 r -> r.workshopsHeld() >= 10)))
 * }</pre>
 *
 * @param badge     the badge
 * @param condition when the helper's record earns it
 */
public record BadgeRule(BadgeDefinition badge, Predicate<HelperRecord> condition) {

    /**
     * Checks and normalises the components.
     *
     * @param badge the badge
     * @param condition when the helper's record earns it
     */
    public BadgeRule {
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(condition, "condition");
    }

    /**
     * The {@code BadgeRule} of the given values.
     *
     * @param badge the badge
     * @param condition the condition
     * @return the {@code BadgeRule}
     */
    public static BadgeRule of(BadgeDefinition badge, Predicate<HelperRecord> condition) {
        return new BadgeRule(badge, condition);
    }

    /**
     * What a helper has organised and seen held.
     *
     * @param workshopsHeld  workshops (ateliers) held
     * @param meetingsHeld   meetings (rencontres) held
     * @param busEventsHeld  events held in a BusNum
     * @param participants   seats filled over all of them
     */
    public record HelperRecord(int workshopsHeld, int meetingsHeld, int busEventsHeld, int participants) {
    }

    /**
     * First workshop, five workshops, a BusNum tour (three events held in a BusNum).
     *
     * @return the defaults
     */
    public static List<BadgeRule> defaults() {
        return List.of(
                of(new BadgeDefinition("premier-atelier", "Premier atelier ShareNum",
                        "A animé son premier atelier d'accompagnement entre pairs.",
                        "Organiser un atelier ShareNum qui a eu lieu."), r -> r.workshopsHeld() >= 1),
                of(new BadgeDefinition("cinq-ateliers", "Cinq ateliers ShareNum",
                        "A animé cinq ateliers d'accompagnement entre pairs.",
                        "Organiser cinq ateliers ShareNum qui ont eu lieu."), r -> r.workshopsHeld() >= 5),
                of(new BadgeDefinition("tournee-busnum", "Tournée BusNum",
                        "A animé des ateliers itinérants dans le BusNum.",
                        "Organiser trois événements tenus dans un BusNum."), r -> r.busEventsHeld() >= 3));
    }
}
