-- V7: blocks (API.md, "Blocks"), on PostgreSQL and H2 alike: this folder holds what both vendors run as it is
-- (CURRENT_TIMESTAMP is the spelling both accept, and the codegen parser too; the service sets blocked_at itself).
-- One row per blocker and blocked user; the primary key answers "does A block B", the second index "who blocks B".
-- Blocking also deletes the pair's friendship_table row, in the same transaction (JooqBlockRepository's caller).
CREATE TABLE user_block_table (
    blocker_id VARCHAR NOT NULL REFERENCES user_table (user_id),
    blocked_id VARCHAR NOT NULL REFERENCES user_table (user_id),
    blocked_at TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (blocker_id, blocked_id)
);

CREATE INDEX ix_user_block_table_blocked_id ON user_block_table (blocked_id, blocker_id);
