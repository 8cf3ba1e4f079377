package fr.sharenum.spi;

import fr.sharenum.model.Email;
import fr.sharenum.model.Member;
import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Members and their profiles. Part of a {@link StoreTransaction}. */
public interface MemberStore {

    /**
     * @param id a member id
     * @return the member, if stored
     */
    Optional<Member> get(MemberId id);

    /**
     * @param email an address, as stored (lower-case)
     * @return the member registered with it
     */
    Optional<Member> byEmail(Email email);

    /**
     * Inserts a new member.
     *
     * @param member the member, at version 1
     * @throws fr.sharenum.model.DuplicateException when the id or the e-mail is already taken
     */
    void insert(Member member);

    /**
     * Replaces a member whose stored version is {@code expectedVersion}; {@code member.version()} is
     * {@code expectedVersion + 1}.
     *
     * @param member          the new version
     * @param expectedVersion the version read
     * @throws fr.sharenum.model.VersionConflictException when the stored version differs
     * @throws fr.sharenum.model.NotFoundException        when there is no such member
     */
    void update(Member member, long expectedVersion);

    /**
     * @param establishment an establishment
     * @return the members working there, in no particular order
     */
    List<Member> at(Uai establishment);

    /**
     * Visits every member, in no particular order (streamed: a store does not load them all at once).
     *
     * @param action what to do with each
     */
    void forEach(Consumer<? super Member> action);

    /**
     * Visits every member as derived state needs them ({@link MemberProjection}), in no particular order, streamed.
     * The default reads whole members; a store that can read the projection's fields alone (a column, a JSON path, a
     * parser that skips the rest) overrides it: it is what an instance reads of every member when it starts.
     *
     * @param action what to do with each
     */
    default void forEachProjection(Consumer<? super MemberProjection> action) {
        forEach(m -> action.accept(MemberProjection.of(m)));
    }
}
