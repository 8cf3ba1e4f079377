package fr.sharenum.spi;

import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.Availability;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Email;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;

import java.time.Instant;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What ShareNum reads and writes inside one {@link ShareNumStore#inTransaction transaction}. Only
 * valid during the call that received it. Reads see the transaction's own writes.
 */
public interface StoreTransaction extends Documents {

    // --- establishments
    Optional<Establishment> establishment(Uai uai);

    /** Inserts or replaces an establishment. */
    void putEstablishment(Establishment establishment);

    /** Visits every establishment, in no particular order. */
    void forEachEstablishment(Consumer<? super Establishment> action);

    // --- members
    Optional<Member> member(MemberId id);

    /** The member registered with {@code email}, which is stored lower-case. */
    Optional<Member> memberByEmail(Email email);

    /**
     * Inserts a new member.
     *
     * @throws fr.sharenum.model.DuplicateException when the id or the e-mail is already taken
     */
    void insertMember(Member member);

    /**
     * Replaces a member whose stored version is {@code expectedVersion}; {@code member.version()}
     * must be {@code expectedVersion + 1}.
     *
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such member
     */
    void updateMember(Member member, long expectedVersion);

    /** Members working at {@code establishment}, in no particular order. */
    List<Member> membersAt(Uai establishment);

    /** Visits every member, in no particular order. */
    void forEachMember(Consumer<? super Member> action);

    // --- e-mail verifications
    Optional<VerificationRecord> verification(MemberId member);

    /** Inserts or replaces the pending verification of a member. */
    void putVerification(VerificationRecord record);

    void deleteVerification(MemberId member);

    // --- tickets
    Optional<TicketNum> ticket(TicketId id);

    /** @throws fr.sharenum.model.DuplicateException when the id is taken */
    void insertTicket(TicketNum ticket);

    /**
     * Replaces a ticket whose stored version is {@code expectedVersion}; {@code ticket.version()}
     * must be {@code expectedVersion + 1}.
     *
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such ticket
     */
    void updateTicket(TicketNum ticket, long expectedVersion);

    /** Tickets opened by {@code requester}, oldest first. */
    List<TicketNum> ticketsOf(MemberId requester);

    /**
     * Tickets still accepting offers (OPEN or OFFERS_RECEIVED) whose expiry is at or before
     * {@code instant}, oldest expiry first, at most {@code limit}.
     */
    List<TicketNum> ticketsExpiringBy(Instant instant, int limit);

    // --- conversations
    /**
     * Appends a message; its {@code seq} must be the ticket's last seq plus one (1 for the first).
     *
     * @throws fr.sharenum.model.VersionConflictException when another message took that seq
     */
    void appendMessage(Message message);

    /** Messages of a ticket with seq greater than {@code afterSeq}, in order, at most {@code limit}. */
    List<Message> messages(TicketId ticket, long afterSeq, int limit);

    /** Seq of the ticket's last message, 0 when there is none. */
    long lastMessageSeq(TicketId ticket);

    /**
     * Replaces the text of a stored message (same ticket and seq), for erasure at a member's request.
     *
     * @throws fr.sharenum.model.NotFoundException when there is no such message
     */
    void redactMessage(Message redacted);

    // --- agenda
    /** The availability a member published, empty when they published none. */
    Optional<Availability> availability(MemberId member);

    /** Inserts or replaces a member's availability. */
    void putAvailability(MemberId member, Availability availability);

    // --- events
    Optional<Event> event(EventId id);

    /** @throws fr.sharenum.model.DuplicateException when the id is taken */
    void insertEvent(Event event);

    /**
     * Replaces an event whose stored version is {@code expectedVersion}; {@code event.version()} must
     * be {@code expectedVersion + 1}.
     *
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such event
     */
    void updateEvent(Event event, long expectedVersion);

    /**
     * Events in any state whose time {@code [start, start + duration)} overlaps {@code [from, to)},
     * earliest start first (then by id).
     */
    List<Event> eventsOverlapping(Instant from, Instant to);

    /**
     * Records a participant's feedback on an event.
     *
     * @throws fr.sharenum.model.DuplicateException when that member already gave feedback on it
     */
    void insertFeedback(fr.sharenum.model.Feedback feedback);

    /** Feedback on an event, in the order it was given. */
    List<fr.sharenum.model.Feedback> feedbackOn(EventId event);

    /**
     * Replaces the comment of a stored feedback (same event and member), for erasure at a member's request.
     *
     * @param redacted the feedback with its new comment
     * @throws fr.sharenum.model.NotFoundException when there is no such feedback
     */
    void redactFeedback(fr.sharenum.model.Feedback redacted);

    // --- BusNum fleet
    Optional<Bus> bus(BusId id);

    /** @throws fr.sharenum.model.DuplicateException when the id is taken */
    void insertBus(Bus bus);

    /**
     * Replaces a bus whose stored version is {@code expectedVersion}; {@code bus.version()} must be
     * {@code expectedVersion + 1}. ShareNum bumps the bus's version with every booking change, which
     * makes two concurrent bookings of one bus conflict here.
     *
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such bus
     */
    void updateBus(Bus bus, long expectedVersion);

    /** Every bus, by id. */
    List<Bus> buses();

    /**
     * Bookings of {@code bus} whose on-site time overlaps {@code [from, to)}, earliest first.
     */
    List<BusBooking> bookings(BusId bus, Instant from, Instant to);

    /**
     * Records a booking.
     *
     * @throws fr.sharenum.model.DuplicateException when the event already has a booking
     * @throws fr.sharenum.model.NotFoundException  when there is no such bus
     */
    void insertBooking(BusBooking booking);

    /** Removes the booking of {@code event} on {@code bus}, if there is one. */
    void deleteBooking(BusId bus, EventId event);

    // --- notification outbox
    /**
     * Records a notification to deliver once this transaction commits. An entry with the same
     * notification id already present is left as it is (the id is an idempotency key).
     */
    void enqueue(OutboxEntry entry);

    Optional<OutboxEntry> outboxEntry(String notificationId);

    /** PENDING entries with {@code nextAttemptAt} at or before {@code now}, earliest first (then by id), at most {@code limit}. */
    List<OutboxEntry> dueNotifications(Instant now, int limit);

    /**
     * Replaces an entry whose stored version is {@code expectedVersion}; {@code entry.version()} must be
     * {@code expectedVersion + 1}.
     *
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such entry
     */
    void updateOutbox(OutboxEntry entry, long expectedVersion);

    /** Removes a delivered entry; nothing when absent. */
    void deleteOutbox(String notificationId);

    /** DEAD entries, oldest first, at most {@code limit}. */
    List<OutboxEntry> deadLetters(int limit);

    // --- alert bounds and preferences
    Optional<AlertPreferences> alertPreferences(MemberId member);

    /** Inserts or replaces a member's alert preferences. */
    void putAlertPreferences(MemberId member, AlertPreferences preferences);

    /**
     * The preferences of many members at once (those who have none are absent). The default asks one by
     * one; a database store answers in a few queries.
     */
    default Map<MemberId, AlertPreferences> alertPreferencesOf(Collection<MemberId> members) {
        Map<MemberId, AlertPreferences> out = new java.util.HashMap<>();
        for (MemberId m : members) {
            alertPreferences(m).ifPresent(p -> out.put(m, p));
        }
        return out;
    }

    /** Records alerts sent. */
    void recordAlerts(Collection<AlertRecord> alerts);

    /** For each of {@code helpers}: how many alerts since {@code since} (0 when none), and the time of the last one ever. */
    Map<MemberId, AlertStats> alertStats(Collection<MemberId> helpers, Instant since);

    /** Helpers alerted by {@code requester} for {@code tool} at or after {@code since}. */
    Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since);

    /**
     * Alert counts of one helper.
     *
     * @param sinceCount alerts since the instant asked about
     * @param last       the last alert ever, or {@code null}
     */
    record AlertStats(int sinceCount, Instant last) {
    }

    // --- trainings published through ShareNum (coopératives, Canopé, DANE)
    /**
     * Records a training published by an institutional place.
     *
     * @throws fr.sharenum.model.DuplicateException when its id is taken
     */
    void insertTraining(fr.sharenum.model.Training training);

    /** Published trainings starting in {@code [from, to)}, earliest first. */
    List<fr.sharenum.model.Training> publishedTrainings(Instant from, Instant to);

    // --- badges
    /**
     * Records a badge awarded.
     *
     * @throws fr.sharenum.model.DuplicateException when the member already holds that badge
     */
    void insertBadge(fr.sharenum.model.BadgeAward award);

    /** A member's badges, oldest first. */
    List<fr.sharenum.model.BadgeAward> badgesOf(MemberId member);

    // --- establishment campaigns
    Optional<fr.sharenum.model.Campaign> campaign(fr.sharenum.model.CampaignId id);

    /** @throws fr.sharenum.model.DuplicateException when the id is taken */
    void insertCampaign(fr.sharenum.model.Campaign campaign);

    /**
     * Replaces a campaign whose stored version is {@code expectedVersion}.
     *
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such campaign
     */
    void updateCampaign(fr.sharenum.model.Campaign campaign, long expectedVersion);
}
