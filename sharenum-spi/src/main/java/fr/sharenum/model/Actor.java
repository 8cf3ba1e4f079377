package fr.sharenum.model;

/**
 * Who acts in a call: a member (their {@link MemberId}), the host application itself (scheduled jobs,
 * imports, the single sign-on gateway), or an anonymous visitor (sign-up, verification links). Every
 * facade method of ShareNum takes one as its first argument, and the access matrix decides what it may
 * read or change; roles are never taken from what a member says of themself, only from grants.
 *
 * <pre>{@code
 * sharenum.tickets().offer(paul.id(), ticketId, "Je passe jeudi");      // a member acts
 * sharenum.establishments().putAll(Actor.host("annuaire-sync"), rows);   // the host acts
 * }</pre>
 */
public sealed interface Actor permits MemberId, Actor.Host, Actor.Anonymous {

    /**
     * The host application acting as itself.
     *
     * @param system what part of the host acts, for the audit trail: 1 to 64 printable ASCII characters
     * @return the host actor
     */
    static Actor host(String system) {
        return new Host(system);
    }

    /**
     * A visitor who has not signed in.
     *
     * @return the anonymous actor
     */
    static Actor anonymous() {
        return Anonymous.INSTANCE;
    }

    /**
     * How this actor is written in audit records: {@code member:<id>}, {@code host:<system>} or
     * {@code anonymous}.
     *
     * @return the description
     */
    String describe();

    /**
     * The host application acting as itself.
     *
     * @param system what part of the host acts (e.g. {@code "annuaire-sync"}, {@code "scheduler"})
     */
    record Host(String system) implements Actor {
        /**
         * Checks and normalises the components.
         *
         * @param system what part of the host acts (e.g. {@code "annuaire-sync"}, {@code "scheduler"})
         */
        public Host {
            system = InvalidValueException.require("system", system);
            if (system.length() > 64 || !system.chars().allMatch(c -> c > 32 && c < 127)) {
                throw new InvalidValueException("system", "must be 1 to 64 printable ASCII characters without spaces");
            }
        }

        @Override
        public String describe() {
            return "host:" + system;
        }
    }

    /** A visitor who has not signed in. */
    enum Anonymous implements Actor {
        /** The only anonymous actor. */
        INSTANCE;

        @Override
        public String describe() {
            return "anonymous";
        }
    }
}
