package fr.sharenum;

import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Notification;
import fr.sharenum.model.Skill;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static fr.sharenum.Fixture.BEAUNE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.LYON;
import static fr.sharenum.Fixture.NUITS;
import static fr.sharenum.GatheringsCases.CAPYTALE;
import static fr.sharenum.GatheringsCases.DAY;
import static fr.sharenum.GatheringsCases.ORAL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GatheringsCases} on each store (in memory, H2, PostgreSQL — skipped when not installed), and two instances on
 * one store: announcements, the directory of ex-pairs and reminders agree whichever instance acts.
 */
class GatheringsTest {
    @Nested
    class InMemory extends GatheringsCases {
        InMemory() {
            super(Stores.MEMORY);
        }
    }

    @Nested
    class OnH2 extends GatheringsCases {
        OnH2() {
            super(Stores.H2);
        }
    }

    @Nested
    class OnPostgresql extends GatheringsCases {
        OnPostgresql() {
            super(Stores.POSTGRESQL);
        }
    }

    @Nested
    class SeveralInstances {
        private final List<ShareNum> opened = new ArrayList<>();
        /** Shared by the two instances: either may deliver what the other enqueued. */
        private final OutboxNotifier outbox = new OutboxNotifier();

        @AfterEach
        void close() {
            opened.forEach(ShareNum::close);
        }

        private Fixture instance(ShareNumStore store, Consumer<ShareNum.Builder> customise) {
            Fixture fx = new Fixture(b -> {
                b.store(store).changeFeed(Duration.ofMillis(20), Duration.ofDays(1));
                customise.accept(b);
            }, opened.isEmpty(), outbox);
            opened.add(fx.sharenum);
            return fx;
        }

        private EventRequest.Builder workshop(String title) {
            return EventRequest.direct().title(title).tools(CAPYTALE).start(DAY).duration(Duration.ofHours(2)).capacity(5)
                    .atEstablishment(NUITS.uai());
        }

        private List<MemberId> announced(Event e) {
            return outbox.sent(Notification.EventInvitation.class).stream()
                    .filter(n -> n.event().id().equals(e.id()) && n.reason() == Notification.InvitationReason.ANNOUNCED)
                    .map(Notification::recipient).toList();
        }

        private List<Notification.EventReminder> reminders(Event e) {
            return outbox.sent(Notification.EventReminder.class).stream().filter(r -> r.event().id().equals(e.id())).toList();
        }

        private static void advance(Duration d, Fixture... instances) {
            for (Fixture fx : instances) {
                fx.clock.advance(d);
            }
        }

        /** Waits (at most 20 s) until {@code count} reminders of {@code e} were sent, then a few more polls. */
        private List<Notification.EventReminder> awaitReminders(Event e, int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (reminders(e).size() < count && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(300);   // some thirty more polls of each instance: none may send it again
            return reminders(e);
        }

        @ParameterizedTest
        @EnumSource(Stores.class)
        void a_reminder_goes_once_whichever_instances_run_the_step(Stores kind) throws Exception {
            ShareNumStore store = kind.fresh().store();
            Fixture a = instance(store, b -> { });
            Fixture b = instance(store, x -> { });
            Member organiser = a.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member lea = b.active("Léa Participante", CARNOT);
            Event e = a.sharenum.events().create(organiser.id(), workshop("Atelier").build());
            a.sharenum.events().confirm(organiser.id(), e.id());
            b.sharenum.events().register(lea.id(), e.id());
            advance(Duration.between(a.clock.instant(), DAY.minus(Duration.ofHours(20))), a, b);

            int[] counts = new int[2];
            Thread ta = new Thread(() -> counts[0] = a.sharenum.events().sendReminders(HOST));
            Thread tb = new Thread(() -> counts[1] = b.sharenum.events().sendReminders(HOST));
            ta.start();
            tb.start();
            ta.join();
            tb.join();

            assertThat(counts[0] + counts[1]).isEqualTo(2);
            assertThat(reminders(e)).extracting(Notification::recipient).containsExactlyInAnyOrder(organiser.id(), lea.id());
        }

        @ParameterizedTest
        @EnumSource(Stores.class)
        void a_reminder_goes_once_when_both_instances_poll_for_reminders_in_the_background(Stores kind) throws Exception {
            ShareNumStore store = kind.fresh().store();
            Fixture a = instance(store, x -> x.reminderPoll(Duration.ofMillis(10)));
            Fixture b = instance(store, x -> x.reminderPoll(Duration.ofMillis(10)));
            Member organiser = a.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member lea = b.active("Léa Participante", CARNOT);
            Member remi = a.active("Rémi Inscrit", BEAUNE);
            Event e = b.sharenum.events().create(organiser.id(), workshop("Atelier").build());
            b.sharenum.events().confirm(organiser.id(), e.id());
            b.sharenum.events().register(lea.id(), e.id());
            a.sharenum.events().register(remi.id(), e.id());
            assertThat(awaitReminders(e, 0)).isEmpty();     // nothing is due ten days ahead

            advance(Duration.between(a.clock.instant(), DAY.minus(Duration.ofHours(20))), a, b);
            List<Notification.EventReminder> dayBefore = awaitReminders(e, 3);

            assertThat(dayBefore).extracting(Notification::recipient).containsExactlyInAnyOrder(organiser.id(), lea.id(), remi.id());
            assertThat(dayBefore).extracting(Notification.EventReminder::when).containsOnly(Notification.Reminder.DAY_BEFORE);

            advance(Duration.ofHours(19).plusMinutes(30), a, b);
            List<Notification.EventReminder> both = awaitReminders(e, 6);

            assertThat(both).hasSize(6);
            assertThat(both.subList(3, 6)).extracting(Notification::recipient)
                    .containsExactlyInAnyOrder(organiser.id(), lea.id(), remi.id());
            assertThat(both.subList(3, 6)).extracting(Notification.EventReminder::when).containsOnly(Notification.Reminder.HOUR_BEFORE);
        }

        @ParameterizedTest
        @EnumSource(Stores.class)
        void announcements_and_the_directory_of_ex_pairs_agree_across_instances(Stores kind) {
            ShareNumStore store = kind.fresh().store();
            Fixture a = instance(store, x -> { });
            Fixture b = instance(store, x -> { });
            Member organiser = a.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member novice = a.active("Nina Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            Member follower = a.follower("Fanny Fidèle", BEAUNE, Set.of(), Set.of(ORAL));
            Member far = a.active("Lou Lyonnaise", LYON, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            Member optedOut = a.active("Octave Discret", CARNOT, new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
            a.sharenum.members().setAnnouncements(optedOut.id(), optedOut.id(), false);

            // confirmed on b: the members a registered reach b's matching engine through the change feed
            Event e = b.sharenum.events().create(organiser.id(), workshop("Capytale et l'oral").themes(ORAL).build());
            b.sharenum.events().confirm(organiser.id(), e.id());
            assertThat(announced(e)).containsExactlyInAnyOrder(novice.id(), follower.id());
            assertThat(announced(e)).doesNotContain(far.id(), optedOut.id(), organiser.id());

            // once per member and event, whichever instance: a reschedule then a second event's confirmation on a
            Member late = b.active("Léon Tardif", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
            a.sharenum.events().reschedule(organiser.id(), e.id(), DAY.plus(Duration.ofDays(1)), null);
            assertThat(announced(e)).containsExactlyInAnyOrder(novice.id(), follower.id());
            Event second = a.sharenum.events().create(organiser.id(), workshop("Deuxième atelier").start(DAY.plus(Duration.ofDays(2)))
                    .build());
            a.sharenum.events().confirm(organiser.id(), second.id());
            assertThat(announced(second)).containsExactlyInAnyOrder(novice.id(), late.id());

            // the directory is derived state: a listing made on one instance is seen by the other, and withdrawn alike
            Member helper = b.active("Hélène Ex-pair", BEAUNE, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
            a.sharenum.members().listInDirectory(organiser.id(), organiser.id(), true);
            b.sharenum.members().listInDirectory(helper.id(), helper.id(), true);
            for (Fixture fx : List.of(a, b)) {
                assertThat(fx.sharenum.members().directory(novice.id(), CAPYTALE, 50, PageRequest.first(5)).items())
                        .extracting(DirectoryEntry::member).containsExactly(organiser.id(), helper.id());
            }
            b.sharenum.members().listInDirectory(organiser.id(), organiser.id(), false);
            Member current = a.sharenum.members().get(helper.id(), helper.id());
            a.sharenum.members().setSkill(helper.id(), helper.id(), current.version(), new Skill(CAPYTALE, CompetenceLevel.INTERMEDIATE));
            for (Fixture fx : List.of(a, b)) {
                assertThat(fx.sharenum.members().directory(novice.id(), CAPYTALE, 50, PageRequest.first(5)).items()).isEmpty();
            }
        }
    }
}
