package fr.sharenum.model;

/**
 * Optimistic concurrency: an update was based on a version that is no longer the stored one
 * (someone else changed the same record in between). Reload, re-apply, retry.
 */
public final class VersionConflictException extends ShareNumException {
    private static final long serialVersionUID = 1L;
    /** The version the refused change was based on. */
    private final long expectedVersion;
    /** The version stored. */
    private final long actualVersion;

    /**
     * Creates the exception.
     *
     * @param kind the kind
     * @param id the identifier
     * @param expectedVersion the version the change is based on
     * @param actualVersion the actual version
     */
    public VersionConflictException(String kind, Object id, long expectedVersion, long actualVersion) {
        super("version-conflict", kind + " " + id + " was changed by someone else: expected version " + expectedVersion
                + " but the stored version is " + actualVersion + "; reload it and try again");
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /**
     * A concurrent change the database itself detected (a serialization failure, a deadlock, a lock wait that timed
     * out): the transaction was rolled back and may be retried. Both versions are -1.
     *
     * @param what what the database said
     */
    public VersionConflictException(String what) {
        super("version-conflict", "a concurrent change was detected by the database (" + what + "); try again");
        this.expectedVersion = -1;
        this.actualVersion = -1;
    }

    /**
     * The version the refused change was based on.
     *
     * @return that version
     */
    public long expectedVersion() {
        return expectedVersion;
    }

    /**
     * The version stored when the change was refused.
     *
     * @return that version
     */
    public long actualVersion() {
        return actualVersion;
    }
}
