package fr.sharenum;

import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketKind;
import fr.sharenum.model.ToolId;

import java.util.LinkedHashSet;
import java.util.Objects;
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
 * @param themes            pedagogical themes the request is about, besides its tools (at most 20)
 * @param addressedTo       a colleague to ask directly (from their offer of help, {@link HelpOffers}): only they are
 *                          alerted; {@code null} to alert every qualified colleague in the radius
 */
public record TicketRequest(Set<ToolId> tools, TicketKind kind, String text, double radiusKm,
                            Set<String> declinedTrainings, Set<Theme> themes,
                            MemberId addressedTo) {

    /**
     * A request about tools only, to every qualified colleague in the radius.
     *
     * @param tools tools concerned, at least one
     * @param kind what is asked
     * @param text free text, 1–4000 characters
     * @param radiusKm search radius, within the host's bounds; {@code NaN} for the host default
     * @param declinedTrainings ids of the trainings shown and declined
     */
    public TicketRequest(Set<ToolId> tools, TicketKind kind, String text, double radiusKm, Set<String> declinedTrainings) {
        this(tools, kind, text, radiusKm, declinedTrainings, Set.of(), null);
    }

    /**
     * Checks and normalises the components.
     *
     * @param tools tools concerned, at least one
     * @param kind what is asked
     * @param text free text, 1–4000 characters
     * @param radiusKm search radius, within the host's bounds; {@code NaN} for the host default
     * @param declinedTrainings ids of the trainings shown and declined
     * @param themes pedagogical themes, besides the tools
     * @param addressedTo a colleague to ask directly, or {@code null}
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
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        if (themes.size() > 20) {
            throw new InvalidValueException("themes", "at most 20 themes, got " + themes.size());
        }
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
        private final Set<Theme> themes = new LinkedHashSet<>();
        private MemberId addressedTo;

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
         * Pedagogical themes the request is about, besides its tools.
         *
         * @param t the themes
         * @return this builder
         */
        public Builder themes(Theme... t) {
            for (Theme x : t) {
                themes.add(Objects.requireNonNull(x, "theme"));
            }
            return this;
        }

        /**
         * Asks one colleague directly, who published an offer of help ({@link HelpOffers}): only they are alerted,
         * the rest of the workflow is the same.
         *
         * @param helper the colleague
         * @return this builder
         */
        public Builder addressedTo(MemberId helper) {
            this.addressedTo = Objects.requireNonNull(helper, "helper");
            return this;
        }

        /**
         * Builds the {@code TicketRequest}.
         *
         * @return the {@link TicketRequest}
         */
        public TicketRequest build() {
            return new TicketRequest(tools, kind, text, radiusKm, declined, themes, addressedTo);
        }
    }
}
