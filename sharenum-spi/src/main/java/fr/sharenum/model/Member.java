package fr.sharenum.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A member of the educational community and their profile. Immutable: every {@code with…} method
 * returns a copy with the same {@link #version()}; ShareNum bumps the version when it stores an edit
 * (optimistic concurrency: an edit based on an old version is refused with
 * {@link VersionConflictException}).
 *
 * @param id            identifier
 * @param displayName   name shown to other members, 1–120 characters
 * @param email         professional address (accepted by the host's email policy)
 * @param establishment where the member works; their location for matching
 * @param role          what they do
 * @param disciplines   subjects taught or fields, each 1–80 characters, at most 10
 * @param skills        competence per tool
 * @param followedTools tools the member wants to hear about (event broadcasts)
 * @param followedThemes pedagogical themes the member wants to hear about
 * @param status        account state
 * @param registeredAt  when the member registered
 * @param version       optimistic-concurrency version, starting at 1
 * @param pix           the member's PIX certification, evidence beside the self-declared levels, or {@code null}
 */
public record Member(MemberId id, String displayName, Email email, Uai establishment, Role role,
                     Set<String> disciplines, Map<ToolId, Skill> skills, Set<ToolId> followedTools,
                     Set<Theme> followedThemes, MemberStatus status, Instant registeredAt, long version,
                     PixCertification pix) {

    /**
     * A member without a PIX certification.
     *
     * @param id identifier
     * @param displayName name shown to other members, 1–120 characters
     * @param email professional address (accepted by the host's email policy)
     * @param establishment where the member works; their location for matching
     * @param role what they do
     * @param disciplines subjects taught or fields, each 1–80 characters, at most 10
     * @param skills competence per tool
     * @param followedTools tools the member wants to hear about (event broadcasts)
     * @param followedThemes pedagogical themes the member wants to hear about
     * @param status account state
     * @param registeredAt when the member registered
     * @param version optimistic-concurrency version, starting at 1
     */
    public Member(MemberId id, String displayName, Email email, Uai establishment, Role role, Set<String> disciplines,
                  Map<ToolId, Skill> skills, Set<ToolId> followedTools, Set<Theme> followedThemes, MemberStatus status,
                  Instant registeredAt, long version) {
        this(id, displayName, email, establishment, role, disciplines, skills, followedTools, followedThemes, status,
                registeredAt, version, null);
    }

    /**
     * The pix certification.
     *
     * @return the pix certification
     */
    public java.util.Optional<PixCertification> pixCertification() {
        return java.util.Optional.ofNullable(pix);
    }

    /**
     * The with pix.
     *
     * @param certification the certification
     * @return the with pix
     */
    public Member withPix(PixCertification certification) {
        return new Member(id, displayName, email, establishment, role, disciplines, skills, followedTools, followedThemes,
                status, registeredAt, version, certification);
    }

    /**
     * Checks and normalises the components.
     *
     * @param id identifier
     * @param displayName name shown to other members, 1–120 characters
     * @param email professional address (accepted by the host's email policy)
     * @param establishment where the member works; their location for matching
     * @param role what they do
     * @param disciplines subjects taught or fields, each 1–80 characters, at most 10
     * @param skills competence per tool
     * @param followedTools tools the member wants to hear about (event broadcasts)
     * @param followedThemes pedagogical themes the member wants to hear about
     * @param status account state
     * @param registeredAt when the member registered
     * @param version optimistic-concurrency version, starting at 1
     * @param pix the member's PIX certification, evidence beside the self-declared levels, or {@code null}
     */
    public Member {
        InvalidValueException.requireNonNull("id", id);
        displayName = Texts.text("displayName", displayName, 120);
        InvalidValueException.requireNonNull("email", email);
        InvalidValueException.requireNonNull("establishment", establishment);
        InvalidValueException.requireNonNull("role", role);
        disciplines = Texts.cleanSet("disciplines", disciplines, 10, 80);
        skills = skills == null ? Map.of() : Map.copyOf(skills);
        for (Map.Entry<ToolId, Skill> e : skills.entrySet()) {
            if (!e.getKey().equals(e.getValue().tool())) {
                throw new InvalidValueException("skills", "skill for " + e.getValue().tool() + " filed under " + e.getKey());
            }
        }
        if (skills.size() > 200) {
            throw new InvalidValueException("skills", "at most 200 tools, got " + skills.size());
        }
        followedTools = Texts.copySet("followedTools", followedTools, 100);
        followedThemes = Texts.copySet("followedThemes", followedThemes, 50);
        InvalidValueException.requireNonNull("status", status);
        InvalidValueException.requireNonNull("registeredAt", registeredAt);
        if (version < 1) {
            throw new InvalidValueException("version", "must be at least 1, was " + version);
        }
    }

    /**
     * The level on {@code tool}, if the member declared one.
     *
     * @param tool the tool
     * @return the level on {@code tool}, if the member declared one
     */
    public Optional<CompetenceLevel> levelOn(ToolId tool) {
        Skill s = skills.get(tool);
        return s == null ? Optional.empty() : Optional.of(s.level());
    }

    /**
     * Whether the member may act (open tickets, offer help) and be matched.
     *
     * @return whether the member may act (open tickets, offer help) and be matched
     */
    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }

    /**
     * This member with a skill added or replaced (same tool).
     *
     * @param skill the skill
     * @return the changed member
     */
    public Member withSkill(Skill skill) {
        Map<ToolId, Skill> copy = new HashMap<>(skills);
        copy.put(skill.tool(), skill);
        return new Member(id, displayName, email, establishment, role, disciplines, copy, followedTools, followedThemes, status, registeredAt, version, pix);
    }

    /**
     * This member without their skill on {@code tool}.
     *
     * @param tool the tool
     * @return the changed member
     */
    public Member withoutSkill(ToolId tool) {
        Map<ToolId, Skill> copy = new HashMap<>(skills);
        copy.remove(tool);
        return new Member(id, displayName, email, establishment, role, disciplines, copy, followedTools, followedThemes, status, registeredAt, version, pix);
    }

    /**
     * This member working in another establishment.
     *
     * @param newEstablishment the UAI of their new establishment
     * @return the changed member
     */
    public Member withEstablishment(Uai newEstablishment) {
        return new Member(id, displayName, email, newEstablishment, role, disciplines, skills, followedTools, followedThemes, status, registeredAt, version, pix);
    }

    /**
     * This member under another name.
     *
     * @param newName the name shown, 1–120 characters
     * @return the changed member
     */
    public Member withDisplayName(String newName) {
        return new Member(id, newName, email, establishment, role, disciplines, skills, followedTools, followedThemes, status, registeredAt, version, pix);
    }

    /**
     * This member with another function.
     *
     * @param newRole the function
     * @return the changed member
     */
    public Member withRole(Role newRole) {
        return new Member(id, displayName, email, establishment, newRole, disciplines, skills, followedTools, followedThemes, status, registeredAt, version, pix);
    }

    /**
     * This member with other disciplines.
     *
     * @param newDisciplines the disciplines taught
     * @return the changed member
     */
    public Member withDisciplines(Set<String> newDisciplines) {
        return new Member(id, displayName, email, establishment, role, newDisciplines, skills, followedTools, followedThemes, status, registeredAt, version, pix);
    }

    /**
     * This member following other tools and themes.
     *
     * @param tools tools followed
     * @param themes themes followed
     * @return the changed member
     */
    public Member withInterests(Set<ToolId> tools, Set<Theme> themes) {
        return new Member(id, displayName, email, establishment, role, disciplines, skills, tools, themes, status, registeredAt, version, pix);
    }

    /**
     * This member in another state.
     *
     * @param newStatus the new state
     * @return the changed member
     */
    public Member withStatus(MemberStatus newStatus) {
        return new Member(id, displayName, email, establishment, role, disciplines, skills, followedTools, followedThemes, newStatus, registeredAt, version, pix);
    }

    /**
     * This member at the next version; used by stores and services when an edit is saved.
     *
     * @return this member at the next version; used by stores and services when an edit is saved
     */
    public Member nextVersion() {
        return new Member(id, displayName, email, establishment, role, disciplines, skills, followedTools, followedThemes, status, registeredAt, version + 1, pix);
    }

    /**
     * Tools followed plus tools the member has a skill on, in a stable order (for display).
     *
     * @return the tools of interest
     */
    public Set<ToolId> toolsOfInterest() {
        Set<ToolId> all = new LinkedHashSet<>(followedTools);
        all.addAll(skills.keySet());
        return all;
    }
}
