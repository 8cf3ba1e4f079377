package fr.sharenum;

import fr.sharenum.core.internal.Tx;
import fr.sharenum.core.internal.kernel.KernelAggregates;
import fr.sharenum.core.internal.store.BadgeTallies;
import fr.sharenum.model.Academie;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.BadgeDefinition;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventId;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.EventStatus;
import fr.sharenum.model.Member;
import fr.sharenum.model.OnlineAccess;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Registration;
import fr.sharenum.model.Skill;
import fr.sharenum.model.ToolId;
import fr.sharenum.spi.Doc;
import fr.sharenum.spi.Documents;
import fr.sharenum.spi.EventStore;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.NUITS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Badge tallies ({@link BadgeTallies}): the badges awarded when an event is held read each member's tally instead of
 * every event, and the tallies follow every write of an event, attendance after the event included; a store from
 * before tallies is counted once. Run on every store by {@link BadgeTalliesTest}.
 */
abstract class BadgeTalliesCases {
    static final ToolId CAPYTALE = ToolId.of("capytale");
    static final Instant FAR = Instant.parse("9999-12-31T00:00:00Z");

    private final Stores kind;
    private final List<ShareNum> opened = new ArrayList<>();

    BadgeTalliesCases(Stores kind) {
        this.kind = kind;
    }

    @AfterEach
    void close() {
        opened.forEach(ShareNum::close);
    }

    private Fixture fixture(ShareNumStore store, boolean first, Consumer<ShareNum.Builder> customise) {
        Fixture fx = new Fixture(b -> {
            b.store(store);
            customise.accept(b);
        }, first);
        opened.add(fx.sharenum);
        return fx;
    }

    static BadgeRule participantRule(String key, int events) {
        return BadgeRule.forParticipants(new BadgeDefinition(key, "Assidu " + events, "A participé", "Participer"),
                r -> r.eventsAttended() >= events);
    }

    /** Creates and confirms a workshop organised by {@code organiser} on {@code day} after the fixture's start. */
    static Event workshop(Fixture f, Member organiser, int day) {
        Instant start = Fixture.START.plus(Duration.ofDays(day));
        Event e = f.sharenum.events().create(organiser.id(), EventRequest.direct().title("Atelier " + day).tools(CAPYTALE)
                .start(start).duration(Duration.ofHours(2)).capacity(5).atEstablishment(NUITS.uai()).build());
        return f.sharenum.events().confirm(organiser.id(), e.id());
    }

    /** Moves the clock past the event's end and marks it held. */
    static Event hold(Fixture f, Member organiser, Event e) {
        if (f.clock.instant().isBefore(e.end())) {
            f.clock.advance(Duration.between(f.clock.instant(), e.end()));
        }
        return f.sharenum.events().markHeld(organiser.id(), e.id());
    }

    static List<String> badges(Fixture f, Member m) {
        return f.sharenum.members().badges(m.id(), m.id()).stream().map(BadgeAward::badge).toList();
    }

    static Map<MemberId, BadgeTallies.Tally> stored(ShareNumStore store, Collection<MemberId> members) {
        return store.inTransaction(t -> BadgeTallies.of(t, members));
    }

    /** Every member's records as the badges were computed before tallies: a walk over every event stored. */
    static Map<MemberId, BadgeTallies.Tally> recomputed(ShareNumStore store) {
        List<Event> all = store.inTransaction(t -> Tx.of(t).eventsOverlapping(Instant.EPOCH, FAR));
        Map<MemberId, BadgeTallies.Tally> out = new HashMap<>();
        for (Event e : all) {
            if (e.status() != EventStatus.HELD) {
                continue;
            }
            boolean workshop = e.kind() == EventKind.WORKSHOP;
            for (MemberId o : Set.copyOf(e.organisers())) {
                out.merge(o, new BadgeTallies.Tally(o.value(), workshop ? 1 : 0, workshop ? 0 : 1, e.bus() != null ? 1 : 0,
                        e.registered().size(), 0, 0, 0, 0), BadgeTallies.Tally::plus);
            }
            for (Registration seat : e.registered()) {
                MemberId m = seat.member();
                if (!e.attendanceTaken() || e.attendedBy(m)) {
                    out.merge(m, new BadgeTallies.Tally(m.value(), 0, 0, 0, 0, 1, workshop ? 1 : 0, e.bus() != null ? 1 : 0,
                            e.isOnline() ? 1 : 0), BadgeTallies.Tally::plus);
                }
            }
        }
        return out;
    }

    /** Asserts that the stored tallies of {@code members} are what a walk over every event gives. */
    static void assertTalliesAgree(ShareNumStore store, Collection<MemberId> members) {
        Map<MemberId, BadgeTallies.Tally> expected = recomputed(store);
        Map<MemberId, BadgeTallies.Tally> actual = stored(store, members);
        for (MemberId m : members) {
            assertThat(actual.get(m)).as("tally of %s", m).isEqualTo(expected.getOrDefault(m, BadgeTallies.Tally.zero(m)));
        }
    }

    /** Deletes every tally and the marker: the store as it was before tallies existed. */
    static void forgetTallies(ShareNumStore store) {
        store.inTransaction(t -> {
            for (Doc d : t.range("badge-tally", Documents.BY_KEY, "", "\u007f", 100_000)) {
                t.delete("badge-tally", d.key());
            }
            t.delete("badge-tally-state", "v1");
            return null;
        });
    }

    /** Writes a copy of {@code e} (new id, {@code days} earlier) straight into the store, past ShareNum's workflows. */
    static void writeDirectly(ShareNumStore store, Event e, int days) {
        Event copy = new Event(EventId.random(), e.kind(), e.title(), e.description(), e.tools(), e.themes(),
                e.start().minus(Duration.ofDays(days)), e.duration(), e.capacity(), e.organisers(), e.venue(), null,
                null, e.broadcastRadiusKm(), e.status(), e.registered(), e.waitlist(), e.sequence(), e.history(), 1,
                e.invited(), e.online(), e.attended(), e.checkInCode(), e.cancellationReason());
        store.inTransaction(t -> {
            EventStore events = t.events().orElseGet(() -> KernelAggregates.events(t));
            events.insert(copy);
            return null;
        });
    }

    @Test
    void organisers_and_participants_earn_the_same_badges_as_from_every_event() {
        ShareNumStore store = kind.fresh().store();
        List<BadgeRule> rules = new ArrayList<>(BadgeRule.defaults());
        rules.addAll(BadgeRule.participantDefaults());
        Fixture f = fixture(store, true, b -> b.badgeRules(rules));
        Member paul = f.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member lea = f.active("Léa Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        Member marc = f.active("Marc Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));

        for (int day = 1; day <= 5; day++) {
            Event e = workshop(f, paul, day);
            f.sharenum.events().register(lea.id(), e.id());
            if (day <= 2) {
                f.sharenum.events().register(marc.id(), e.id());
            }
            hold(f, paul, e);
            if (day == 1) {
                assertThat(badges(f, paul)).containsExactly("premier-atelier");
                assertThat(badges(f, lea)).containsExactly("premiere-participation");
            }
        }

        assertThat(badges(f, paul)).containsExactly("premier-atelier", "cinq-ateliers");
        assertThat(badges(f, lea)).containsExactly("premiere-participation", "trois-ateliers-suivis");
        assertThat(badges(f, marc)).containsExactly("premiere-participation");
        assertThat(stored(store, List.of(paul.id())).get(paul.id()))
                .isEqualTo(new BadgeTallies.Tally(paul.id().value(), 5, 0, 0, 7, 0, 0, 0, 0));
        assertTalliesAgree(store, List.of(paul.id(), lea.id(), marc.id()));
    }

    @Test
    void attendance_marked_after_an_event_is_held_changes_the_participants_tallies() {
        ShareNumStore store = kind.fresh().store();
        Fixture f = fixture(store, true, b -> b.badgeRules(List.of(participantRule("deux-evenements", 2))));
        Member paul = f.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member lea = f.active("Léa Présente", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        Member marc = f.active("Marc Absent", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        Event first = workshop(f, paul, 1);
        Event second = workshop(f, paul, 2);
        for (Event e : List.of(first, second)) {
            f.sharenum.events().register(lea.id(), e.id());
            f.sharenum.events().register(marc.id(), e.id());
        }
        hold(f, paul, first);
        // attendance not taken: everyone registered counts as having come
        assertThat(stored(store, List.of(marc.id())).get(marc.id()).eventsAttended()).isEqualTo(1);

        f.sharenum.events().markAttendance(paul.id(), first.id(), Set.of(lea.id()));

        assertThat(stored(store, List.of(lea.id())).get(lea.id()).eventsAttended()).isEqualTo(1);
        assertThat(stored(store, List.of(marc.id())).get(marc.id())).isEqualTo(BadgeTallies.Tally.zero(marc.id()));
        assertThat(stored(store, List.of(paul.id())).get(paul.id()).participants()).isEqualTo(2);
        hold(f, paul, second);
        assertThat(badges(f, lea)).containsExactly("deux-evenements");
        assertThat(badges(f, marc)).isEmpty();

        // marked present afterwards after all: counted again
        f.sharenum.events().markAttendance(paul.id(), first.id(), Set.of(lea.id(), marc.id()));
        assertThat(stored(store, List.of(marc.id())).get(marc.id()).eventsAttended()).isEqualTo(2);
        assertTalliesAgree(store, List.of(paul.id(), lea.id(), marc.id()));
    }

    @Test
    void events_held_before_tallies_existed_are_counted_once_by_the_first_event_held_after() {
        ShareNumStore store = kind.fresh().store();
        Fixture f = fixture(store, true, b -> { });
        Member karim = f.active("Karim Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member lea = f.active("Léa Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        Event first = workshop(f, karim, 20);
        f.sharenum.events().register(lea.id(), first.id());
        Event held = hold(f, karim, first);
        assertThat(badges(f, karim)).containsExactly("premier-atelier");
        // three more held workshops written by an earlier version, which kept no tally
        for (int i = 1; i <= 3; i++) {
            writeDirectly(store, held, i);
        }
        forgetTallies(store);
        assertThat(stored(store, List.of(karim.id())).get(karim.id())).isEqualTo(BadgeTallies.Tally.zero(karim.id()));

        hold(f, karim, workshop(f, karim, 30));

        assertThat(badges(f, karim)).containsExactly("premier-atelier", "cinq-ateliers");
        assertThat(stored(store, List.of(karim.id())).get(karim.id()))
                .isEqualTo(new BadgeTallies.Tally(karim.id().value(), 5, 0, 0, 4, 0, 0, 0, 0));
        assertTalliesAgree(store, List.of(karim.id(), lea.id()));
        // once only: the next event adds itself alone
        hold(f, karim, workshop(f, karim, 31));
        assertThat(stored(store, List.of(karim.id())).get(karim.id()).workshopsHeld()).isEqualTo(6);
    }

    @Test
    void two_instances_holding_events_at_once_on_a_store_from_before_tallies_count_every_event_once() throws Exception {
        ShareNumStore store = kind.fresh().store();
        Fixture one = fixture(store, true, b -> b.badgeRules(List.of(participantRule("trois-evenements", 3))));
        Fixture two = fixture(store, false, b -> b.badgeRules(List.of(participantRule("trois-evenements", 3))));
        Member paul = one.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member sara = one.active("Sara Second", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member lea = one.active("Léa Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        Event old = workshop(one, paul, 1);
        one.sharenum.events().register(lea.id(), old.id());
        hold(one, paul, old);
        List<Event> next = new ArrayList<>();
        for (Member organiser : List.of(paul, sara)) {
            Event e = workshop(one, organiser, 5 + next.size());
            one.sharenum.events().register(lea.id(), e.id());
            next.add(e);
        }
        forgetTallies(store);
        two.clock.advance(Duration.between(two.clock.instant(), next.get(1).end()));
        one.clock.advance(Duration.between(one.clock.instant(), next.get(1).end()));

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(() -> {
                go.await();
                return one.sharenum.events().markHeld(paul.id(), next.get(0).id());
            });
            Future<?> b = threads.submit(() -> {
                go.await();
                return two.sharenum.events().markHeld(sara.id(), next.get(1).id());
            });
            go.countDown();
            a.get(1, TimeUnit.MINUTES);
            b.get(1, TimeUnit.MINUTES);
        } finally {
            threads.shutdown();
        }

        assertThat(stored(store, List.of(lea.id())).get(lea.id()).eventsAttended()).isEqualTo(3);
        assertThat(badges(one, lea)).containsExactly("trois-evenements");
        assertTalliesAgree(store, List.of(paul.id(), sara.id(), lea.id()));
    }

    @Test
    void an_online_workshop_held_earns_its_badge_counted_in_the_territory_it_is_announced_to() {
        ShareNumStore store = kind.fresh().store();
        Fixture f = fixture(store, true, b -> { });
        Member paul = f.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Event e = f.sharenum.events().create(paul.id(), EventRequest.direct().title("Classe virtuelle").tools(CAPYTALE)
                .start(Fixture.START.plus(Duration.ofDays(1))).duration(Duration.ofHours(1)).capacity(5)
                .online(OnlineAccess.of(URI.create("https://visio.ac-dijon.fr/cv-1")).forAcademie(Academie.DIJON)).build());
        f.sharenum.events().confirm(paul.id(), e.id());

        hold(f, paul, e);

        assertThat(badges(f, paul)).containsExactly("premier-atelier");
    }

    @Test
    void erasure_deletes_the_members_tally() {
        ShareNumStore store = kind.fresh().store();
        Fixture f = fixture(store, true, b -> { });
        Member paul = f.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED));
        Member lea = f.active("Léa Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        Member marc = f.active("Marc Novice", CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE));
        Event e = workshop(f, paul, 1);
        f.sharenum.events().register(lea.id(), e.id());
        f.sharenum.events().register(marc.id(), e.id());
        hold(f, paul, e);
        assertThat(store.inTransaction(t -> t.get("badge-tally", lea.id().value())).isPresent()).isTrue();

        f.sharenum.members().erase(lea.id(), lea.id());

        assertThat(store.inTransaction(t -> t.get("badge-tally", lea.id().value())).isPresent()).isFalse();
        // an event she came to changing afterwards never leaves a count below zero
        f.sharenum.events().markAttendance(paul.id(), e.id(), Set.of(marc.id()));
        assertThat(stored(store, List.of(lea.id())).get(lea.id())).isEqualTo(BadgeTallies.Tally.zero(lea.id()));
        assertThat(stored(store, List.of(marc.id())).get(marc.id()).eventsAttended()).isEqualTo(1);
        assertThat(stored(store, List.of(paul.id())).get(paul.id()).participants()).isEqualTo(2);
    }
}
