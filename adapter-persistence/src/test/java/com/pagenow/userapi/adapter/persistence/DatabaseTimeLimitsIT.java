package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import com.pagenow.userapi.adapter.persistence.testing.TestUsers;
import com.pagenow.userapi.application.error.DatabaseUnavailableException;
import com.pagenow.userapi.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every wait on PostgreSQL is bounded and ends as {@link DatabaseUnavailableException}: a statement held up by a
 * lock, a pool whose only connection is busy, a database that went away (one wait on the pool per transaction,
 * however the transaction ends), a connection that went silent. A pool of one starts, migrations included.
 */
class DatabaseTimeLimitsIT {

    private static final Duration POOL_WAIT = Duration.ofMillis(500);
    private static final Duration STATEMENT = Duration.ofMillis(300);
    private static final DatabaseTimeouts SHORT = new DatabaseTimeouts(
            POOL_WAIT, Duration.ofSeconds(1), STATEMENT, Duration.ofSeconds(3), Duration.ofMinutes(1));

    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    @Test
    void poolOfOneStartsAndServes() {
        try (TestDatabase database = TestDatabase.postgres(getClass());
                Persistence persistence = Persistence.start(settings(database, 1))) {
            User user = TestUsers.user(TestUsers.newId("one"));
            persistence.users().insert(user);

            assertThat(persistence
                            .transactions()
                            .inTransaction(() -> persistence.users().exists(user.id())
                                    && persistence.users().findById(user.id()).isPresent()))
                    .isTrue();
        }
    }

    @Test
    void statementHeldUpByALockEndsAtTheStatementTimeout() throws Exception {
        try (TestDatabase database = TestDatabase.postgres(getClass());
                Persistence persistence = Persistence.start(settings(database, 2));
                Connection locker = database.connect()) {
            User user = TestUsers.user(TestUsers.newId("locked"));
            persistence.users().insert(user);
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute(
                        "SELECT * FROM user_table WHERE user_id = '" + user.id().value() + "' FOR UPDATE");
            }

            long started = System.nanoTime();
            // Without the limit the update would wait for the lock for as long as the locker holds it.
            Future<?> update = background.submit(() -> persistence.users().update(user));
            assertThatThrownBy(() -> update.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("57014");
            // The upper margin is for a loaded machine; the lock is held far longer.
            assertThat(elapsed(started)).isBetween(STATEMENT, STATEMENT.plusSeconds(3));
            locker.rollback();
        }
    }

    @Test
    void busyPoolAnswersUnavailableAfterOneWait() throws Exception {
        try (TestDatabase database = TestDatabase.postgres(getClass());
                Persistence persistence = Persistence.start(settings(database, 1))) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder =
                    background.submit(() -> persistence.transactions().inTransaction(() -> {
                        persistence.users().exists(TestUsers.newId("holder"));
                        holding.countDown();
                        await(release);
                    }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            assertThatThrownBy(() -> persistence
                            .transactions()
                            .inTransaction(() -> persistence.users().exists(TestUsers.newId("waiter"))))
                    .isInstanceOf(DatabaseUnavailableException.class);
            assertThat(elapsed(started))
                    .isBetween(POOL_WAIT, POOL_WAIT.multipliedBy(3).dividedBy(2));

            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(persistence.users().exists(TestUsers.newId("after"))).isFalse();
        }
    }

    @Test
    void databaseThatWentAwayIsUnavailableAfterOneWaitPerTransaction() {
        TestDatabase database = TestDatabase.postgres(getClass());
        try (Persistence persistence = Persistence.start(settings(database, 2))) {
            database.close();

            long started = System.nanoTime();
            assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> {
                        persistence.users().exists(TestUsers.newId("gone"));
                        persistence.users().exists(TestUsers.newId("gone"));
                    }))
                    .isInstanceOf(DatabaseUnavailableException.class);
            assertThat(elapsed(started)).isLessThan(POOL_WAIT.multipliedBy(3).dividedBy(2));

            started = System.nanoTime();
            assertThatThrownBy(() -> persistence.users().findById(TestUsers.newId("gone")))
                    .isInstanceOf(DatabaseUnavailableException.class);
            assertThat(elapsed(started)).isLessThan(POOL_WAIT.multipliedBy(3).dividedBy(2));
        }
    }

    @Test
    void silentlyDroppedConnectionEndsAtTheSocketTimeout() throws Exception {
        try (TestDatabase database = TestDatabase.postgres(getClass())) {
            java.util.regex.Matcher url = java.util.regex.Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)(/.*)$")
                    .matcher(database.jdbcUrl());
            assertThat(url.matches()).as(database.jdbcUrl()).isTrue();
            try (FreezingProxy proxy = new FreezingProxy(url.group(1), Integer.parseInt(url.group(2)));
                    Persistence persistence = Persistence.start(PersistenceSettings.of(
                                    "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.group(3),
                                    database.username(),
                                    database.password())
                            .withPoolSize(1)
                            .withTimeouts(SHORT))) {
                User user = TestUsers.user(TestUsers.newId("silent"));
                persistence.users().insert(user);

                long started = System.nanoTime();
                assertThatThrownBy(() -> persistence.transactions().inTransaction(() -> {
                            persistence.users().exists(user.id());
                            proxy.freeze();
                            return persistence.users().findById(user.id());
                        }))
                        .isInstanceOf(DatabaseUnavailableException.class);
                assertThat(elapsed(started))
                        .isBetween(SHORT.socket(), SHORT.socket().plusSeconds(2));
            }
        }
    }

    @Test
    void aRealBugIsNotMistakenForAnOutage() {
        try (TestDatabase database = TestDatabase.postgres(getClass());
                Persistence persistence = Persistence.start(settings(database, 1))) {
            assertThatThrownBy(() -> persistence.jooq().dsl().execute("SELECT no_such_column FROM user_table"))
                    .isNotInstanceOf(DatabaseUnavailableException.class);
        }
    }

    private static PersistenceSettings settings(TestDatabase database, int poolSize) {
        return PersistenceSettings.of(database.jdbcUrl(), database.username(), database.password())
                .withPoolSize(poolSize)
                .withTimeouts(SHORT);
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
