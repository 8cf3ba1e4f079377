package fr.sharenum;

import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.ToolId;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A request to open a TicketNum.
 *
 * <p>Trainings come first: before opening, show the member {@link Trainings#forMember} for the same
 * tools, and pass the ids they declined in {@code declinedTrainings}. Opening is refused with
 * {@link fr.sharenum.model.TrainingsFirstException} while a matching training was not declined.
 *
 * <pre>{@code
 * TicketRequest request = TicketRequest.builder(requester, ToolId.of("capytale"))
 *         .kind(TicketKind.ACCOMPANIMENT)
 *         .text("Je voudrais lancer mes 2de sur Python avec Capytale.")
 *         .radiusKm(30)
 *         .declinedTrainings(shown.stream().map(Training::id).toList())
 *         .build();
 * }</pre>
 *
 * @param requester         who asks
 * @param tools             tools concerned, at least one
 * @param kind              what is asked
 * @param text              free text, 1–4000 characters
 * @param radiusKm          search radius, within the host's bounds; {@code NaN} for the host default
 * @param declinedTrainings ids of the trainings shown and declined
 */
public record TicketRequest(MemberId requester, Set<ToolId> tools, TicketKind kind, String text, double radiusKm,
                            Set<String> declinedTrainings) {

    public TicketRequest {
        if (requester == null) {
            throw new InvalidValueException("requester", "is required");
        }
        if (tools == null || tools.isEmpty()) {
            throw new InvalidValueException("tools", "a ticket concerns at least one tool");
        }
        tools = Set.copyOf(tools);
        if (kind == null) {
            throw new InvalidValueException("kind", "is required");
        }
        declinedTrainings = declinedTrainings == null ? Set.of() : Set.copyOf(declinedTrainings);
    }

    public static Builder builder(MemberId requester, ToolId tool) {
        return new Builder(requester).tool(tool);
    }

    /** Builds a {@link TicketRequest}. Not thread-safe. */
    public static final class Builder {
        private final MemberId requester;
        private final Set<ToolId> tools = new LinkedHashSet<>();
        private TicketKind kind = TicketKind.ACCOMPANIMENT;
        private String text;
        private double radiusKm = Double.NaN;
        private final Set<String> declined = new LinkedHashSet<>();

        private Builder(MemberId requester) {
            this.requester = requester;
        }

        public Builder tool(ToolId tool) {
            tools.add(tool);
            return this;
        }

        public Builder kind(TicketKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder radiusKm(double radiusKm) {
            this.radiusKm = radiusKm;
            return this;
        }

        public Builder declinedTrainings(Iterable<String> ids) {
            ids.forEach(declined::add);
            return this;
        }

        public TicketRequest build() {
            return new TicketRequest(requester, tools, kind, text, radiusKm, declined);
        }
    }
}
