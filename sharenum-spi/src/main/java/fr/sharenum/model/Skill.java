package fr.sharenum.model;

import java.util.Set;

/**
 * A member's competence on one tool, with the pedagogical usages they have of it
 * ("classe inversée", "évaluation par compétences"…).
 *
 * @param tool   the tool
 * @param level  the self-declared level
 * @param usages free-form usages, each 1–200 characters; at most 20
 */
public record Skill(ToolId tool, CompetenceLevel level, Set<String> usages) {
    /**
     * Checks and normalises the components.
     *
     * @param tool the tool
     * @param level the self-declared level
     * @param usages free-form usages, each 1–200 characters; at most 20
     */
    public Skill {
        InvalidValueException.requireNonNull("skill.tool", tool);
        InvalidValueException.requireNonNull("skill.level", level);
        usages = Texts.cleanSet("skill.usages", usages, 20, 200);
    }

    /**
     * Creates a {@code Skill}.
     *
     * @param tool the tool
     * @param level the self-declared level
     */
    public Skill(ToolId tool, CompetenceLevel level) {
        this(tool, level, Set.of());
    }
}
