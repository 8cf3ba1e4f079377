package fr.sharenum;

import fr.sharenum.model.BadgeDefinition;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When a member earns a badge: a {@link BadgeDefinition} and a condition on their record of events held — as an
 * organiser ({@link #of}) or as a participant ({@link #forParticipants}). Checked for every organiser and every
 * participant each time an event is marked held; a badge is awarded once, and the member is told
 * ({@link fr.sharenum.model.Notification.BadgeAwarded}, with the Open Badges link when the host publishes them).
 *
 * <pre>{@code
 * ShareNum.builder().badgeRules(List.of(
 *         BadgeRule.of(new BadgeDefinition("dix-ateliers", "Dix ateliers", "…", "Avoir animé dix ateliers"),
 *                 r -> r.workshopsHeld() >= 10)))
 * }</pre>
 *
 * @param badge                the badge
 * @param condition            when an organiser's record earns it, or {@code null} for a participants' badge
 * @param participantCondition when a participant's record earns it, or {@code null} for an organisers' badge
 */
public record BadgeRule(BadgeDefinition badge, Predicate<HelperRecord> condition,
                        Predicate<ParticipantRecord> participantCondition) {

    /**
     * Checks and normalises the components.
     *
     * @param badge the badge
     * @param condition when an organiser's record earns it, or {@code null}
     * @param participantCondition when a participant's record earns it, or {@code null}; exactly one of the two
     */
    public BadgeRule {
        Objects.requireNonNull(badge, "badge");
        if ((condition == null) == (participantCondition == null)) {
            throw new IllegalArgumentException("a badge rule rewards organisers or participants: give one condition");
        }
    }

    /**
     * An organisers' badge.
     *
     * @param badge the badge
     * @param condition when the helper's record earns it
     */
    public BadgeRule(BadgeDefinition badge, Predicate<HelperRecord> condition) {
        this(badge, Objects.requireNonNull(condition, "condition"), null);
    }

    /**
     * A participants' badge: checked for every member who held a seat (and came, when attendance was taken) at an
     * event just held.
     *
     * @param badge the badge
     * @param condition when the participant's record earns it
     * @return the rule
     */
    public static BadgeRule forParticipants(BadgeDefinition badge, Predicate<ParticipantRecord> condition) {
        return new BadgeRule(badge, null, Objects.requireNonNull(condition, "condition"));
    }

    /**
     * What a member took part in, among events held: a seat they held (and came to, when attendance was taken).
     *
     * @param eventsAttended     events attended
     * @param workshopsAttended  of them, workshops
     * @param busEventsAttended  of them, in a BusNum
     * @param onlineAttended     of them, online or hybrid
     */
    public record ParticipantRecord(int eventsAttended, int workshopsAttended, int busEventsAttended, int onlineAttended) {
    }

    /**
     * A first participation and three workshops attended: participants' badges a host may add to {@link #defaults()}.
     *
     * @return the rules
     */
    public static List<BadgeRule> participantDefaults() {
        return List.of(
                forParticipants(new BadgeDefinition("premiere-participation", "Première participation ShareNum",
                        "A participé à son premier atelier ou sa première rencontre entre pairs.",
                        "Participer à un événement ShareNum qui a eu lieu."), r -> r.eventsAttended() >= 1),
                forParticipants(new BadgeDefinition("trois-ateliers-suivis", "Trois ateliers suivis",
                        "A suivi trois ateliers d'accompagnement entre pairs.",
                        "Participer à trois ateliers ShareNum qui ont eu lieu."), r -> r.workshopsAttended() >= 3));
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
