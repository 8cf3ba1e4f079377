package fr.sharenum;

import org.junit.jupiter.api.Nested;

/** {@link BadgeTalliesCases} on each store: in memory, H2, PostgreSQL (skipped when not installed). */
class BadgeTalliesTest {
    @Nested
    class InMemory extends BadgeTalliesCases {
        InMemory() {
            super(Stores.MEMORY);
        }
    }

    @Nested
    class OnH2 extends BadgeTalliesCases {
        OnH2() {
            super(Stores.H2);
        }
    }

    @Nested
    class OnPostgresql extends BadgeTalliesCases {
        OnPostgresql() {
            super(Stores.POSTGRESQL);
        }
    }
}
