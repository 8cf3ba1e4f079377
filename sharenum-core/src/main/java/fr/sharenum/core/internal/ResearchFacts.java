package fr.sharenum.core.internal;

import fr.sharenum.core.internal.feed.BadgeFacts;
import fr.sharenum.core.internal.feed.LevelChangeFacts;
import fr.sharenum.core.internal.feed.MemberFacts;
import fr.sharenum.core.internal.feed.Place;
import fr.sharenum.core.internal.store.ResearchStore;
import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.Event;

import java.util.Optional;

/**
 * The facts of the second round of indicators that writes of members and badges leave, in the writing transaction:
 * each dated level change kept as a document of its own and sent through the feed, each badge with the place of the
 * event that earned it. Called by {@link Tx} only.
 */
final class ResearchFacts {

    private ResearchFacts() {
    }

    /** Keeps and sends the level changes between a member's facts before and after a write. */
    static void levels(Tx t, MemberFacts before, MemberFacts after, long version) {
        for (LevelChangeFacts c : LevelChangeFacts.between(before, after, t.now())) {
            ResearchStore.insertLevelChange(t, new ResearchStore.StoredLevelChange(c, version));
            t.emitFacts(Tx.KIND_LEVEL, c.member().value() + "|" + version + "|" + c.tool().value(), null, c);
        }
    }

    /** Keeps and sends a badge awarded, counted where the event that earned it took place. */
    static void badge(Tx t, BadgeAward award) {
        Optional<Event> evidence = t.event(award.evidence());
        if (evidence.isEmpty()) {
            return;
        }
        BadgeFacts facts = new BadgeFacts(award.id(), award.badge(), Place.of(evidence.get()), award.issuedOn());
        ResearchStore.insertBadge(t, facts);
        t.emitFacts(Tx.KIND_BADGE, award.id(), null, facts);
    }
}
