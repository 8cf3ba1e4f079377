package fr.sharenum.model;

import java.util.List;

/**
 * A ticket was opened without declining the institutional trainings that exist for its tool: the
 * requester must be shown them first. {@link #trainings()} lists those not yet declined.
 */
public final class TrainingsFirstException extends ShareNumException {
    private static final long serialVersionUID = 1L;
    private final transient List<Training> trainings;

    /**
     * Creates the exception.
     *
     * @param trainings the trainings
     */
    public TrainingsFirstException(List<Training> trainings) {
        super("trainings-first", trainings.size() + " institutional training(s) exist for this request and were not declined: "
                + trainings.stream().map(Training::id).toList());
        this.trainings = List.copyOf(trainings);
    }

    /**
     * The trainings the requester must see (and decline) before a ticket can be opened.
     *
     * @return the trainings the requester must see (and decline) before a ticket can be opened
     */
    public List<Training> trainings() {
        return trainings;
    }

    /**
     * How many trainings were not declined, for the bundle's sentence.
     *
     * @return the values
     */
    @Override
    protected Object[] messageArguments() {
        return new Object[] {trainings().size()};
    }
}
