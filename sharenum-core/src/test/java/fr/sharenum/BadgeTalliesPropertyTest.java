package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Bus;
import fr.sharenum.model.BusId;
import fr.sharenum.model.CompetenceLevel;
import fr.sharenum.model.Event;
import fr.sharenum.model.EventKind;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.OnlineAccess;
import fr.sharenum.model.Registration;
import fr.sharenum.model.ShareNumException;
import fr.sharenum.model.Skill;
import fr.sharenum.model.Venue;
import fr.sharenum.spi.ShareNumStore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.sharenum.BadgeTalliesCases.CAPYTALE;
import static fr.sharenum.Fixture.CARNOT;
import static fr.sharenum.Fixture.HOST;
import static fr.sharenum.Fixture.NUITS;

/**
 * Over random histories of events — created with one or two organisers, in a BusNum or online, registrations and
 * withdrawals, held, attendance marked and unmarked afterwards, cancelled — every member's stored badge tally is what a
 * walk over every event stored gives (the way badges were computed before tallies).
 */
class BadgeTalliesPropertyTest {
    private static final BusId BUS = BusId.of("busnum-21");

    /** One step: what is done, and two numbers choosing to what and whom. */
    record Step(int kind, int a, int b) {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 1_000)).as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(60);
    }

    @Property(tries = 60)
    void stored_tallies_are_what_every_event_gives(@ForAll("histories") List<Step> history) {
        ShareNumStore store = ShareNum.inMemoryStore();
        Fixture f = new Fixture(b -> b.store(store).badgeRules(BadgeRule.defaults()));
        try {
            f.sharenum.busNum().add(HOST, Bus.of(BUS, "BusNum", CARNOT.location(), 80, Set.of(), 12));
            List<Member> organisers = List.of(
                    f.active("Paul Animateur", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED)),
                    f.active("Sara Animatrice", NUITS, new Skill(CAPYTALE, CompetenceLevel.EXPERIENCED)));
            List<Member> participants = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                participants.add(f.active("Participant " + (char) ('A' + i), CARNOT, new Skill(CAPYTALE, CompetenceLevel.NOVICE)));
            }
            List<Event> events = new ArrayList<>();
            AtomicInteger created = new AtomicInteger();
            for (Step s : history) {
                try {
                    play(f, s, organisers, participants, events, created);
                } catch (ShareNumException refused) {
                    // a random step the rules refuse (a seat on an event already held, a bus already booked…)
                }
            }
            List<MemberId> everyone = new ArrayList<>();
            organisers.forEach(m -> everyone.add(m.id()));
            participants.forEach(m -> everyone.add(m.id()));
            long held = BadgeTalliesCases.recomputed(store).size();
            Statistics.label("members with a tally").collect(held > 0);
            Statistics.label("members with a tally").coverage(c -> c.check(true).percentage(p -> p >= 30));
            BadgeTalliesCases.assertTalliesAgree(store, everyone);
        } finally {
            f.sharenum.close();
        }
    }

    private static void play(Fixture f, Step s, List<Member> organisers, List<Member> participants, List<Event> events,
                             AtomicInteger created) {
        ShareNum sn = f.sharenum;
        if (s.kind() == 0 || events.isEmpty()) {
            Member organiser = organisers.get(s.a() % 2);
            Instant start = f.clock.instant().plus(Duration.ofDays(1)).plus(Duration.ofHours(3L * created.getAndIncrement()));
            EventRequest.Builder b = EventRequest.direct().title("Événement " + created.get()).tools(CAPYTALE)
                    .kind(s.b() % 2 == 0 ? EventKind.WORKSHOP : EventKind.MEETING).start(start)
                    .duration(Duration.ofHours(2)).capacity(1 + s.b() % 4);
            switch (s.a() % 3) {
                case 0 -> b.at(Venue.of(NUITS)).onBus(BUS);
                case 1 -> b.online(OnlineAccess.of(URI.create("https://visio.ac-dijon.fr/e" + created.get()))
                        .forAcademie(Academie.DIJON));
                default -> b.atEstablishment(NUITS.uai());
            }
            if (s.a() % 4 == 1) {
                b.coOrganisers(organisers.get((s.a() + 1) % 2).id());
            }
            Event e = sn.events().create(organiser.id(), b.build());
            events.add(sn.events().confirm(organiser.id(), e.id()));
            return;
        }
        Event e = sn.events().get(HOST, events.get(s.a() % events.size()).id());
        MemberId organiser = e.organisers().get(0);
        Member participant = participants.get(s.b() % participants.size());
        switch (s.kind()) {
            case 1, 2 -> sn.events().register(participant.id(), e.id());
            case 3 -> {
                if (f.clock.instant().isBefore(e.end())) {
                    f.clock.advance(Duration.between(f.clock.instant(), e.end()));
                }
                sn.events().markHeld(organiser, e.id());
            }
            case 4 -> {
                Set<MemberId> present = new HashSet<>();
                List<Registration> seats = e.registered();
                for (int i = 0; i < seats.size(); i++) {
                    if ((s.b() >> i & 1) == 1) {
                        present.add(seats.get(i).member());
                    }
                }
                sn.events().markAttendance(organiser, e.id(), present);
            }
            case 5 -> sn.events().unregister(participant.id(), e.id());
            case 6 -> sn.events().cancel(organiser, e.id());
            default -> {
                for (MemberId invited : e.invited()) {
                    sn.events().acceptInvitation(invited, e.id());
                }
            }
        }
    }
}
