package fr.sharenum.spi;

import fr.sharenum.model.Training;

import java.time.Instant;
import java.util.List;

/** Trainings published through ShareNum (coopératives, Canopé, DANE). Part of a {@link StoreTransaction}. */
public interface TrainingStore {

    /**
     * @param training a training
     * @throws fr.sharenum.model.DuplicateException when its id is taken
     */
    void insert(Training training);

    /**
     * @param from start of the period
     * @param to   end of the period
     * @return published trainings starting in {@code [from, to)}, earliest first (then by id)
     */
    List<Training> published(Instant from, Instant to);

    /**
     * The published trainings a query asks for ({@link TrainingQuery#matches}), in {@link TrainingQuery#ORDER}, at most
     * its limit. A store answers from indexes (académie, start, tools and themes) rather than by reading the whole
     * period: the default reads it through {@link #published} and filters, which is right but slow; {@code JdbcStore},
     * the in-memory store and the kernel's trainings override it.
     *
     * @param query the query
     * @return the trainings
     */
    default List<Training> search(TrainingQuery query) {
        Instant from = query.afterStart() != null && query.afterStart().isAfter(query.from()) ? query.afterStart() : query.from();
        return query.select(published(from, query.to()));
    }
}
