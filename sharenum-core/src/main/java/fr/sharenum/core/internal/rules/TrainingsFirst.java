package fr.sharenum.core.internal.rules;

import fr.sharenum.model.Training;
import fr.sharenum.model.TrainingsFirstException;

import java.util.Collection;
import java.util.List;

/** Institutional trainings come first: a ticket opens only once every matching training was shown and declined. */
public final class TrainingsFirst {
    private TrainingsFirst() {
    }

    /**
     * @param found    the trainings matching the ticket (académie, tools, horizon)
     * @param declined ids of the trainings the requester declined
     * @throws TrainingsFirstException listing the trainings not declined, when there are some
     */
    public static void check(List<Training> found, Collection<String> declined) {
        List<Training> notDeclined = found.stream().filter(t -> !declined.contains(t.id())).toList();
        if (!notDeclined.isEmpty()) {
            throw new TrainingsFirstException(notDeclined);
        }
    }
}
