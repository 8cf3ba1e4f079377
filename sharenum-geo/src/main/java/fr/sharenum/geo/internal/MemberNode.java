package fr.sharenum.geo.internal;

import fr.sharenum.model.MemberId;
import fr.sharenum.model.Uai;

/**
 * A member as posted in the buckets of one site: one small object per member, shared by all their
 * postings. Readers only read the final fields; {@link #posts} is the writer's record of where the
 * member is posted, read and written under the engine's write lock only. A member who moves to
 * another site gets a new node.
 */
final class MemberNode {
    /** Separates the levels inside a leveled bucket; never a member. */
    static final MemberNode BREAK = new MemberNode(null, null, -1);

    final MemberId id;
    final Uai establishment;
    final int site;
    /** Sorted codes of the postings ({@link GeoIndex#post}); writer-only. */
    int[] posts;

    MemberNode(MemberId id, Uai establishment, int site) {
        this.id = id;
        this.establishment = establishment;
        this.site = site;
    }

    @Override
    public String toString() {
        return this == BREAK ? "|" : id.value();
    }
}
