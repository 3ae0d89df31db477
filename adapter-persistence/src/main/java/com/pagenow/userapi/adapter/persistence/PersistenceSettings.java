package com.pagenow.userapi.adapter.persistence;

/**
 * How to reach the database: a JDBC URL ({@code jdbc:postgresql:...} or {@code jdbc:h2:...}), credentials
 * ({@code password} may be null), the pool size, optionally a read replica's JDBC URL (same credentials), and the
 * time limits of every wait on the database.
 */
public record PersistenceSettings(String jdbcUrl, String username, String password, int poolSize,
                                  String readJdbcUrl, DatabaseTimeouts timeouts) {

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
    }

    /** Settings with the default time limits. */
    public PersistenceSettings(String jdbcUrl, String username, String password, int poolSize, String readJdbcUrl) {
        this(jdbcUrl, username, password, poolSize, readJdbcUrl, DatabaseTimeouts.DEFAULTS);
    }

    /** Settings without a read replica. */
    public PersistenceSettings(String jdbcUrl, String username, String password, int poolSize) {
        this(jdbcUrl, username, password, poolSize, null, DatabaseTimeouts.DEFAULTS);
    }

    // URLs may carry credentials as parameters, and the password must never reach a log line.
    @Override
    public String toString() {
        return "PersistenceSettings[database=" + Vendor.describe(jdbcUrl) + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", poolSize=" + poolSize
                + ", readReplica=" + (readJdbcUrl != null) + ", timeouts=" + timeouts + "]";
    }
}
