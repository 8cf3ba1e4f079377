package fr.sharenum.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a member chose about the alerts they receive: tools muted, and a pause until a date.
 *
 * @param mutedTools  tools the member is never alerted for
 * @param pausedUntil no alert at all before this instant, or {@code null}
 */
public record AlertPreferences(Set<ToolId> mutedTools, Instant pausedUntil) {

    /** Every alert welcome. */
    public static final AlertPreferences NONE = new AlertPreferences(Set.of(), null);

    public AlertPreferences {
        mutedTools = Texts.copySet("mutedTools", mutedTools);
    }

    public Optional<Instant> pause() {
        return Optional.ofNullable(pausedUntil);
    }

    /** Whether an alert for {@code tool} at {@code at} is welcome. */
    public boolean accepts(ToolId tool, Instant at) {
        return !mutedTools.contains(tool) && (pausedUntil == null || !at.isBefore(pausedUntil));
    }

    public AlertPreferences muting(ToolId tool, boolean muted) {
        Set<ToolId> tools = new HashSet<>(mutedTools);
        if (muted) {
            tools.add(tool);
        } else {
            tools.remove(tool);
        }
        return new AlertPreferences(tools, pausedUntil);
    }

    public AlertPreferences pausedUntil(Instant until) {
        return new AlertPreferences(mutedTools, until);
    }
}
