package fr.sharenum.core.internal.feed;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.TrainingKind;
import fr.sharenum.model.Uai;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A member and one institutional training: they chose it instead of opening a ticket (the trainings-first step), or
 * declared they attended it, or both. Counted at the member's establishment: the choice in the month it was made, the
 * attendance (a training action and its hours) in the month the training started. No title, no free text.
 *
 * @param member        the member
 * @param place         their establishment when they recorded it
 * @param training      the training's id in the catalogue
 * @param kind          what kind of training
 * @param tools         the tools it covers
 * @param chosenAt      when they chose it instead of a ticket, or {@code null} when they did not
 * @param start         when the training starts
 * @param minutes       how long it lasts
 * @param attended      whether they declared they attended it
 */
public record TrainingFacts(MemberId member, Uai place, String training, TrainingKind kind, Set<ToolId> tools,
                            Instant chosenAt, Instant start, long minutes, boolean attended) {

    public TrainingFacts {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(training, "training");
        tools = Set.copyOf(tools);
        Objects.requireNonNull(start, "start");
    }

    /** @return the key of the member and training, one document and one fact each */
    public String key() {
        return member.value() + "|" + training;
    }
}
