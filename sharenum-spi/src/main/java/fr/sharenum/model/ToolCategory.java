package fr.sharenum.model;

/**
 * A family of tools in the catalogue ("ENT et vie scolaire", "Programmation et robotique"…).
 *
 * @param id    slug
 * @param label name shown to people
 */
public record ToolCategory(String id, String label) {
    /**
     * Checks and normalises the components.
     *
     * @param id slug
     * @param label name shown to people
     */
    public ToolCategory {
        id = InvalidValueException.require("category.id", id);
        label = InvalidValueException.require("category.label", label);
    }
}
