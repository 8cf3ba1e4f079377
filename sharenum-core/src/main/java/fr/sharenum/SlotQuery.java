package fr.sharenum;

import fr.sharenum.model.BusId;
import fr.sharenum.model.Event;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Venue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * "When can these members meet for {@code duration} between {@code from} and {@code to}?" — optionally
 * in a given BusNum parked at a given venue.
 *
 * <pre>{@code
 * List<CommonSlot> slots = sharenum.agenda().findCommonSlots(
 *         SlotQuery.of(Duration.ofHours(2), monday, monday.plus(Duration.ofDays(21)))
 *                 .members(claire.id(), paul.id())
 *                 .bus(BusId.of("busnum-21"), Venue.of(ecoleSaulieu))
 *                 .build());
 * }</pre>
 *
 * @param members    two or more distinct members
 * @param duration   length of the meeting, 15 minutes to 12 hours
 * @param from       start of the search window {@code [from, to)}
 * @param to         end of the search window, at most {@value #MAX_WINDOW_DAYS} days after {@code from}
 * @param bus        the BusNum that must be free too, or {@code null}
 * @param busVenue   where the bus would park (required with a bus)
 * @param maxResults most slots returned, 1–500, default 10
 * @param step       proposed starts are multiples of this step (from the epoch), default 15 minutes
 */
public record SlotQuery(List<MemberId> members, Duration duration, Instant from, Instant to, BusId bus, Venue busVenue,
                        int maxResults, Duration step) {

    /** Widest search window, in days. */
    public static final int MAX_WINDOW_DAYS = 366;

    /**
     * Checks every value, whether built with {@link #of} or this constructor.
     *
     * @param members two or more distinct members
     * @param duration length of the meeting, 15 minutes to 12 hours
     * @param from start of the search window {@code [from, to)}
     * @param to end of the search window, at most {@value #MAX_WINDOW_DAYS} days after {@code from}
     * @param bus the BusNum that must be free too, or {@code null}
     * @param busVenue where the bus would park (required with a bus)
     * @param maxResults most slots returned, 1–500, default 10
     * @param step proposed starts are multiples of this step (from the epoch), default 15 minutes
     */
    public SlotQuery {
        if (members == null || members.stream().anyMatch(Objects::isNull)) {
            throw new InvalidValueException("members", "are required and never null");
        }
        members = List.copyOf(new LinkedHashSet<>(members));
        if (members.size() < 2) {
            throw new InvalidValueException("members", "a common slot needs at least two distinct members, got "
                + members.size());
        }
        if (duration == null || duration.compareTo(Event.MIN_DURATION) < 0
                || duration.compareTo(Event.MAX_DURATION) > 0) {
            throw new InvalidValueException("duration", "must be between 15 minutes and 12 hours, was " + duration);
        }
        if (from == null || to == null || !to.isAfter(from)) {
            throw new InvalidValueException("to", "the window needs a start and a later end, was [" + from + ", " + to + ")");
        }
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_WINDOW_DAYS)) > 0) {
            throw new InvalidValueException("to", "the window spans at most " + MAX_WINDOW_DAYS + " days");
        }
        if (maxResults < 1 || maxResults > 500) {
            throw new InvalidValueException("maxResults", "must be between 1 and 500, was " + maxResults);
        }
        if (step == null || step.compareTo(Duration.ofMinutes(1)) < 0 || step.compareTo(Duration.ofHours(1)) > 0
                || step.getNano() != 0 || step.getSeconds() % 60 != 0) {
            throw new InvalidValueException("step", "must be a whole number of minutes between 1 and 60, was " + step);
        }
        if ((bus == null) != (busVenue == null)) {
            throw new InvalidValueException("busVenue", "a bus needs the venue where it would park, and only a bus does");
        }
    }

    /**
     * Starts a query for a meeting of {@code duration} in {@code [from, to)}.
     *
     * @param duration the duration
     * @param from the start
     * @param to the end
     * @return a builder, to which members are added
     */
    public static Builder of(Duration duration, Instant from, Instant to) {
        return new Builder(duration, from, to);
    }

    /**
     * The BusNum that must be free too, if any.
     *
     * @return the bus, or empty
     */
    public Optional<BusId> busId() {
        return Optional.ofNullable(bus);
    }

    /** Builds and validates a {@link SlotQuery}. Not thread-safe. */
    public static final class Builder {
        private final Duration duration;
        private final Instant from;
        private final Instant to;
        private final Set<MemberId> members = new LinkedHashSet<>();
        private BusId bus;
        private Venue busVenue;
        private int maxResults = 10;
        private Duration step = Duration.ofMinutes(15);

        private Builder(Duration duration, Instant from, Instant to) {
            this.duration = duration;
            this.from = from;
            this.to = to;
        }

        /**
         * Adds members who must all be free.
         *
         * @param ids the identifiers
         * @return this builder
         */
        public Builder members(MemberId... ids) {
            for (MemberId id : ids) {
                members.add(Objects.requireNonNull(id, "member"));
            }
            return this;
        }

        /**
         * Adds members who must all be free.
         *
         * @param ids the identifiers
         * @return this builder
         */
        public Builder members(Iterable<MemberId> ids) {
            ids.forEach(id -> members.add(Objects.requireNonNull(id, "member")));
            return this;
        }

        /**
         * The BusNum must be free too, for the event at {@code venue} (travel and set-up included).
         *
         * @param bus the BusNum
         * @param venue the venue
         * @return this builder
         */
        public Builder bus(BusId bus, Venue venue) {
            this.bus = Objects.requireNonNull(bus, "bus");
            this.busVenue = Objects.requireNonNull(venue, "venue");
            return this;
        }

        /**
         * Sets the max results.
         *
         * @param max the maximum
         * @return this builder
         */
        public Builder maxResults(int max) {
            this.maxResults = max;
            return this;
        }

        /**
         * Proposed starts fall on multiples of {@code step} (1 minute to 1 hour); default 15 minutes.
         *
         * @param step the step
         * @return this builder
         */
        public Builder step(Duration step) {
            this.step = step;
            return this;
        }

        /**
         * @throws InvalidValueException when a value is missing or out of range
         *
         * @return the {@link SlotQuery}
         */
        public SlotQuery build() {
            return new SlotQuery(List.copyOf(members), duration, from, to, bus, busVenue, maxResults, step);
        }
    }
}
