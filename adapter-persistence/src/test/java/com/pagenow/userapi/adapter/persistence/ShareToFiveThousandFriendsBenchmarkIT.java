package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.application.readmodel.SeenFilter;
import com.pagenow.userapi.application.readmodel.SentShare;
import com.pagenow.userapi.domain.notification.PageTitle;
import com.pagenow.userapi.domain.notification.PageUrl;
import com.pagenow.userapi.domain.notification.ShareEventId;
import com.pagenow.userapi.domain.notification.ShareNotification;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import static com.pagenow.userapi.adapter.persistence.SqlRows.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times sharing a page with 5,000 friends on PostgreSQL through the repository, as docs/benchmarks.md ("Share")
 * reports. Friends are seeded with SQL; their ids are read with the sibling services' friend query (the statement
 * {@code FriendshipRepository.acceptedFriendIds} answers), then the event and its 5,000 copies are stored in one
 * transaction. Prints the figures; asserts only what must hold whatever the machine.
 */
class ShareToFiveThousandFriendsBenchmarkIT {

    private static final int FRIENDS = 5_000;
    private static final int WARM_UP = 3;
    private static final int RUNS = 10;
    private static final int BASELINE_RUNS = 3;
    private static final String FRIEND_IDS = """
            SELECT user_id1, user_id2 FROM friendship_table WHERE (user_id1 = ? OR user_id2 = ?) AND accepted_at IS NOT NULL""";

    @Test
    void shareWithFiveThousandFriends() throws SQLException {
        try (TestDatabase database = TestDatabase.postgres(getClass());
                Persistence persistence = Persistence.start(database.settings())) {
            seed(database);
            UserId sharer = UserId.of("sharer");
            PageUrl url = PageUrl.of("https://example.com/a-page-worth-sharing");
            PageTitle title = PageTitle.of("A page worth sharing");

            List<Long> friendQueryNanos = new ArrayList<>();
            List<Long> insertNanos = new ArrayList<>();
            List<ShareEventId> measured = new ArrayList<>();
            Connection jdbc = database.connect();
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                long start = System.nanoTime();
                Set<UserId> friends = friendIds(jdbc, sharer);
                long queried = System.nanoTime();
                ShareNotification share = ShareNotification.toAllFriends(
                        sharer,
                        friends,
                        url,
                        title,
                        Instant.parse("2024-06-01T00:00:00Z").plusSeconds(run));
                ShareEventId event = persistence
                        .transactions()
                        .inTransaction(() -> persistence.shareNotifications().insert(share));
                long stored = System.nanoTime();

                assertThat(friends).hasSize(FRIENDS);
                if (run >= WARM_UP) {
                    friendQueryNanos.add(queried - start);
                    insertNanos.add(stored - queried);
                    measured.add(event);
                }
            }

            List<Long> rowByRowNanos = new ArrayList<>();
            for (int run = 0; run < BASELINE_RUNS; run++) {
                rowByRowNanos.add(storeRowByRow(jdbc, friendIds(jdbc, sharer)));
            }
            jdbc.close();

            List<Long> sentListNanos = new ArrayList<>();
            List<Long> receivedListNanos = new ArrayList<>();
            List<SentShare> sent = List.of();
            for (int run = 0; run < RUNS; run++) {
                final int page = run;
                sent = timed(
                        sentListNanos, () -> persistence.shareNotifications().sentBy(sharer, PageRequest.of(10, 0)));
                timed(
                        receivedListNanos,
                        () -> persistence
                                .shareNotifications()
                                .receivedBy(UserId.of("friend-" + (page + 1)), SeenFilter.ALL));
            }

            for (ShareEventId event : measured) {
                assertThat(rows(
                                database,
                                "SELECT count(*) FROM share_notification_seen_table WHERE event_id = '" + event
                                        + "' AND seen_at IS NULL"))
                        .containsExactly(String.valueOf(FRIENDS));
            }
            assertThat(sent)
                    .hasSize(10)
                    .allSatisfy(share -> assertThat(share.notSeenCount()).isEqualTo(FRIENDS));

            System.out.printf(
                    Locale.ROOT,
                    """
                    %n=== Share to %,d friends on PostgreSQL (%d runs after %d warm-up) ===
                    store event + %,d copies, one transaction:  %s
                    read the %,d friend ids (sibling query):    %s
                    sent list, 10 events x %,d copies:          %s
                    received list of one friend (%d shares):    %s
                    baseline: %,d single-row INSERTs (%d runs):  %s
                    %n""",
                    FRIENDS,
                    RUNS,
                    WARM_UP,
                    FRIENDS,
                    summary(insertNanos),
                    FRIENDS,
                    summary(friendQueryNanos),
                    FRIENDS,
                    summary(sentListNanos),
                    WARM_UP + RUNS + BASELINE_RUNS,
                    summary(receivedListNanos),
                    FRIENDS,
                    BASELINE_RUNS,
                    summary(rowByRowNanos));
        }
    }

    /** 5,000 accepted friends in both directions, plus pending requests and strangers the share must skip. */
    private static void seed(TestDatabase database) {
        database.execute("""
                INSERT INTO user_table (user_id, email, first_name, last_name)
                VALUES ('sharer', 'sharer@example.com', 'Sharer', 'One');
                INSERT INTO user_table (user_id, email, first_name, last_name)
                SELECT 'friend-' || g, 'friend-' || g || '@example.com', 'Friend', 'No ' || g
                FROM generate_series(1, 6000) AS g;
                INSERT INTO friendship_table (user_id1, user_id2, accepted_at)
                SELECT CASE WHEN g % 2 = 0 THEN 'sharer' ELSE 'friend-' || g END,
                       CASE WHEN g % 2 = 0 THEN 'friend-' || g ELSE 'sharer' END,
                       now()
                FROM generate_series(1, 5000) AS g;
                INSERT INTO friendship_table (user_id1, user_id2)
                SELECT 'friend-' || g, 'sharer' FROM generate_series(5001, 5500) AS g;
                ANALYZE;""");
    }

    private static Set<UserId> friendIds(Connection connection, UserId user) {
        try (PreparedStatement statement = connection.prepareStatement(FRIEND_IDS)) {
            statement.setString(1, user.value());
            statement.setString(2, user.value());
            Set<UserId> friends = new HashSet<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    String first = result.getString(1);
                    friends.add(UserId.of(first.equals(user.value()) ? result.getString(2) : first));
                }
            }
            return friends;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the batched insert replaces: the event, then one statement (one round trip) per copy. */
    private static long storeRowByRow(Connection connection, Set<UserId> friends) throws SQLException {
        long start = System.nanoTime();
        connection.setAutoCommit(false);
        try (PreparedStatement event = connection.prepareStatement("INSERT INTO share_notification_table"
                        + " (user_id, sent_at, url, title) VALUES ('sharer', now(), 'https://example.com/', 't')"
                        + " RETURNING event_id");
                PreparedStatement copy = connection.prepareStatement(
                        "INSERT INTO share_notification_seen_table (event_id, user_id) VALUES (?, ?)")) {
            Object eventId;
            try (ResultSet result = event.executeQuery()) {
                result.next();
                eventId = result.getObject(1);
            }
            for (UserId friend : friends) {
                copy.setObject(1, eventId);
                copy.setString(2, friend.value());
                copy.executeUpdate();
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        return System.nanoTime() - start;
    }

    private static <T> T timed(List<Long> nanos, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        nanos.add(System.nanoTime() - start);
        return result;
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                "median %6.1f ms (min %6.1f, max %6.1f)",
                millis(sorted.get(sorted.size() / 2)),
                millis(sorted.get(0)),
                millis(sorted.get(sorted.size() - 1)));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
