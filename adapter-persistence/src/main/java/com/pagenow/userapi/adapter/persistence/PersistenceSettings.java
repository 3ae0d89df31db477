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
public record PersistenceSettings(String jdbcUrl, String username, String password, int poolSize,
                                  String readJdbcUrl, DatabaseTimeouts timeouts, String directJdbcUrl,
                                  String directUsername, String directPassword) {

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

    /** Settings where one URL serves everything. */
    public PersistenceSettings(String jdbcUrl, String username, String password, int poolSize, String readJdbcUrl,
                               DatabaseTimeouts timeouts) {
        this(jdbcUrl, username, password, poolSize, readJdbcUrl, timeouts, null, null, null);
    }

    /** Settings with the default time limits. */
    public PersistenceSettings(String jdbcUrl, String username, String password, int poolSize, String readJdbcUrl) {
        this(jdbcUrl, username, password, poolSize, readJdbcUrl, DatabaseTimeouts.DEFAULTS);
    }

    /** Settings without a read replica. */
    public PersistenceSettings(String jdbcUrl, String username, String password, int poolSize) {
        this(jdbcUrl, username, password, poolSize, null, DatabaseTimeouts.DEFAULTS);
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
