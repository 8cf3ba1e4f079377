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

    public NewMember {
        if (email == null) {
            throw new InvalidValueException("email", "is required");
        }
        disciplines = disciplines == null ? Set.of() : Set.copyOf(disciplines);
        skills = skills == null ? List.of() : List.copyOf(skills);
        followedTools = followedTools == null ? Set.of() : Set.copyOf(followedTools);
        followedThemes = followedThemes == null ? Set.of() : Set.copyOf(followedThemes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Skills keyed by tool; a tool given twice keeps the last skill. */
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

        public Builder id(MemberId id) {
            this.id = id;
            return this;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder establishment(Uai establishment) {
            this.establishment = establishment;
            return this;
        }

        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        public Builder discipline(String discipline) {
            disciplines.add(discipline);
            return this;
        }

        public Builder skill(Skill skill) {
            skills.put(skill.tool(), skill);
            return this;
        }

        public Builder follow(ToolId tool) {
            followedTools.add(tool);
            return this;
        }

        public Builder follow(Theme theme) {
            followedThemes.add(theme);
            return this;
        }

        public NewMember build() {
            return new NewMember(id, displayName, email, establishment, role, disciplines,
                    List.copyOf(skills.values()), followedTools, followedThemes);
        }
    }
}
