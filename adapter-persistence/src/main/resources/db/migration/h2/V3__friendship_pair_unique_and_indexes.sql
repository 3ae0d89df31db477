-- V3 on H2: the same rules as the PostgreSQL V3 (see there). H2 has no expression or partial indexes, so the
-- unordered pair lives in two invisible generated columns (SELECT * does not show them) under a unique index,
-- and the read indexes are plain ones.

DELETE FROM friendship_table WHERE user_id1 = user_id2;

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
    ADD CONSTRAINT friendship_table_distinct_users_check CHECK (user_id1 <> user_id2);

ALTER TABLE friendship_table
    ADD COLUMN pair_low VARCHAR INVISIBLE GENERATED ALWAYS AS (LEAST(user_id1, user_id2));
ALTER TABLE friendship_table
    ADD COLUMN pair_high VARCHAR INVISIBLE GENERATED ALWAYS AS (GREATEST(user_id1, user_id2));
CREATE UNIQUE INDEX ux_friendship_table_pair ON friendship_table (pair_low, pair_high);

CREATE INDEX ix_friendship_table_user_id2_user_id1 ON friendship_table (user_id2, user_id1);
CREATE INDEX ix_friendship_table_pending_user_id2 ON friendship_table (user_id2, requested_at DESC, user_id1);
