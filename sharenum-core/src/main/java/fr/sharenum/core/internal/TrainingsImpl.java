package fr.sharenum.core.internal;

import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.model.Actor;

import fr.sharenum.Trainings;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Role;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** "Trainings first": the host's catalogue plus what institutional places published through ShareNum. */
final class TrainingsImpl implements Trainings {
    private final Engine engine;

    TrainingsImpl(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<Training> forMember(Actor actor, Set<ToolId> tools) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tools, "tools");
        Establishment e = engine.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.TRAININGS_FOR_MEMBER, Access.relations(p, null));
            Member m = p.member();
            return t.establishment(m.establishment()).orElseThrow(() -> new NotFoundException("establishment", m.establishment()));
        });
        Instant now = engine.now();
        return engine.trainingCatalog().find(e.academie(), tools, now, now.plus(engine.settings().trainingHorizon()));
    }

    @Override
    public Training publish(Actor actor, Training training) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(training, "training");
        for (ToolId tool : training.tools()) {
            engine.settings().tools().get(tool);
        }
        return engine.tx(t -> {
            // the training's académie decides who may publish it; a national one (no académie) needs a national role
            Access.require(Operation.TRAININGS_PUBLISH, Access.relations(Access.principal(t, actor), training.academie()));
            t.insertTraining(training);
            return training;
        });
    }

    @Override
    public void follow(Actor actor, Training training) {
        TrainingTrace.record(engine, actor, training, false);
    }

    @Override
    public void declareAttended(Actor actor, Training training) {
        TrainingTrace.record(engine, actor, training, true);
    }
}
