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
 * @param noAnnouncements whether the member opted out of event announcements (events near them on their tools or
 *                    themes); reminders of events they registered to still come
 */
public record AlertPreferences(Set<ToolId> mutedTools, Instant pausedUntil, Set<MemberId> blocked, Digest digest,
                               boolean noAnnouncements) {

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
    public static final AlertPreferences NONE = new AlertPreferences(Set.of(), null, Set.of(), Digest.NONE, false);

    /**
     * Checks and normalises the components.
     *
     * @param mutedTools tools the member is never alerted for
     * @param pausedUntil no alert at all before this instant, or {@code null}
     * @param blocked members blocked by this member
     * @param digest alerts one by one as they come ({@link Digest#NONE}), or gathered in one message a day or a week
     * @param noAnnouncements whether the member opted out of event announcements
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
        this(mutedTools, pausedUntil, Set.of(), Digest.NONE, false);
    }

    /**
     * Preferences with event announcements welcome (the form before the opt-out).
     *
     * @param mutedTools tools the member is never alerted for
     * @param pausedUntil no alert at all before this instant, or {@code null}
     * @param blocked members blocked by this member
     * @param digest alerts one by one, or gathered daily or weekly
     */
    public AlertPreferences(Set<ToolId> mutedTools, Instant pausedUntil, Set<MemberId> blocked, Digest digest) {
        this(mutedTools, pausedUntil, blocked, digest, false);
    }

    /**
     * These preferences with event announcements welcome or not.
     *
     * @param welcome whether the member wants to hear of events near them on their tools or themes
     * @return the new preferences
     */
    public AlertPreferences withAnnouncements(boolean welcome) {
        return new AlertPreferences(mutedTools, pausedUntil, blocked, digest, !welcome);
    }

    /**
     * These preferences with another way of receiving alerts.
     *
     * @param newDigest one by one, daily or weekly
     * @return the new preferences
     */
    public AlertPreferences withDigest(Digest newDigest) {
        return new AlertPreferences(mutedTools, pausedUntil, blocked, newDigest, noAnnouncements);
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
     * These preferences with {@code other} blocked or unblocked.
     *
     * @param other the member
     * @param block true to block, false to unblock
     * @return the new preferences
     */
    public AlertPreferences blocking(MemberId other, boolean block) {
        Set<MemberId> set = new HashSet<>(blocked);
        if (block) {
            set.add(other);
        } else {
            set.remove(other);
        }
        return new AlertPreferences(mutedTools, pausedUntil, set, digest, noAnnouncements);
    }

    /**
     * Until when alerts are paused, if they are.
     *
     * @return the end of the pause, or empty
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
     * These preferences with {@code tool} muted or unmuted.
     *
     * @param tool the tool
     * @param muted true to mute, false to unmute
     * @return the new preferences
     */
    public AlertPreferences muting(ToolId tool, boolean muted) {
        Set<ToolId> tools = new HashSet<>(mutedTools);
        if (muted) {
            tools.add(tool);
        } else {
            tools.remove(tool);
        }
        return new AlertPreferences(tools, pausedUntil, blocked, digest, noAnnouncements);
    }

    /**
     * These preferences with alerts paused until {@code until}.
     *
     * @param until end of the pause, or {@code null} to resume now
     * @return the new preferences
     */
    public AlertPreferences pausedUntil(Instant until) {
        return new AlertPreferences(mutedTools, until, blocked, digest, noAnnouncements);
    }
}
