package com.pagenow.userapi.adapter.persistence;

import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/** Connections from a pool for jOOQ; a connection that cannot be had in time is "database unavailable". */
final class PooledConnections implements ConnectionProvider {

    private final DataSource pool;

    PooledConnections(DataSource pool) {
        this.pool = Objects.requireNonNull(pool);
    }

    @Override
    public Connection acquire() {
        try {
            return pool.getConnection();
        } catch (SQLException noConnection) {
            // The pool's own wait has passed, or the server refused: whatever the state, a retry may succeed.
            throw DatabaseFailures.unavailable(noConnection);
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
