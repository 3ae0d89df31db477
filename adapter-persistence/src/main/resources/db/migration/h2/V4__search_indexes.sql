-- V4 on H2: the search indexes are PostgreSQL-only (trigram and pattern-ops indexes, statistics targets). The
-- embedded database of dev mode searches by reading its few rows; the version exists so that both vendors share
-- one numbering.
SELECT 1;
