-- V5: the users' searched texts, lower-cased, stored in the index that search walks and probes by user id.
-- A search lower-cases the name or e-mail of every user it looks at: the few hundred the viewer knows and up to
-- a few thousand of the newest strangers. With the lower-cased text an index key, PostgreSQL reads it from the
-- index (an index-only scan returns an indexed expression without computing it) instead of calling lower() per
-- row, which was most of the cost of a walk (lower() of UTF-8 text goes through wide characters).
-- The base columns are INCLUDEd because PostgreSQL plans an index-only scan only when every column the query
-- names is in the index. Each replaces V4's user_table_search_covering_idx for its field.
-- The expressions must stay exactly those the repository writes (SearchStatements.matched), as in V4.
-- As in V4, on a large live database create them beforehand with CREATE INDEX CONCURRENTLY under these names.
-- jOOQ's code generator (an H2 inside) cannot parse these statements; none of them changes a table.

/* [jooq ignore start] */
CREATE INDEX IF NOT EXISTS user_table_search_name_walk_idx
    ON user_table (user_id, lower(first_name || ' ' || last_name)) INCLUDE (first_name, last_name);
CREATE INDEX IF NOT EXISTS user_table_search_email_walk_idx
    ON user_table (user_id, lower(email)) INCLUDE (email);
DROP INDEX IF EXISTS user_table_search_covering_idx;
ANALYZE user_table;
/* [jooq ignore stop] */
