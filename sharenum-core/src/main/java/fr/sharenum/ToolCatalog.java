package fr.sharenum;

import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Tool;
import fr.sharenum.model.ToolCategory;
import fr.sharenum.model.ToolId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The digital tools members can declare, grouped by category. Immutable and thread-safe. ShareNum
 * ships {@linkplain #defaults() a default list} of tools common in French schools; hosts extend it.
 *
 * <pre>{@code
 * ToolCatalog tools = ToolCatalog.defaults().toBuilder()
 *         .add(new Tool(ToolId.of("eduflow"), "EduFlow", ToolCatalog.CREATION))
 *         .build();
 * }</pre>
 */
public final class ToolCatalog {

    /** Category « ENT et vie scolaire » ({@code ent-vie-scolaire}). */
    public static final ToolCategory ENT = new ToolCategory("ent-vie-scolaire", "ENT et vie scolaire");
    /** Category « Création de contenus » ({@code creation}). */
    public static final ToolCategory CREATION = new ToolCategory("creation", "Création de contenus");
    /** Category « Collaboration et mur virtuel » ({@code collaboration}). */
    public static final ToolCategory COLLABORATION = new ToolCategory("collaboration", "Collaboration et mur virtuel");
    /** Category « Évaluation et quiz » ({@code evaluation}). */
    public static final ToolCategory EVALUATION = new ToolCategory("evaluation", "Évaluation et quiz");
    /** Category « Programmation et robotique » ({@code programmation}). */
    public static final ToolCategory CODING = new ToolCategory("programmation", "Programmation et robotique");
    /** Category « Mathématiques et sciences » ({@code sciences}). */
    public static final ToolCategory SCIENCES = new ToolCategory("sciences", "Mathématiques et sciences");
    /** Category « Matériel en classe » ({@code materiel}). */
    public static final ToolCategory DEVICES = new ToolCategory("materiel", "Matériel en classe");
    /** Category « Audio, vidéo et classe virtuelle » ({@code audio-video}). */
    public static final ToolCategory MEDIA = new ToolCategory("audio-video", "Audio, vidéo et classe virtuelle");
    /** Category « Compétences numériques » ({@code competences-numeriques}). */
    public static final ToolCategory DIGITAL_SKILLS = new ToolCategory("competences-numeriques", "Compétences numériques");

    private static final ToolCatalog DEFAULTS = builder()
            .add("ent", "ENT (espace numérique de travail)", ENT)
            .add("pronote", "Pronote", ENT)
            .add("ecole-directe", "École Directe", ENT)
            .add("moodle", "Moodle / Éléa", ENT)
            .add("apps-education", "apps.education.fr (Nextcloud, Tube, Forge…)", COLLABORATION)
            .add("digipad", "Digipad", COLLABORATION)
            .add("padlet", "Padlet", COLLABORATION)
            .add("digistorm", "Digistorm", EVALUATION)
            .add("quiziniere", "La Quizinière", EVALUATION)
            .add("plickers", "Plickers", EVALUATION)
            .add("learningapps", "LearningApps", EVALUATION)
            .add("wooclap", "Wooclap", EVALUATION)
            .add("genially", "Genially", CREATION)
            .add("canva", "Canva", CREATION)
            .add("book-creator", "Book Creator", CREATION)
            .add("libreoffice", "LibreOffice", CREATION)
            .add("digiscreen", "Digiscreen", CREATION)
            .add("h5p", "H5P", CREATION)
            .add("scratch", "Scratch", CODING)
            .add("capytale", "Capytale (Python)", CODING)
            .add("vittascience", "Vittascience", CODING)
            .add("microbit", "micro:bit", CODING)
            .add("thymio", "Thymio", CODING)
            .add("geogebra", "GeoGebra", SCIENCES)
            .add("mathalea", "MathALÉA", SCIENCES)
            .add("labomep", "LaboMEP", SCIENCES)
            .add("tni", "Tableau / vidéoprojecteur interactif", DEVICES)
            .add("tablettes", "Tablettes en classe", DEVICES)
            .add("visualiseur", "Visualiseur", DEVICES)
            .add("audacity", "Audacity", MEDIA)
            .add("peertube", "PeerTube (Tube apps.education)", MEDIA)
            .add("classe-virtuelle", "Classe virtuelle (BigBlueButton, CNED)", MEDIA)
            .add("pix", "PIX", DIGITAL_SKILLS)
            .add("ia-generative", "IA générative en classe", DIGITAL_SKILLS)
            .build();

    private final Map<ToolId, Tool> tools;
    private final List<Tool> ordered;

    private ToolCatalog(Map<ToolId, Tool> tools) {
        this.tools = Map.copyOf(tools);
        this.ordered = List.copyOf(tools.values());
    }

    /**
     * The default catalogue (34 tools in 9 categories).
     *
     * @return the default catalogue (34 tools in 9 categories)
     */
    public static ToolCatalog defaults() {
        return DEFAULTS;
    }

    /**
     * An empty builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this catalogue's tools.
     *
     * @return a builder holding this catalogue's tools
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        ordered.forEach(b::add);
        return b;
    }

    /**
     * The tool with this id, if the catalogue holds it.
     *
     * @param id the identifier
     * @return the tool, or empty
     */
    public Optional<Tool> find(ToolId id) {
        return Optional.ofNullable(tools.get(id));
    }

    /**
     * @throws NotFoundException when the tool is not in the catalogue
     *
     * @param id the identifier
     * @return the tool
     */
    public Tool get(ToolId id) {
        Tool t = tools.get(id);
        if (t == null) {
            throw new NotFoundException("tool", id);
        }
        return t;
    }

    /**
     * Whether the catalogue holds this tool.
     *
     * @param id the identifier
     * @return whether it is in the catalogue
     */
    public boolean contains(ToolId id) {
        return tools.containsKey(id);
    }

    /**
     * All tools, in insertion order.
     *
     * @return all tools, in insertion order
     */
    public List<Tool> all() {
        return ordered;
    }

    /**
     * Tools of one category, in insertion order.
     *
     * @param category the category
     * @return the in
     */
    public List<Tool> in(ToolCategory category) {
        return ordered.stream().filter(t -> t.category().equals(category)).toList();
    }

    /** Builds a {@link ToolCatalog}. Not thread-safe. */
    public static final class Builder {
        private final Map<ToolId, Tool> tools = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds or replaces a tool.
         *
         * @param tool the tool
         * @return this builder
         */
        public Builder add(Tool tool) {
            tools.put(tool.id(), tool);
            return this;
        }

        /**
         * Adds a tool, or replaces the one with the same id.
         *
         * @param id the identifier
         * @param name the name
         * @param category the category
         * @return this builder
         */
        public Builder add(String id, String name, ToolCategory category) {
            return add(new Tool(ToolId.of(id), name, category));
        }

        /**
         * Adds tools, each replacing the one with the same id.
         *
         * @param more the tools to add
         * @return this builder
         */
        public Builder addAll(Collection<Tool> more) {
            more.forEach(this::add);
            return this;
        }

        /**
         * Removes a tool, if present.
         *
         * @param id the tool to remove
         * @return this builder
         */
        public Builder remove(ToolId id) {
            tools.remove(id);
            return this;
        }

        /**
         * Builds the {@code ToolCatalog}.
         *
         * @return the {@link ToolCatalog}
         */
        public ToolCatalog build() {
            return new ToolCatalog(tools);
        }
    }
}
