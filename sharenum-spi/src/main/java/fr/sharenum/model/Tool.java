package fr.sharenum.model;

/**
 * A digital tool members can declare a competence in.
 *
 * @param id       slug identifier
 * @param name     name shown to people ("Pronote", "GeoGebra")
 * @param category family it belongs to
 */
public record Tool(ToolId id, String name, ToolCategory category) {
    /**
     * Checks and normalises the components.
     *
     * @param id slug identifier
     * @param name name shown to people ("Pronote", "GeoGebra")
     * @param category family it belongs to
     */
    public Tool {
        InvalidValueException.requireNonNull("tool.id", id);
        name = InvalidValueException.require("tool.name", name);
        InvalidValueException.requireNonNull("tool.category", category);
    }
}
