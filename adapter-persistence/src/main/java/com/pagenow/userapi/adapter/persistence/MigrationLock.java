package com.pagenow.userapi.adapter.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PostgreSQL session advisory lock, held on a connection of its own while one process migrates the database, so
 * that processes starting at once migrate one after the other. The embedded H2 database (dev mode) belongs to one
 * process: it needs none.
 */
final class MigrationLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    /** Any fixed number: every user-api process asks for the same one. ("user-api" in ASCII, as a bigint.) */
    static final long KEY = 0x7573_6572_2d61_7069L;

    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    static MigrationLock acquire(DataSource dataSource, Vendor vendor) {
        if (vendor != Vendor.POSTGRESQL) {
            return new MigrationLock(null);
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
                LOG.info("Another process is migrating the database; waiting for it to finish");
                // Returns once the lock is held (or the migration statement time limit ends the wait).
                call(connection, "SELECT pg_advisory_lock(?) IS NULL");
            }
            return new MigrationLock(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot take the migration lock: " + e.getMessage(), e);
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            call(connection, "SELECT pg_advisory_unlock(?)");
        } catch (SQLException e) {
            // Closing the session below releases it too.
            LOG.debug("Could not release the migration lock explicitly: {}", e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing to recover: the session ends and its lock with it.
            }
        }
    }
}
