package fr.sharenum;

import org.junit.jupiter.api.Nested;

/** {@link FindingCases} on each store: in memory, H2, PostgreSQL (skipped when not installed). */
class FindingTest {
    @Nested
    class InMemory extends FindingCases {
        InMemory() {
            super(Stores.MEMORY);
        }
    }

    @Nested
    class OnH2 extends FindingCases {
        OnH2() {
            super(Stores.H2);
        }
    }

    @Nested
    class OnPostgresql extends FindingCases {
        OnPostgresql() {
            super(Stores.POSTGRESQL);
        }
    }
}
