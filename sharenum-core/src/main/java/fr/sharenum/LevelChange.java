package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.ToolId;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a member's progression on a tool, as {@link Members#progression} shows it to them: their level before
 * and after, and when. A {@code null} level means the tool was not counted then (before they declared it or were
 * verified, after they dropped it or were suspended). Immutable.
 *
 * @param tool  the tool
 * @param from  the level before, or {@code null}
 * @param to    the level after, or {@code null}
 * @param at    when it changed
 * @param moved whether they changed establishment at that moment (the level may be the same)
 */
public record LevelChange(ToolId tool, CompetenceLevel from, CompetenceLevel to, Instant at, boolean moved) {
    /**
     * Checks the components.
     *
     * @param tool  the tool
     * @param from  the level before, or {@code null}
     * @param to    the level after, or {@code null}
     * @param at    when it changed
     * @param moved whether they changed establishment at that moment
     */
    public LevelChange {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(at, "at");
    }
}
