package fr.sharenum;

import fr.sharenum.model.Actor;
import fr.sharenum.model.MemberId;

import java.util.function.Predicate;

/**
 * Members' consent to research. A member's records (tickets, matches, events they organise, feedback) reach a research
 * export only when they consent; those who never answered count as the host's default
 * ({@link ShareNum.Builder#researchConsentByDefault(boolean)}, {@code false} unless the host sets it: consent is asked
 * for, never presumed). Aggregated indicators are not records and count everyone. Obtained from
 * {@link ShareNum#research()}; thread-safe.
 *
 * <pre>{@code
 * sharenum.research().consent(claire.id(), claire.id(), true);
 * ObjectNode data = ResearchExport.builder(secret).consent(sharenum.research().consents(host)).build()
 *         .export(store, from, to);                                  // sharenum-json
 * }</pre>
 */
public interface Research {

    /**
     * A member gives or withdraws their consent to research; it applies to the exports made from then on (an export
     * already handed to researchers is theirs under the host's agreement).
     *
     * @param actor  the member themself
     * @param member the member
     * @param given  whether they consent
     * @throws fr.sharenum.model.NotAllowedException anyone else
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     */
    void consent(Actor actor, MemberId member, boolean given);

    /**
     * Whether a member consents to research, the host's default when they never said.
     *
     * @param actor  the member themself, or the host
     * @param member the member
     * @return whether their records may be exported
     * @throws fr.sharenum.model.NotAllowedException anyone else
     * @throws fr.sharenum.model.NotFoundException when there is no such member
     */
    boolean consented(Actor actor, MemberId member);

    /**
     * Every member's consent as of now, for an export: erased and suspended members never consent.
     *
     * @param actor the host
     * @return whether a member's records may be exported (immutable, thread-safe)
     * @throws fr.sharenum.model.NotAllowedException anyone but the host
     */
    Predicate<MemberId> consents(Actor actor);
}
