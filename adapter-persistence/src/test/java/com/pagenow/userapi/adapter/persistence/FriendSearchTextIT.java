package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.adapter.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.pagenow.userapi.adapter.persistence.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V6's {@code friend_search_text} holds exactly the accepted friendships, in both directions, with the friend's
 * current texts: copied when the migration runs, then kept by its triggers whoever writes (the statements here are
 * the sibling services' kind: plain SQL, not this service's repositories).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FriendSearchTextIT {

    private static final String STORED =
            "SELECT owner_id, friend_id, name_text, email_text FROM friend_search_text ORDER BY 1, 2";

    /** What the table must hold, derived from the tables it follows. */
    private static final String DERIVED = """
            SELECT pair.owner_id, friend.user_id, lower(friend.first_name || ' ' || friend.last_name),
                   lower(friend.email)
            FROM (SELECT user_id1 AS owner_id, user_id2 AS friend_id FROM friendship_table WHERE accepted_at IS NOT NULL
                  UNION ALL
                  SELECT user_id2, user_id1 FROM friendship_table WHERE accepted_at IS NOT NULL) AS pair
            JOIN user_table AS friend ON friend.user_id = pair.friend_id
            ORDER BY 1, 2""";

    private final TestDatabases databases = new TestDatabases(getClass());

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @Test
    void theMigrationCopiesTheFriendshipsAlreadyStored() {
        TestDatabase database = databases.postgres();
        Migrations.migrate(MigrationIT.dataSource(database), Vendor.POSTGRESQL, "5");
        insertUsers(database);
        database.execute("INSERT INTO friendship_table (user_id1, user_id2, accepted_at) VALUES "
                + "('ann', 'bob', now()), ('cy', 'bob', now()), ('cy', 'dee', NULL)");

        try (Persistence ignored = Persistence.start(database.settings())) {
            assertThat(rows(database, STORED))
                    .containsExactly(
                            "ann | bob | bob brown | bob@example.com",
                            "bob | ann | ann lee | ann@example.com",
                            "bob | cy | cy ng | cy@example.com",
                            "cy | bob | bob brown | bob@example.com");
            assertThat(rows(database, STORED)).isEqualTo(rows(database, DERIVED));
        }
    }

    @Test
    void theTriggersFollowEveryChangeToFriendshipsAndTexts() {
        TestDatabase database = databases.postgres();
        try (Persistence ignored = Persistence.start(database.settings())) {
            insertUsers(database);

            database.execute("INSERT INTO friendship_table (user_id1, user_id2) VALUES ('ann', 'bob')");
            assertThat(rows(database, STORED)).as("a pending request").isEmpty();

            database.execute("UPDATE friendship_table SET accepted_at = now() WHERE user_id1 = 'ann'");
            assertThat(rows(database, STORED))
                    .as("accepted")
                    .containsExactly(
                            "ann | bob | bob brown | bob@example.com", "bob | ann | ann lee | ann@example.com");

            database.execute(
                    "INSERT INTO friendship_table (user_id1, user_id2, accepted_at) " + "VALUES ('cy', 'bob', now())");
            database.execute("UPDATE user_table SET first_name = 'Robert', email = 'Rob@Example.com' "
                    + "WHERE user_id = 'bob'");
            assertThat(rows(database, STORED))
                    .as("inserted accepted, then renamed")
                    .containsExactly(
                            "ann | bob | robert brown | rob@example.com",
                            "bob | ann | ann lee | ann@example.com",
                            "bob | cy | cy ng | cy@example.com",
                            "cy | bob | robert brown | rob@example.com");

            database.execute("UPDATE friendship_table SET requested_at = now() - interval '1 day'");
            database.execute("UPDATE user_table SET description = 'hello'");
            assertThat(rows(database, STORED))
                    .as("changes search does not read")
                    .hasSize(4);

            database.execute("UPDATE friendship_table SET accepted_at = NULL WHERE user_id1 = 'ann'");
            database.execute("DELETE FROM friendship_table WHERE user_id1 = 'cy'");
            assertThat(rows(database, STORED)).as("unaccepted and deleted").isEmpty();

            database.execute(
                    "INSERT INTO friendship_table (user_id1, user_id2, accepted_at) " + "VALUES ('dee', 'ann', now())");
            database.execute("UPDATE friendship_table SET user_id2 = 'cy' WHERE user_id1 = 'dee'");
            assertThat(rows(database, STORED))
                    .as("a friendship moved to another user")
                    .containsExactly("cy | dee | dee park | dee@example.com", "dee | cy | cy ng | cy@example.com");
            assertThat(rows(database, STORED)).isEqualTo(rows(database, DERIVED));

            database.execute("TRUNCATE user_table CASCADE");
            assertThat(rows(database, STORED)).as("emptied as fixtures do").isEmpty();
        }
    }

    private static void insertUsers(TestDatabase database) {
        database.execute("INSERT INTO user_table (user_id, email, first_name, last_name) VALUES "
                + "('ann', 'ann@example.com', 'Ann', 'Lee'), ('bob', 'bob@example.com', 'Bob', 'Brown'), "
                + "('cy', 'cy@example.com', 'Cy', 'Ng'), ('dee', 'dee@example.com', 'Dee', 'Park')");
    }
}
