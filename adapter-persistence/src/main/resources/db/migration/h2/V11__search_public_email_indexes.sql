-- V11 on H2: nothing to do. PostgreSQL's V11 adds partial indexes of public e-mail addresses for search; the
-- embedded database of dev mode has no partial indexes, few rows, and scans. The version exists here so that both
-- databases report the same schema version (MigrationIT).
SELECT 1;
