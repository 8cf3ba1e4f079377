package fr.sharenum.model;

/** The thing named by an identifier (member, establishment, ticket, tool…) does not exist. */
public final class NotFoundException extends ShareNumException {
    private static final long serialVersionUID = 1L;
    /** What was looked for ("member", "ticket"…). */
    private final String kind;
    /** The identifier that was not found. */
    private final String id;

    /**
     * Creates the exception.
     *
     * @param kind the kind
     * @param id the identifier
     */
    public NotFoundException(String kind, Object id) {
        super("not-found", "no " + kind + " with id " + id);
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    /**
     * What was looked for: {@code "member"}, {@code "ticket"}, {@code "establishment"}, …
     *
     * @return what was looked for: {@code "member"}, {@code "ticket"}, {@code "establishment"}, …
     */
    public String kind() {
        return kind;
    }

    /**
     * The identifier that was not found.
     *
     * @return the identifier that was not found
     */
    public String id() {
        return id;
    }

    /**
     * The kind and the identifier, for the bundle's sentence.
     *
     * @return the values
     */
    @Override
    protected Object[] messageArguments() {
        return new Object[] {kind, id};
    }
}
