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

    public static final ToolCategory ENT = new ToolCategory("ent-vie-scolaire", "ENT et vie scolaire");
    public static final ToolCategory CREATION = new ToolCategory("creation", "Création de contenus");
    public static final ToolCategory COLLABORATION = new ToolCategory("collaboration", "Collaboration et mur virtuel");
    public static final ToolCategory EVALUATION = new ToolCategory("evaluation", "Évaluation et quiz");
    public static final ToolCategory CODING = new ToolCategory("programmation", "Programmation et robotique");
    public static final ToolCategory SCIENCES = new ToolCategory("sciences", "Mathématiques et sciences");
    public static final ToolCategory DEVICES = new ToolCategory("materiel", "Matériel en classe");
    public static final ToolCategory MEDIA = new ToolCategory("audio-video", "Audio, vidéo et classe virtuelle");
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

    /** The default catalogue (34 tools in 9 categories). */
    public static ToolCatalog defaults() {
        return DEFAULTS;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this catalogue's tools. */
    public Builder toBuilder() {
        Builder b = new Builder();
        ordered.forEach(b::add);
        return b;
    }

    public Optional<Tool> find(ToolId id) {
        return Optional.ofNullable(tools.get(id));
    }

    /** @throws NotFoundException when the tool is not in the catalogue */
    public Tool get(ToolId id) {
        Tool t = tools.get(id);
        if (t == null) {
            throw new NotFoundException("tool", id);
        }
        return t;
    }

    public boolean contains(ToolId id) {
        return tools.containsKey(id);
    }

    /** All tools, in insertion order. */
    public List<Tool> all() {
        return ordered;
    }

    /** Tools of one category, in insertion order. */
    public List<Tool> in(ToolCategory category) {
        return ordered.stream().filter(t -> t.category().equals(category)).toList();
    }

    /** Builds a {@link ToolCatalog}. Not thread-safe. */
    public static final class Builder {
        private final Map<ToolId, Tool> tools = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds or replaces a tool. */
        public Builder add(Tool tool) {
            tools.put(tool.id(), tool);
            return this;
        }

        public Builder add(String id, String name, ToolCategory category) {
            return add(new Tool(ToolId.of(id), name, category));
        }

        public Builder addAll(Collection<Tool> more) {
            more.forEach(this::add);
            return this;
        }

        public Builder remove(ToolId id) {
            tools.remove(id);
            return this;
        }

        public ToolCatalog build() {
            return new ToolCatalog(tools);
        }
    }
}
