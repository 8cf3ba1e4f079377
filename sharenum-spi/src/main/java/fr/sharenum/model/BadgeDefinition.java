package fr.sharenum.model;

/**
 * A badge a host awards to helpers (an Open Badges 2.0 BadgeClass): "Premier atelier animé", "Cinq
 * ateliers", "Tournée BusNum".
 *
 * @param key         short stable identifier, a slug ({@code "premier-atelier"})
 * @param name        name shown, 1–120 characters
 * @param description what it recognises, 1–1000 characters
 * @param criteria    how it is earned, in words (Open Badges criteria narrative), 1–1000 characters
 */
public record BadgeDefinition(String key, String name, String description, String criteria) {
    /**
     * Checks and normalises the components.
     *
     * @param key short stable identifier, a slug ({@code "premier-atelier"})
     * @param name name shown, 1–120 characters
     * @param description what it recognises, 1–1000 characters
     * @param criteria how it is earned, in words (Open Badges criteria narrative), 1–1000 characters
     */
    public BadgeDefinition {
        key = Texts.slug("key", key);
        name = Texts.text("name", name, 120);
        description = Texts.text("description", description, 1000);
        criteria = Texts.text("criteria", criteria, 1000);
    }
}
