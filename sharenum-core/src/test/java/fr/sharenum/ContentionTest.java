package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Registration;
import fr.sharenum.model.Skill;
import fr.sharenum.model.TicketNum;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many members acting on one record at once, through two instances on one database: every call ends as the
 * workflow says (registered, waitlisted, offer kept) — a version conflict is retried inside the library, never
 * handed to the caller.
 */
class ContentionTest {
    private static final ToolId CAPYTALE = ToolId.of("capytale");
    private static final int CROWD = 24;

    private static <T> List<T> allAtOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> c : calls) {
            futures.add(pool.submit(() -> {
                go.await();
                return c.call();
            }));
        }
        go.countDown();
        List<T> out = new ArrayList<>();
        try {
            for (Future<T> f : futures) {
                out.add(f.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void a_crowd_registering_for_one_event_is_seated_then_waitlisted_and_nobody_sees_a_conflict(Stores kind) throws Exception {
        ShareNumStore store = kind.fresh().store();
        Fixture a = new Fixture(b -> b.store(store));
        Fixture b = new Fixture(x -> x.store(store));
        try {
            Member organiser = a.active("Olivia Organisatrice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Event event = a.sharenum.events().create(organiser.id(), EventRequest.direct().title("Capytale pour tous")
                    .tools(CAPYTALE).start(Fixture.START.plus(Duration.ofDays(10))).duration(Duration.ofHours(2))
                    .capacity(5).atEstablishment(CARNOT.uai()).build());
            a.sharenum.events().confirm(organiser.id(), event.id());
            List<Member> crowd = new ArrayList<>();
            for (int i = 0; i < CROWD; i++) {
                crowd.add((i % 2 == 0 ? a : b).active("Participant " + i, NUITS));
            }
            List<Callable<Event>> calls = new ArrayList<>();
            for (int i = 0; i < CROWD; i++) {
                Member m = crowd.get(i);
                ShareNum via = (i % 2 == 0 ? a : b).sharenum;
                calls.add(() -> via.events().register(m.id(), event.id()));
            }

            allAtOnce(calls); // any exception, a conflict included, fails the test here

            Event after = a.sharenum.events().get(organiser.id(), event.id());
            assertThat(after.registered()).hasSize(5);
            assertThat(after.waitlist()).hasSize(CROWD - 5);
            List<MemberId> everyone = new ArrayList<>();
            after.registered().stream().map(Registration::member).forEach(everyone::add);
            after.waitlist().stream().map(Registration::member).forEach(everyone::add);
            assertThat(everyone).containsExactlyInAnyOrderElementsOf(crowd.stream().map(Member::id).toList());
        } finally {
            a.sharenum.close();
            b.sharenum.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Stores.class)
    void every_alerted_helper_offering_at_once_has_their_offer_kept(Stores kind) throws Exception {
        ShareNumStore store = kind.fresh().store();
        Fixture a = new Fixture(b -> b.store(store));
        Fixture b = new Fixture(x -> x.store(store));
        try {
            List<Member> helpers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                helpers.add((i % 2 == 0 ? a : b).active("Aide " + i, NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED)));
            }
            Member requester = a.active("Rachel Requérante", CARNOT);
            TicketNum t = a.sharenum.tickets().open(requester.id(), TicketRequest.builder(CAPYTALE).text("Aidez-moi").radiusKm(40).build());
            assertThat(t.alerts()).hasSize(16);
            List<Callable<TicketNum>> calls = new ArrayList<>();
            for (int i = 0; i < helpers.size(); i++) {
                Member h = helpers.get(i);
                ShareNum via = (i % 2 == 0 ? a : b).sharenum;
                calls.add(() -> via.tickets().offer(h.id(), t.id(), "Je peux aider"));
            }

            allAtOnce(calls);

            TicketNum after = a.sharenum.tickets().get(requester.id(), t.id());
            assertThat(after.offers()).hasSize(16);
        } finally {
            a.sharenum.close();
            b.sharenum.close();
        }
    }
}
