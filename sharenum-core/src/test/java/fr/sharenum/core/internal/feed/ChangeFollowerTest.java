package fr.sharenum.core.internal.feed;

import fr.sharenum.ShareNum;
import fr.sharenum.core.internal.Tx;
import fr.sharenum.spi.Change;
import fr.sharenum.spi.ShareNumStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeFollowerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    private final ShareNumStore store = ShareNum.inMemoryStore();
    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Records what it is given. */
    private static class Recorder implements ChangeFollower.Target {
        final List<String> applied = new ArrayList<>();
        int reloads;
        long headAtReload;

        @Override
        public void reload(Tx snapshot) {
            reloads++;
            headAtReload = snapshot.feedHead();
            applied.clear();
        }

        @Override
        public void apply(Change change) {
            applied.add(change.seq() + ":" + change.key());
        }
    }

    private final ChangeFollower.Feed feed = new ChangeFollower.Feed() {
        @Override
        public <T> T read(Function<Tx, T> read) {
            return store.inTransaction(t -> read.apply(Tx.of(t)));
        }

        @Override
        public <T> T snapshot(Function<Tx, T> work) {
            return store.inSnapshot(t -> work.apply(Tx.of(t)));
        }
    };

    private void append(String... keys) {
        store.inTransaction(t -> t.changes().orElseThrow().append(java.util.Arrays.stream(keys)
                .map(k -> new Change(0, now, "member", k, null, "{}")).toList()));
    }

    @Test
    void a_follower_starts_from_the_head_and_applies_every_later_change_once_in_order() {
        append("a", "b");
        Recorder target = new Recorder();
        ChangeFollower follower = new ChangeFollower(feed, target, clock, Duration.ofHours(1));
        follower.reload();
        assertThat(target.reloads).isEqualTo(1);
        assertThat(target.headAtReload).isEqualTo(2);
        assertThat(target.applied).isEmpty();

        append("c");
        append("d", "e");
        follower.catchUpTo(4);
        follower.catchUp();
        follower.catchUp();

        assertThat(target.applied).containsExactly("3:c", "4:d", "5:e");
        assertThat(follower.applied()).isEqualTo(5);
    }

    @Test
    void only_changes_older_than_the_retention_are_pruned_and_a_follower_left_behind_rebuilds() {
        Recorder early = new Recorder();
        ChangeFollower behind = new ChangeFollower(feed, early, clock, Duration.ofHours(1));
        behind.reload();
        Recorder live = new Recorder();
        ChangeFollower current = new ChangeFollower(feed, live, clock, Duration.ofHours(1));
        current.reload();

        append("old-1", "old-2");
        now = now.plus(Duration.ofMinutes(30));
        append("recent");
        current.catchUp();
        assertThat(current.prune()).isZero();           // nothing older than an hour yet

        now = now.plus(Duration.ofMinutes(45));          // old-* are 75 min old, recent 45 min
        assertThat(current.prune()).isEqualTo(2);
        List<Change> kept = feed.read(t -> t.changesAfter(0, 10));
        assertThat(kept).extracting(Change::key).containsExactly("recent");

        // the follower that missed old-1 and old-2 cannot replay them: it rebuilds, then follows
        behind.catchUp();
        assertThat(early.reloads).isEqualTo(2);
        assertThat(early.headAtReload).isEqualTo(3);
        append("next");
        behind.catchUp();
        assertThat(early.applied).containsExactly("4:next");
        assertThat(behind.applied()).isEqualTo(4);
    }

    @Test
    void a_change_that_cannot_be_applied_is_skipped_without_stopping_the_follower() {
        List<String> seen = new ArrayList<>();
        ChangeFollower follower = new ChangeFollower(feed, new ChangeFollower.Target() {
            @Override
            public void reload(Tx snapshot) {
            }

            @Override
            public void apply(Change change) {
                if (change.key().equals("poison")) {
                    throw new IllegalStateException("written by a later version");
                }
                seen.add(change.key());
            }
        }, clock, Duration.ofHours(1));
        follower.reload();
        append("x", "poison", "y");
        follower.catchUp();
        assertThat(seen).containsExactly("x", "y");
        assertThat(follower.applied()).isEqualTo(3);
    }

    @Test
    void a_target_asking_for_a_rebuild_gets_it_at_the_next_catch_up_even_when_the_feed_is_quiet() {
        boolean[] ask = {false};
        Recorder target = new Recorder() {
            @Override
            public boolean rebuildNeeded() {
                return ask[0];
            }

            @Override
            public void reload(Tx snapshot) {
                super.reload(snapshot);
                ask[0] = false;
            }
        };
        ChangeFollower follower = new ChangeFollower(feed, target, clock, Duration.ofHours(1));
        follower.reload();
        follower.catchUp();
        assertThat(target.reloads).isEqualTo(1);
        ask[0] = true;      // say a background load failed: nothing new in the feed
        follower.catchUp();
        assertThat(target.reloads).isEqualTo(2);
        follower.catchUp();
        assertThat(target.reloads).isEqualTo(2);
    }
}
