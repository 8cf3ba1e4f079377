package fr.sharenum.spi;

import fr.sharenum.model.BadgeAward;
import fr.sharenum.model.MemberId;

import java.util.List;

/** Badges awarded. Part of a {@link StoreTransaction}. */
public interface BadgeStore {

    /**
     * @param award a badge awarded
     * @throws fr.sharenum.model.DuplicateException when the member already holds that badge
     */
    void insert(BadgeAward award);

    /**
     * @param member a member
     * @return their badges, oldest first
     */
    List<BadgeAward> of(MemberId member);
}
