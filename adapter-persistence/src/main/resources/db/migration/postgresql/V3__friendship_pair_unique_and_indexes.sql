-- V3: one relationship per unordered pair, enforced by the database, and indexes that make the friend lists,
-- counts, mutual friends and pending requests read only the rows of the users asked about.
--
-- Runs on a live database: rows the old service could leave behind are resolved first, deterministically,
-- without losing a friendship:
--   * (a, a) rows are deleted (nobody befriends themselves);
--   * where both (a, b) and (b, a) are stored, one is kept: an accepted row over a pending one, then the earlier
--     requested_at, then the row whose requester (user_id1) sorts first.
-- Writes to friendship_table wait while this runs (reads go on), so no new duplicate can slip in between the
-- clean-up and the unique index. Flyway runs the file in one transaction: it applies completely or not at all.
-- Everything here is additive (API.md, "Database"); the sibling services' statements keep working and get faster.
-- jOOQ's code generator needs none of it (no new columns), and its internal H2 cannot build expression or
-- partial indexes, so the whole file is hidden from it.

/* [jooq ignore start] */
LOCK TABLE friendship_table IN SHARE ROW EXCLUSIVE MODE;

DELETE FROM friendship_table WHERE user_id1 = user_id2;

-- The subquery sees the table as it was before this statement, so of each duplicated pair exactly one row loses.
DELETE FROM friendship_table AS loser
WHERE EXISTS (
    SELECT 1 FROM friendship_table AS winner
    WHERE winner.user_id1 = loser.user_id2
      AND winner.user_id2 = loser.user_id1
      AND (
          (winner.accepted_at IS NOT NULL AND loser.accepted_at IS NULL)
          OR ((winner.accepted_at IS NULL) = (loser.accepted_at IS NULL)
              AND (winner.requested_at < loser.requested_at
                   OR (winner.requested_at = loser.requested_at AND winner.user_id1 < loser.user_id1)))
      )
);

ALTER TABLE friendship_table
    ADD CONSTRAINT friendship_table_distinct_users_check CHECK (user_id1 <> user_id2) NOT VALID;
ALTER TABLE friendship_table VALIDATE CONSTRAINT friendship_table_distinct_users_check;

-- The race guard: A->B and B->A sent at the same moment cannot both be stored.
CREATE UNIQUE INDEX ux_friendship_table_pair
    ON friendship_table (least(user_id1, user_id2), greatest(user_id1, user_id2));

-- Accepted friends of a user, in either stored direction, read from the index alone (index-only scans).
CREATE INDEX ix_friendship_table_accepted_user_id1
    ON friendship_table (user_id1, user_id2) WHERE accepted_at IS NOT NULL;
CREATE INDEX ix_friendship_table_accepted_user_id2
    ON friendship_table (user_id2, user_id1) WHERE accepted_at IS NOT NULL;

-- Pending requests a user received, newest first, in the order the list is answered.
CREATE INDEX ix_friendship_table_pending_user_id2
    ON friendship_table (user_id2, requested_at DESC, user_id1) WHERE accepted_at IS NULL;

ANALYZE friendship_table;
/* [jooq ignore stop] */
