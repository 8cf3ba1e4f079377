package fr.sharenum;

import fr.sharenum.model.Academie;
import fr.sharenum.model.Actor;
import fr.sharenum.model.Guide;
import fr.sharenum.model.Theme;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The "trainings first" step. Obtained from {@link ShareNum#trainings()}; thread-safe. */
public interface Trainings {

    /**
     * Institutional trainings the member should be shown before opening a ticket on {@code tools}:
     * those of their académie (and national ones) covering one of the tools and starting within the
     * host's horizon, earliest first. An empty list means a ticket may be opened directly.
     *
     * @param actor the member, active
     * @param tools the tools they need help with
     * @return the trainings
     * @throws fr.sharenum.model.NotFoundException when the member's establishment is unknown
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<Training> forMember(Actor actor, Set<ToolId> tools);

    /**
     * An institutional place (a coopérative pédagogique numérique, a Canopé atelier, the DANE) publishes
     * an animation, a tool-testing session or a virtual class: from then on the "trainings first" step
     * shows it beside the host's catalogue. The publisher holds {@code CANOPE}, {@code COOPERATIVE} or
     * {@code ACADEMIE_STAFF} for the training's académie; a national training is published by a national
     * administrator or the host.
     *
     * @param actor    the publisher
     * @param training the training
     * @return the training
     * @throws fr.sharenum.model.NotAllowedException when the publisher may not publish it
     * @throws fr.sharenum.model.DuplicateException  when its id is taken
     */
    Training publish(Actor actor, Training training);

    /**
     * The member follows a training they were shown instead of opening a ticket (the trainings-first step met the
     * need): recorded for the indicators ({@link ImpactReport.Needs}). The training must be one the catalogue
     * offers the member's académie.
     *
     * @param actor    the member, active
     * @param training the training, as {@link #forMember} gave it
     * @throws fr.sharenum.model.NotFoundException the catalogue does not offer it to the member
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    void follow(Actor actor, Training training);

    /**
     * The member declares they attended an institutional training (whether or not they chose it instead of a
     * ticket): a training action and its hours for the RETEX indicators, a need met by a training.
     *
     * @param actor    the member, active
     * @param training the training, as the catalogue gives it
     * @throws fr.sharenum.model.NotFoundException          the catalogue does not offer it to the member
     * @throws fr.sharenum.model.IllegalTransitionException it has not started yet
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    void declareAttended(Actor actor, Training training);

    /**
     * The catalogue: trainings of {@code academie} (and national ones) about one of {@code tools} (every tool of the
     * host's catalogue when empty) starting in {@code [from, to)}, soonest first (then by id) — the host's and those
     * published through ShareNum. The same list as {@link #search(Actor, TrainingSearch, PageRequest)} without a theme
     * (its cursors are interchangeable).
     *
     * @param actor    an active member, or the host
     * @param academie the académie
     * @param tools    tools (any of), or empty for all
     * @param from     earliest start
     * @param to       latest start (exclusive), at most 400 days later
     * @param page     which page
     * @return the page
     * @throws fr.sharenum.model.InvalidValueException when the period is inverted or longer than 400 days, or the
     *         cursor is not one of this list
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Page<Training> search(Actor actor, Academie academie, Set<ToolId> tools, Instant from,
                          Instant to, PageRequest page);

    /**
     * The catalogue, searched: trainings of the search's académie (and national ones) starting in its period, covering
     * one of its tools and about one of its themes (each filter ignored when empty), soonest first (then by id) — the
     * host's catalogue ({@link fr.sharenum.spi.TrainingCatalog#search}) and those published through ShareNum (the
     * store's indexes), one page at a time.
     *
     * @param actor  an active member, or the host
     * @param search what to look for
     * @param page   which page
     * @return the page
     * @throws fr.sharenum.model.InvalidValueException when the period is inverted or longer than 400 days, or the
     *         cursor is not one of this list
     * @throws fr.sharenum.model.NotFoundException when a tool is not in the host's tool catalogue
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Page<Training> search(Actor actor, TrainingSearch search, PageRequest page);

    /**
     * The guides catalogue, searched: guides about one of the search's tools and one of its themes, of its académie
     * and national ones, published in its period (each filter ignored when empty), the most recently published first
     * (undated guides last), then by id, one page at a time — answered by the host's guide catalogue
     * ({@link fr.sharenum.spi.GuideCatalog#search}).
     *
     * @param actor  an active member, or the host
     * @param search what to look for
     * @param page   which page
     * @return the page
     * @throws fr.sharenum.model.InvalidValueException when the period is inverted (its end not after its start), or the
     *         cursor is not one of this list
     * @throws fr.sharenum.model.NotFoundException when a tool is not in the host's tool catalogue
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    Page<Guide> searchGuides(Actor actor, GuideSearch search, PageRequest page);

    /**
     * Guide documents about one of {@code tools} or {@code themes}, most relevant first, from the host's catalogue (to
     * browse them by académie and date, page by page: {@link #searchGuides}).
     *
     * @param actor  an active member, or the host
     * @param tools  tools (any of)
     * @param themes themes (any of)
     * @return the guides
     * @throws fr.sharenum.model.NotAllowedException when the access matrix ({@code docs/security.md}) does not let the
     *         actor make this call, or they are unknown, suspended, erased or not verified
     */
    List<Guide> guides(Actor actor, Set<ToolId> tools, Set<Theme> themes);
}
