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
}
