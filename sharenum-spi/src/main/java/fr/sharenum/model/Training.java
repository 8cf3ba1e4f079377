package fr.sharenum.model;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * An institutional training on one or more tools, offered by an académie (or nationally when
 * {@code academie} is {@code null}, e.g. a CNED virtual class).
 *
 * @param id       identifier in the host's catalogue
 * @param title    title
 * @param kind     kind
 * @param academie académie that runs it, or {@code null} for a national offer
 * @param tools    tools covered, at least one
 * @param themes   pedagogical themes it is about (may be empty)
 * @param start    start instant
 * @param end      end instant, after start
 * @param place    where (free text: "Atelier Canopé de Dijon", "en ligne")
 * @param link     registration page, or {@code null}
 */
public record Training(String id, String title, TrainingKind kind, Academie academie, Set<ToolId> tools,
                       Set<Theme> themes, Instant start, Instant end, String place, URI link) {
    /**
     * Checks and normalises the components.
     *
     * @param id identifier in the host's catalogue
     * @param title title
     * @param kind kind
     * @param academie académie that runs it, or {@code null} for a national offer
     * @param tools tools covered, at least one
     * @param themes pedagogical themes it is about (may be empty; {@code null} is read as empty)
     * @param start start instant
     * @param end end instant, after start
     * @param place where (free text: "Atelier Canopé de Dijon", "en ligne")
     * @param link registration page, or {@code null}
     */
    public Training {
        id = InvalidValueException.require("training.id", id);
        title = Texts.text("training.title", title, 300);
        InvalidValueException.requireNonNull("training.kind", kind);
        tools = Texts.copySet("training.tools", tools);
        if (tools.isEmpty()) {
            throw new InvalidValueException("training.tools", "a training covers at least one tool");
        }
        themes = Texts.copySet("training.themes", themes);
        InvalidValueException.requireNonNull("training.start", start);
        InvalidValueException.requireNonNull("training.end", end);
        if (!end.isAfter(start)) {
            throw new InvalidValueException("training.end", "must be after start");
        }
        place = Texts.text("training.place", place, 300);
    }

    /**
     * A training about tools only (no theme).
     *
     * @param id identifier in the host's catalogue
     * @param title title
     * @param kind kind
     * @param academie académie that runs it, or {@code null} for a national offer
     * @param tools tools covered, at least one
     * @param start start instant
     * @param end end instant, after start
     * @param place where (free text: "Atelier Canopé de Dijon", "en ligne")
     * @param link registration page, or {@code null}
     */
    public Training(String id, String title, TrainingKind kind, Academie academie, Set<ToolId> tools,
                    Instant start, Instant end, String place, URI link) {
        this(id, title, kind, academie, tools, Set.of(), start, end, place, link);
    }
}
