package fr.sharenum.model;

/** The thing named by an identifier (member, establishment, ticket, tool…) does not exist. */
public final class NotFoundException extends ShareNumException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;

    public NotFoundException(String kind, Object id) {
        super("not-found", "no " + kind + " with id " + id);
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    /** What was looked for: {@code "member"}, {@code "ticket"}, {@code "establishment"}, … */
    public String kind() {
        return kind;
    }

    /** The identifier that was not found. */
    public String id() {
        return id;
    }
}
