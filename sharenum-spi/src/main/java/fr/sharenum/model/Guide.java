package fr.sharenum.model;

import java.net.URI;
import java.time.LocalDate;
import java.util.Set;

/**
 * A guide document that helps a helper go beyond technical support toward pedagogy. Has a link,
 * a text, or both.
 *
 * <p>A guide written by an académie (its DANE, a coopérative) names it; a national one (Éduscol, Canopé, the
 * ministry) has none. Its publication date orders the catalogue (newest first); a host's catalogue that does not
 * date its guides (the six-argument constructor) gives {@code null}: such a guide comes after every dated one and a
 * period filter leaves it out — there is no date that would not be a lie.
 *
 * @param id        identifier
 * @param title     title
 * @param tools     tools it is about (may be empty when it is about themes only)
 * @param themes    themes it is about
 * @param academie  académie that wrote it, or {@code null} for a national guide
 * @param published date of publication, or {@code null} when the catalogue does not date it
 * @param link      where to read it, or {@code null}
 * @param summary   short text, or {@code null}
 */
public record Guide(String id, String title, Set<ToolId> tools, Set<Theme> themes, Academie academie, LocalDate published,
                    URI link, String summary) {
    /**
     * Checks and normalises the components.
     *
     * @param id identifier
     * @param title title
     * @param tools tools it is about (may be empty when it is about themes only)
     * @param themes themes it is about
     * @param academie académie that wrote it, or {@code null} for a national guide
     * @param published date of publication, or {@code null} when the catalogue does not date it
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

    /**
     * A national guide without a publication date.
     *
     * @param id identifier
     * @param title title
     * @param tools tools it is about (may be empty when it is about themes only)
     * @param themes themes it is about
     * @param link where to read it, or {@code null}
     * @param summary short text, or {@code null}
     */
    public Guide(String id, String title, Set<ToolId> tools, Set<Theme> themes, URI link, String summary) {
        this(id, title, tools, themes, null, null, link, summary);
    }
}
