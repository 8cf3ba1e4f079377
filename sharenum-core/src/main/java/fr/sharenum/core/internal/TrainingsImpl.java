package fr.sharenum.core.internal;

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
    private static final Set<Role> PUBLISHERS = EnumSet.of(Role.CANOPE_MEDIATOR, Role.TRAINER, Role.ACADEMIE_STAFF);

    private final Engine engine;

    TrainingsImpl(Engine engine) {
        this.engine = engine;
    }

    @Override
    public List<Training> forMember(MemberId member, Set<ToolId> tools) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(tools, "tools");
        Establishment e = engine.tx(t -> {
            Member m = t.member(member).orElseThrow(() -> new NotFoundException("member", member));
            return t.establishment(m.establishment()).orElseThrow(() -> new NotFoundException("establishment", m.establishment()));
        });
        Instant now = engine.now();
        return engine.trainingCatalog().find(e.academie(), tools, now, now.plus(engine.settings().trainingHorizon()));
    }

    @Override
    public Training publish(MemberId publisher, Training training) {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(training, "training");
        for (ToolId tool : training.tools()) {
            engine.settings().tools().get(tool);
        }
        return engine.tx(t -> {
            Member p = Engine.activeMember(t, publisher);
            if (!PUBLISHERS.contains(p.role())) {
                throw new NotAllowedException("only Canopé mediators, trainers and académie staff publish trainings; "
                        + publisher + " is " + p.role());
            }
            Establishment where = t.establishment(p.establishment())
                    .orElseThrow(() -> new NotFoundException("establishment", p.establishment()));
            if (training.academie() != where.academie()) {
                throw new NotAllowedException("a member of académie " + where.academie().label() + " publishes trainings of"
                        + " that académie, not of " + (training.academie() == null ? "the whole country" : training.academie().label()));
            }
            t.insertTraining(training);
            return training;
        });
    }
}
