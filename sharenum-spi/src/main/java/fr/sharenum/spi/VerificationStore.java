package fr.sharenum.spi;

import fr.sharenum.model.MemberId;

import java.util.Optional;

/** Pending e-mail verifications (token hashes only). Part of a {@link StoreTransaction}. */
public interface VerificationStore {

    /**
     * @param member a member
     * @return their pending verification
     */
    Optional<VerificationRecord> get(MemberId member);

    /**
     * Inserts or replaces the pending verification of a member.
     *
     * @param record the verification
     */
    void put(VerificationRecord record);

    /**
     * @param member a member; nothing happens when they have no pending verification
     */
    void delete(MemberId member);
}
