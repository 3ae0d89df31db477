package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.adapter.persistence.testing.TestDatabases;
import com.pagenow.userapi.domain.user.UserId;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static com.pagenow.userapi.adapter.persistence.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V3 on data the old service could leave behind: (a, a) rows and pairs stored in both directions. The clean-up
 * keeps an accepted row over a pending one, then the earlier request, then the row whose requester sorts first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FriendshipMigrationIT {

    private static final String USERS = """
            INSERT INTO user_table (user_id, email, first_name, last_name) VALUES
                ('a', 'a@example.com', 'A', 'A'), ('b', 'b@example.com', 'B', 'B'), ('c', 'c@example.com', 'C', 'C'),
                ('d', 'd@example.com', 'D', 'D'), ('e', 'e@example.com', 'E', 'E'), ('f', 'f@example.com', 'F', 'F'),
                ('g', 'g@example.com', 'G', 'G'), ('h', 'h@example.com', 'H', 'H'), ('i', 'i@example.com', 'I', 'I'),
                ('j', 'j@example.com', 'J', 'J'), ('k', 'k@example.com', 'K', 'K');
            """;

    // Days of January 2021 tell the rows apart: requested_at day, accepted_at day (NULL = pending).
    private static final String FRIENDSHIPS = """
            INSERT INTO friendship_table (user_id1, user_id2, requested_at, accepted_at) VALUES
                ('a', 'a', '2021-01-01 00:00:00', '2021-01-02 00:00:00'),
                ('b', 'b', '2021-01-01 00:00:00', NULL),
                -- accepted wins over an earlier pending row, whichever requester sorts first
                ('a', 'b', '2021-01-05 00:00:00', '2021-01-06 00:00:00'),
                ('b', 'a', '2021-01-01 00:00:00', NULL),
                ('c', 'a', '2021-01-07 00:00:00', '2021-01-08 00:00:00'),
                ('a', 'c', '2021-01-03 00:00:00', NULL),
                -- both accepted: the earlier request wins
                ('a', 'd', '2021-01-09 00:00:00', '2021-01-20 00:00:00'),
                ('d', 'a', '2021-01-04 00:00:00', '2021-01-21 00:00:00'),
                -- both pending: the earlier request wins
                ('a', 'e', '2021-01-11 00:00:00', NULL),
                ('e', 'a', '2021-01-10 00:00:00', NULL),
                -- both pending at the same time: the requester that sorts first wins
                ('f', 'a', '2021-01-12 00:00:00', NULL),
                ('a', 'f', '2021-01-12 00:00:00', NULL),
                -- both accepted at the same time: the requester that sorts first wins
                ('h', 'g', '2021-01-13 00:00:00', '2021-01-15 00:00:00'),
                ('g', 'h', '2021-01-13 00:00:00', '2021-01-14 00:00:00'),
                -- no duplicates: untouched
                ('i', 'j', '2021-01-16 00:00:00', '2021-01-17 00:00:00'),
                ('k', 'i', '2021-01-18 00:00:00', NULL);
            """;

    private static final String ROWS = """
            SELECT user_id1, user_id2, CAST(EXTRACT(DAY FROM requested_at) AS INT),
                   CAST(EXTRACT(DAY FROM accepted_at) AS INT)
            FROM friendship_table ORDER BY user_id1, user_id2""";

    private static final List<String> EXPECTED = List.of(
            "a | b | 5 | 6",
            "a | f | 12 | null",
            "c | a | 7 | 8",
            "d | a | 4 | 21",
            "e | a | 10 | null",
            "g | h | 13 | 14",
            "i | j | 16 | 17",
            "k | i | 18 | null");

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";
    /** H2 reports a failed CHECK with its own code. */
    private static final String H2_CHECK_VIOLATION = "23513";

    private final TestDatabases databases = new TestDatabases(getClass());

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @Test
    void adoptedDatabaseKeepsOneRowPerPairAndEveryFriendship() {
        TestDatabase database = legacyDatabaseWithDuplicates();

        try (Persistence persistence = Persistence.start(database.settings())) {
            assertThat(rows(database, ROWS)).containsExactlyElementsOf(EXPECTED);
            assertThat(persistence.friendGraph().countFriends(UserId.of("a"), UserId.of("a")))
                    .isEqualTo(3);
            assertThat(persistence.friendships().acceptedFriendIds(UserId.of("a")))
                    .containsExactlyInAnyOrder(UserId.of("b"), UserId.of("c"), UserId.of("d"));
        }
    }

    @Test
    void adoptedDatabaseHasThePairIndexTheCheckAndTheReadIndexes() {
        TestDatabase database = legacyDatabaseWithDuplicates();

        Persistence.start(database.settings()).close();

        assertThat(rows(database, """
                SELECT indexname, indexdef FROM pg_indexes
                WHERE tablename = 'friendship_table' AND indexname = 'ux_friendship_table_pair'"""))
                .singleElement()
                .asString()
                .endsWith("CREATE UNIQUE INDEX ux_friendship_table_pair ON public.friendship_table USING btree"
                        + " (LEAST(user_id1, user_id2), GREATEST(user_id1, user_id2))");
        assertThat(rows(database, """
                SELECT indexname FROM pg_indexes WHERE tablename = 'friendship_table' ORDER BY indexname"""))
                .contains(
                        "ix_friendship_table_accepted_user_id1",
                        "ix_friendship_table_accepted_user_id2",
                        "ix_friendship_table_pending_user_id2");
        assertThat(rows(database, """
                SELECT convalidated, pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conname = 'friendship_table_distinct_users_check'""")).containsExactly("t | CHECK (((user_id1)::text <> (user_id2)::text))");
    }

    @Test
    void afterTheMigrationTheDatabaseRejectsASecondRowForAPairAndSelfFriendship() {
        TestDatabase database = legacyDatabaseWithDuplicates();
        Persistence.start(database.settings()).close();

        assertRejected(
                database, "INSERT INTO friendship_table (user_id1, user_id2) VALUES ('b', 'a')", UNIQUE_VIOLATION);
        assertRejected(
                database, "INSERT INTO friendship_table (user_id1, user_id2) VALUES ('j', 'i')", UNIQUE_VIOLATION);
        assertRejected(
                database, "INSERT INTO friendship_table (user_id1, user_id2) VALUES ('j', 'j')", CHECK_VIOLATION);
        database.execute("INSERT INTO friendship_table (user_id1, user_id2) VALUES ('b', 'c')");
        assertThat(rows(database, ROWS)).hasSize(EXPECTED.size() + 1);
    }

    @Test
    void embeddedDatabaseResolvesDuplicatesTheSameWay() throws SQLException {
        try (TestDatabase database = TestDatabase.h2(getClass())) {
            Migrations.migrate(h2DataSource(database), Vendor.H2, "2");
            execute(database, USERS);
            execute(database, FRIENDSHIPS.replaceAll("(?m)^\\s*--.*$", ""));

            try (Persistence persistence = Persistence.start(database.settings())) {
                assertThat(rows(database, ROWS)).containsExactlyElementsOf(EXPECTED);
                assertThat(persistence.friendGraph().countFriends(UserId.of("a"), UserId.of("a")))
                        .isEqualTo(3);
            }
            assertRejected(
                    database, "INSERT INTO friendship_table (user_id1, user_id2) VALUES ('b', 'a')", UNIQUE_VIOLATION);
            assertRejected(
                    database,
                    "INSERT INTO friendship_table (user_id1, user_id2) VALUES ('j', 'j')",
                    H2_CHECK_VIOLATION);
            // The pair columns are invisible: SELECT * shows the four columns of the shared schema.
            assertThat(rows(database, "SELECT * FROM friendship_table WHERE user_id1 = 'a' AND user_id2 = 'b'"))
                    .singleElement()
                    .satisfies(row -> assertThat(row.split(" \\| ")).hasSize(4));
        }
    }

    private TestDatabase legacyDatabaseWithDuplicates() {
        TestDatabase database = databases.postgres();
        database.executeResource("legacy/schema.sql");
        database.execute(USERS + FRIENDSHIPS);
        assertThat(rows(database, "SELECT count(*) FROM friendship_table")).containsExactly("16");
        return database;
    }

    private static void assertRejected(TestDatabase database, String sql, String sqlState) {
        assertThatThrownBy(() -> {
                    try (Connection connection = database.connect();
                            Statement statement = connection.createStatement()) {
                        statement.execute(sql);
                    }
                })
                .isInstanceOfSatisfying(
                        SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(sqlState));
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static JdbcDataSource h2DataSource(TestDatabase database) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        return dataSource;
    }
}
