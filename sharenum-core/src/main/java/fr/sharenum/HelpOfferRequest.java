package fr.sharenum;

import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a member offers up front.
 *
 * <pre>{@code
 * HelpOffer mine = sharenum.helpOffers().publish(paul.id(), HelpOfferRequest.builder()
 *         .tools(ToolId.of("capytale")).themes(Theme.of("evaluation"))
 *         .text("Je montre Capytale en classe de 2de, avec des exemples d'évaluation.")
 *         .radiusKm(25).online(true).availability("le mercredi après-midi").build());
 * }</pre>
 *
 * @param tools        tools (at the host's minimum helper level)
 * @param themes       themes; tools and themes are not both empty
 * @param text         what is proposed, 1–1000 characters
 * @param radiusKm     how far they go in person, 0 when only online, at most the host's largest radius
 * @param online       whether they help online too
 * @param availability when they are available, up to 200 characters, may be empty
 */
public record HelpOfferRequest(Set<ToolId> tools, Set<Theme> themes, String text, double radiusKm, boolean online,
                               String availability) {
    /**
     * Checks and normalises the components.
     *
     * @param tools tools
     * @param themes themes
     * @param text what is proposed
     * @param radiusKm how far in person, 0 when only online
     * @param online whether online too
     * @param availability when available
     */
    public HelpOfferRequest {
        tools = tools == null ? Set.of() : Set.copyOf(tools);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        if (tools.isEmpty() && themes.isEmpty()) {
            throw new InvalidValueException("tools", "an offer of help is about at least one tool or theme");
        }
        if (tools.size() > 20 || themes.size() > 20) {
            throw new InvalidValueException("tools", "at most 20 tools and 20 themes");
        }
        if (Double.isNaN(radiusKm) || radiusKm < 0 || Double.isInfinite(radiusKm)) {
            throw new InvalidValueException("radiusKm", "must be 0 (online only) or a positive number of km, was " + radiusKm);
        }
        if (radiusKm == 0 && !online) {
            throw new InvalidValueException("radiusKm", "an offer of help is in person within a radius, online, or both");
        }
        availability = availability == null ? "" : availability;
    }

    /**
     * A new request.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link HelpOfferRequest}. Not thread-safe. */
    public static final class Builder {
        private final Set<ToolId> tools = new LinkedHashSet<>();
        private final Set<Theme> themes = new LinkedHashSet<>();
        private String text;
        private double radiusKm;
        private boolean online;
        private String availability = "";

        private Builder() {
        }

        /**
         * Tools helped with.
         *
         * @param t the tools
         * @return this builder
         */
        public Builder tools(ToolId... t) {
            for (ToolId x : t) {
                tools.add(Objects.requireNonNull(x, "tool"));
            }
            return this;
        }

        /**
         * Themes helped with.
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
         * What is proposed.
         *
         * @param value 1–1000 characters
         * @return this builder
         */
        public Builder text(String value) {
            this.text = value;
            return this;
        }

        /**
         * How far in person.
         *
         * @param km the radius, 0 for online only
         * @return this builder
         */
        public Builder radiusKm(double km) {
            this.radiusKm = km;
            return this;
        }

        /**
         * Whether online too.
         *
         * @param value whether
         * @return this builder
         */
        public Builder online(boolean value) {
            this.online = value;
            return this;
        }

        /**
         * When available.
         *
         * @param value in the member's words
         * @return this builder
         */
        public Builder availability(String value) {
            this.availability = value;
            return this;
        }

        /**
         * The request.
         *
         * @return the {@link HelpOfferRequest}
         */
        public HelpOfferRequest build() {
            return new HelpOfferRequest(tools, themes, text, radiusKm, online, availability);
        }
    }
}
