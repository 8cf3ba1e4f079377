package fr.sharenum.model;

import java.net.URI;
import java.util.Set;

/**
 * A guide document that helps a helper go beyond technical support toward pedagogy. Has a link,
 * a text, or both.
 *
 * @param id      identifier
 * @param title   title
 * @param tools   tools it is about (may be empty when it is about themes only)
 * @param themes  themes it is about
 * @param link    where to read it, or {@code null}
 * @param summary short text, or {@code null}
 */
public record Guide(String id, String title, Set<ToolId> tools, Set<Theme> themes, URI link, String summary) {
    /**
     * Checks and normalises the components.
     *
     * @param id identifier
     * @param title title
     * @param tools tools it is about (may be empty when it is about themes only)
     * @param themes themes it is about
     * @param link where to read it, or {@code null}
     * @param summary short text, or {@code null}
     */
    public Guide {
        id = InvalidValueException.require("guide.id", id);
        title = Texts.text("guide.title", title, 300);
        tools = Texts.copySet("guide.tools", tools);
        themes = Texts.copySet("guide.themes", themes);
        if (link == null && (summary == null || summary.isBlank())) {
            throw new InvalidValueException("guide", "a guide needs a link or a summary");
        }
        if (summary != null) {
            summary = Texts.text("guide.summary", summary, 10_000);
        }
    }
}
