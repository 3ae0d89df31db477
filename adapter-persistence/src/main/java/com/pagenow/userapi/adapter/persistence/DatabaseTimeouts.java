package com.pagenow.userapi.adapter.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the service waits on the database before it answers "unavailable": for a pooled connection
 * ({@code poolWait}), for a new connection to open ({@code connect}), for one statement to run ({@code statement}, in
 * whole seconds rounded up: the driver's query timeout, which cancels the statement), and for any answer on an open
 * connection ({@code socket}, so that a silently dropped connection does not hang a request). Migrations run with
 * their own, longer {@code migrationStatement} limit.
 */
public record DatabaseTimeouts(
        Duration poolWait, Duration connect, Duration statement, Duration socket, Duration migrationStatement) {

    /** HikariCP refuses a shorter connection wait. */
    public static final Duration MIN_POOL_WAIT = Duration.ofMillis(250);

    public static final DatabaseTimeouts DEFAULTS = new DatabaseTimeouts(
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofMinutes(30));

    public DatabaseTimeouts {
        Objects.requireNonNull(poolWait, "poolWait");
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(migrationStatement, "migrationStatement");
        if (poolWait.compareTo(MIN_POOL_WAIT) < 0) {
            throw new IllegalArgumentException("poolWait must be at least " + MIN_POOL_WAIT.toMillis() + " ms");
        }
        if (connect.toSeconds() < 1 || statement.toMillis() < 1 || migrationStatement.toMillis() < 1) {
            throw new IllegalArgumentException("connect must be at least 1 s, statement limits at least 1 ms");
        }
        // The socket limit cuts a connection; a statement that merely runs long must be cancelled first.
        if (socket.compareTo(Duration.ofSeconds((statement.toMillis() + 999) / 1000)) <= 0) {
            throw new IllegalArgumentException(
                    "socket timeout must be longer than the statement timeout " + "(rounded up to whole seconds)");
        }
    }

    /** The socket limit of a migration connection: past its statement limit, with the same margin. */
    Duration migrationSocket() {
        return migrationStatement.plus(socket.minus(statement));
    }
}
