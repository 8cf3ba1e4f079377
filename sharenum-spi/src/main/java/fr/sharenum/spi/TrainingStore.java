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
}
