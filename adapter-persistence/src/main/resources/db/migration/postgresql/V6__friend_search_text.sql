-- V6: the searched texts of every user's accepted friends, kept by triggers, so that a search reads the friends of
-- the viewer's friends together with their names instead of looking each one up in user_table.
--
-- A search ranks the users the viewer knows (relationships and friends of friends, a few hundred) above strangers,
-- so it must test every one of them against the text. Looking them up one by one was half of a search's database
-- time at a million users. Here one index range per friend of the viewer returns that friend's friends with their
-- lower-cased name and e-mail (an index-only scan); only the matching ones go on.
--
-- One row per accepted friendship and direction: (owner_id, friend_id) is in the table exactly when owner_id and
-- friend_id are friends, with friend_id's texts written exactly as SearchStatements.matched writes them. Triggers on
-- friendship_table and user_table keep it so for every writer, including the sibling services' own INSERTs.
--
-- The backfill holds locks that make writes to friendship_table and user_table wait (reads go on) until the
-- migration commits, so no change can slip in between the copy and the triggers: about 2.5 min at a million users
-- with ten million accepted friendships on two cores. Table and index then take about 3.6 GB there (friendship_table
-- itself: 1.4 GB).
-- jOOQ's code generator reads the table; everything else is hidden from it (it cannot parse PL/pgSQL or INCLUDE).

CREATE TABLE friend_search_text (
    owner_id   VARCHAR NOT NULL,
    friend_id  VARCHAR NOT NULL,
    name_text  VARCHAR NOT NULL,
    email_text VARCHAR NOT NULL
);

/* [jooq ignore start] */
LOCK TABLE friendship_table IN SHARE ROW EXCLUSIVE MODE;
LOCK TABLE user_table IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO friend_search_text (owner_id, friend_id, name_text, email_text)
SELECT pair.owner_id, friend.user_id, lower(friend.first_name || ' ' || friend.last_name), lower(friend.email)
FROM (SELECT user_id1 AS owner_id, user_id2 AS friend_id FROM friendship_table WHERE accepted_at IS NOT NULL
      UNION ALL
      SELECT user_id2, user_id1 FROM friendship_table WHERE accepted_at IS NOT NULL) AS pair
JOIN user_table AS friend ON friend.user_id = pair.friend_id
ORDER BY pair.owner_id, friend.user_id;

-- The texts are INCLUDEd so that reading a user's friends with their texts is an index-only scan.
ALTER TABLE friend_search_text
    ADD CONSTRAINT friend_search_text_pkey PRIMARY KEY (owner_id, friend_id) INCLUDE (name_text, email_text);

-- Rows for a friendship: removed when it stops being accepted (or is deleted), added when it becomes accepted.
CREATE FUNCTION friend_search_text_follow_friendship() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.accepted_at IS NOT NULL THEN
        DELETE FROM friend_search_text
        WHERE (owner_id = OLD.user_id1 AND friend_id = OLD.user_id2)
           OR (owner_id = OLD.user_id2 AND friend_id = OLD.user_id1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.accepted_at IS NOT NULL THEN
        -- FOR SHARE: a rename committing meanwhile is waited for and read, not missed.
        INSERT INTO friend_search_text (owner_id, friend_id, name_text, email_text)
        SELECT pair.owner_id, friend.user_id, lower(friend.first_name || ' ' || friend.last_name), lower(friend.email)
        FROM (VALUES (NEW.user_id1, NEW.user_id2), (NEW.user_id2, NEW.user_id1)) AS pair (owner_id, friend_id)
        JOIN user_table AS friend ON friend.user_id = pair.friend_id
        FOR SHARE OF friend
        ON CONFLICT (owner_id, friend_id)
            DO UPDATE SET name_text = EXCLUDED.name_text, email_text = EXCLUDED.email_text;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER friend_search_text_on_insert AFTER INSERT ON friendship_table
    FOR EACH ROW WHEN (NEW.accepted_at IS NOT NULL)
    EXECUTE FUNCTION friend_search_text_follow_friendship();
CREATE TRIGGER friend_search_text_on_update AFTER UPDATE OF user_id1, user_id2, accepted_at ON friendship_table
    FOR EACH ROW WHEN ((OLD.accepted_at IS NULL) <> (NEW.accepted_at IS NULL)
                       OR OLD.user_id1 <> NEW.user_id1 OR OLD.user_id2 <> NEW.user_id2)
    EXECUTE FUNCTION friend_search_text_follow_friendship();
CREATE TRIGGER friend_search_text_on_delete AFTER DELETE ON friendship_table
    FOR EACH ROW WHEN (OLD.accepted_at IS NOT NULL)
    EXECUTE FUNCTION friend_search_text_follow_friendship();

-- TRUNCATE fires no row trigger (test fixtures empty the tables so, TRUNCATE user_table CASCADE included).
CREATE FUNCTION friend_search_text_follow_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE friend_search_text;
    RETURN NULL;
END
$$;

CREATE TRIGGER friend_search_text_on_truncate AFTER TRUNCATE ON friendship_table
    FOR EACH STATEMENT EXECUTE FUNCTION friend_search_text_follow_truncate();

-- A user's new name or e-mail, in the rows of each of their friends.
CREATE FUNCTION friend_search_text_follow_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE friend_search_text
    SET name_text = lower(NEW.first_name || ' ' || NEW.last_name), email_text = lower(NEW.email)
    WHERE friend_id = NEW.user_id
      AND owner_id IN (SELECT user_id2 FROM friendship_table WHERE user_id1 = NEW.user_id AND accepted_at IS NOT NULL
                       UNION ALL
                       SELECT user_id1 FROM friendship_table WHERE user_id2 = NEW.user_id AND accepted_at IS NOT NULL);
    RETURN NULL;
END
$$;

CREATE TRIGGER friend_search_text_on_user_update AFTER UPDATE OF first_name, last_name, email ON user_table
    FOR EACH ROW WHEN (OLD.first_name IS DISTINCT FROM NEW.first_name OR OLD.last_name IS DISTINCT FROM NEW.last_name
                       OR OLD.email IS DISTINCT FROM NEW.email)
    EXECUTE FUNCTION friend_search_text_follow_user();

ANALYZE friend_search_text;
/* [jooq ignore stop] */
