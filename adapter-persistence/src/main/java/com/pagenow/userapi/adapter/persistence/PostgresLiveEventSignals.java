package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.LiveEventSignals;
import com.pagenow.userapi.domain.user.UserId;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * {@code LISTEN}s on one connection of its own (outside the pool, so requests never wait for it; on the direct URL)
 * on its own thread.
 * After each (re)connect it reports that signals may have been missed, so streams read what was recorded while it
 * was away; an idle connection is checked now and then so that a dead server is noticed.
 */
final class PostgresLiveEventSignals implements LiveEventSignals {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLiveEventSignals.class);
    static final String APPLICATION_NAME = "user-api live events";
    private static final int WAIT_MILLIS = 500;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final String jdbcUrl;
    private final Properties properties = new Properties();
    private volatile boolean closed;
    private volatile Thread thread;
    private volatile Connection current;

    PostgresLiveEventSignals(PersistenceSettings settings) {
        // LISTEN holds a session: on the writer itself, never through a proxy that multiplexes sessions.
        this.jdbcUrl = settings.directJdbcUrl();
        if (settings.directUsername() != null) {
            properties.setProperty("user", settings.directUsername());
        }
        if (settings.directPassword() != null) {
            properties.setProperty("password", settings.directPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public synchronized void start(Listener listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        Thread listening = new Thread(() -> listen(listener), "live-events-listener");
        listening.setDaemon(true);
        thread = listening;
        listening.start();
    }

    @Override
    public void close() {
        closed = true;
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
            closeQuietly(current);
            try {
                listening.join(2_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen(Listener listener) {
        Duration retry = FIRST_RETRY;
        boolean wasDown = false;
        while (!closed) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + LiveEventChannel.NAME);
                    statement.execute("LISTEN " + JooqAccountDeletionRepository.CHANNEL);
                }
                if (wasDown) {
                    LOG.info("Listening for live events again");
                }
                wasDown = false;
                retry = FIRST_RETRY;
                listener.mayHaveMissed();
                receive(connection, listener);
            } catch (SQLException | RuntimeException lost) {
                if (closed) {
                    return;
                }
                if (!wasDown) {
                    LOG.warn("Live event listener lost its database connection ({}); reconnecting", lost.getMessage());
                }
                wasDown = true;
                sleep(retry);
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            } finally {
                current = null;
            }
        }
    }

    private void receive(Connection connection, Listener listener) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
        while (!closed) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                Set<UserId> recipients = new HashSet<>();
                Set<UserId> deleted = new HashSet<>();
                for (PGNotification notification : notifications) {
                    (JooqAccountDeletionRepository.CHANNEL.equals(notification.getName()) ? deleted : recipients)
                            .addAll(LiveEventChannel.recipients(notification.getParameter()));
                }
                if (!recipients.isEmpty()) {
                    listener.recorded(recipients);
                }
                if (!deleted.isEmpty()) {
                    listener.deleted(deleted);
                }
            }
            if (System.nanoTime() > nextCheck) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing to stop: nothing to do about it
            }
        }
    }
}
