package fr.sharenum;

import fr.sharenum.model.BusId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.OnlineAccess;
import fr.sharenum.model.Theme;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.model.Venue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a member asks for when creating an event, from an accepted ticket or directly.
 *
 * <pre>{@code
 * EventRequest request = EventRequest.fromTicket(ticket.id())                  // requester and helper organise
 *         .title("Atelier Capytale : premiers pas en Python")
 *         .start(slot.start()).duration(Duration.ofHours(2)).capacity(12)
 *         .atEstablishment(ecoleSaulieu.uai()).onBus(BusId.of("busnum-21"))
 *         .build();
 * Event event = sharenum.events().create(paul.id(), request);                  // the actor creates it, first organiser
 * }</pre>
 *
 * @param ticket            the accepted ticket it answers, or {@code null} for a direct event
 * @param kind              workshop (default) or meeting
 * @param title             title
 * @param description       description, may be empty
 * @param tools             tools; from a ticket, the ticket's tools when none given
 * @param themes            themes
 * @param start             start
 * @param duration          duration
 * @param capacity          seats for registrants
 * @param coOrganisers      members invited to co-organise: each joins only by accepting ({@link Events#acceptInvitation});
 *                          from a ticket, the other participant organises from the start
 * @param establishment     venue as an establishment, or {@code null}
 * @param venue             venue as an address, or {@code null}; one of the two is required
 * @param bus               BusNum to book, or {@code null}
 * @param broadcastRadiusKm radius of the announcement, or NaN for the host's default
 * @param online            the virtual class's link and the territory it is announced to, or {@code null}; with no
 *                          venue the event is online only, with one it is hybrid
 */
public record EventRequest(TicketId ticket, EventKind kind, String title, String description,
                           Set<ToolId> tools, Set<Theme> themes, Instant start, Duration duration, int capacity,
                           Set<MemberId> coOrganisers, Uai establishment, Venue venue, BusId bus,
                           double broadcastRadiusKm, OnlineAccess online) {

    /**
     * A request for an event at a venue only.
     *
     * @param ticket the accepted ticket it answers, or {@code null} for a direct event
     * @param kind workshop (default) or meeting
     * @param title title
     * @param description description, may be empty
     * @param tools tools; from a ticket, the ticket's tools when none given
     * @param themes themes
     * @param start start
     * @param duration duration
     * @param capacity seats for registrants
     * @param coOrganisers members invited to co-organise
     * @param establishment venue as an establishment, or {@code null}
     * @param venue venue as an address, or {@code null}; one of the two is required
     * @param bus BusNum to book, or {@code null}
     * @param broadcastRadiusKm radius of the announcement, or NaN for the host's default
     */
    public EventRequest(TicketId ticket, EventKind kind, String title, String description, Set<ToolId> tools,
                        Set<Theme> themes, Instant start, Duration duration, int capacity, Set<MemberId> coOrganisers,
                        Uai establishment, Venue venue, BusId bus, double broadcastRadiusKm) {
        this(ticket, kind, title, description, tools, themes, start, duration, capacity, coOrganisers, establishment, venue,
                bus, broadcastRadiusKm, null);
    }

    /**
     * Checks and normalises the components.
     *
     * @param ticket the accepted ticket it answers, or {@code null} for a direct event
     * @param kind workshop (default) or meeting
     * @param title title
     * @param description description, may be empty
     * @param tools tools; from a ticket, the ticket's tools when none given
     * @param themes themes
     * @param start start
     * @param duration duration
     * @param capacity seats for registrants
     * @param coOrganisers members invited to co-organise: each joins only by accepting ({@link Events#acceptInvitation}); from a ticket, the other participant organises from the start
     * @param establishment venue as an establishment, or {@code null}
     * @param venue venue as an address, or {@code null}; one of the two is required
     * @param bus BusNum to book, or {@code null}
     * @param broadcastRadiusKm radius of the announcement, or NaN for the host's default
     * @param online the virtual class, or {@code null}
     */
    public EventRequest {
        tools = Set.copyOf(tools);
        themes = Set.copyOf(themes);
        coOrganisers = Set.copyOf(coOrganisers);
    }

    /**
     * An event answering an accepted ticket, created by its requester or its accepted helper.
     *
     * @param ticket the ticket
     * @return a builder
     */
    public static Builder fromTicket(TicketId ticket) {
        return new Builder(Objects.requireNonNull(ticket, "ticket"));
    }

    /**
     * An event created directly by a member experienced on one of its tools.
     *
     * @return a builder
     */
    public static Builder direct() {
        return new Builder(null);
    }

    /**
     * The ticket the event answers, if it was created from one.
     *
     * @return the ticket, or empty
     */
    public Optional<TicketId> ticketId() {
        return Optional.ofNullable(ticket);
    }

    /** Builds an {@link EventRequest}; values are checked by {@link Events#create}. Not thread-safe. */
    public static final class Builder {
        private final TicketId ticket;
        private EventKind kind = EventKind.WORKSHOP;
        private String title;
        private String description = "";
        private final Set<ToolId> tools = new LinkedHashSet<>();
        private final Set<Theme> themes = new LinkedHashSet<>();
        private Instant start;
        private Duration duration;
        private int capacity;
        private final Set<MemberId> coOrganisers = new LinkedHashSet<>();
        private Uai establishment;
        private Venue venue;
        private BusId bus;
        private double broadcastRadiusKm = Double.NaN;
        private OnlineAccess online;

        private Builder(TicketId ticket) {
            this.ticket = ticket;
        }

        /**
         * The kind of event.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder kind(EventKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Sets the title.
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the tools.
         *
         * @param tools the tools
         * @return this builder
         */
        public Builder tools(ToolId... tools) {
            for (ToolId t : tools) {
                this.tools.add(Objects.requireNonNull(t, "tool"));
            }
            return this;
        }

        /**
         * Sets the themes.
         *
         * @param themes the themes
         * @return this builder
         */
        public Builder themes(Theme... themes) {
            for (Theme t : themes) {
                this.themes.add(Objects.requireNonNull(t, "theme"));
            }
            return this;
        }

        /**
         * Sets the start.
         *
         * @param start the start
         * @return this builder
         */
        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        /**
         * Sets the duration.
         *
         * @param duration the duration
         * @return this builder
         */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /**
         * Sets the capacity.
         *
         * @param capacity the number of seats
         * @return this builder
         */
        public Builder capacity(int capacity) {
            this.capacity = capacity;
            return this;
        }

        /**
         * Sets the co organisers.
         *
         * @param members the members
         * @return this builder
         */
        public Builder coOrganisers(MemberId... members) {
            for (MemberId m : members) {
                coOrganisers.add(Objects.requireNonNull(m, "coOrganiser"));
            }
            return this;
        }

        /**
         * Held at an establishment known to ShareNum.
         *
         * @param uai the establishment's UAI
         * @return this builder
         */
        public Builder atEstablishment(Uai uai) {
            this.establishment = Objects.requireNonNull(uai, "establishment");
            this.venue = null;
            return this;
        }

        /**
         * Held at another place.
         *
         * @param venue the venue
         * @return this builder
         */
        public Builder at(Venue venue) {
            this.venue = Objects.requireNonNull(venue, "venue");
            this.establishment = null;
            return this;
        }

        /**
         * In a BusNum parked at the venue; booked with the event.
         *
         * @param bus the BusNum
         * @return this builder
         */
        public Builder onBus(BusId bus) {
            this.bus = Objects.requireNonNull(bus, "bus");
            return this;
        }

        /**
         * Members this far from the venue who follow its tools or themes are told; default the host's.
         *
         * @param km a distance, in km
         * @return this builder
         */
        public Builder broadcastRadiusKm(double km) {
            this.broadcastRadiusKm = km;
            return this;
        }

        /**
         * Held online, in a virtual class (the link must be https), announced to a territory: with a venue as well
         * ({@link #at}, {@link #atEstablishment}) the event is hybrid, without one it is online only.
         *
         * @param access the link and the territory
         * @return this builder
         */
        public Builder online(OnlineAccess access) {
            this.online = Objects.requireNonNull(access, "online");
            return this;
        }

        /**
         * @throws InvalidValueException when the event has neither a venue nor a visio link
         *
         * @return the {@link EventRequest}
         */
        public EventRequest build() {
            if (establishment == null && venue == null && online == null) {
                throw new InvalidValueException("venue", "say where the event takes place: an establishment, an address or"
                        + " a visio link");
            }
            return new EventRequest(ticket, kind, title, description, tools, themes, start, duration, capacity,
                    coOrganisers, establishment, venue, bus, broadcastRadiusKm, online);
        }
    }
}
