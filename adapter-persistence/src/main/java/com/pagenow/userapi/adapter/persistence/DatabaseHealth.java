package com.pagenow.userapi.adapter.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/** The health check of {@code GET /health}, on a pool of its own so that a busy main pool is not an outage. */
final class DatabaseHealth {

    static final int VALIDATION_SECONDS = 1;

    private final DataSource pool;

    DatabaseHealth(DataSource pool) {
        this.pool = Objects.requireNonNull(pool);
    }

    /** Whether a connection can be had and answers within about two seconds. */
    boolean isUp() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
