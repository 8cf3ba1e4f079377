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
    public fr.sharenum.Page<Training> search(Actor actor, fr.sharenum.model.Academie academie, Set<ToolId> tools,
                                             Instant from, Instant to, fr.sharenum.PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(academie, "academie");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(page, "page");
        if (!to.isAfter(from) || java.time.Duration.between(from, to).compareTo(fr.sharenum.spi.EventQuery.MAX_PERIOD) > 0) {
            throw new fr.sharenum.model.InvalidValueException("to", "a period is after its start and at most 400 days long");
        }
        for (ToolId tool : tools) {
            engine.settings().tools().get(tool);
        }
        Cursors.Key after = Cursors.decode("trainings", page.cursor());
        engine.tx(t -> {
            Access.require(Operation.TRAININGS_BROWSE, Access.relations(Access.principal(t, actor), null));
            return null;
        });
        Set<ToolId> about = tools.isEmpty() ? engine.settings().tools().all().stream().map(fr.sharenum.model.Tool::id)
                .collect(java.util.stream.Collectors.toSet()) : tools;
        List<Training> all = engine.trainingCatalog().find(academie, about, from, to);
        List<Training> out = new java.util.ArrayList<>();
        String next = null;
        for (Training x : all) {
            if (after != null && (x.start().isBefore(after.at()) || x.start().equals(after.at()) && x.id().compareTo(after.id()) <= 0)) {
                continue;
            }
            if (out.size() == page.limit()) {
                Training last = out.get(out.size() - 1);
                next = Cursors.encode("trainings", last.start(), last.id());
                break;
            }
            out.add(x);
        }
        return new fr.sharenum.Page<>(out, next);
    }

    @Override
    public List<fr.sharenum.model.Guide> guides(Actor actor, Set<ToolId> tools, Set<fr.sharenum.model.Theme> themes) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(themes, "themes");
        engine.tx(t -> {
            Access.require(Operation.TRAININGS_BROWSE, Access.relations(Access.principal(t, actor), null));
            return null;
        });
        return engine.guideCatalog().find(tools, themes);
    }
}
