-- V4: indexes for user search (GET /users/search/..., /friendship/search/...); see JooqUserSearchRepository.
-- The indexed expressions must stay exactly those the repository writes, or the planner cannot use them.
--   * trigram (GIN) indexes answer "ends with" and "contains";
--   * pattern-ops btree indexes answer "starts with" exactly (a trigram index also returns every row where the
--     text starts a later word, e.g. every "... Smith" for 'smith%');
--   * a covering index on user_id lets the search look up the viewer's friends-of-friends and walk the users by
--     id without reading table rows;
--   * the friends of the viewer's friends (mutual counts) come from V3's partial indexes on accepted
--     friendships (ix_friendship_table_accepted_user_id1/2) without reading table rows.
-- CREATE INDEX blocks writes to the table while it builds (about 20 s for a million users with 11 million friendships on two cores).
-- On a large live database, create the same indexes beforehand with CREATE INDEX CONCURRENTLY under these
-- names; IF NOT EXISTS then skips them. The statistics targets give the planner row estimates for LIKE on the
-- indexed expressions good enough to choose between walking the ids and reading an index (with the default of
-- 100 it guesses 100 rows for a common surname such as '%smith'; 1000 makes every plan ~20% slower to make).
-- jOOQ's code generator (an H2 inside) cannot
-- parse these statements; none of them changes a table.

/* [jooq ignore start] */
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS user_table_search_name_trgm_idx
    ON user_table USING gin (lower(first_name || ' ' || last_name) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS user_table_search_email_trgm_idx
    ON user_table USING gin (lower(email) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS user_table_search_name_prefix_idx
    ON user_table (lower(first_name || ' ' || last_name) text_pattern_ops);
CREATE INDEX IF NOT EXISTS user_table_search_email_prefix_idx
    ON user_table (lower(email) text_pattern_ops);
CREATE INDEX IF NOT EXISTS user_table_search_covering_idx
    ON user_table (user_id) INCLUDE (first_name, last_name, email);

ALTER INDEX user_table_search_name_trgm_idx ALTER COLUMN 1 SET STATISTICS 200;
ALTER INDEX user_table_search_email_trgm_idx ALTER COLUMN 1 SET STATISTICS 200;
ALTER INDEX user_table_search_name_prefix_idx ALTER COLUMN 1 SET STATISTICS 200;
ALTER INDEX user_table_search_email_prefix_idx ALTER COLUMN 1 SET STATISTICS 200;
ANALYZE user_table;
ANALYZE friendship_table;
/* [jooq ignore stop] */
