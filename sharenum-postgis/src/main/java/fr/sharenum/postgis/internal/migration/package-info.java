/**
 * Flyway migrations of the PostGIS matching engine's tables ({@code V<n>__*.sql} resources of this
 * package), applied when the engine is built, with their own history table
 * {@code sn_postgis_schema_history}. Placeholders: {@code ${sn_schema}} (the engine's schema, quoted) and
 * {@code ${sn_postgis}} (the schema PostGIS is installed in, quoted).
 */
package fr.sharenum.postgis.internal.migration;
