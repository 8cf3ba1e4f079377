package fr.sharenum.spi;

import fr.sharenum.model.Academie;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The institutional trainings of the académies (PAF sessions, Canopé workshops, coopérative
 * animations, virtual classes), shown to a member before they may open a ticket. Implemented by the
 * host from its PAF / Canopé feeds; ShareNum ships an in-memory catalogue. Thread-safe.
 */
@FunctionalInterface
public interface TrainingCatalog {

    /**
     * Trainings of {@code academie} (and national ones, whose académie is {@code null}) covering at
     * least one of {@code tools} and starting in {@code [from, to)}, earliest first.
     *
     * @param academie the académie
     * @param tools the tools
     * @param from the start
     * @param to the end
     * @return the find
     */
    List<Training> find(Academie academie, Set<ToolId> tools, Instant from, Instant to);

    /**
     * The catalogue's answer to a query ({@link TrainingQuery#matches}), in {@link TrainingQuery#ORDER}, at most its
     * limit: what the browsable catalogue pages through. A catalogue backed by a database answers it from its indexes
     * (académie, start, tools, themes) rather than by reading the whole period; the default asks {@link #find} about
     * the query's tools (every known tool when it names none) over its whole period and keeps what matches, which is
     * right for every catalogue that honours {@code find}, in any order, but reads the period at each page. The
     * in-memory catalogue overrides it.
     *
     * @param query the query
     * @return the trainings
     */
    default List<Training> search(TrainingQuery query) {
        Set<ToolId> tools = query.tools().isEmpty() ? query.knownTools() : query.tools();
        Instant from = query.afterStart() != null && query.afterStart().isAfter(query.from()) ? query.afterStart() : query.from();
        return query.select(find(query.academie(), tools, from, query.to()));
    }
}
