package fr.sharenum.spi;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;

/**
 * How an engine that numbers its members with int slots names them, so that it can hand hits to a
 * {@link MatchBuffer} as plain ints ({@link MatchBuffer#add(MemberSlots, int, fr.sharenum.model.CompetenceLevel, double)})
 * and the buffer resolves the slot only when the hit is read. A slot must name the same member and
 * establishment for as long as a buffer may hold it (an engine never reuses a slot for another
 * member or establishment). Implementations are thread-safe.
 */
public interface MemberSlots {

    /**
     * The member of a slot.
     *
     * @param slot a slot the engine handed out
     * @return the member of a slot
     */
    MemberId member(int slot);

    /**
     * The establishment of a slot.
     *
     * @param slot a slot the engine handed out
     * @return the establishment of a slot
     */
    Uai establishment(int slot);
}
