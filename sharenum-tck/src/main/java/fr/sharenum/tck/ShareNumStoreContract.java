package fr.sharenum.tck;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.TimeWindow;
import fr.sharenum.model.TimeRange;
import fr.sharenum.model.Registration;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.Event;
import fr.sharenum.model.BusBooking;
import fr.sharenum.model.Bus;
import fr.sharenum.model.Availability;
import fr.sharenum.model.DuplicateException;
import fr.sharenum.model.Email;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Message;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Offer;
import fr.sharenum.model.OfferStatus;
import fr.sharenum.model.TicketId;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.TicketStatus;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Uai;
import fr.sharenum.model.VersionConflictException;
import fr.sharenum.model.AlertPreferences;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.BusId;
import fr.sharenum.model.Campaign;
import fr.sharenum.model.CampaignId;
import fr.sharenum.model.EventId;
import fr.sharenum.model.Feedback;
import fr.sharenum.model.Training;
import fr.sharenum.spi.AlertRecord;
import fr.sharenum.spi.Change;
import fr.sharenum.spi.OutboxEntry;
import fr.sharenum.spi.ShareNumStore;
import fr.sharenum.spi.StoreTransaction;
import fr.sharenum.spi.VerificationRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.sharenum.tck.TckData.bus;
import static fr.sharenum.tck.TckData.establishment;
import static fr.sharenum.tck.TckData.event;
import static fr.sharenum.tck.TckData.venue;
import static fr.sharenum.tck.TckData.member;
import static fr.sharenum.tck.TckData.ticket;
import static fr.sharenum.tck.TckData.uai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contract of {@link ShareNumStore}. Extend it in your test sources and return a fresh, empty
 * store from {@link #newStore()}:
 *
 * <pre>{@code
 * class JdbcStoreTest extends ShareNumStoreContract {
 *     @Override protected ShareNumStore newStore() { return new JdbcStore(freshDatabase()); }
 * }
 * }</pre>
 */
public abstract class ShareNumStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    private static final ToolId GEOGEBRA = ToolId.of("geogebra");

    /**
     * A new store holding nothing.
     *
     * @return a new store holding nothing
     */
    protected abstract ShareNumStore newStore();

    /** The store. */
    protected ShareNumStore store;
    private final Uai a = uai(21, 15);
    private final Uai b = uai(21, 16);

    @BeforeEach
    void freshStore() {
        store = newStore();
        store.inTransaction(t -> {
            v(t).putEstablishment(establishment(a, 47.32, 5.04));
            v(t).putEstablishment(establishment(b, 47.02, 4.84));
            return null;
        });
    }


    /**
     * The aggregates of {@code t}, every one required: a complete store provides them all.
     *
     * @param t the t
     * @return the aggregates of {@code t}, every one required: a complete store provides them all
     */
    protected static View v(StoreTransaction t) {
        return new View(t);
    }

    /** One flat view of the aggregates of a transaction, for terse tests. */
    protected static final class View {
        private final StoreTransaction t;

        View(StoreTransaction t) {
            this.t = t;
        }

        private static <A> A need(java.util.Optional<A> aggregate, String name) {
            return aggregate.orElseThrow(() -> new AssertionError("the store provides no " + name + " aggregate: run the"
                    + " contract on a complete store (a kernel-only store is completed by ShareNum's kernel aggregates)"));
        }

        Optional<Establishment> establishment(Uai uai) {
            return need(t.establishments(), "establishments").get(uai);
        }

        void putEstablishment(Establishment establishment) {
            need(t.establishments(), "establishments").put(establishment);
        }

        void forEachEstablishment(Consumer<? super Establishment> action) {
            need(t.establishments(), "establishments").forEach(action);
        }

        Optional<Member> member(MemberId id) {
            return need(t.members(), "members").get(id);
        }

        Optional<Member> memberByEmail(Email email) {
            return need(t.members(), "members").byEmail(email);
        }

        void insertMember(Member member) {
            need(t.members(), "members").insert(member);
        }

        void updateMember(Member member, long expectedVersion) {
            need(t.members(), "members").update(member, expectedVersion);
        }

        List<Member> membersAt(Uai establishment) {
            return need(t.members(), "members").at(establishment);
        }

        void forEachMember(Consumer<? super Member> action) {
            need(t.members(), "members").forEach(action);
        }

        void forEachMemberProjection(Consumer<? super fr.sharenum.spi.MemberProjection> action) {
            need(t.members(), "members").forEachProjection(action);
        }

        Optional<VerificationRecord> verification(MemberId member) {
            return need(t.verifications(), "verifications").get(member);
        }

        void putVerification(VerificationRecord record) {
            need(t.verifications(), "verifications").put(record);
        }

        void deleteVerification(MemberId member) {
            need(t.verifications(), "verifications").delete(member);
        }

        Optional<TicketNum> ticket(TicketId id) {
            return need(t.tickets(), "tickets").get(id);
        }

        void insertTicket(TicketNum ticket) {
            need(t.tickets(), "tickets").insert(ticket);
        }

        void updateTicket(TicketNum ticket, long expectedVersion) {
            need(t.tickets(), "tickets").update(ticket, expectedVersion);
        }

        List<TicketNum> ticketsOf(MemberId requester) {
            return need(t.tickets(), "tickets").openedBy(requester);
        }

        List<TicketNum> searchTickets(fr.sharenum.spi.TicketQuery query) {
            return need(t.tickets(), "tickets").search(query);
        }

        List<Event> searchEvents(fr.sharenum.spi.EventQuery query) {
            return need(t.events(), "events").search(query);
        }

        List<TicketNum> ticketsExpiringBy(Instant instant, int limit) {
            return need(t.tickets(), "tickets").expiringBy(instant, limit);
        }

        void forEachTicket(Consumer<? super TicketNum> action) {
            need(t.tickets(), "tickets").forEach(action);
        }

        void appendMessage(Message message) {
            need(t.messages(), "messages").append(message);
        }

        List<Message> messages(TicketId ticket, long afterSeq, int limit) {
            return need(t.messages(), "messages").after(ticket, afterSeq, limit);
        }

        long lastMessageSeq(TicketId ticket) {
            return need(t.messages(), "messages").lastSeq(ticket);
        }

        void redactMessage(Message redacted) {
            need(t.messages(), "messages").redact(redacted);
        }

        Optional<Availability> availability(MemberId member) {
            return need(t.availability(), "availability").get(member);
        }

        void putAvailability(MemberId member, Availability availability) {
            need(t.availability(), "availability").put(member, availability);
        }

        Optional<Event> event(EventId id) {
            return need(t.events(), "events").get(id);
        }

        void insertEvent(Event event) {
            need(t.events(), "events").insert(event);
        }

        void updateEvent(Event event, long expectedVersion) {
            need(t.events(), "events").update(event, expectedVersion);
        }

        List<Event> eventsOverlapping(Instant from, Instant to) {
            return need(t.events(), "events").overlapping(from, to);
        }

        void insertFeedback(Feedback feedback) {
            need(t.feedback(), "feedback").insert(feedback);
        }

        List<Feedback> feedbackOn(EventId event) {
            return need(t.feedback(), "feedback").on(event);
        }

        void redactFeedback(Feedback redacted) {
            need(t.feedback(), "feedback").redact(redacted);
        }

        Optional<Bus> bus(BusId id) {
            return need(t.buses(), "buses").get(id);
        }

        void insertBus(Bus bus) {
            need(t.buses(), "buses").insert(bus);
        }

        void updateBus(Bus bus, long expectedVersion) {
            need(t.buses(), "buses").update(bus, expectedVersion);
        }

        List<Bus> buses() {
            return need(t.buses(), "buses").all();
        }

        List<BusBooking> bookings(BusId bus, Instant from, Instant to) {
            return need(t.buses(), "buses").bookings(bus, from, to);
        }

        void insertBooking(BusBooking booking) {
            need(t.buses(), "buses").insertBooking(booking);
        }

        void deleteBooking(BusId bus, EventId event) {
            need(t.buses(), "buses").deleteBooking(bus, event);
        }

        void enqueue(OutboxEntry entry) {
            need(t.outbox(), "outbox").enqueue(entry);
        }

        Optional<OutboxEntry> outboxEntry(String notificationId) {
            return need(t.outbox(), "outbox").get(notificationId);
        }

        List<OutboxEntry> dueNotifications(Instant now, int limit) {
            return need(t.outbox(), "outbox").due(now, limit);
        }

        List<OutboxEntry> claimableNotifications(Instant now, int limit) {
            return need(t.outbox(), "outbox").claimable(now, limit);
        }

        void updateOutbox(OutboxEntry entry, long expectedVersion) {
            need(t.outbox(), "outbox").update(entry, expectedVersion);
        }

        void deleteOutbox(String notificationId) {
            need(t.outbox(), "outbox").delete(notificationId);
        }

        List<OutboxEntry> deadLetters(int limit) {
            return need(t.outbox(), "outbox").dead(limit);
        }

        fr.sharenum.spi.OutboxBacklog outboxBacklog() {
            return need(t.outbox(), "outbox").backlog();
        }

        Optional<AlertPreferences> alertPreferences(MemberId member) {
            return need(t.alerts(), "alerts").preferences(member);
        }

        void putAlertPreferences(MemberId member, AlertPreferences preferences) {
            need(t.alerts(), "alerts").putPreferences(member, preferences);
        }

        Map<MemberId, AlertPreferences> alertPreferencesOf(Collection<MemberId> members) {
            return need(t.alerts(), "alerts").preferencesOf(members);
        }

        void recordAlerts(Collection<AlertRecord> alerts) {
            need(t.alerts(), "alerts").record(alerts);
        }

        Map<MemberId, fr.sharenum.spi.AlertStore.AlertStats> alertStats(Collection<MemberId> helpers, Instant since) {
            return need(t.alerts(), "alerts").stats(helpers, since);
        }

        Set<MemberId> alertedBy(MemberId requester, ToolId tool, Instant since) {
            return need(t.alerts(), "alerts").alertedBy(requester, tool, since);
        }

        void insertTraining(Training training) {
            need(t.trainings(), "trainings").insert(training);
        }

        List<Training> publishedTrainings(Instant from, Instant to) {
            return need(t.trainings(), "trainings").published(from, to);
        }

        List<Training> searchTrainings(fr.sharenum.spi.TrainingQuery query) {
            return need(t.trainings(), "trainings").search(query);
        }

        void insertBadge(BadgeAward award) {
            need(t.badges(), "badges").insert(award);
        }

        List<BadgeAward> badgesOf(MemberId member) {
            return need(t.badges(), "badges").of(member);
        }

        Optional<Campaign> campaign(CampaignId id) {
            return need(t.campaigns(), "campaigns").get(id);
        }

        void insertCampaign(Campaign campaign) {
            need(t.campaigns(), "campaigns").insert(campaign);
        }

        void updateCampaign(Campaign campaign, long expectedVersion) {
            need(t.campaigns(), "campaigns").update(campaign, expectedVersion);
        }
    }

    private <T> T tx(Function<StoreTransaction, T> work) {
        return store.inTransaction(work);
    }

    private <T> Optional<T> opt(Function<StoreTransaction, Optional<T>> read) {
        return store.inTransaction(read);
    }

    private <T> List<T> list(Function<StoreTransaction, List<T>> read) {
        return store.inTransaction(read);
    }

    private long num(Function<StoreTransaction, Long> read) {
        return store.inTransaction(read);
    }


























    private static fr.sharenum.spi.OutboxEntry entry(String id, Instant due) {
        return fr.sharenum.spi.OutboxEntry.pending(new fr.sharenum.model.Notification.OfferDeclined(id,
                MemberId.of("M1"), Email.of("m1@ac-dijon.fr"), fr.sharenum.model.TicketId.of("T1")), T0, due);
    }

    @Nested
    @DisplayName("establishments")
    class Establishments {
        @Test
        void establishmentsArePutFoundAndReplaced() {
            assertThat(opt(t -> v(t).establishment(a))).map(Establishment::uai).contains(a);
            Establishment moved = establishment(a, 47.0, 5.0);
            tx(t -> {
                v(t).putEstablishment(moved);
                return null;
            });
            assertThat(opt(t -> v(t).establishment(a))).contains(moved);
            List<Uai> all = new ArrayList<>();
            tx(t -> {
                v(t).forEachEstablishment(e -> all.add(e.uai()));
                return null;
            });
            assertThat(all).containsExactlyInAnyOrder(a, b);
            assertThat(opt(t -> v(t).establishment(uai(21, 99)))).isEmpty();
        }


    }

    @Nested
    @DisplayName("members")
    class Members {
        @Test
        void membersAreFoundByIdAndEmail() {
            Member m = member("M1", a, Map.of(GEOGEBRA, CompetenceLevel.EXPERIENCED));
            tx(t -> {
                v(t).insertMember(m);
                return null;
            });
            assertThat(opt(t -> v(t).member(m.id()))).contains(m);
            assertThat(opt(t -> v(t).memberByEmail(Email.of("M1@AC-DIJON.FR")))).contains(m);
            assertThat(opt(t -> v(t).member(MemberId.of("nobody")))).isEmpty();
            assertThat(list(t -> v(t).membersAt(a))).containsExactly(m);
        }

        @Test
        void duplicateIdOrEmailIsRefusedAndChangesNothing() {
            Member m = member("M1", a, Map.of());
            tx(t -> {
                v(t).insertMember(m);
                return null;
            });
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertMember(member("M1", b, Map.of()).withDisplayName("Autre"));
                return null;
            })).isInstanceOf(DuplicateException.class);
            Member sameEmail = new Member(MemberId.of("M2"), "Autre", m.email(), b, m.role(), m.disciplines(), m.skills(),
                    m.followedTools(), m.followedThemes(), m.status(), m.registeredAt(), 1);
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertMember(sameEmail);
                return null;
            })).isInstanceOf(DuplicateException.class);
            assertThat(opt(t -> v(t).member(m.id()))).contains(m);
            assertThat(opt(t -> v(t).member(MemberId.of("M2")))).isEmpty();
            assertThat(list(t -> v(t).membersAt(b))).isEmpty();
        }

        @Test
        void updatesAreOptimistic() {
            Member m = member("M1", a, Map.of());
            tx(t -> {
                v(t).insertMember(m);
                return null;
            });
            Member v2 = m.withEstablishment(b).nextVersion();
            tx(t -> {
                v(t).updateMember(v2, 1);
                return null;
            });
            assertThat(opt(t -> v(t).member(m.id()))).contains(v2);
            assertThat(list(t -> v(t).membersAt(a))).isEmpty();
            assertThat(list(t -> v(t).membersAt(b))).containsExactly(v2);

            Member stale = m.withDisplayName("Perdu").nextVersion();
            assertThatThrownBy(() -> tx(t -> {
                v(t).updateMember(stale, 1);
                return null;
            })).isInstanceOf(VersionConflictException.class)
                    .satisfies(e -> assertThat(((VersionConflictException) e).actualVersion()).isEqualTo(2));
            assertThat(opt(t -> v(t).member(m.id()))).contains(v2);

            assertThatThrownBy(() -> tx(t -> {
                v(t).updateMember(member("ghost", a, Map.of()).nextVersion(), 1);
                return null;
            })).isInstanceOf(NotFoundException.class);
        }

        @Test
        void concurrentUpdatesOfOneVersionHaveExactlyOneWinner() throws Exception {
            Member m = member("M1", a, Map.of());
            tx(t -> {
                v(t).insertMember(m);
                return null;
            });
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger wins = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = "Nom " + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        tx(t -> {
                            v(t).updateMember(m.withDisplayName(name).nextVersion(), 1);
                            return null;
                        });
                        wins.incrementAndGet();
                    } catch (VersionConflictException e) {
                        conflicts.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(wins.get()).isEqualTo(1);
            assertThat(conflicts.get()).isEqualTo(threads - 1);
            assertThat(opt(t -> v(t).member(m.id())).orElseThrow().version()).isEqualTo(2);
        }


        @Test
        void everyMemberIsVisited() {
            List<Member> ms = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ms.add(member("M" + i, i % 2 == 0 ? a : b, Map.of()));
            }
            tx(t -> {
                ms.forEach(m -> v(t).insertMember(m));
                return null;
            });
            List<Member> seen = new ArrayList<>();
            tx(t -> {
                v(t).forEachMember(seen::add);
                return null;
            });
            assertThat(seen).containsExactlyInAnyOrderElementsOf(ms);
            assertThat(list(t -> v(t).membersAt(a))).hasSize(15);
        }

        @Test
        void everyMemberIsProjectedAsStored() {
            ToolId geogebra = ToolId.of("geogebra");
            ToolId capytale = ToolId.of("capytale");
            Member plain = member("P1", a, Map.of(geogebra, CompetenceLevel.EXPERIENCED, capytale, CompetenceLevel.NOVICE));
            Member full = new Member(MemberId.of("P2"), "Zoé « Ligne » Dupont", Email.of("zoe.dupont@ac-dijon.fr"), b,
                    fr.sharenum.model.Role.TEACHER_PRIMARY, Set.of("mathématiques"),
                    Map.of(geogebra, new fr.sharenum.model.Skill(geogebra, CompetenceLevel.INTERMEDIATE, Set.of("en classe"))),
                    Set.of(capytale), Set.of(fr.sharenum.model.Theme.of("evaluation")), fr.sharenum.model.MemberStatus.SUSPENDED,
                    Instant.parse("2026-10-02T09:30:00Z"), 3,
                    new fr.sharenum.model.PixCertification(412, java.time.LocalDate.parse("2026-06-15"), "P-ABC12345"));
            Member none = member("P3", a, Map.of());
            tx(t -> {
                v(t).insertMember(plain);
                v(t).insertMember(full);
                v(t).insertMember(none);
                return null;
            });
            List<fr.sharenum.spi.MemberProjection> seen = new ArrayList<>();
            tx(t -> {
                v(t).forEachMemberProjection(seen::add);
                return null;
            });
            assertThat(seen).containsExactlyInAnyOrder(fr.sharenum.spi.MemberProjection.of(plain),
                    fr.sharenum.spi.MemberProjection.of(full), fr.sharenum.spi.MemberProjection.of(none));
            fr.sharenum.spi.MemberProjection zoe = seen.stream().filter(m -> m.id().value().equals("P2")).findFirst().orElseThrow();
            assertThat(zoe.levels()).containsExactly(Map.entry(geogebra, CompetenceLevel.INTERMEDIATE));
            assertThat(zoe.pixScore()).isEqualTo(412);
            assertThat(zoe.isActive()).isFalse();
        }

        @Test
        void anAddressFreedByAnUpdateCanBeTakenAgain() {
            Member m = member("M1", a, Map.of());
            tx(t -> {
                v(t).insertMember(m);
                return null;
            });
            Member renamed = new Member(m.id(), m.displayName(), Email.of("autre@ac-dijon.fr"), a, m.role(), m.disciplines(),
                    m.skills(), m.followedTools(), m.followedThemes(), m.status(), m.registeredAt(), 2);
            tx(t -> {
                v(t).updateMember(renamed, 1);
                return null;
            });
            assertThat(opt(t -> v(t).memberByEmail(m.email()))).isEmpty();
            assertThat(opt(t -> v(t).memberByEmail(Email.of("autre@ac-dijon.fr")))).contains(renamed);
            Member newcomer = new Member(MemberId.of("M2"), "Nouveau", m.email(), a, m.role(), m.disciplines(), m.skills(),
                    m.followedTools(), m.followedThemes(), m.status(), m.registeredAt(), 1);
            tx(t -> {
                v(t).insertMember(newcomer);
                return null;
            });
            assertThat(opt(t -> v(t).memberByEmail(m.email()))).contains(newcomer);
        }
    }

    @Nested
    @DisplayName("transactions")
    class Transactions {
        @Test
        void aFailedTransactionLeavesNothing() {
            Member m = member("M1", a, Map.of());
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertMember(m);
                v(t).insertTicket(ticket("T1", m.id(), a, T0, Duration.ofDays(1)));
                v(t).putEstablishment(establishment(uai(21, 17), 47.5, 5.1));
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThat(opt(t -> v(t).member(m.id()))).isEmpty();
            assertThat(opt(t -> v(t).memberByEmail(m.email()))).isEmpty();
            assertThat(opt(t -> v(t).ticket(TicketId.of("T1")))).isEmpty();
            assertThat(list(t -> v(t).ticketsOf(m.id()))).isEmpty();
            assertThat(opt(t -> v(t).establishment(uai(21, 17)))).isEmpty();
            assertThat(list(t -> v(t).membersAt(a))).isEmpty();
        }

        @Test
        void aFailedUpdateIsRolledBackWithItsTransaction() {
            Member m = member("M1", a, Map.of());
            tx(t -> {
                v(t).insertMember(m);
                return null;
            });
            assertThatThrownBy(() -> tx(t -> {
                v(t).updateMember(m.withEstablishment(b).nextVersion(), 1);
                v(t).updateMember(m.withDisplayName("x").nextVersion(), 1); // conflicts with the first
                return null;
            })).isInstanceOf(VersionConflictException.class);
            assertThat(opt(t -> v(t).member(m.id()))).contains(m);
            assertThat(list(t -> v(t).membersAt(a))).containsExactly(m);
        }


    }

    @Nested
    @DisplayName("verifications")
    class Verifications {
        @Test
        void verificationsArePutReplacedAndDeleted() {
            Member m = member("M1", a, Map.of());
            String h1 = "a".repeat(64);
            String h2 = "b".repeat(64);
            tx(t -> {
                v(t).insertMember(m);
                v(t).putVerification(new VerificationRecord(m.id(), h1, T0));
                return null;
            });
            assertThat(opt(t -> v(t).verification(m.id()))).map(VerificationRecord::tokenHash).contains(h1);
            tx(t -> {
                v(t).putVerification(new VerificationRecord(m.id(), h2, T0.plusSeconds(60)));
                return null;
            });
            assertThat(opt(t -> v(t).verification(m.id()))).map(VerificationRecord::tokenHash).contains(h2);
            tx(t -> {
                v(t).deleteVerification(m.id());
                return null;
            });
            assertThat(opt(t -> v(t).verification(m.id()))).isEmpty();
        }


    }

    @Nested
    @DisplayName("tickets")
    class Tickets {
        @Test
        void ticketsAreStoredVersionedAndListedByRequester() {
            Member m = member("M1", a, Map.of());
            TicketNum t1 = ticket("T1", m.id(), a, T0, Duration.ofDays(3));
            TicketNum t2 = ticket("T2", m.id(), a, T0.plusSeconds(10), Duration.ofDays(3));
            tx(t -> {
                v(t).insertMember(m);
                v(t).insertTicket(t1);
                v(t).insertTicket(t2);
                return null;
            });
            assertThat(opt(t -> v(t).ticket(t1.id()))).contains(t1);
            assertThat(list(t -> v(t).ticketsOf(m.id()))).containsExactly(t1, t2);
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertTicket(t1);
                return null;
            })).isInstanceOf(DuplicateException.class);

            TicketNum offered = t1.withOffer(new Offer(MemberId.of("H"), "Je peux aider", T0.plusSeconds(5), OfferStatus.PENDING)).nextVersion();
            tx(t -> {
                v(t).updateTicket(offered, 1);
                return null;
            });
            assertThat(opt(t -> v(t).ticket(t1.id()))).contains(offered);
            assertThatThrownBy(() -> tx(t -> {
                v(t).updateTicket(t1.moveTo(TicketStatus.CANCELLED, T0).nextVersion(), 1);
                return null;
            })).isInstanceOf(VersionConflictException.class);
            assertThat(opt(t -> v(t).ticket(t1.id()))).contains(offered);
            List<TicketNum> every = new ArrayList<>();
            tx(t -> {
                v(t).forEachTicket(every::add);
                return null;
            });
            assertThat(every).containsExactlyInAnyOrder(offered, t2);
        }

        @Test
        void expiringTicketsAreThoseStillAwaitingAHelperOldestFirst() {
            Member m = member("M1", a, Map.of());
            TicketNum soon = ticket("T-soon", m.id(), a, T0, Duration.ofDays(1));
            TicketNum later = ticket("T-later", m.id(), a, T0, Duration.ofDays(5));
            TicketNum cancelled = ticket("T-cancelled", m.id(), a, T0, Duration.ofDays(1));
            TicketNum exact = ticket("T-exact", m.id(), a, T0, Duration.ofDays(2));
            tx(t -> {
                v(t).insertMember(m);
                v(t).insertTicket(later);
                v(t).insertTicket(soon);
                v(t).insertTicket(cancelled);
                v(t).insertTicket(exact);
                v(t).updateTicket(cancelled.moveTo(TicketStatus.CANCELLED, T0).nextVersion(), 1);
                return null;
            });
            Instant at = T0.plus(Duration.ofDays(2));
            assertThat(list(t -> v(t).ticketsExpiringBy(at, 10))).extracting(TicketNum::id)
                    .containsExactly(soon.id(), exact.id());
            assertThat(list(t -> v(t).ticketsExpiringBy(at, 1))).extracting(TicketNum::id).containsExactly(soon.id());
            assertThat(list(t -> v(t).ticketsExpiringBy(T0, 10))).isEmpty();
        }


    }

    @Nested
    @DisplayName("conversations")
    class Conversations {
        @Test
        void messagesAreAppendedInSequenceAndPaged() {
            Member m = member("M1", a, Map.of());
            TicketNum t1 = ticket("T1", m.id(), a, T0, Duration.ofDays(3));
            tx(t -> {
                v(t).insertMember(m);
                v(t).insertTicket(t1);
                return null;
            });
            assertThat(num(t -> v(t).lastMessageSeq(t1.id()))).isZero();
            for (int i = 1; i <= 5; i++) {
                Message msg = new Message(t1.id(), i, m.id(), "message " + i, T0.plusSeconds(i));
                tx(t -> {
                    v(t).appendMessage(msg);
                    return null;
                });
            }
            assertThat(num(t -> v(t).lastMessageSeq(t1.id()))).isEqualTo(5);
            assertThat(list(t -> v(t).messages(t1.id(), 0, 100))).extracting(Message::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(list(t -> v(t).messages(t1.id(), 2, 2))).extracting(Message::text).containsExactly("message 3", "message 4");
            assertThatThrownBy(() -> tx(t -> {
                v(t).appendMessage(new Message(t1.id(), 5, m.id(), "doublon", T0));
                return null;
            })).isInstanceOf(VersionConflictException.class);
            assertThat(num(t -> v(t).lastMessageSeq(t1.id()))).isEqualTo(5);
        }

        @Test
        void aMessageCanBeRedactedInPlace() {
            Member m = member("M1", a, Map.of());
            TicketNum t1 = ticket("T1", m.id(), a, T0, Duration.ofDays(3));
            Message first = new Message(t1.id(), 1, m.id(), "Mon numéro : 06 12 34 56 78", T0);
            Message second = new Message(t1.id(), 2, MemberId.of("H"), "Merci", T0.plusSeconds(5));
            tx(t -> {
                v(t).insertMember(m);
                v(t).insertTicket(t1);
                v(t).appendMessage(first);
                v(t).appendMessage(second);
                return null;
            });
            Message redacted = new Message(t1.id(), 1, m.id(), "[effacé]", T0);
            tx(t -> {
                v(t).redactMessage(redacted);
                return null;
            });
            assertThat(list(t -> v(t).messages(t1.id(), 0, 10))).containsExactly(redacted, second);
            assertThat(num(t -> v(t).lastMessageSeq(t1.id()))).isEqualTo(2);
            assertThatThrownBy(() -> tx(t -> {
                v(t).redactMessage(new Message(t1.id(), 3, m.id(), "x", T0));
                return null;
            })).isInstanceOf(NotFoundException.class);
        }


    }

    @Nested
    @DisplayName("agenda")
    class Agenda {
        @Test
        void availabilityIsPutReplacedAndReadBack() {
            Member m = member("M1", a, Map.of());
            Availability wednesday = Availability.builder()
                    .weekly(java.time.DayOfWeek.WEDNESDAY, TimeRange.of("13:30", "17:30"))
                    .unavailable(java.time.LocalDate.of(2026, 11, 11)).build();
            Availability friday = Availability.builder().weekly(java.time.DayOfWeek.FRIDAY, TimeRange.of("16:00", "18:00")).build();
            tx(t -> {
                v(t).insertMember(m);
                v(t).putAvailability(m.id(), wednesday);
                return null;
            });
            assertThat(opt(t -> v(t).availability(m.id()))).contains(wednesday);
            tx(t -> {
                v(t).putAvailability(m.id(), friday);
                return null;
            });
            assertThat(opt(t -> v(t).availability(m.id()))).contains(friday);
            assertThat(opt(t -> v(t).availability(MemberId.of("nobody")))).isEmpty();
            assertThatThrownBy(() -> tx(t -> {
                v(t).putAvailability(m.id(), wednesday);
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(opt(t -> v(t).availability(m.id()))).contains(friday);
        }


    }

    @Nested
    @DisplayName("events")
    class Events {
        @Test
        void eventsAreStoredVersionedAndFoundByOverlap() {
            MemberId o = MemberId.of("O1");
            Event nine = event("E-9", o, T0.plus(Duration.ofHours(1)), Duration.ofHours(2));      // 09:00–11:00
            Event long1 = event("E-long", o, T0, Duration.ofHours(10));                           // 08:00–18:00
            Event noon = event("E-12", o, T0.plus(Duration.ofHours(4)), Duration.ofHours(1));     // 12:00–13:00
            Event nextDay = event("E-next", o, T0.plus(Duration.ofDays(1)), Duration.ofHours(1));
            tx(t -> {
                v(t).insertEvent(noon);
                v(t).insertEvent(nine);
                v(t).insertEvent(nextDay);
                v(t).insertEvent(long1);
                return null;
            });
            assertThat(opt(t -> v(t).event(nine.id()))).contains(nine);
            assertThat(list(t -> v(t).eventsOverlapping(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(5)))))
                    .extracting(Event::id).containsExactly(long1.id(), nine.id(), noon.id());
            // [start, end) is half-open: an event ending exactly at "from" does not overlap
            assertThat(list(t -> v(t).eventsOverlapping(T0.plus(Duration.ofHours(10)), T0.plus(Duration.ofHours(11))))).isEmpty();
            assertThat(list(t -> v(t).eventsOverlapping(T0.plus(Duration.ofHours(9)), T0.plus(Duration.ofDays(2)))))
                    .extracting(Event::id).containsExactly(long1.id(), nextDay.id());
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertEvent(nine);
                return null;
            })).isInstanceOf(DuplicateException.class);

            Event confirmed = nine.moveTo(EventStatus.CONFIRMED, T0)
                    .withRegistration(new Registration(MemberId.of("R1"), T0)).nextVersion();
            tx(t -> {
                v(t).updateEvent(confirmed, 1);
                return null;
            });
            assertThat(opt(t -> v(t).event(nine.id()))).contains(confirmed);
            assertThatThrownBy(() -> tx(t -> {
                v(t).updateEvent(nine.moveTo(EventStatus.CANCELLED, T0).nextVersion(), 1);
                return null;
            })).isInstanceOf(VersionConflictException.class);
            assertThatThrownBy(() -> tx(t -> {
                v(t).updateEvent(event("E-ghost", o, T0, Duration.ofHours(1)).nextVersion(), 1);
                return null;
            })).isInstanceOf(NotFoundException.class);
            // a moved event is found at its new time only
            Event moved = confirmed.rescheduled(T0.plus(Duration.ofDays(3)), null).nextVersion();
            tx(t -> {
                v(t).updateEvent(moved, 2);
                return null;
            });
            assertThat(list(t -> v(t).eventsOverlapping(T0, T0.plus(Duration.ofHours(12))))).extracting(Event::id)
                    .containsExactly(long1.id(), noon.id());
            assertThat(list(t -> v(t).eventsOverlapping(T0.plus(Duration.ofDays(3)), T0.plus(Duration.ofDays(4)))))
                    .containsExactly(moved);
        }

        @Test
        void aFailedTransactionLeavesNoEvent() {
            Event e = event("E-1", MemberId.of("O1"), T0, Duration.ofHours(1));
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertEvent(e);
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(opt(t -> v(t).event(e.id()))).isEmpty();
            assertThat(list(t -> v(t).eventsOverlapping(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1))))).isEmpty();
        }


    }

    @Nested
    @DisplayName("search")
    class Search {
        private final java.util.Random random = new java.util.Random(16);
        private final ToolId[] tools = {GEOGEBRA, ToolId.of("capytale"), ToolId.of("pix"), ToolId.of("moodle")};
        private final fr.sharenum.model.Theme[] themes = {fr.sharenum.model.Theme.of("oral"),
                fr.sharenum.model.Theme.of("evaluation"), fr.sharenum.model.Theme.of("ia-generative")};
        /** Dijon, Lyon, Paris, Marseille, Saint-Denis de La Réunion, Nouméa, Wallis (near the 180th meridian). */
        private final double[][] places = {{47.32, 5.04}, {45.76, 4.84}, {48.86, 2.35}, {43.30, 5.37}, {-20.88, 55.45},
                {-22.27, 166.45}, {-13.28, -176.17}};

        private fr.sharenum.model.GeoPoint somewhere() {
            double[] c = places[random.nextInt(places.length)];
            return fr.sharenum.model.GeoPoint.of(c[0] + random.nextGaussian() * 0.6, c[1] + random.nextGaussian() * 0.6);
        }

        private <X> Set<X> some(X[] all, int max) {
            Set<X> out = new java.util.HashSet<>();
            int n = random.nextInt(max + 1);
            for (int i = 0; i < n; i++) {
                out.add(all[random.nextInt(all.length)]);
            }
            return out;
        }

        private Event randomEvent(int i) {
            boolean online = random.nextInt(4) == 0;
            boolean onSite = !online || random.nextBoolean();
            fr.sharenum.model.GeoPoint where = somewhere();
            fr.sharenum.model.Venue venue = onSite ? fr.sharenum.model.Venue.address("Lieu " + i, where,
                    fr.sharenum.model.Academie.DIJON, "021") : null;
            fr.sharenum.model.OnlineAccess access = null;
            if (online) {
                access = fr.sharenum.model.OnlineAccess.of(java.net.URI.create("https://visio.example.fr/salle-" + i));
                int audience = random.nextInt(3);
                if (audience == 1) {
                    access = access.forAcademie(random.nextBoolean() ? fr.sharenum.model.Academie.DIJON : fr.sharenum.model.Academie.LYON);
                } else if (audience == 2) {
                    access = access.forDepartement(fr.sharenum.model.Academie.DIJON, random.nextBoolean() ? "021" : "071");
                }
            }
            Set<ToolId> ts = some(tools, 2);
            Set<fr.sharenum.model.Theme> hs = some(themes, 2);
            if (ts.isEmpty() && hs.isEmpty()) {
                ts = Set.of(GEOGEBRA);
            }
            List<MemberId> organisers = List.of(MemberId.of("O" + random.nextInt(5)));
            Instant start = T0.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)))
                    .plus(Duration.ofHours(random.nextInt(3) == 0 ? 0 : 1));
            Event e = new Event(fr.sharenum.model.EventId.of(String.format("e-%03d", i)), fr.sharenum.model.EventKind.WORKSHOP,
                    "Atelier " + i, "", ts, hs, start, Duration.ofHours(1), 3, organisers, venue,
                    onSite && random.nextInt(5) == 0 ? fr.sharenum.model.BusId.of("bus-1") : null, null, 30,
                    EventStatus.PLANNED, List.of(), List.of(), 0, List.of(new fr.sharenum.model.EventStatusChange(
                    EventStatus.PLANNED, T0.minus(Duration.ofDays(7)))), 1, List.of(), access, List.of(), null, null);
            if (random.nextBoolean()) {
                e = e.moveTo(EventStatus.CONFIRMED, T0);
                int n = random.nextInt(6);
                for (int r = 0; r < n; r++) {
                    MemberId m = MemberId.of("R" + random.nextInt(8));
                    if (!e.isRegistered(m) && e.waitlistPosition(m).isEmpty() && !e.isOrganiser(m)) {
                        e = e.withRegistration(new Registration(m, T0));
                    }
                }
            }
            return e;
        }

        private fr.sharenum.spi.EventQuery randomQuery() {
            Instant from = T0.plus(Duration.ofDays(random.nextInt(50)));
            fr.sharenum.spi.EventQuery q = fr.sharenum.spi.EventQuery.starting(from,
                    from.plus(Duration.ofDays(1 + random.nextInt(40))), 1 + random.nextInt(12));
            if (random.nextInt(3) > 0) {
                q = q.near(somewhere(), 5 + random.nextInt(150));
            }
            if (random.nextInt(3) == 0) {
                q = random.nextBoolean() ? q.reaching(fr.sharenum.model.Academie.DIJON, random.nextBoolean() ? "021" : null)
                        : q.reaching(fr.sharenum.model.Academie.LYON, null);
            }
            if (random.nextBoolean()) {
                q = q.about(some(tools, 2), some(themes, 1));
            }
            if (random.nextInt(3) == 0) {
                q = q.in(some(fr.sharenum.model.EventFormat.values(), 2), some(EventStatus.values(), 2));
            }
            if (random.nextInt(4) == 0) {
                q = q.of(MemberId.of(random.nextBoolean() ? "O" + random.nextInt(5) : "R" + random.nextInt(8)),
                        some(fr.sharenum.model.Participation.values(), 2));
            }
            return q;
        }

        private <X> List<X> reference(List<X> all, java.util.function.Predicate<X> matches, java.util.Comparator<X> order,
                                      int limit) {
            return all.stream().filter(matches).sorted(order).limit(limit).toList();
        }

        @Test
        void eventSearchAnswersExactlyTheReferenceInOrderAndPages() {
            List<Event> all = new java.util.ArrayList<>();
            for (int i = 0; i < 240; i++) {
                all.add(randomEvent(i));
            }
            tx(t -> {
                all.forEach(e -> v(t).insertEvent(e));
                return null;
            });
            // changes move events between index entries: a new time, new registrants, a cancellation
            for (int i = 0; i < 40; i++) {
                Event e = all.get(i);
                Event changed = switch (i % 3) {
                    case 0 -> e.status().isActive() ? e.rescheduled(e.start().plus(Duration.ofDays(3)), null) : e;
                    case 1 -> e.status() == EventStatus.CONFIRMED && !e.isRegistered(MemberId.of("R9"))
                            ? e.withRegistration(new Registration(MemberId.of("R9"), T0)) : e;
                    default -> e.status().isActive() ? e.moveTo(EventStatus.CANCELLED, T0) : e;
                };
                if (changed != e) {
                    Event next = changed.nextVersion();
                    tx(t -> {
                        v(t).updateEvent(next, e.version());
                        return null;
                    });
                    all.set(i, next);
                }
            }
            for (int n = 0; n < 150; n++) {
                fr.sharenum.spi.EventQuery q = randomQuery();
                List<Event> expected = reference(all, q::matches, fr.sharenum.spi.EventQuery.ORDER, q.limit());
                assertThat(list(t -> v(t).searchEvents(q))).as("query " + q).extracting(Event::id)
                        .containsExactlyElementsOf(expected.stream().map(Event::id).toList());
                // paging through every answer gives the whole reference once, in order
                List<Event> paged = new java.util.ArrayList<>();
                fr.sharenum.spi.EventQuery page = q;
                while (true) {
                    fr.sharenum.spi.EventQuery asked = page;
                    List<Event> got = list(t -> v(t).searchEvents(asked));
                    paged.addAll(got);
                    if (got.size() < q.limit()) {
                        break;
                    }
                    Event last = got.get(got.size() - 1);
                    page = q.after(last.start(), last.id());
                }
                assertThat(paged).as("pages of " + q).extracting(Event::id).containsExactlyElementsOf(
                        reference(all, q::matches, fr.sharenum.spi.EventQuery.ORDER, Integer.MAX_VALUE).stream()
                                .map(Event::id).toList());
            }
        }

        @Test
        void ticketSearchAnswersExactlyTheReferenceInOrderAndPages() {
            List<TicketNum> all = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Instant opened = T0.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30))).plus(Duration.ofHours(i % 2));
                Set<ToolId> ts = some(tools, 2);
                TicketNum t = new TicketNum(TicketId.of(String.format("t-%03d", i)), MemberId.of("Q" + random.nextInt(6)), a,
                        somewhere(), ts.isEmpty() ? Set.of(GEOGEBRA) : ts, fr.sharenum.model.TicketKind.ACCOMPANIMENT,
                        "Aide " + i, 30, opened, opened.plus(Duration.ofDays(14)), fr.sharenum.model.TicketStatus.OPEN, List.of(),
                        false, List.of(), List.of(), null, null, 1, some(themes, 2), null);
                all.add(t);
            }
            tx(t -> {
                all.forEach(x -> v(t).insertTicket(x));
                return null;
            });
            for (int i = 0; i < 80; i++) {
                TicketNum t = all.get(i);
                TicketNum changed = t.withOffer(new fr.sharenum.model.Offer(MemberId.of("H" + (i % 4)), "Je peux aider",
                        t.openedAt().plus(Duration.ofHours(1)), fr.sharenum.model.OfferStatus.PENDING));
                if (i % 5 == 0) {
                    changed = changed.moveTo(fr.sharenum.model.TicketStatus.CANCELLED, t.openedAt().plus(Duration.ofHours(2)));
                }
                TicketNum next = changed.nextVersion();
                tx(x -> {
                    v(x).updateTicket(next, t.version());
                    return null;
                });
                all.set(i, next);
            }
            for (int n = 0; n < 120; n++) {
                fr.sharenum.spi.TicketQuery q = fr.sharenum.spi.TicketQuery.all(1 + random.nextInt(12));
                if (random.nextBoolean()) {
                    q = fr.sharenum.spi.TicketQuery.awaitingNear(somewhere(), 5 + random.nextInt(150), some(tools, 2), q.limit());
                }
                switch (random.nextInt(4)) {
                    case 0 -> q = q.openedBy(MemberId.of("Q" + random.nextInt(6)));
                    case 1 -> q = q.offeredBy(MemberId.of("H" + random.nextInt(5)));
                    default -> { }
                }
                if (random.nextInt(3) == 0) {
                    q = q.about(some(tools, 1), some(themes, 2));
                }
                if (random.nextInt(4) == 0) {
                    q = q.in(some(fr.sharenum.model.TicketStatus.values(), 2));
                }
                fr.sharenum.spi.TicketQuery query = q;
                List<TicketNum> expected = reference(all, query::matches, fr.sharenum.spi.TicketQuery.ORDER, q.limit());
                assertThat(list(t -> v(t).searchTickets(query))).as("query " + q).extracting(TicketNum::id)
                        .containsExactlyElementsOf(expected.stream().map(TicketNum::id).toList());
                List<TicketNum> paged = new java.util.ArrayList<>();
                fr.sharenum.spi.TicketQuery page = q;
                while (true) {
                    fr.sharenum.spi.TicketQuery asked = page;
                    List<TicketNum> got = list(t -> v(t).searchTickets(asked));
                    paged.addAll(got);
                    if (got.size() < q.limit()) {
                        break;
                    }
                    TicketNum last = got.get(got.size() - 1);
                    page = q.after(last.openedAt(), last.id());
                }
                assertThat(paged).as("pages of " + q).extracting(TicketNum::id).containsExactlyElementsOf(
                        reference(all, query::matches, fr.sharenum.spi.TicketQuery.ORDER, Integer.MAX_VALUE).stream()
                                .map(TicketNum::id).toList());
            }
        }

        @Test
        void theCircleIsExactAtItsBoundary() {
            fr.sharenum.model.GeoPoint centre = fr.sharenum.model.GeoPoint.of(47.0, 5.0);
            fr.sharenum.model.GeoPoint east = fr.sharenum.model.GeoPoint.of(47.0, 5.5);
            double d = centre.distanceKm(east);
            Event e = new Event(fr.sharenum.model.EventId.of("e-edge"), fr.sharenum.model.EventKind.MEETING, "Au bord", "",
                    Set.of(GEOGEBRA), Set.of(), T0.plus(Duration.ofDays(1)), Duration.ofHours(1), 5, List.of(MemberId.of("O1")),
                    fr.sharenum.model.Venue.address("Bord", east, fr.sharenum.model.Academie.DIJON, "021"), null, null, 30,
                    EventStatus.PLANNED, List.of(), List.of(), 0, List.of(new fr.sharenum.model.EventStatusChange(
                    EventStatus.PLANNED, T0)), 1);
            tx(t -> {
                v(t).insertEvent(e);
                return null;
            });
            fr.sharenum.spi.EventQuery base = fr.sharenum.spi.EventQuery.starting(T0, T0.plus(Duration.ofDays(2)), 10);
            assertThat(list(t -> v(t).searchEvents(base.near(centre, d)))).extracting(Event::id).containsExactly(e.id());
            assertThat(list(t -> v(t).searchEvents(base.near(centre, Math.nextDown(d))))).isEmpty();
        }
    }

    @Nested
    @DisplayName("feedback")
    class Feedbacks {
        @Test
        void feedbackIsKeptPerEventOncePerMember() {
            fr.sharenum.model.EventId e = fr.sharenum.model.EventId.of("E1");
            var first = new fr.sharenum.model.Feedback(e, MemberId.of("A"), 5, "très utile", T0);
            var second = new fr.sharenum.model.Feedback(e, MemberId.of("B"), 3, "", T0.plusSeconds(10));
            tx(t -> {
                v(t).insertFeedback(first);
                v(t).insertFeedback(second);
                return null;
            });
            assertThat(list(t -> v(t).feedbackOn(e))).containsExactly(first, second);
            assertThat(list(t -> v(t).feedbackOn(fr.sharenum.model.EventId.of("E2")))).isEmpty();
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertFeedback(new fr.sharenum.model.Feedback(e, MemberId.of("A"), 1, "", T0));
                return null;
            })).isInstanceOf(DuplicateException.class);
            assertThat(list(t -> v(t).feedbackOn(e))).hasSize(2);
            var redacted = new fr.sharenum.model.Feedback(e, first.member(), first.usefulness(), "[effacé]", first.at());
            tx(t -> {
                v(t).redactFeedback(redacted);
                return null;
            });
            assertThat(list(t -> v(t).feedbackOn(e))).containsExactly(redacted, second);
            assertThatThrownBy(() -> tx(t -> {
                v(t).redactFeedback(new fr.sharenum.model.Feedback(e, MemberId.of("nobody"), 1, "", T0));
                return null;
            })).isInstanceOf(NotFoundException.class);
        }


    }

    @Nested
    @DisplayName("buses")
    class Buses {
        @Test
        void busesAreStoredVersionedAndListedById() {
            Bus b2 = bus("bus-2");
            Bus b1 = bus("bus-1");
            tx(t -> {
                v(t).insertBus(b2);
                v(t).insertBus(b1);
                return null;
            });
            assertThat(list(t -> v(t).buses())).extracting(Bus::id).containsExactly(b1.id(), b2.id());
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertBus(b1);
                return null;
            })).isInstanceOf(DuplicateException.class);
            tx(t -> {
                v(t).updateBus(b1.nextVersion(), 1);
                return null;
            });
            assertThat(opt(t -> v(t).bus(b1.id()))).contains(b1.nextVersion());
            assertThatThrownBy(() -> tx(t -> {
                v(t).updateBus(b1.nextVersion(), 1);
                return null;
            })).isInstanceOf(VersionConflictException.class);
            assertThatThrownBy(() -> tx(t -> {
                v(t).updateBus(bus("bus-ghost").nextVersion(), 1);
                return null;
            })).isInstanceOf(NotFoundException.class);
        }

        @Test
        void bookingsAreFoundByOverlapAndDeleted() {
            Bus b1 = bus("bus-1");
            Bus b2 = bus("bus-2");
            BusBooking morning = new BusBooking(b1.id(), fr.sharenum.model.EventId.of("E-1"), venue(),
                    new TimeWindow(T0, T0.plus(Duration.ofHours(3))));
            BusBooking afternoon = new BusBooking(b1.id(), fr.sharenum.model.EventId.of("E-2"), venue(),
                    new TimeWindow(T0.plus(Duration.ofHours(5)), T0.plus(Duration.ofHours(7))));
            BusBooking other = new BusBooking(b2.id(), fr.sharenum.model.EventId.of("E-3"), venue(),
                    new TimeWindow(T0, T0.plus(Duration.ofHours(2))));
            tx(t -> {
                v(t).insertBus(b1);
                v(t).insertBus(b2);
                v(t).insertBooking(afternoon);
                v(t).insertBooking(morning);
                v(t).insertBooking(other);
                return null;
            });
            assertThat(list(t -> v(t).bookings(b1.id(), T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)))))
                    .containsExactly(morning, afternoon);
            assertThat(list(t -> v(t).bookings(b1.id(), T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(4)))))
                    .containsExactly(morning);
            assertThat(list(t -> v(t).bookings(b1.id(), T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(5))))).isEmpty();
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertBooking(morning);
                return null;
            })).isInstanceOf(DuplicateException.class);
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertBooking(new BusBooking(fr.sharenum.model.BusId.of("bus-ghost"), fr.sharenum.model.EventId.of("E-9"),
                        venue(), new TimeWindow(T0, T0.plusSeconds(60))));
                return null;
            })).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> tx(t -> {
                v(t).deleteBooking(b1.id(), morning.event());
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(list(t -> v(t).bookings(b1.id(), T0, T0.plus(Duration.ofDays(1))))).containsExactly(morning, afternoon);
            tx(t -> {
                v(t).deleteBooking(b1.id(), morning.event());
                v(t).deleteBooking(b1.id(), fr.sharenum.model.EventId.of("not-booked"));
                return null;
            });
            assertThat(list(t -> v(t).bookings(b1.id(), T0, T0.plus(Duration.ofDays(1))))).containsExactly(afternoon);
            assertThat(list(t -> v(t).bookings(b2.id(), T0, T0.plus(Duration.ofDays(1))))).containsExactly(other);
        }


    }

    @Nested
    @DisplayName("outbox")
    class Outbox {
        @Test
        void outboxEntriesAreEnqueuedOnceDueInOrderClaimedAndDeleted() {
            fr.sharenum.spi.OutboxEntry later = entry("n-later", T0.plusSeconds(60));
            fr.sharenum.spi.OutboxEntry soon = entry("n-soon", T0);
            fr.sharenum.spi.OutboxEntry also = entry("n-also", T0);
            tx(t -> {
                v(t).enqueue(later);
                v(t).enqueue(soon);
                v(t).enqueue(also);
                v(t).enqueue(entry("n-soon", T0.plusSeconds(999)));   // same id: ignored
                return null;
            });
            assertThat(list(t -> v(t).dueNotifications(T0, 10))).extracting(fr.sharenum.spi.OutboxEntry::id)
                    .containsExactly("n-also", "n-soon");
            assertThat(list(t -> v(t).dueNotifications(T0.plusSeconds(60), 10))).extracting(fr.sharenum.spi.OutboxEntry::id)
                    .containsExactly("n-also", "n-soon", "n-later");
            assertThat(list(t -> v(t).dueNotifications(T0.plusSeconds(60), 1))).hasSize(1);
            assertThat(opt(t -> v(t).outboxEntry("n-soon"))).contains(soon);

            fr.sharenum.spi.OutboxEntry claimed = soon.claimedUntil(T0.plusSeconds(120));
            tx(t -> {
                v(t).updateOutbox(claimed, 1);
                return null;
            });
            assertThatThrownBy(() -> tx(t -> {
                v(t).updateOutbox(soon.claimedUntil(T0.plusSeconds(120)), 1);
                return null;
            })).isInstanceOf(VersionConflictException.class);
            assertThat(list(t -> v(t).dueNotifications(T0, 10))).extracting(fr.sharenum.spi.OutboxEntry::id).containsExactly("n-also");

            fr.sharenum.spi.OutboxEntry dead = claimed.failed("NotificationFailedException: refused", T0, true);
            tx(t -> {
                v(t).updateOutbox(dead, 2);
                v(t).deleteOutbox("n-also");
                v(t).deleteOutbox("n-unknown");
                return null;
            });
            assertThat(list(t -> v(t).deadLetters(10))).containsExactly(dead);
            assertThat(list(t -> v(t).dueNotifications(T0.plusSeconds(3600), 10))).extracting(fr.sharenum.spi.OutboxEntry::id)
                    .containsExactly("n-later");
            assertThatThrownBy(() -> tx(t -> {
                v(t).updateOutbox(entry("n-ghost", T0).claimedUntil(T0), 1);
                return null;
            })).isInstanceOf(NotFoundException.class);
        }

        @Test
        void anOutboxEntryEnqueuedInAFailedTransactionIsNotKept() {
            assertThatThrownBy(() -> tx(t -> {
                v(t).enqueue(entry("n-1", T0));
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(opt(t -> v(t).outboxEntry("n-1"))).isEmpty();
            assertThat(list(t -> v(t).dueNotifications(T0.plusSeconds(60), 10))).isEmpty();
        }


        @Test
        void theBacklogCountsWaitingAndDeadEntriesAndDatesTheOldestWaitingOne() {
            fr.sharenum.spi.OutboxBacklog empty = tx(t -> v(t).outboxBacklog());
            assertThat(empty).isEqualTo(fr.sharenum.spi.OutboxBacklog.EMPTY);
            fr.sharenum.spi.OutboxEntry older = fr.sharenum.spi.OutboxEntry.pending(new fr.sharenum.model.Notification.OfferDeclined(
                    "n-older", MemberId.of("M1"), Email.of("m1@ac-dijon.fr"), fr.sharenum.model.TicketId.of("T1")),
                    T0.minusSeconds(30), T0.plusSeconds(3600));   // held for later: still waiting
            tx(t -> {
                v(t).enqueue(entry("n-1", T0));
                v(t).enqueue(older);
                v(t).enqueue(entry("n-3", T0));
                return null;
            });
            tx(t -> {
                v(t).updateOutbox(entry("n-3", T0).failed("refused", T0, true), 1);
                v(t).updateOutbox(entry("n-1", T0).claimedUntil(T0.plusSeconds(120)), 1);   // being sent: waiting too
                return null;
            });
            fr.sharenum.spi.OutboxBacklog backlog = tx(t -> v(t).outboxBacklog());
            assertThat(backlog).isEqualTo(new fr.sharenum.spi.OutboxBacklog(2, 1, T0.minusSeconds(30)));
        }

        @Test
        void claimableEntriesAreDueOnes() {
            tx(t -> {
                v(t).enqueue(entry("n-1", T0));
                v(t).enqueue(entry("n-2", T0.plusSeconds(60)));
                return null;
            });
            assertThat(list(t -> v(t).claimableNotifications(T0, 10))).extracting(OutboxEntry::id).containsExactly("n-1");
        }
    }

    @Nested
    @DisplayName("alerts")
    class Alerts {
        @Test
        void alertRecordsGiveCountsLastTimesAndCoolDowns() {
            MemberId h1 = MemberId.of("H1");
            MemberId h2 = MemberId.of("H2");
            MemberId r = MemberId.of("R");
            fr.sharenum.model.TicketId t1 = fr.sharenum.model.TicketId.of("T1");
            tx(t -> {
                v(t).recordAlerts(List.of(new fr.sharenum.spi.AlertRecord(h1, r, GEOGEBRA, t1, T0),
                        new fr.sharenum.spi.AlertRecord(h1, r, ToolId.of("capytale"), t1, T0.plusSeconds(3600)),
                        new fr.sharenum.spi.AlertRecord(h2, MemberId.of("R2"), GEOGEBRA, t1, T0.plusSeconds(60))));
                return null;
            });
            var stats = tx(t -> v(t).alertStats(List.of(h1, h2, MemberId.of("H3")), T0.plusSeconds(30)));
            assertThat(stats.get(h1)).isEqualTo(new fr.sharenum.spi.AlertStore.AlertStats(1, T0.plusSeconds(3600)));
            assertThat(stats.get(h2)).isEqualTo(new fr.sharenum.spi.AlertStore.AlertStats(1, T0.plusSeconds(60)));
            assertThat(stats.get(MemberId.of("H3"))).isEqualTo(new fr.sharenum.spi.AlertStore.AlertStats(0, null));
            java.util.Set<MemberId> since0 = tx(t -> v(t).alertedBy(r, GEOGEBRA, T0));
            java.util.Set<MemberId> since1 = tx(t -> v(t).alertedBy(r, GEOGEBRA, T0.plusSeconds(1)));
            assertThat(since0).containsExactly(h1);
            assertThat(since1).isEmpty();
            assertThatThrownBy(() -> tx(t -> {
                v(t).recordAlerts(List.of(new fr.sharenum.spi.AlertRecord(h2, r, GEOGEBRA, t1, T0.plusSeconds(7200))));
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(tx(t -> v(t).alertStats(List.of(h2), T0)).get(h2).sinceCount()).isEqualTo(1);
        }

        @Test
        void alertPreferencesArePutAndReplaced() {
            MemberId m = MemberId.of("M1");
            var muted = new fr.sharenum.model.AlertPreferences(java.util.Set.of(GEOGEBRA), null);
            var paused = muted.pausedUntil(T0.plusSeconds(86_400));
            tx(t -> {
                v(t).putAlertPreferences(m, muted);
                return null;
            });
            assertThat(opt(t -> v(t).alertPreferences(m))).contains(muted);
            tx(t -> {
                v(t).putAlertPreferences(m, paused);
                return null;
            });
            assertThat(opt(t -> v(t).alertPreferences(m))).contains(paused);
            assertThat(opt(t -> v(t).alertPreferences(MemberId.of("nobody")))).isEmpty();
            var many = tx(t -> v(t).alertPreferencesOf(List.of(m, MemberId.of("nobody"))));
            assertThat(many).containsOnlyKeys(m).containsEntry(m, paused);
        }


    }

    @Nested
    @DisplayName("trainings")
    class Trainings {
        @Test
        void publishedTrainingsAreFoundByStartTime() {
            var later = new fr.sharenum.model.Training("coop-2", "Test de robots", fr.sharenum.model.TrainingKind.TOOL_TESTING,
                    fr.sharenum.model.Academie.DIJON, java.util.Set.of(GEOGEBRA), T0.plus(Duration.ofDays(3)),
                    T0.plus(Duration.ofDays(3)).plusSeconds(7200), "Coopérative de Dijon", null);
            var sooner = new fr.sharenum.model.Training("coop-1", "Animation GeoGebra", fr.sharenum.model.TrainingKind.COOPERATIVE_ANIMATION,
                    fr.sharenum.model.Academie.DIJON, java.util.Set.of(GEOGEBRA), T0.plus(Duration.ofDays(1)),
                    T0.plus(Duration.ofDays(1)).plusSeconds(3600), "Coopérative de Dijon", null);
            tx(t -> {
                v(t).insertTraining(later);
                v(t).insertTraining(sooner);
                return null;
            });
            assertThat(list(t -> v(t).publishedTrainings(T0, T0.plus(Duration.ofDays(10))))).containsExactly(sooner, later);
            assertThat(list(t -> v(t).publishedTrainings(T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(10))))).containsExactly(later);
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertTraining(sooner);
                return null;
            })).isInstanceOf(DuplicateException.class);
        }

        @Test
        void the_catalogue_query_pages_by_start_and_id_with_every_filter() {
            ToolId capytale = ToolId.of("capytale");
            List<fr.sharenum.model.Academie> academies = java.util.Arrays.asList(fr.sharenum.model.Academie.DIJON,
                    fr.sharenum.model.Academie.LYON, null);
            List<fr.sharenum.model.Theme> themes = List.of(fr.sharenum.model.Theme.of("oral"), fr.sharenum.model.Theme.of("evaluation"));
            List<Training> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // starts repeat (every fifth hour), so the id orders trainings starting together
                Instant start = T0.plus(Duration.ofHours(i % 5));
                all.add(new Training("coop-" + (char) ('a' + (i * 7) % 26) + i, "Session " + i, fr.sharenum.model.TrainingKind.TOOL_TESTING,
                        academies.get(i % 3), i % 4 == 0 ? java.util.Set.of(GEOGEBRA, capytale) : java.util.Set.of(i % 2 == 0 ? GEOGEBRA : capytale),
                        i % 3 == 1 ? java.util.Set.of() : java.util.Set.of(themes.get(i % 2)), start, start.plusSeconds(3600), "Canopé", null));
            }
            tx(t -> {
                all.forEach(x -> v(t).insertTraining(x));
                return null;
            });
            fr.sharenum.spi.TrainingQuery base = fr.sharenum.spi.TrainingQuery.of(fr.sharenum.model.Academie.DIJON, T0,
                    T0.plus(Duration.ofHours(4)), 3);
            for (fr.sharenum.spi.TrainingQuery q : List.of(base, base.about(java.util.Set.of(GEOGEBRA), java.util.Set.of()),
                    base.about(java.util.Set.of(), java.util.Set.of(themes.get(0))),
                    base.about(java.util.Set.of(capytale), java.util.Set.of(themes.get(1))),
                    fr.sharenum.spi.TrainingQuery.of(fr.sharenum.model.Academie.LYON, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofDays(1)), 3))) {
                List<Training> walked = new ArrayList<>();
                fr.sharenum.spi.TrainingQuery page = q;
                while (true) {
                    fr.sharenum.spi.TrainingQuery asked = page;
                    List<Training> found = list(t -> v(t).searchTrainings(asked));
                    assertThat(found.size()).isLessThanOrEqualTo(3);
                    walked.addAll(found);
                    if (found.size() < 3) {
                        break;
                    }
                    Training last = found.get(found.size() - 1);
                    page = q.after(last.start(), last.id());
                }
                assertThat(walked).as(q.toString()).isNotEmpty().containsExactlyElementsOf(q.limit(1_000).select(all));
            }
        }


    }

    @Nested
    @DisplayName("badges")
    class Badges {
        @Test
        void badgesAreKeptOncePerMemberAndBadge() {
            MemberId m = MemberId.of("M1");
            var first = new fr.sharenum.model.BadgeAward("b1", m, "premier-atelier", T0, fr.sharenum.model.EventId.of("E1"));
            var tour = new fr.sharenum.model.BadgeAward("b2", m, "tournee-busnum", T0.plusSeconds(60), fr.sharenum.model.EventId.of("E2"));
            tx(t -> {
                v(t).insertBadge(first);
                v(t).insertBadge(tour);
                return null;
            });
            assertThat(list(t -> v(t).badgesOf(m))).containsExactly(first, tour);
            assertThat(list(t -> v(t).badgesOf(MemberId.of("M2")))).isEmpty();
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertBadge(new fr.sharenum.model.BadgeAward("b3", m, "premier-atelier", T0, fr.sharenum.model.EventId.of("E3")));
                return null;
            })).isInstanceOf(DuplicateException.class);
        }


    }

    @Nested
    @DisplayName("campaigns")
    class Campaigns {
        @Test
        void campaignsAreStoredVersioned() {
            var c = new fr.sharenum.model.Campaign(fr.sharenum.model.CampaignId.of("C1"), a, "Campagne", java.util.Set.of(MemberId.of("H")),
                    fr.sharenum.model.Campaign.Stage.COLLECTING, List.of(), List.of(), List.of(), T0, 1);
            tx(t -> {
                v(t).insertCampaign(c);
                return null;
            });
            assertThat(opt(t -> v(t).campaign(fr.sharenum.model.CampaignId.of("C1")))).contains(c);
            var next = c.withConcern(new fr.sharenum.model.Campaign.Concern(MemberId.of("T"), java.util.Set.of(GEOGEBRA),
                    java.util.Set.of(), T0)).nextVersion();
            tx(t -> {
                v(t).updateCampaign(next, 1);
                return null;
            });
            assertThat(opt(t -> v(t).campaign(fr.sharenum.model.CampaignId.of("C1")))).contains(next);
            assertThatThrownBy(() -> tx(t -> {
                v(t).updateCampaign(c.nextVersion(), 1);
                return null;
            })).isInstanceOf(VersionConflictException.class);
            assertThatThrownBy(() -> tx(t -> {
                v(t).insertCampaign(c);
                return null;
            })).isInstanceOf(DuplicateException.class);
            assertThat(opt(t -> v(t).campaign(fr.sharenum.model.CampaignId.of("C2")))).isEmpty();
        }


    }

    @Nested
    @DisplayName("change feed")
    class ChangeFeed {
        private fr.sharenum.spi.ChangeFeedStore feed(StoreTransaction t) {
            return t.changes().orElseThrow(() -> new AssertionError("the store provides no change feed"));
        }

        private long head() {
            return store.inTransaction(t -> feed(t).head());
        }

        private List<Change> after(long seq, int limit) {
            return store.inTransaction(t -> feed(t).after(seq, limit));
        }

        private List<Long> append(Change... changes) {
            return store.inTransaction(t -> feed(t).append(List.of(changes)));
        }

        private int prune(long upTo) {
            return store.inTransaction(t -> feed(t).prune(upTo));
        }

        private Change change(String key) {
            return new Change(0, T0, "member", key, null, "{\"k\":\"" + key + "\"}");
        }

        @Test
        void changesAreNumberedInOrderReadAfterANumberAndPruned() {
            assertThat(head()).isZero();
            List<Long> first = append(change("a"), change("b"));
            List<Long> second = append(change("c"));
            assertThat(first).hasSize(2);
            assertThat(first.get(1)).isGreaterThan(first.get(0));
            assertThat(second.get(0)).isGreaterThan(first.get(1));
            assertThat(head()).isEqualTo(second.get(0));
            List<Change> all = after(0, 10);
            assertThat(all).extracting(Change::key).containsExactly("a", "b", "c");
            assertThat(all).extracting(Change::seq).containsExactly(first.get(0), first.get(1), second.get(0));
            assertThat(all.get(0).after()).isEqualTo("{\"k\":\"a\"}");
            assertThat(after(first.get(0), 1)).extracting(Change::key).containsExactly("b");
            assertThat(prune(first.get(1))).isEqualTo(2);
            assertThat(after(0, 10)).extracting(Change::key).containsExactly("c");
            assertThat(head()).isEqualTo(second.get(0));
        }

        @Test
        void changesOfAFailedTransactionAreNotKept() {
            assertThatThrownBy(() -> tx(t -> {
                feed(t).append(List.of(change("lost")));
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(after(0, 10)).isEmpty();
        }

        @Test
        void concurrentWritersNeverMakeAReaderMissAChange() throws Exception {
            int writers = 4;
            int perWriter = 25;
            ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perWriter; i++) {
                        String key = id + "-" + i;
                        while (true) {
                            try {
                                tx(t -> feed(t).append(List.of(change(key))));
                                break;
                            } catch (VersionConflictException retry) {
                                // a kernel feed orders writers by conflict: try again
                            }
                        }
                    }
                    return null;
                }));
            }
            // a reader following the feed by number while it grows sees every change exactly once
            List<String> seen = new ArrayList<>();
            Future<?> reader = pool.submit(() -> {
                go.await();
                long last = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (seen.size() < writers * perWriter && System.nanoTime() < deadline) {
                    long from = last;
                    for (Change c : after(from, 50)) {
                        assertThat(c.seq()).isGreaterThan(last);
                        last = c.seq();
                        seen.add(c.key());
                    }
                }
                return null;
            });
            go.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            reader.get(70, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(seen).hasSize(writers * perWriter).doesNotHaveDuplicates();
        }
    }
}
