package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.ColumnsHolding;
import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.application.readmodel.CleanupTask;
import com.pagenow.userapi.domain.user.DeletedAccount;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting an account on PostgreSQL: afterwards no column of any table of the schema (those of today and any added
 * later: the walk reads information_schema) holds the user's id, except the tombstone; the others keep theirs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountDeletionIT {

    private TestDatabase database;
    private Persistence persistence;

    @BeforeAll
    void start() {
        database = TestDatabase.postgres(getClass());
        persistence = Persistence.start(database.settings());
    }

    @AfterAll
    void stop() {
        persistence.close();
        database.close();
    }

    @Test
    void afterADeletionNoColumnOfAnyTableHoldsTheIdButTheTombstone() throws SQLException {
        String leaver = "leaver-7f3a";
        seedEverythingNaming(leaver, "stays-1", "stays-2");
        assertThat(columnsHolding(leaver))
                .as("the seed names the user in many tables")
                .hasSizeGreaterThan(10);

        boolean deleted = persistence
                .transactions()
                .inTransaction(() -> persistence
                        .accountDeletions()
                        .delete(
                                new DeletedAccount(UserId.of(leaver), now()),
                                List.of(CleanupTask.Kind.PROFILE_IMAGE, CleanupTask.Kind.SIGN_IN_ACCOUNT)));
        assertThat(deleted).isTrue();
        // The cleanup work names the user until it is done: do it (the adapters' part is tested end to end).
        while (persistence
                .accountCleanup()
                .attemptNext(now().plusSeconds(1), task -> true)
                .isPresent()) {
            // next
        }

        assertThat(columnsHolding(leaver)).containsExactly("deleted_user_table.user_id");
        assertThat(persistence.accountDeletions().tombstone(UserId.of(leaver))).isPresent();
        assertThat(count("SELECT count(*) FROM friendship_table WHERE user_id1 = 'stays-1' AND user_id2 = 'stays-2'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM share_notification_seen_table WHERE user_id = 'stays-2'"))
                .as("stays-2 keeps its copy of stays-1's share to all friends")
                .isEqualTo(1);
    }

    @Test
    void aDeletionNotifiesUserDeletedAtCommitAndAnUnknownUserChangesNothing() throws SQLException {
        try (Connection listener = database.connect()) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("LISTEN user_deleted");
            }
            insertUser("notified-1");
            assertThat(persistence
                            .transactions()
                            .inTransaction(() -> persistence
                                    .accountDeletions()
                                    .delete(new DeletedAccount(UserId.of("nobody-here"), now()), List.of())))
                    .isFalse();
            persistence
                    .transactions()
                    .inTransaction(() -> persistence
                            .accountDeletions()
                            .delete(new DeletedAccount(UserId.of("notified-1"), now()), List.of()));

            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(5_000);
            assertThat(received)
                    .extracting(PGNotification::getName, PGNotification::getParameter)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("user_deleted", "notified-1"));
            assertThat(count("SELECT count(*) FROM deleted_user_table WHERE user_id = 'nobody-here'"))
                    .isZero();
        }
    }

    @Test
    void aTaskIsClaimedByOneInstanceAtATime() throws Exception {
        insertUser("claimed-1");
        persistence
                .transactions()
                .inTransaction(() -> persistence
                        .accountDeletions()
                        .delete(
                                new DeletedAccount(UserId.of("claimed-1"), now()),
                                List.of(CleanupTask.Kind.PROFILE_IMAGE)));
        try (Persistence other = Persistence.start(database.settings())) {
            CountDownLatch working = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Optional<CleanupTask>> first = CompletableFuture.supplyAsync(
                    () -> persistence.accountCleanup().attemptNext(now().plusSeconds(1), task -> {
                        working.countDown();
                        await(release);
                        return true;
                    }));
            assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

            List<CleanupTask> seenBySecond = new ArrayList<>();
            Optional<CleanupTask> second = other.accountCleanup().attemptNext(now().plusSeconds(1), task -> {
                seenBySecond.add(task);
                return true;
            });
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isPresent();
            assertThat(second).isEmpty();
            assertThat(seenBySecond).isEmpty();
            assertThat(count("SELECT count(*) FROM account_cleanup_table WHERE user_id = 'claimed-1'"))
                    .isZero();
        }
    }

    @Test
    void aFailedAttemptIsRetriedLaterWithALongerWait() throws SQLException {
        insertUser("retried-1");
        Instant at = now();
        persistence
                .transactions()
                .inTransaction(() -> persistence
                        .accountDeletions()
                        .delete(
                                new DeletedAccount(UserId.of("retried-1"), at),
                                List.of(CleanupTask.Kind.SIGN_IN_ACCOUNT)));

        assertThat(persistence.accountCleanup().attemptNext(at, task -> false)).isPresent();
        assertThat(persistence.accountCleanup().attemptNext(at, task -> true))
                .as("not due yet")
                .isEmpty();
        assertThat(persistence.accountCleanup().attemptNext(at.plusSeconds(1), task -> false))
                .isPresent();
        assertThat(persistence.accountCleanup().attemptNext(at.plusSeconds(2), task -> true))
                .as("the second wait is two seconds")
                .isEmpty();
        Optional<CleanupTask> third = persistence.accountCleanup().attemptNext(at.plusSeconds(3), task -> true);

        assertThat(third).get().extracting(CleanupTask::failedAttempts).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM account_cleanup_table WHERE user_id = 'retried-1'"))
                .isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Every friendship, block, share, seen row, idempotency key and live event a user can have, and others'. */
    private void seedEverythingNaming(String leaver, String friend, String other) {
        insertUser(leaver);
        insertUser(friend);
        insertUser(other);
        database.execute("UPDATE user_table SET profile_image_extension = 'png', profile_image_uploaded_at = now()"
                + " WHERE user_id = '" + leaver + "'");
        database.execute("INSERT INTO friendship_table (user_id1, user_id2, accepted_at) VALUES"
                + " ('" + leaver + "', '" + friend + "', now()), ('" + friend + "', '" + other + "', now()),"
                + " ('" + other + "', '" + leaver + "', NULL)");
        database.execute("INSERT INTO user_block_table (blocker_id, blocked_id) VALUES" + " ('" + leaver + "', '"
                + other + "'), ('" + other + "', '" + leaver + "')");
        database.execute("""
                INSERT INTO share_notification_table (event_id, user_id, url, title, sent_to) VALUES
                  ('00000000-0000-0000-0000-000000000001', '%1$s', 'https://a.example/', 'to all', NULL),
                  ('00000000-0000-0000-0000-000000000002', '%2$s', 'https://b.example/', 'personal', '%1$s'),
                  ('00000000-0000-0000-0000-000000000003', '%2$s', 'https://c.example/', 'to all', NULL);
                INSERT INTO share_notification_seen_table (event_id, user_id, seen_at) VALUES
                  ('00000000-0000-0000-0000-000000000001', '%2$s', NULL),
                  ('00000000-0000-0000-0000-000000000002', '%1$s', now()),
                  ('00000000-0000-0000-0000-000000000003', '%1$s', NULL),
                  ('00000000-0000-0000-0000-000000000003', '%3$s', NULL);
                INSERT INTO idempotency_key_table VALUES
                  ('%1$s', 'key-1', 'fp', '00000000-0000-0000-0000-000000000001', now()),
                  ('%2$s', 'key-2', 'fp', '00000000-0000-0000-0000-000000000002', now());
                INSERT INTO event_stream VALUES ('%1$s', 2), ('%2$s', 1);
                INSERT INTO event_outbox VALUES
                  ('%1$s', 1, 'friend_request', '%3$s', NULL, now()),
                  ('%1$s', 2, 'share', '%2$s', '00000000-0000-0000-0000-000000000002', now()),
                  ('%2$s', 1, 'share', '%1$s', '00000000-0000-0000-0000-000000000001', now());
                """.formatted(leaver, friend, other));
    }

    private void insertUser(String id) {
        database.execute("INSERT INTO user_table (user_id, email, first_name, last_name) VALUES ('" + id + "', '" + id
                + "@example.com', 'First', 'Last')");
    }

    private List<String> columnsHolding(String id) throws SQLException {
        try (Connection connection = database.connect()) {
            return ColumnsHolding.value(connection, id, Set.of());
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
