package com.pagenow.userapi.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;

/**
 * The connection pools of the adapter, one factory method per use: requests (primary and replica), the replica
 * checks, the health check and the migrations, each with the limits of its use.
 */
final class ConnectionPools {

    /** Flyway takes two connections at once; the third holds the migration lock ({@link MigrationLock}). */
    private static final int MIGRATION_CONNECTIONS = 3;

    private static final Duration HEALTH_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private ConnectionPools() {}

    /**
     * Flyway takes two connections at once and may run for minutes: a pool of its own on the direct URL, with the
     * migration statement limit set in each session (a session of its own on the writer, so no proxy shares it, and
     * it overrides a role's default {@code statement_timeout}), and no driver-side limit.
     */
    static HikariDataSource migrationPool(String name, PersistenceSettings settings) {
        Vendor vendor = Vendor.of(settings.directJdbcUrl());
        DatabaseTimeouts timeouts = settings.timeouts();
        HikariConfig config = baseConfig(
                name,
                settings.directJdbcUrl(),
                settings.directUsername(),
                settings.directPassword(),
                settings,
                vendor,
                null,
                timeouts.migrationSocket());
        if (vendor == Vendor.POSTGRESQL) {
            config.setConnectionInitSql(
                    "SET statement_timeout = " + timeouts.migrationStatement().toMillis());
        }
        config.setMaximumPoolSize(MIGRATION_CONNECTIONS);
        config.setConnectionTimeout(timeouts.poolWait().toMillis());
        config.setValidationTimeout(
                max(DatabaseTimeouts.MIN_POOL_WAIT, timeouts.poolWait().dividedBy(2))
                        .toMillis());
        return new HikariDataSource(config);
    }

    static HikariDataSource pool(
            String name,
            String url,
            PersistenceSettings settings,
            Vendor vendor,
            int size,
            Duration wait,
            Duration statement,
            Duration socket,
            boolean readOnly) {
        HikariConfig config = baseConfig(name, url, settings, vendor, statement, socket);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(wait.toMillis());
        // Checking a connection that sat idle must not take longer than the wait for one.
        config.setValidationTimeout(
                max(DatabaseTimeouts.MIN_POOL_WAIT, wait.dividedBy(2)).toMillis());
        config.setReadOnly(readOnly);
        return new HikariDataSource(config);
    }

    /** One connection for the replica checks; opened lazily, so that a replica that is down does not stop the start. */
    static HikariDataSource checkPool(
            String name, String url, PersistenceSettings settings, Vendor vendor, boolean readOnly) {
        HikariConfig config = oneLazyConnection(name, url, settings, vendor);
        config.setConnectionTimeout(DatabaseTimeouts.MIN_POOL_WAIT.toMillis());
        config.setValidationTimeout(DatabaseTimeouts.MIN_POOL_WAIT.toMillis());
        config.setReadOnly(readOnly);
        return new HikariDataSource(config);
    }

    static HikariDataSource healthPool(PersistenceSettings settings, Vendor vendor) {
        // Opening lazily: the main pool already proved the database reachable.
        HikariConfig config = oneLazyConnection("user-api-db-health", settings.jdbcUrl(), settings, vendor);
        config.setIdleTimeout(Duration.ofSeconds(30).toMillis());
        config.setConnectionTimeout(HEALTH_CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(
                Duration.ofSeconds(DatabaseHealth.VALIDATION_SECONDS).toMillis());
        return new HikariDataSource(config);
    }

    /** At most one connection, none kept idle, opened at first use rather than when the pool is built. */
    private static HikariConfig oneLazyConnection(
            String name, String url, PersistenceSettings settings, Vendor vendor) {
        HikariConfig config = baseConfig(
                name,
                url,
                settings,
                vendor,
                settings.timeouts().statement(),
                settings.timeouts().socket());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        return config;
    }

    private static HikariConfig baseConfig(
            String name, String url, PersistenceSettings settings, Vendor vendor, Duration statement, Duration socket) {
        return baseConfig(name, url, settings.username(), settings.password(), settings, vendor, statement, socket);
    }

    /**
     * The pool's settings. On PostgreSQL nothing depends on a session: the connection may go through a multiplexing
     * proxy (RDS Proxy, PgBouncer in transaction mode), which refuses startup options and hands each transaction to
     * any server connection, so no {@code options}, no {@code SET}, no server-side prepared statements.
     *
     * @param statement the driver's limit on each statement (null: none), in whole seconds, rounded up
     */
    private static HikariConfig baseConfig(
            String name,
            String url,
            String username,
            String password,
            PersistenceSettings settings,
            Vendor vendor,
            Duration statement,
            Duration socket) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        if (vendor == Vendor.POSTGRESQL) {
            // PgJDBC properties; the same ones in the URL win. The query timeout is the driver's: past it, it sends
            // the server a cancel request (57014, a 503). The socket timeout cuts a connection that stopped
            // answering (also a statement whose cancel a proxy dropped), keepalive finds one that silently died.
            long connectSeconds = Math.max(1, settings.timeouts().connect().toSeconds());
            config.addDataSourceProperty("connectTimeout", Long.toString(connectSeconds));
            config.addDataSourceProperty("loginTimeout", Long.toString(connectSeconds));
            config.addDataSourceProperty("socketTimeout", Long.toString(ceilSeconds(socket)));
            config.addDataSourceProperty("tcpKeepAlive", "true");
            if (statement != null) {
                config.addDataSourceProperty("queryTimeout", Long.toString(ceilSeconds(statement)));
                // A cancel is a new connection and one message; on a dead network it must not hold the statement
                // (and the driver's one timer thread, which sends every cancel) for the default 10 s.
                config.addDataSourceProperty("cancelSignalTimeout", Long.toString(connectSeconds));
            }
            if (settings.goesThroughProxy()) {
                // Unnamed statements only: a named one lives in one server session, which a transaction-pooling
                // proxy does not keep (PgBouncer: "prepared statement S_1 already exists"; RDS Proxy pins the
                // connection). Straight to PostgreSQL, the driver prepares as usual: the profile read ran at about
                // twice the rate prepared (docs/reliability.md, "Behind RDS Proxy or PgBouncer").
                config.addDataSourceProperty("prepareThreshold", "0");
            }
        }
        if (vendor == Vendor.H2) {
            // Column defaults (LOCALTIMESTAMP) must hold UTC like PostgreSQL's now() on a UTC server.
            config.setConnectionInitSql("SET TIME ZONE 'UTC'");
        }
        return config;
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
