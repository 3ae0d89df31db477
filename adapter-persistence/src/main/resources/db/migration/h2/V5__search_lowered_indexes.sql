-- V5 on H2: the index of lower-cased search texts is PostgreSQL-only (an index on expressions). The embedded
-- database of dev mode searches by reading its few rows; the version exists so that both vendors share one
-- numbering.
SELECT 1;
