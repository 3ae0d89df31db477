package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.IdempotencyKeyRepository;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The persistence adapter, started: connection pools, the migrated schema, and the repositories bootstrap wires
 * into the application. {@link #close()} closes the pools.
 */
public final class Persistence implements AutoCloseable {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration HEALTH_CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    private static final int HEALTH_VALIDATION_SECONDS = 1;

    private final List<HikariDataSource> pools;
    private final HikariDataSource healthPool;
    private final JooqContext db;
    private final UserRepository users;
    private final FriendshipRepository friendships;
    private final ShareNotificationRepository shareNotifications;
    private final UserSearchRepository userSearch;
    private final TransactionRunner transactions;
    private final IdempotencyKeyRepository idempotencyKeys;

    private Persistence(List<HikariDataSource> pools, HikariDataSource healthPool, JooqContext db) {
        this.pools = List.copyOf(pools);
        this.healthPool = healthPool;
        this.db = db;
        this.users = new JooqUserRepository(db);
        this.friendships = new JooqFriendshipRepository(db);
        this.shareNotifications = new JooqShareNotificationRepository(db);
        this.userSearch = new JooqUserSearchRepository(db);
        this.transactions = new JooqTransactionRunner(db);
        this.idempotencyKeys = new JooqIdempotencyKeyRepository(db);
    }

    /**
     * Opens the pools and migrates the schema (adopting a database of the old service at version 1).
     *
     * @throws IllegalArgumentException for a URL that is neither PostgreSQL nor H2
     * @throws RuntimeException         when the database cannot be reached or migrated; nothing is left open
     */
    public static Persistence start(PersistenceSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
            System.setProperty("org.jooq.no-tips", "true");
        }
        Vendor vendor = Vendor.of(settings.jdbcUrl());
        List<HikariDataSource> opened = new ArrayList<>();
        try {
            HikariDataSource primary = pool("user-api-db", settings.jdbcUrl(), settings, vendor,
                    settings.poolSize(), false);
            opened.add(primary);
            Migrations.migrate(primary, vendor);

            DSLContext replica = null;
            if (settings.readJdbcUrl() != null) {
                Vendor replicaVendor = Vendor.of(settings.readJdbcUrl());
                HikariDataSource read = pool("user-api-db-read", settings.readJdbcUrl(), settings, replicaVendor,
                        settings.poolSize(), true);
                opened.add(read);
                replica = dsl(read, replicaVendor);
            }

            // Its own single connection, so that a busy main pool does not look like a database outage.
            HikariDataSource health = healthPool(settings, vendor);
            opened.add(health);
            return new Persistence(opened, health, new JooqContext(dsl(primary, vendor), replica));
        } catch (RuntimeException e) {
            opened.forEach(HikariDataSource::close);
            throw e;
        }
    }

    /** The JDBC URL of the embedded H2 database kept in {@code dir} (dev mode). */
    public static String embeddedH2Url(Path dir) {
        Path file = dir.toAbsolutePath().normalize().resolve("user-api");
        return "jdbc:h2:file:" + file.toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    public UserRepository users() {
        return users;
    }

    public FriendshipRepository friendships() {
        return friendships;
    }

    public ShareNotificationRepository shareNotifications() {
        return shareNotifications;
    }

    public UserSearchRepository userSearch() {
        return userSearch;
    }

    public TransactionRunner transactions() {
        return transactions;
    }

    public IdempotencyKeyRepository idempotencyKeys() {
        return idempotencyKeys;
    }

    /** Whether a connection can be had and answers within about two seconds; for {@code GET /health}. */
    public boolean isDatabaseUp() {
        try (Connection connection = healthPool.getConnection()) {
            return connection.isValid(HEALTH_VALIDATION_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Publishes the connection pools' gauges and timers (hikaricp_*) to {@code meters}. */
    public void bindMetrics(MeterRegistry meters) {
        for (HikariDataSource pool : pools) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        }
    }

    /** For the repositories of this package. */
    JooqContext jooq() {
        return db;
    }

    @Override
    public void close() {
        for (HikariDataSource pool : pools) {
            pool.close();
        }
    }

    private static HikariDataSource pool(String name, String url, PersistenceSettings settings, Vendor vendor,
                                         int size, boolean readOnly) {
        HikariConfig config = baseConfig(name, url, settings, vendor);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        config.setReadOnly(readOnly);
        return new HikariDataSource(config);
    }

    private static HikariDataSource healthPool(PersistenceSettings settings, Vendor vendor) {
        HikariConfig config = baseConfig("user-api-db-health", settings.jdbcUrl(), settings, vendor);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(0);
        config.setIdleTimeout(Duration.ofSeconds(30).toMillis());
        config.setConnectionTimeout(HEALTH_CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(Duration.ofSeconds(HEALTH_VALIDATION_SECONDS).toMillis());
        // Opening lazily: the main pool already proved the database reachable.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static HikariConfig baseConfig(String name, String url, PersistenceSettings settings, Vendor vendor) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        if (vendor == Vendor.H2) {
            // Column defaults (LOCALTIMESTAMP) must hold UTC like PostgreSQL's now() on a UTC server.
            config.setConnectionInitSql("SET TIME ZONE 'UTC'");
        }
        return config;
    }

    private static DSLContext dsl(HikariDataSource dataSource, Vendor vendor) {
        return DSL.using(dataSource, vendor.dialect(), new Settings().withExecuteLogging(false));
    }
}
