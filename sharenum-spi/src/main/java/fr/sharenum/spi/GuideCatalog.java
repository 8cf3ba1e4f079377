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

    /**
     * The catalogue's answer to a query ({@link GuideQuery#matches}), in {@link GuideQuery#ORDER}, at most its limit:
     * what the browsable catalogue pages through. The default asks {@link #find} about the query's tools and themes
     * (about every known tool when it names neither) and keeps what matches: right for every catalogue that honours
     * {@code find}, except that a guide about themes only is found only when one of its themes is asked for. The
     * in-memory catalogue overrides it with a sorted index; a host's catalogue backed by a database should too.
     *
     * @param query the query
     * @return the guides
     */
    default List<Guide> search(GuideQuery query) {
        boolean unfiltered = query.tools().isEmpty() && query.themes().isEmpty();
        return query.select(find(unfiltered ? query.knownTools() : query.tools(), query.themes()));
    }
}
