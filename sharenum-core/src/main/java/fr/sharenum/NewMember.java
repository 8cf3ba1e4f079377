package fr.sharenum;

import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Role;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A registration request. Built with {@link #builder()}; validated when registered.
 *
 * <pre>{@code
 * NewMember claire = NewMember.builder()
 *         .displayName("Claire Martin").email("claire.martin@ac-dijon.fr")
 *         .establishment(Uai.of("0210015C")).role(Role.TEACHER_SECONDARY)
 *         .discipline("Mathématiques")
 *         .skill(new Skill(ToolId.of("geogebra"), CompetenceLevel.EXPERIENCED, Set.of("géométrie dynamique")))
 *         .follow(ToolId.of("capytale"))
 *         .build();
 * }</pre>
 *
 * @param id             the host's identifier for the member, or {@code null} to draw a random one
 * @param displayName    name shown to colleagues
 * @param email          professional address, as typed
 * @param establishment  where the member works
 * @param role           what they do
 * @param disciplines    subjects or fields
 * @param skills         declared competences
 * @param followedTools  tools followed
 * @param followedThemes themes followed
 */
public record NewMember(MemberId id, String displayName, String email, Uai establishment, Role role,
                        Set<String> disciplines, List<Skill> skills, Set<ToolId> followedTools,
                        Set<Theme> followedThemes) {

    /**
     * Checks and normalises the components.
     *
     * @param id the host's identifier for the member, or {@code null} to draw a random one
     * @param displayName name shown to colleagues
     * @param email professional address, as typed
     * @param establishment where the member works
     * @param role what they do
     * @param disciplines subjects or fields
     * @param skills declared competences
     * @param followedTools tools followed
     * @param followedThemes themes followed
     */
    public NewMember {
        if (email == null) {
            throw new InvalidValueException("email", "is required");
        }
        disciplines = disciplines == null ? Set.of() : Set.copyOf(disciplines);
        skills = skills == null ? List.of() : List.copyOf(skills);
        followedTools = followedTools == null ? Set.of() : Set.copyOf(followedTools);
        followedThemes = followedThemes == null ? Set.of() : Set.copyOf(followedThemes);
    }

    /**
     * An empty builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Skills keyed by tool; a tool given twice keeps the last skill.
     *
     * @return the skill map
     */
    public Map<ToolId, Skill> skillMap() {
        Map<ToolId, Skill> m = new LinkedHashMap<>();
        skills.forEach(s -> m.put(s.tool(), s));
        return m;
    }

    /** Builds a {@link NewMember}. Not thread-safe. */
    public static final class Builder {
        private MemberId id;
        private String displayName;
        private String email;
        private Uai establishment;
        private Role role = Role.TEACHER_SECONDARY;
        private final Set<String> disciplines = new LinkedHashSet<>();
        private final Map<ToolId, Skill> skills = new LinkedHashMap<>();
        private final Set<ToolId> followedTools = new LinkedHashSet<>();
        private final Set<Theme> followedThemes = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Sets the id.
         *
         * @param id the identifier
         * @return this builder
         */
        public Builder id(MemberId id) {
            this.id = id;
            return this;
        }

        /**
         * Sets the display name.
         *
         * @param displayName the display name
         * @return this builder
         */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /**
         * Sets the email.
         *
         * @param email the professional address
         * @return this builder
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets the establishment.
         *
         * @param establishment the establishment
         * @return this builder
         */
        public Builder establishment(Uai establishment) {
            this.establishment = establishment;
            return this;
        }

        /**
         * Sets the role.
         *
         * @param role the role
         * @return this builder
         */
        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        /**
         * Sets the discipline.
         *
         * @param discipline the discipline
         * @return this builder
         */
        public Builder discipline(String discipline) {
            disciplines.add(discipline);
            return this;
        }

        /**
         * Sets the skill.
         *
         * @param skill the skill
         * @return this builder
         */
        public Builder skill(Skill skill) {
            skills.put(skill.tool(), skill);
            return this;
        }

        /**
         * Follows a tool: confirmed events about it nearby are announced to the member.
         *
         * @param tool a tool of the catalogue
         * @return this builder
         */
        public Builder follow(ToolId tool) {
            followedTools.add(tool);
            return this;
        }

        /**
         * Follows a theme: confirmed events about it nearby are announced to the member.
         *
         * @param theme a pedagogical theme
         * @return this builder
         */
        public Builder follow(Theme theme) {
            followedThemes.add(theme);
            return this;
        }

        /**
         * Builds the {@code NewMember}.
         *
         * @return the {@link NewMember}
         */
        public NewMember build() {
            return new NewMember(id, displayName, email, establishment, role, disciplines,
                    List.copyOf(skills.values()), followedTools, followedThemes);
        }
    }
}
