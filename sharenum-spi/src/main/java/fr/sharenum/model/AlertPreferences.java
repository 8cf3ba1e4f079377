package fr.sharenum.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a member chose about the alerts they receive: tools muted, a pause until a date, and members
 * blocked — a blocked member's tickets and events never reach the blocker, and the blocker's never
 * reach them.
 *
 * @param mutedTools  tools the member is never alerted for
 * @param pausedUntil no alert at all before this instant, or {@code null}
 * @param blocked     members blocked by this member
 * @param digest      alerts one by one as they come ({@link Digest#NONE}), or gathered in one message a
 *                    day or a week
 */
public record AlertPreferences(Set<ToolId> mutedTools, Instant pausedUntil, Set<MemberId> blocked, Digest digest) {

    /** How alerts reach a member. */
    public enum Digest {
        /** Each alert as it comes (quiet hours apart). */
        NONE,
        /** Gathered once a day, at 17:00 local time. */
        DAILY,
        /** Gathered once a week, Monday at 17:00 local time. */
        WEEKLY
    }

    /** Most members one member may block. */
    public static final int MAX_BLOCKED = 500;

    /** Every alert welcome, one by one. */
    public static final AlertPreferences NONE = new AlertPreferences(Set.of(), null, Set.of(), Digest.NONE);

    /**
     * Checks and normalises the components.
     *
     * @param mutedTools tools the member is never alerted for
     * @param pausedUntil no alert at all before this instant, or {@code null}
     * @param blocked members blocked by this member
     * @param digest alerts one by one as they come ({@link Digest#NONE}), or gathered in one message a day or a week
     */
    public AlertPreferences {
        mutedTools = Texts.copySet("mutedTools", mutedTools, 200);
        blocked = Texts.copySet("blocked", blocked, MAX_BLOCKED);
        digest = digest == null ? Digest.NONE : digest;
    }

    /**
     * Creates a {@code AlertPreferences}.
     *
     * @param mutedTools tools the member is never alerted for
     * @param pausedUntil no alert at all before this instant, or {@code null}
     */
    public AlertPreferences(Set<ToolId> mutedTools, Instant pausedUntil) {
        this(mutedTools, pausedUntil, Set.of(), Digest.NONE);
    }

    /**
     * The with digest.
     *
     * @param newDigest the new digest
     * @return the with digest
     */
    public AlertPreferences withDigest(Digest newDigest) {
        return new AlertPreferences(mutedTools, pausedUntil, blocked, newDigest);
    }

    /**
     * Whether this member blocked {@code other}.
     *
     * @param other the other one
     * @return whether this member blocked {@code other}
     */
    public boolean blocks(MemberId other) {
        return blocked.contains(other);
    }

    /**
     * The blocking.
     *
     * @param other the other one
     * @param block whether block
     * @return the blocking
     */
    public AlertPreferences blocking(MemberId other, boolean block) {
        Set<MemberId> set = new HashSet<>(blocked);
        if (block) {
            set.add(other);
        } else {
            set.remove(other);
        }
        return new AlertPreferences(mutedTools, pausedUntil, set, digest);
    }

    /**
     * The pause.
     *
     * @return the pause, or empty when there is none
     */
    public Optional<Instant> pause() {
        return Optional.ofNullable(pausedUntil);
    }

    /**
     * Whether an alert for {@code tool} at {@code at} is welcome.
     *
     * @param tool the tool
     * @param at when
     * @return whether an alert for {@code tool} at {@code at} is welcome
     */
    public boolean accepts(ToolId tool, Instant at) {
        return !mutedTools.contains(tool) && (pausedUntil == null || !at.isBefore(pausedUntil));
    }

    /**
     * The muting.
     *
     * @param tool the tool
     * @param muted whether muted
     * @return the muting
     */
    public AlertPreferences muting(ToolId tool, boolean muted) {
        Set<ToolId> tools = new HashSet<>(mutedTools);
        if (muted) {
            tools.add(tool);
        } else {
            tools.remove(tool);
        }
        return new AlertPreferences(tools, pausedUntil, blocked, digest);
    }

    /**
     * The paused until.
     *
     * @param until the until
     * @return the paused until
     */
    public AlertPreferences pausedUntil(Instant until) {
        return new AlertPreferences(mutedTools, until, blocked, digest);
    }
}
