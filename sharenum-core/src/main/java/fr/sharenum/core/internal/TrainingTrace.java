package fr.sharenum.core.internal;

import fr.sharenum.spi.TrainingCatalog;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.core.internal.feed.TrainingFacts;
import fr.sharenum.core.internal.store.ResearchStore;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.IllegalTransitionException;
import fr.sharenum.model.Member;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Training;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The trainings-first step traced: a member follows a shown training instead of opening a ticket, or declares they
 * attended one. Kept as a document per member and training and sent through the change feed (kind {@code training}).
 */
final class TrainingTrace {
    /** Recorded trainings may have started this long ago (a declaration after the session). */
    private static final Duration LOOK_BACK = Duration.ofDays(366);

    private TrainingTrace() {
    }

    static void record(Transactions transactions, Settings settings, TrainingCatalog trainingCatalog, Actor actor,
                       Training training, boolean attended) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(training, "training");
        transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.TRAININGS_TRACE, Access.relations(p, null));
            Member m = p.member();
            Establishment e = t.establishment(m.establishment())
                    .orElseThrow(() -> new NotFoundException("establishment", m.establishment()));
            Instant now = settings.clock().instant();
            // only a training the catalogue offers the member (the host's, or one published through ShareNum)
            boolean offered = trainingCatalog.find(e.academie(), training.tools(), now.minus(LOOK_BACK),
                    now.plus(settings.trainingHorizon()).plus(LOOK_BACK)).stream()
                    .anyMatch(x -> x.id().equals(training.id()))
                    || t.publishedTrainings(now.minus(LOOK_BACK), now.plus(LOOK_BACK)).stream()
                    .anyMatch(x -> x.id().equals(training.id()) && (x.academie() == null || x.academie() == e.academie()));
            if (!offered) {
                throw new NotFoundException("training", training.id());
            }
            if (attended && now.isBefore(training.start())) {
                throw new IllegalTransitionException("training " + training.id() + " (it starts at " + training.start() + ")",
                        "planned", "attended");
            }
            String key = m.id().value() + "|" + training.id();
            Optional<TrainingFacts> before = ResearchStore.training(t, key);
            Instant chosenAt = before.map(TrainingFacts::chosenAt).orElse(null);
            if (!attended && chosenAt == null) {
                chosenAt = now;
            }
            TrainingFacts after = new TrainingFacts(m.id(), m.establishment(), training.id(), training.kind(), training.tools(),
                    chosenAt, training.start(), Duration.between(training.start(), training.end()).toMinutes(),
                    attended || before.map(TrainingFacts::attended).orElse(false));
            if (before.isPresent() && before.get().equals(after)) {
                return null;
            }
            ResearchStore.putTraining(t, after);
            t.emitFacts(Tx.KIND_TRAINING, key, before.orElse(null), after);
            return null;
        });
    }
}
