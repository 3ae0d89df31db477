package com.pagenow.userapi.adapter.persistence;

/**
 * How to reach the database: a JDBC URL ({@code jdbc:postgresql:...} or {@code jdbc:h2:...}), credentials
 * ({@code password} may be null), the pool size, optionally a read replica's JDBC URL (same credentials), the
 * time limits of every wait on the database, and optionally a direct connection to the writer
 * ({@code directJdbcUrl}, with its own credentials or, when {@code directUsername} is null, the main ones) for what
 * needs one session of its own: the live-event {@code LISTEN}, the migrations and their lock. The main URL may then
 * go through a multiplexing proxy (RDS Proxy, PgBouncer in transaction mode); without a direct URL the main one
 * serves both.
 */
public record PersistenceSettings(
        String jdbcUrl,
        String username,
        String password,
        int poolSize,
        String readJdbcUrl,
        DatabaseTimeouts timeouts,
        String directJdbcUrl,
        String directUsername,
        String directPassword) {

    /** The pool size when none is set. */
    public static final int DEFAULT_POOL_SIZE = 10;

    public PersistenceSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("jdbcUrl must not be blank");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
        if (readJdbcUrl != null && readJdbcUrl.isBlank()) {
            readJdbcUrl = null;
        }
        if (timeouts == null) {
            timeouts = DatabaseTimeouts.DEFAULTS;
        }
        if (directJdbcUrl == null || directJdbcUrl.isBlank()) {
            directJdbcUrl = jdbcUrl;
        }
        if (directUsername == null) {
            directUsername = username;
            directPassword = password;
        }
    }

    /**
     * Settings for {@code jdbcUrl} with a pool of {@link #DEFAULT_POOL_SIZE}, no read replica, the default time
     * limits ({@link DatabaseTimeouts#DEFAULTS}) and no direct URL; the {@code withX} methods change one of them.
     */
    public static PersistenceSettings of(String jdbcUrl, String username, String password) {
        return new PersistenceSettings(
                jdbcUrl, username, password, DEFAULT_POOL_SIZE, null, DatabaseTimeouts.DEFAULTS, null, null, null);
    }

    public PersistenceSettings withPoolSize(int size) {
        return new PersistenceSettings(
                jdbcUrl,
                username,
                password,
                size,
                readJdbcUrl,
                timeouts,
                directJdbcUrl,
                directUsername,
                directPassword);
    }

    /** A read replica's JDBC URL, reached with the main credentials (null: none). */
    public PersistenceSettings withReadJdbcUrl(String url) {
        return new PersistenceSettings(
                jdbcUrl, username, password, poolSize, url, timeouts, directJdbcUrl, directUsername, directPassword);
    }

    public PersistenceSettings withTimeouts(DatabaseTimeouts limits) {
        return new PersistenceSettings(
                jdbcUrl,
                username,
                password,
                poolSize,
                readJdbcUrl,
                limits,
                directJdbcUrl,
                directUsername,
                directPassword);
    }

    /** A direct connection to the writer, with its own credentials or, when {@code user} is null, the main ones. */
    public PersistenceSettings withDirect(String url, String user, String secret) {
        return new PersistenceSettings(jdbcUrl, username, password, poolSize, readJdbcUrl, timeouts, url, user, secret);
    }

    /**
     * Whether the main URL goes through a multiplexing proxy: it does when a direct URL other than the main one is
     * given, since only such a proxy needs one. The pools then use nothing that lives in one server session.
     */
    public boolean goesThroughProxy() {
        return !directJdbcUrl.equals(jdbcUrl);
    }

    // URLs may carry credentials as parameters, and the password must never reach a log line.
    @Override
    public String toString() {
        return "PersistenceSettings[database=" + Vendor.describe(jdbcUrl) + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", poolSize=" + poolSize
                + ", readReplica=" + (readJdbcUrl != null) + ", timeouts=" + timeouts
                + ", direct=" + (directJdbcUrl.equals(jdbcUrl) ? "same" : Vendor.describe(directJdbcUrl)) + "]";
    }
}
