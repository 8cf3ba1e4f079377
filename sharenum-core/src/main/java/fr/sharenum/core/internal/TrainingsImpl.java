package fr.sharenum.core.internal;

import fr.sharenum.spi.GuideCatalog;
import fr.sharenum.spi.TrainingCatalog;
import fr.sharenum.Page;
import fr.sharenum.PageRequest;
import fr.sharenum.core.internal.access.Access;
import fr.sharenum.core.internal.access.Operation;
import fr.sharenum.core.internal.access.Principal;
import fr.sharenum.model.Actor;

import fr.sharenum.Trainings;
import fr.sharenum.model.Academie;
import fr.sharenum.model.Establishment;
import fr.sharenum.model.Guide;
import fr.sharenum.model.InvalidValueException;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.NotAllowedException;
import fr.sharenum.model.NotFoundException;
import fr.sharenum.model.Role;
import fr.sharenum.model.Theme;
import fr.sharenum.model.Tool;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;
import fr.sharenum.spi.EventQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** "Trainings first": the host's catalogue plus what institutional places published through ShareNum. */
final class TrainingsImpl implements Trainings {
    private final Transactions transactions;
    private final Settings settings;
    private final TrainingCatalog trainingCatalog;
    private final GuideCatalog guideCatalog;

    /**
     * @param transactions    the unit of work
     * @param settings        the host's settings (clock, tools, training horizon)
     * @param trainingCatalog the host's trainings and those published through ShareNum
     * @param guideCatalog    the host's guides
     */
    TrainingsImpl(Transactions transactions, Settings settings, TrainingCatalog trainingCatalog, GuideCatalog guideCatalog) {
        this.transactions = transactions;
        this.settings = settings;
        this.trainingCatalog = trainingCatalog;
        this.guideCatalog = guideCatalog;
    }

    @Override
    public List<Training> forMember(Actor actor, Set<ToolId> tools) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tools, "tools");
        Establishment e = transactions.tx(t -> {
            Principal p = Access.principal(t, actor);
            Access.require(Operation.TRAININGS_FOR_MEMBER, Access.relations(p, null));
            Member m = p.member();
            return t.establishment(m.establishment()).orElseThrow(() -> new NotFoundException("establishment", m.establishment()));
        });
        Instant now = settings.clock().instant();
        return trainingCatalog.find(e.academie(), tools, now, now.plus(settings.trainingHorizon()));
    }

    @Override
    public Training publish(Actor actor, Training training) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(training, "training");
        for (ToolId tool : training.tools()) {
            settings.tools().get(tool);
        }
        return transactions.tx(t -> {
            // the training's académie decides who may publish it; a national one (no académie) needs a national role
            Access.require(Operation.TRAININGS_PUBLISH, Access.relations(Access.principal(t, actor), training.academie()));
            t.insertTraining(training);
            return training;
        });
    }

    @Override
    public void follow(Actor actor, Training training) {
        TrainingTrace.record(transactions, settings, trainingCatalog, actor, training, false);
    }

    @Override
    public void declareAttended(Actor actor, Training training) {
        TrainingTrace.record(transactions, settings, trainingCatalog, actor, training, true);
    }

    @Override
    public Page<Training> search(Actor actor, Academie academie, Set<ToolId> tools,
                                             Instant from, Instant to, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(academie, "academie");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(page, "page");
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(EventQuery.MAX_PERIOD) > 0) {
            throw new InvalidValueException("to", "a period is after its start and at most 400 days long");
        }
        for (ToolId tool : tools) {
            settings.tools().get(tool);
        }
        Cursors.Key after = Cursors.decode("trainings", page.cursor());
        transactions.tx(t -> {
            Access.require(Operation.TRAININGS_BROWSE, Access.relations(Access.principal(t, actor), null));
            return null;
        });
        Set<ToolId> about = tools.isEmpty() ? settings.tools().all().stream().map(Tool::id)
                .collect(Collectors.toSet()) : tools;
        // the catalogue promises earliest first; ties (and a host's loose order) are put in the cursor's order here
        List<Training> all = new ArrayList<>(trainingCatalog.find(academie, about, from, to));
        all.sort(Comparator.comparing(Training::start).thenComparing(Training::id));
        List<Training> out = new ArrayList<>();
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
        return new Page<>(out, next);
    }

    @Override
    public List<Guide> guides(Actor actor, Set<ToolId> tools, Set<Theme> themes) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tools, "tools");
        Objects.requireNonNull(themes, "themes");
        transactions.tx(t -> {
            Access.require(Operation.TRAININGS_BROWSE, Access.relations(Access.principal(t, actor), null));
            return null;
        });
        return guideCatalog.find(tools, themes);
    }
}
