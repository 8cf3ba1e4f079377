/** Flyway SQL migrations of the ShareNum schema ({@code V<n>__<what>.sql}), portable to H2 and PostgreSQL. */
package fr.sharenum.jdbc.migration;
