package fr.sharenum;

import fr.sharenum.model.InvalidValueException;
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
 * TicketRequest request = TicketRequest.builder(ToolId.of("capytale"))
 *         .kind(TicketKind.ACCOMPANIMENT)
 *         .text("Je voudrais lancer mes 2de sur Python avec Capytale.")
 *         .radiusKm(30)
 *         .declinedTrainings(shown.stream().map(Training::id).toList())
 *         .build();
 * TicketNum ticket = sharenum.tickets().open(claire.id(), request);     // the actor is who asks
 * }</pre>
 *
 * @param tools             tools concerned, at least one
 * @param kind              what is asked
 * @param text              free text, 1–4000 characters
 * @param radiusKm          search radius, within the host's bounds; {@code NaN} for the host default
 * @param declinedTrainings ids of the trainings shown and declined
 */
public record TicketRequest(Set<ToolId> tools, TicketKind kind, String text, double radiusKm,
                            Set<String> declinedTrainings) {

    /**
     * Checks and normalises the components.
     *
     * @param tools tools concerned, at least one
     * @param kind what is asked
     * @param text free text, 1–4000 characters
     * @param radiusKm search radius, within the host's bounds; {@code NaN} for the host default
     * @param declinedTrainings ids of the trainings shown and declined
     */
    public TicketRequest {
        if (tools == null || tools.isEmpty()) {
            throw new InvalidValueException("tools", "a ticket concerns at least one tool");
        }
        tools = Set.copyOf(tools);
        if (kind == null) {
            throw new InvalidValueException("kind", "is required");
        }
        declinedTrainings = declinedTrainings == null ? Set.of() : Set.copyOf(declinedTrainings);
    }

    /**
     * @param tool the (first) tool concerned
     * @return a builder
     */
    public static Builder builder(ToolId tool) {
        return new Builder().tool(tool);
    }

    /** Builds a {@link TicketRequest}. Not thread-safe. */
    public static final class Builder {
        private final Set<ToolId> tools = new LinkedHashSet<>();
        private TicketKind kind = TicketKind.ACCOMPANIMENT;
        private String text;
        private double radiusKm = Double.NaN;
        private final Set<String> declined = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Sets the tool.
         *
         * @param tool the tool
         * @return this builder
         */
        public Builder tool(ToolId tool) {
            tools.add(tool);
            return this;
        }

        /**
         * The kind of help asked; default knowledge sharing.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(TicketKind kind) {
            this.kind = kind;
            return this;
        }

        /**
         * Sets the text.
         *
         * @param text the text
         * @return this builder
         */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * Sets the radius km.
         *
         * @param radiusKm the radius, in km
         * @return this builder
         */
        public Builder radiusKm(double radiusKm) {
            this.radiusKm = radiusKm;
            return this;
        }

        /**
         * Sets the declined trainings.
         *
         * @param ids the identifiers
         * @return this builder
         */
        public Builder declinedTrainings(Iterable<String> ids) {
            ids.forEach(declined::add);
            return this;
        }

        /**
         * Builds the {@code TicketRequest}.
         *
         * @return the {@link TicketRequest}
         */
        public TicketRequest build() {
            return new TicketRequest(tools, kind, text, radiusKm, declined);
        }
    }
}
