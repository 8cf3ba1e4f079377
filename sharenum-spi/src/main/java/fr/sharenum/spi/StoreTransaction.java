package fr.sharenum.spi;

import java.util.Optional;

/**
 * One transaction of a {@link ShareNumStore}, in two layers.
 *
 * <p><b>The kernel</b>, which every store implements: {@link Documents}' five methods — documents by collection
 * and key, with a version and a few ordered index values. ShareNum builds every aggregate on top of it, so a
 * host on any database (MongoDB, MariaDB, its own persistence) writes those five methods and one transaction,
 * proves them with {@code DocumentsContract}, and has a complete store.
 *
 * <p><b>Native aggregates</b>, which a store may add for speed: each method below returns the store's own
 * implementation of one aggregate (its own tables and indexes), or empty — the default — for ShareNum to use
 * its kernel-based one. {@code JdbcStore} and the in-memory store implement them all; {@code
 * ShareNumStoreContract} checks them. Native and kernel-based aggregates may be mixed in one store: both live in
 * the same transaction.
 *
 * <p>Only valid during the call that received it. Reads see the transaction's own writes.
 */
public interface StoreTransaction extends Documents {

    /** @return the store's own establishments, or empty to use the kernel */
    default Optional<EstablishmentStore> establishments() {
        return Optional.empty();
    }

    /** @return the store's own members, or empty to use the kernel */
    default Optional<MemberStore> members() {
        return Optional.empty();
    }

    /** @return the store's own pending verifications, or empty to use the kernel */
    default Optional<VerificationStore> verifications() {
        return Optional.empty();
    }

    /** @return the store's own tickets, or empty to use the kernel */
    default Optional<TicketStore> tickets() {
        return Optional.empty();
    }

    /** @return the store's own conversations, or empty to use the kernel */
    default Optional<MessageStore> messages() {
        return Optional.empty();
    }

    /** @return the store's own availability, or empty to use the kernel */
    default Optional<AvailabilityStore> availability() {
        return Optional.empty();
    }

    /** @return the store's own events, or empty to use the kernel */
    default Optional<EventStore> events() {
        return Optional.empty();
    }

    /** @return the store's own feedback, or empty to use the kernel */
    default Optional<FeedbackStore> feedback() {
        return Optional.empty();
    }

    /** @return the store's own BusNum fleet and bookings, or empty to use the kernel */
    default Optional<BusStore> buses() {
        return Optional.empty();
    }

    /** @return the store's own notification outbox, or empty to use the kernel */
    default Optional<OutboxStore> outbox() {
        return Optional.empty();
    }

    /** @return the store's own alert records and preferences, or empty to use the kernel */
    default Optional<AlertStore> alerts() {
        return Optional.empty();
    }

    /** @return the store's own published trainings, or empty to use the kernel */
    default Optional<TrainingStore> trainings() {
        return Optional.empty();
    }

    /** @return the store's own badges, or empty to use the kernel */
    default Optional<BadgeStore> badges() {
        return Optional.empty();
    }

    /** @return the store's own campaigns, or empty to use the kernel */
    default Optional<CampaignStore> campaigns() {
        return Optional.empty();
    }

    /** @return the store's own change feed, or empty to use the kernel */
    default Optional<ChangeFeedStore> changes() {
        return Optional.empty();
    }
}
