package fr.sharenum.spi;

import fr.sharenum.model.Guide;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;

import java.util.List;
import java.util.Set;

/**
 * Guide documents surfaced to helpers with each alert, so that help goes beyond technical support
 * toward pedagogy. ShareNum ships an in-memory catalogue; hosts may plug their own. Thread-safe.
 */
@FunctionalInterface
public interface GuideCatalog {

    /**
     * Guides about at least one of {@code tools} or {@code themes}, most relevant first.
     *
     * @param tools the tools
     * @param themes the themes
     * @return the find
     */
    List<Guide> find(Set<ToolId> tools, Set<Theme> themes);
}
