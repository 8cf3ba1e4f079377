package fr.sharenum.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An establishment's campaign: its project team collects the teachers' pedagogical concerns, holds
 * demonstration and exchange workshops led by experienced members of establishments nearby, then
 * follows the experiments teachers start. Immutable; every change returns a copy with the same version.
 *
 * @param id            identifier
 * @param establishment the establishment running it
 * @param title         1–200 characters
 * @param team          the project team (head, digital referents, volunteers), never empty
 * @param stage         where the campaign is
 * @param concerns      concerns collected, in arrival order
 * @param workshops     events held for the campaign
 * @param experiments   experiments started, in order
 * @param createdAt     when it started
 * @param version       optimistic-concurrency version, from 1
 */
public record Campaign(CampaignId id, Uai establishment, String title, Set<MemberId> team, Stage stage,
                       List<Concern> concerns, List<EventId> workshops, List<Experiment> experiments,
                       Instant createdAt, long version) {

    /** The three stages, then closed. */
    public enum Stage {
        /** Collecting the teachers' concerns. */
        COLLECTING,
        /** Demonstration and exchange workshops. */
        WORKSHOPS,
        /** Following the experiments teachers start. */
        FOLLOW_UP,
        /** Closed. */
        CLOSED;

        /**
         * The stage after this one.
         *
         * @return the stage after this one
         */
        public Stage next() {
            if (this == CLOSED) {
                throw new IllegalTransitionException("campaign", this, "a next stage");
            }
            return values()[ordinal() + 1];
        }
    }

    /**
     * A teacher's pedagogical concern: tools and themes they want to work on.
     *
     * @param teacher who
     * @param tools   tools
     * @param themes  themes; tools and themes are not both empty
     * @param at      when
     */
    public record Concern(MemberId teacher, Set<ToolId> tools, Set<Theme> themes, Instant at) {
        /**
         * Checks and normalises the components.
         *
         * @param teacher who
         * @param tools tools
         * @param themes themes; tools and themes are not both empty
         * @param at when
         */
        public Concern {
            InvalidValueException.requireNonNull("teacher", teacher);
            tools = Texts.copySet("tools", tools, 20);
            themes = Texts.copySet("themes", themes, 20);
            if (tools.isEmpty() && themes.isEmpty()) {
                throw new InvalidValueException("tools", "a concern names at least one tool or theme");
            }
            InvalidValueException.requireNonNull("at", at);
        }
    }

    /**
     * An experiment a teacher starts in class after the workshops.
     *
     * @param teacher who
     * @param tool    with which tool
     * @param at      when it started
     */
    public record Experiment(MemberId teacher, ToolId tool, Instant at) {
        /**
         * Checks and normalises the components.
         *
         * @param teacher who
         * @param tool with which tool
         * @param at when it started
         */
        public Experiment {
            InvalidValueException.requireNonNull("teacher", teacher);
            InvalidValueException.requireNonNull("tool", tool);
            InvalidValueException.requireNonNull("at", at);
        }
    }

    /** Most concerns one campaign collects. */
    public static final int MAX_CONCERNS = 2_000;

    /**
     * Checks and normalises the components.
     *
     * @param id identifier
     * @param establishment the establishment running it
     * @param title 1–200 characters
     * @param team the project team (head, digital referents, volunteers), never empty
     * @param stage where the campaign is
     * @param concerns concerns collected, in arrival order
     * @param workshops events held for the campaign
     * @param experiments experiments started, in order
     * @param createdAt when it started
     * @param version optimistic-concurrency version, from 1
     */
    public Campaign {
        InvalidValueException.requireNonNull("id", id);
        InvalidValueException.requireNonNull("establishment", establishment);
        title = Texts.text("title", title, 200);
        team = Set.copyOf(new LinkedHashSet<>(Texts.copySet("team", team)));
        if (team.isEmpty()) {
            throw new InvalidValueException("team", "a campaign has a project team");
        }
        InvalidValueException.requireNonNull("stage", stage);
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        if (concerns.size() > MAX_CONCERNS) {
            throw new InvalidValueException("concerns", "at most " + MAX_CONCERNS + " concerns a campaign");
        }
        if (team.size() > 100) {
            throw new InvalidValueException("team", "at most 100 members in a project team");
        }
        workshops = workshops == null ? List.of() : List.copyOf(workshops);
        experiments = experiments == null ? List.of() : List.copyOf(experiments);
        InvalidValueException.requireNonNull("createdAt", createdAt);
        if (version < 1) {
            throw new InvalidValueException("version", "must be at least 1");
        }
    }

    /**
     * This campaign at another stage.
     *
     * @param s the new stage
     * @return the changed campaign
     */
    public Campaign withStage(Stage s) {
        return new Campaign(id, establishment, title, team, s, concerns, workshops, experiments, createdAt, version);
    }

    /**
     * This campaign with one more member in its team.
     *
     * @param member the member joining
     * @return the changed campaign
     */
    public Campaign withTeamMember(MemberId member) {
        Set<MemberId> t = new LinkedHashSet<>(team);
        t.add(member);
        return new Campaign(id, establishment, title, t, stage, concerns, workshops, experiments, createdAt, version);
    }

    /**
     * This campaign with one more concern.
     *
     * @param c the concern
     * @return the changed campaign
     */
    public Campaign withConcern(Concern c) {
        List<Concern> list = new ArrayList<>(concerns);
        list.add(c);
        return new Campaign(id, establishment, title, team, stage, list, workshops, experiments, createdAt, version);
    }

    /**
     * This campaign with one more workshop.
     *
     * @param event the workshop
     * @return the changed campaign
     */
    public Campaign withWorkshop(EventId event) {
        List<EventId> list = new ArrayList<>(workshops);
        if (!list.contains(event)) {
            list.add(event);
        }
        return new Campaign(id, establishment, title, team, stage, concerns, list, experiments, createdAt, version);
    }

    /**
     * This campaign with one more experiment.
     *
     * @param e the experiment
     * @return the changed campaign
     */
    public Campaign withExperiment(Experiment e) {
        List<Experiment> list = new ArrayList<>(experiments);
        list.add(e);
        return new Campaign(id, establishment, title, team, stage, concerns, workshops, list, createdAt, version);
    }

    /**
     * This campaign with its version raised, as stored after a change.
     *
     * @return the next version
     */
    public Campaign nextVersion() {
        return new Campaign(id, establishment, title, team, stage, concerns, workshops, experiments, createdAt, version + 1);
    }
}
