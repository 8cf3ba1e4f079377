package fr.sharenum;

import org.junit.jupiter.api.Nested;

/** {@link CatalogueCases} on each store: in memory, H2, PostgreSQL (skipped when not installed). */
class CatalogueTest {
    @Nested
    class InMemory extends CatalogueCases {
        InMemory() {
            super(Stores.MEMORY);
        }
    }

    @Nested
    class OnH2 extends CatalogueCases {
        OnH2() {
            super(Stores.H2);
        }
    }

    @Nested
    class OnPostgresql extends CatalogueCases {
        OnPostgresql() {
            super(Stores.POSTGRESQL);
        }
    }
}
