package fr.sharenum.spi;

import fr.sharenum.model.Campaign;
import fr.sharenum.model.CampaignId;

import java.util.Optional;

/** Establishment campaigns. Part of a {@link StoreTransaction}. */
public interface CampaignStore {

    /**
     * @param id a campaign id
     * @return the campaign, if stored
     */
    Optional<Campaign> get(CampaignId id);

    /**
     * @param campaign a new campaign, at version 1
     * @throws fr.sharenum.model.DuplicateException when the id is taken
     */
    void insert(Campaign campaign);

    /**
     * Replaces a campaign whose stored version is {@code expectedVersion}.
     *
     * @param campaign        the new version
     * @param expectedVersion the version read
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such campaign
     */
    void update(Campaign campaign, long expectedVersion);
}
