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
import fr.sharenum.spi.GuideQuery;
import fr.sharenum.spi.TrainingQuery;
import fr.sharenum.GuideSearch;
import fr.sharenum.TrainingSearch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
        return search(actor, TrainingSearch.of(academie, from, to).tools(tools).build(), page);
    }

    @Override
    public Page<Training> search(Actor actor, TrainingSearch search, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(page, "page");
        if (!search.to().isAfter(search.from()) || Duration.between(search.from(), search.to()).compareTo(EventQuery.MAX_PERIOD) > 0) {
            throw new InvalidValueException("to", "a period is after its start and at most 400 days long");
        }
        for (ToolId tool : search.tools()) {
            settings.tools().get(tool);
        }
        Cursors.Key after = Cursors.decode(TRAININGS, page.cursor());
        if (after != null && after.at() == null) {
            throw foreignCursor();
        }
        transactions.tx(t -> {
            Access.require(Operation.TRAININGS_BROWSE, Access.relations(Access.principal(t, actor), null));
            return null;
        });
        // one more than the page, to know whether another follows
        TrainingQuery query = new TrainingQuery(search.academie(), search.tools(), search.themes(), search.from(), search.to(),
                after == null ? null : after.at(), after == null ? null : after.id(), page.limit() + 1, knownTools());
        List<Training> found = query.select(trainingCatalog.search(query));
        if (found.size() <= page.limit()) {
            return new Page<>(found, null);
        }
        List<Training> items = found.subList(0, page.limit());
        Training last = items.get(items.size() - 1);
        return new Page<>(items, Cursors.encode(TRAININGS, last.start(), last.id()));
    }

    @Override
    public Page<Guide> searchGuides(Actor actor, GuideSearch search, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(page, "page");
        if (search.from() != null && search.to() != null && !search.to().isAfter(search.from())) {
            throw new InvalidValueException("to", "a period ends after it starts");
        }
        for (ToolId tool : search.tools()) {
            settings.tools().get(tool);
        }
        Cursors.Key after = Cursors.decode(GUIDES, page.cursor());
        LocalDate afterPublished = after == null ? null : publishedOf(after);
        transactions.tx(t -> {
            Access.require(Operation.TRAININGS_BROWSE, Access.relations(Access.principal(t, actor), null));
            return null;
        });
        GuideQuery query = new GuideQuery(search.tools(), search.themes(), search.academie(), search.from(), search.to(),
                afterPublished, after == null ? null : after.id(), page.limit() + 1, knownTools());
        List<Guide> found = query.select(guideCatalog.search(query));
        if (found.size() <= page.limit()) {
            return new Page<>(found, null);
        }
        List<Guide> items = found.subList(0, page.limit());
        Guide last = items.get(items.size() - 1);
        double position = last.published() == null ? Double.NEGATIVE_INFINITY : last.published().toEpochDay();
        return new Page<>(items, Cursors.encode(GUIDES, position, last.id()));
    }

    private static final String TRAININGS = "trainings";
    private static final String GUIDES = "guides";

    /** The publication date a guides cursor holds: an epoch day, or minus infinity for an undated guide. */
    private static LocalDate publishedOf(Cursors.Key key) {
        double n = key.number();
        if (n == Double.NEGATIVE_INFINITY) {
            return null;
        }
        if (key.at() != null || Double.isNaN(n) || n != Math.rint(n) || Math.abs(n) > LocalDate.MAX.toEpochDay()) {
            throw foreignCursor();
        }
        return LocalDate.ofEpochDay((long) n);
    }

    private static InvalidValueException foreignCursor() {
        return new InvalidValueException("cursor", "not a cursor of this list: pass back the next cursor of a page");
    }

    private Set<ToolId> knownTools() {
        return settings.tools().all().stream().map(Tool::id).collect(Collectors.toSet());
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
