package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.domain.user.ShareMode;
import com.pagenow.userapi.domain.user.User;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements of the two sibling services that share the database (docs/api.md, "Database"), unchanged except
 * for {@code $n} becoming {@code ?}, against the migrated schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiblingServicesSqlIT {

    private static final String FRIEND_IDS = """
            SELECT user_id1, user_id2 FROM friendship_table WHERE (user_id1 = ? OR user_id2 = ?) AND accepted_at IS NOT NULL;""";
    private static final String FRIEND_ROWS = """
            SELECT * FROM friendship_table WHERE (user_id1 = ? OR user_id2 = ?) AND accepted_at IS NOT NULL;""";
    private static final String ARE_FRIENDS = """
            SELECT * FROM friendship_table WHERE (user_id1 = ? AND user_id2 = ? AND accepted_at IS NOT NULL)
                                              OR (user_id1 = ? AND user_id2 = ? AND accepted_at IS NOT NULL);""";
    private static final String USERS_BY_IDS = """
            SELECT user_id, first_name, last_name, profile_image_extension FROM user_table WHERE user_id = ANY (?);""";
    private static final String SET_IMAGE = """
            UPDATE user_table SET profile_image_extension = 'png', profile_image_uploaded_at = ? WHERE user_id = ?;""";
    private static final String FIXTURE_USER = """
            INSERT INTO user_table (user_id, email, first_name, last_name, gender, dob, domain_allow_array, domain_deny_array) VALUES (?, ?, ?, ?, ?, ?, ?, ?);""";
    private static final String FIXTURE_FRIENDSHIP = """
            INSERT INTO friendship_table (user_id1, user_id2, accepted_at) VALUES (?, ?, ?);""";

    private TestDatabase database;
    private Persistence persistence;

    @BeforeAll
    void start() throws SQLException {
        database = TestDatabase.postgres(getClass());
        persistence = Persistence.start(database.settings());
        try (Connection connection = database.connect()) {
            insertUser(connection, "alice", List.of("wikipedia.org"), List.of("facebook.com"));
            insertUser(connection, "bob", List.of(), List.of());
            insertUser(connection, "carol", List.of("github.com", "cnn.com"), List.of());
            insertUser(connection, "dave", List.of(), List.of("google.com"));
            insertFriendship(connection, "alice", "bob", LocalDateTime.of(2021, 1, 2, 3, 4, 5));
            insertFriendship(connection, "carol", "alice", LocalDateTime.of(2021, 2, 3, 4, 5, 6));
            insertFriendship(connection, "alice", "dave", null);
        }
    }

    @AfterAll
    void stop() {
        if (persistence != null) {
            persistence.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void friendIdsOfAUserAreTheAcceptedRowsInEitherDirection() throws SQLException {
        assertThat(query(FRIEND_IDS, "alice", "alice")).containsExactlyInAnyOrder("alice | bob", "carol | alice");
        assertThat(query(FRIEND_IDS, "dave", "dave")).isEmpty();
    }

    @Test
    void friendRowsCarryEveryColumn() throws SQLException {
        assertThat(query(FRIEND_ROWS, "bob", "bob"))
                .containsExactly("alice | bob | " + requestedAt("alice", "bob") + " | 2021-01-02 03:04:05");
    }

    @Test
    void areFriendsChecksBothDirectionsAndIgnoresPendingRequests() throws SQLException {
        assertThat(query(ARE_FRIENDS, "alice", "carol", "carol", "alice")).hasSize(1);
        assertThat(query(ARE_FRIENDS, "alice", "dave", "dave", "alice")).isEmpty();
        assertThat(query(ARE_FRIENDS, "bob", "carol", "carol", "bob")).isEmpty();
    }

    @Test
    void usersAreFoundByAnArrayOfIds() throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(USERS_BY_IDS)) {
            statement.setArray(1, connection.createArrayOf("text", new String[] {"bob", "dave", "nobody"}));
            try (ResultSet result = statement.executeQuery()) {
                assertThat(SqlRows.rows(result))
                        .containsExactlyInAnyOrder(
                                "bob | First-bob | Last-bob | null", "dave | First-dave | Last-dave | null");
            }
        }
    }

    @Test
    void profileImageUpdateIsSeenByTheRepository() throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(SET_IMAGE)) {
            statement.setTimestamp(1, Timestamp.valueOf(LocalDateTime.of(2022, 3, 4, 5, 6, 7, 890_000)));
            statement.setString(2, "carol");
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }

        User carol = persistence.users().findById(UserId.of("carol")).orElseThrow();
        assertThat(carol.profileImage().extension()).isEqualTo("png");
        assertThat(carol.profileImage().uploadedAt()).isEqualTo(Instant.parse("2022-03-04T05:06:07.000890Z"));
    }

    @Test
    void aProfileEditReadBeforeTheSiblingsImageUpdateDoesNotUndoIt() throws SQLException {
        try (Connection connection = database.connect()) {
            insertUser(connection, "erin", List.of(), List.of());
        }
        User before = persistence.users().findById(UserId.of("erin")).orElseThrow();
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(SET_IMAGE)) {
            statement.setTimestamp(1, Timestamp.valueOf(LocalDateTime.of(2023, 4, 5, 6, 7, 8)));
            statement.setString(2, "erin");
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }

        persistence
                .users()
                .update(before.withProfile(
                        before.email(),
                        before.firstName(),
                        before.lastName(),
                        before.details(),
                        before.visibility(),
                        before.sharing()));

        User erin = persistence.users().findById(UserId.of("erin")).orElseThrow();
        assertThat(erin.profileImage().extension()).isEqualTo("png");
        assertThat(erin.profileImage().uploadedAt()).isEqualTo(Instant.parse("2023-04-05T06:07:08Z"));
    }

    @Test
    void fixtureUsersGetTheDefaultsAndAreReadable() {
        User alice = persistence.users().findById(UserId.of("alice")).orElseThrow();

        assertThat(alice.email().value()).isEqualTo("alice@example.com");
        assertThat(alice.details().dob()).isEqualTo(LocalDate.of(1999, 9, 9));
        assertThat(alice.details().gender().value()).isEqualTo("other");
        assertThat(alice.details().description().value()).isEmpty();
        assertThat(alice.sharing().shareMode()).isEqualTo(ShareMode.DEFAULT_NONE);
        assertThat(alice.sharing().allowList().values()).containsExactly("wikipedia.org");
        assertThat(alice.sharing().denyList().values()).containsExactly("facebook.com");
        assertThat(alice.visibility().emailPublic()).isFalse();
        assertThat(alice.createdAt()).isAfter(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(persistence
                        .users()
                        .findById(UserId.of("bob"))
                        .orElseThrow()
                        .sharing()
                        .allowList()
                        .values())
                .isEmpty();
    }

    private String requestedAt(String requester, String addressee) throws SQLException {
        return query(
                        "SELECT requested_at FROM friendship_table WHERE user_id1 = ? AND user_id2 = ?",
                        requester,
                        addressee)
                .get(0);
    }

    private List<String> query(String sql, String... parameters) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return SqlRows.rows(result);
            }
        }
    }

    private static void insertUser(Connection connection, String id, List<String> allow, List<String> deny)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIXTURE_USER)) {
            statement.setString(1, id);
            statement.setString(2, id + "@example.com");
            statement.setString(3, "First-" + id);
            statement.setString(4, "Last-" + id);
            statement.setString(5, "other");
            statement.setDate(6, Date.valueOf(LocalDate.of(1999, 9, 9)));
            statement.setArray(7, connection.createArrayOf("text", allow.toArray()));
            statement.setArray(8, connection.createArrayOf("text", deny.toArray()));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static void insertFriendship(
            Connection connection, String requester, String addressee, LocalDateTime acceptedAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIXTURE_FRIENDSHIP)) {
            statement.setString(1, requester);
            statement.setString(2, addressee);
            statement.setTimestamp(3, acceptedAt == null ? null : Timestamp.valueOf(acceptedAt));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
