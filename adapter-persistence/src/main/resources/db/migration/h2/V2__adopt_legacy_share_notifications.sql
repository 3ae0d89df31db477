-- V2 on H2: nothing to adopt. Embedded databases are only ever created by this service, already in the V1 shape;
-- the version exists so that both vendors share one numbering.
SELECT 1;
