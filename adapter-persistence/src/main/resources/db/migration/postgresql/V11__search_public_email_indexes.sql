-- V11: e-mail search finds a private address only by the whole address (API.md, "User search"), so the stranger
-- tiers of SearchStatements walk and read public addresses only. These are V5's walk index and V4's trigram and
-- pattern-ops indexes for e-mail, restricted to the rows a fragment may find. Without them, where most addresses
-- are private the tiers read every matching row and dropped most: at a million users with 70% private
-- addresses, search_email fell from 188 to 6 req/s (docs/benchmarks.md).
-- A private address equal to the text is found by equality on V4's user_table_search_email_prefix_idx.
-- V5's user_table_search_email_walk_idx still serves the look-ups of the viewer's relationships. V4's
-- user_table_search_email_trgm_idx is no longer read by this version; it stays while tasks of the previous version
-- may run, and a later migration drops it.
-- As in V4, on a large live database create them beforehand with CREATE INDEX CONCURRENTLY under these names.
-- The predicates must stay exactly what SearchStatements.findableByFragment writes.
-- jOOQ's code generator (an H2 inside) cannot parse these statements; none of them changes a table.

/* [jooq ignore start] */
CREATE INDEX IF NOT EXISTS user_table_search_public_email_walk_idx
    ON user_table (user_id, lower(email)) INCLUDE (email) WHERE email_public;
CREATE INDEX IF NOT EXISTS user_table_search_public_email_trgm_idx
    ON user_table USING gin (lower(email) gin_trgm_ops) WHERE email_public;
CREATE INDEX IF NOT EXISTS user_table_search_public_email_prefix_idx
    ON user_table (lower(email) text_pattern_ops) WHERE email_public;
ALTER INDEX user_table_search_public_email_trgm_idx ALTER COLUMN 1 SET STATISTICS 200;
ALTER INDEX user_table_search_public_email_prefix_idx ALTER COLUMN 1 SET STATISTICS 200;
ANALYZE user_table;
/* [jooq ignore stop] */
