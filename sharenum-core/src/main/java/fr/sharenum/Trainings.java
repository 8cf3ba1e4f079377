package fr.sharenum;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.ToolId;
import fr.sharenum.model.Training;

import java.util.List;
import java.util.Set;

/** The "trainings first" step. Obtained from {@link ShareNum#trainings()}; thread-safe. */
public interface Trainings {

    /**
     * Institutional trainings the member should be shown before opening a ticket on {@code tools}:
     * those of their académie (and national ones) covering one of the tools and starting within the
     * host's horizon, earliest first. An empty list means a ticket may be opened directly.
     */
    List<Training> forMember(MemberId member, Set<ToolId> tools);

    /**
     * An institutional place (a coopérative pédagogique numérique, a Canopé atelier, the DANE) publishes
     * an animation, a tool-testing session or a virtual class: from then on the "trainings first" step
     * shows it beside the host's catalogue. The publisher must be an active member with role
     * CANOPE_MEDIATOR, TRAINER or ACADEMIE_STAFF, and the training of their académie.
     *
     * @throws fr.sharenum.model.NotAllowedException when the publisher may not publish it
     * @throws fr.sharenum.model.DuplicateException  when its id is taken
     */
    Training publish(MemberId publisher, Training training);
}
