package fr.sharenum.core.internal.store;

import fr.sharenum.TerritoryDefinition;
import fr.sharenum.core.internal.feed.AttendanceFacts;
import fr.sharenum.core.internal.feed.BadgeFacts;
import fr.sharenum.core.internal.feed.LevelChangeFacts;
import fr.sharenum.core.internal.feed.TrainingFacts;
import fr.sharenum.model.Academie;
import fr.sharenum.model.EventId;
import fr.sharenum.model.MemberId;
import fr.sharenum.spi.Documents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the académie's view and research keep beside the aggregates, as kernel documents in every store: dated level
 * changes, trainings chosen or attended, attendance marked at events, badges awarded (the facts a restart rebuilds
 * the indicators from once the change feed is pruned), members' research consent and custom territories.
 */
public final class ResearchStore {

    /**
     * A level change as stored: its facts and the member record's version it led to, which orders changes made at
     * one instant and keys the document.
     *
     * @param facts   the change
     * @param version the member record's version after the write
     */
    public record StoredLevelChange(LevelChangeFacts facts, long version) {
    }

    /**
     * Attendance marked at an event.
     *
     * @param event    the event
     * @param present  the registrants who came
     * @param markedAt when it was (last) marked
     * @param facts    what the indicators count of it
     */
    public record Attendance(EventId event, Set<MemberId> present, Instant markedAt, AttendanceFacts facts) {
        public Attendance {
            present = Set.copyOf(present);
        }
    }

    /**
     * A member's research consent.
     *
     * @param member the member
     * @param given  whether they consent
     * @param at     when they said so
     */
    public record Consent(MemberId member, boolean given, Instant at) {
    }

    static final DocCollection<StoredLevelChange> LEVELS = new DocCollection<>("level-change", StoredLevelChange.class,
            c -> Keys.join(c.facts().member().value(), String.format("%019d", c.version()), c.facts().tool().value()),
            c -> Map.of());
    static final DocCollection<TrainingFacts> TRAININGS = new DocCollection<>("training-trace", TrainingFacts.class,
            TrainingFacts::key, f -> Map.of());
    static final DocCollection<Attendance> ATTENDANCE = new DocCollection<>("attendance", Attendance.class,
            a -> a.event().value(), a -> Map.of());
    static final DocCollection<BadgeFacts> BADGES = new DocCollection<>("badge-fact", BadgeFacts.class, BadgeFacts::award,
            b -> Map.of());
    static final DocCollection<Consent> CONSENTS = new DocCollection<>("research-consent", Consent.class,
            c -> c.member().value(), c -> Map.of());
    static final DocCollection<TerritoryDefinition> TERRITORIES = new DocCollection<>("territory", TerritoryDefinition.class,
            TerritoryDefinition::code, t -> Map.of("academie", Keys.join(scope(t.academie()), t.code())));

    private ResearchStore() {
    }

    private static String scope(Academie a) {
        return a == null ? "national" : a.code();
    }

    // --- level changes

    /**
     * @param d      the transaction's kernel
     * @param change a new change
     */
    public static void insertLevelChange(Documents d, StoredLevelChange change) {
        LEVELS.insert(d, change);
    }

    /**
     * @param d      the transaction's kernel
     * @param member a member
     * @return their level changes, in the order they happened
     */
    public static List<StoredLevelChange> levelChangesOf(Documents d, MemberId member) {
        return LEVELS.between(d, Documents.BY_KEY, Keys.from(Keys.join(member.value())), Keys.after(Keys.join(member.value())));
    }

    /**
     * @param d      the transaction's kernel
     * @param action given every level change, member by member, in the order they happened
     */
    public static void forEachLevelChange(Documents d, Consumer<StoredLevelChange> action) {
        LEVELS.between(d, Documents.BY_KEY, "", Keys.END).forEach(action);
    }

    // --- trainings

    /**
     * @param d   the transaction's kernel
     * @param key member and training
     * @return what is recorded, if anything
     */
    public static Optional<TrainingFacts> training(Documents d, String key) {
        return TRAININGS.get(d, key);
    }

    /**
     * @param d     the transaction's kernel
     * @param facts what to record
     */
    public static void putTraining(Documents d, TrainingFacts facts) {
        TRAININGS.put(d, facts);
    }

    /**
     * @param d      the transaction's kernel
     * @param action given every training recorded
     */
    public static void forEachTraining(Documents d, Consumer<TrainingFacts> action) {
        TRAININGS.between(d, Documents.BY_KEY, "", Keys.END).forEach(action);
    }

    // --- attendance

    /**
     * @param d     the transaction's kernel
     * @param event an event
     * @return its attendance, if marked
     */
    public static Optional<Attendance> attendance(Documents d, EventId event) {
        return ATTENDANCE.get(d, event.value());
    }

    /**
     * @param d          the transaction's kernel
     * @param attendance the attendance marked
     */
    public static void putAttendance(Documents d, Attendance attendance) {
        ATTENDANCE.put(d, attendance);
    }

    /**
     * @param d      the transaction's kernel
     * @param action given every attendance marked
     */
    public static void forEachAttendance(Documents d, Consumer<Attendance> action) {
        ATTENDANCE.between(d, Documents.BY_KEY, "", Keys.END).forEach(action);
    }

    // --- badges

    /**
     * @param d     the transaction's kernel
     * @param facts a badge awarded
     */
    public static void insertBadge(Documents d, BadgeFacts facts) {
        BADGES.insert(d, facts);
    }

    /**
     * @param d      the transaction's kernel
     * @param action given every badge awarded
     */
    public static void forEachBadge(Documents d, Consumer<BadgeFacts> action) {
        BADGES.between(d, Documents.BY_KEY, "", Keys.END).forEach(action);
    }

    // --- consent

    /**
     * @param d      the transaction's kernel
     * @param member a member
     * @return what they said, if they said anything
     */
    public static Optional<Consent> consent(Documents d, MemberId member) {
        return CONSENTS.get(d, member.value());
    }

    /**
     * @param d       the transaction's kernel
     * @param consent what a member said
     */
    public static void putConsent(Documents d, Consent consent) {
        CONSENTS.put(d, consent);
    }

    /**
     * @param d the transaction's kernel
     * @return every member's explicit answer
     */
    public static List<Consent> consents(Documents d) {
        return CONSENTS.between(d, Documents.BY_KEY, "", Keys.END);
    }

    // --- custom territories

    /**
     * @param d    the transaction's kernel
     * @param code a custom territory's code
     * @return its definition, if defined
     */
    public static Optional<TerritoryDefinition> territory(Documents d, String code) {
        return TERRITORIES.get(d, code);
    }

    /**
     * @param d          the transaction's kernel
     * @param definition a definition, new or replacing the one of its code
     */
    public static void putTerritory(Documents d, TerritoryDefinition definition) {
        TERRITORIES.put(d, definition);
    }

    /**
     * @param d        the transaction's kernel
     * @param academie an académie, or {@code null} for national territories
     * @return the territories defined for it, by code
     */
    public static List<TerritoryDefinition> territories(Documents d, Academie academie) {
        return TERRITORIES.all(d, "academie", scope(academie));
    }
}
