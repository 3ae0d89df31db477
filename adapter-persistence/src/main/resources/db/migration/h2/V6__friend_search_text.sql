-- V6 on H2: the searched texts of every user's accepted friends, as a view. PostgreSQL keeps them in a table with
-- triggers (its V6) for speed; the embedded database of dev mode has few rows and computes them when read.
CREATE VIEW friend_search_text (owner_id, friend_id, name_text, email_text) AS
SELECT pair.owner_id, friend.user_id, LOWER(friend.first_name || ' ' || friend.last_name), LOWER(friend.email)
FROM (SELECT user_id1 AS owner_id, user_id2 AS friend_id FROM friendship_table WHERE accepted_at IS NOT NULL
      UNION ALL
      SELECT user_id2, user_id1 FROM friendship_table WHERE accepted_at IS NOT NULL) AS pair
JOIN user_table AS friend ON friend.user_id = pair.friend_id;
