package fr.sharenum.model;

/** The member has not yet confirmed their professional address, so cannot open tickets or offer help. */
public final class MemberNotVerifiedException extends NotAllowedException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param member the member
     */
    public MemberNotVerifiedException(MemberId member) {
        super("access.not-verified", new Object[] {member.value()});
    }
}
