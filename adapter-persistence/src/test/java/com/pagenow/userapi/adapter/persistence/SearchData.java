package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/** Friendship rows and clean-up by plain SQL, as a sibling service's fixture would write them. */
final class SearchData {

    private static final Timestamp REQUESTED_AT = Timestamp.valueOf("2024-02-01 10:00:00");
    private static final Timestamp ACCEPTED_AT = Timestamp.valueOf("2024-02-02 10:00:00");

    private SearchData() {}

    static void clear(TestDatabase database) {
        database.execute("DELETE FROM friendship_table");
        database.execute("DELETE FROM user_table");
    }

    static void befriend(TestDatabase database, String requester, String addressee, boolean accepted) {
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO friendship_table (user_id1, user_id2, requested_at, accepted_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, requester);
            insert.setString(2, addressee);
            insert.setTimestamp(3, REQUESTED_AT);
            insert.setTimestamp(4, accepted ? ACCEPTED_AT : null);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store friendship " + requester + " -> " + addressee, e);
        }
    }
}
