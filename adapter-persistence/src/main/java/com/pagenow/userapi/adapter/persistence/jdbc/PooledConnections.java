package com.pagenow.userapi.adapter.persistence.jdbc;

import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Connections from a pool for jOOQ; a connection that cannot be had in time is what {@code unavailable} makes of it
 * (the application's "database unavailable").
 */
public final class PooledConnections implements ConnectionProvider {

    private final DataSource pool;
    private final Function<SQLException, ? extends RuntimeException> unavailable;

    public PooledConnections(DataSource pool, Function<SQLException, ? extends RuntimeException> unavailable) {
        this.pool = Objects.requireNonNull(pool);
        this.unavailable = Objects.requireNonNull(unavailable);
    }

    @Override
    public Connection acquire() {
        try {
            return pool.getConnection();
        } catch (SQLException noConnection) {
            // The pool's own wait has passed, or the server refused: whatever the state, a retry may succeed.
            throw unavailable.apply(noConnection);
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();
        } catch (SQLException failed) {
            throw new DataAccessException("Could not return a connection to the pool", failed);
        }
    }
}
