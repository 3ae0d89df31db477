package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jdbc.PooledConnections;
import com.pagenow.userapi.adapter.persistence.jdbc.ReplicaRouting;
import com.pagenow.userapi.application.error.DatabaseUnavailableException;
import com.pagenow.userapi.application.port.in.CallerContext;
import com.pagenow.userapi.application.port.out.AccountCleanupQueue;
import com.pagenow.userapi.application.port.out.AccountDeletionRepository;
import com.pagenow.userapi.application.port.out.AccountExportRepository;
import com.pagenow.userapi.application.port.out.BlockRepository;
import com.pagenow.userapi.application.port.out.FriendGraph;
import com.pagenow.userapi.application.port.out.FriendshipRepository;
import com.pagenow.userapi.application.port.out.IdempotencyKeyRepository;
import com.pagenow.userapi.application.port.out.LiveEventFeed;
import com.pagenow.userapi.application.port.out.LiveEventOutbox;
import com.pagenow.userapi.application.port.out.LiveEventSignals;
import com.pagenow.userapi.application.port.out.PublicProfiles;
import com.pagenow.userapi.application.port.out.ShareNotificationRepository;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import com.pagenow.userapi.application.port.out.UserRepository;
import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.domain.user.UserId;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.pagenow.userapi.adapter.persistence.ConnectionPools.checkPool;
import static com.pagenow.userapi.adapter.persistence.ConnectionPools.healthPool;
import static com.pagenow.userapi.adapter.persistence.ConnectionPools.max;
import static com.pagenow.userapi.adapter.persistence.ConnectionPools.migrationPool;
import static com.pagenow.userapi.adapter.persistence.ConnectionPools.pool;

/**
 * The persistence adapter, started: the entry point that bootstrap and the embedded library use. It assembles the
 * pools ({@link ConnectionPools}), the migrations ({@link Migrations}), the health check ({@link DatabaseHealth})
 * and the repositories bootstrap wires into the application. {@link #close()} closes the pools.
 */
public final class Persistence implements AutoCloseable {

    private static final Duration REPLICA_CHECK_INTERVAL = Duration.ofMillis(100);

    private final List<AutoCloseable> resources;
    private final DatabaseHealth health;
    private final JooqContext db;
    private final UserRepository users;
    private final FriendshipRepository friendships;
    private final FriendGraph friendGraph;
    private final BlockRepository blocks;
    private final PublicProfiles publicProfiles;
    private final ShareNotificationRepository shareNotifications;
    private final UserSearchRepository userSearch;
    private final TransactionRunner transactions;
    private final JooqLiveEventOutbox liveEvents;
    private final LiveEventSignals liveEventSignals;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final AccountDeletionRepository accountDeletions;
    private final AccountExportRepository accountExports;
    private final AccountCleanupQueue accountCleanup;

    private Persistence(
            List<AutoCloseable> resources, DataSource healthPool, JooqContext db, LiveEventSignals liveEventSignals) {
        this.resources = List.copyOf(resources);
        this.health = new DatabaseHealth(healthPool);
        this.db = db;
        this.users = new JooqUserRepository(db);
        this.friendships = new JooqFriendshipRepository(db);
        this.friendGraph = new JooqFriendGraph(db);
        this.blocks = new JooqBlockRepository(db);
        this.publicProfiles = new JooqPublicProfiles(db);
        this.shareNotifications = new JooqShareNotificationRepository(db);
        this.userSearch = new JooqUserSearchRepository(db);
        this.transactions = db;
        this.liveEvents = new JooqLiveEventOutbox(db);
        this.liveEventSignals = liveEventSignals;
        this.idempotencyKeys = new JooqIdempotencyKeyRepository(db);
        this.accountDeletions = new JooqAccountDeletionRepository(db);
        this.accountExports = new JooqAccountExportRepository(db);
        this.accountCleanup = new JooqAccountCleanupQueue(db);
    }

    /**
     * Opens the pools and migrates the schema (adopting a database of the old service at version 1).
     *
     * @throws IllegalArgumentException for a URL that is neither PostgreSQL nor H2
     * @throws RuntimeException         when the database cannot be reached or migrated; nothing is left open
     */
    public static Persistence start(PersistenceSettings settings) {
        return start(settings, true);
    }

    /**
     * As {@link #start(PersistenceSettings)}; with {@code migrate} false the schema is only checked, and a
     * database that lacks this build's migrations fails the start naming them (they run as their own deploy step,
     * {@link #migrate(PersistenceSettings)}).
     */
    public static Persistence start(PersistenceSettings settings, boolean migrate) {
        Objects.requireNonNull(settings, "settings");
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
            System.setProperty("org.jooq.no-tips", "true");
        }
        Vendor vendor = Vendor.of(settings.jdbcUrl());
        DatabaseTimeouts timeouts = settings.timeouts();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            // Flyway takes two connections at once and may run for minutes: its own pool and time limits, so that
            // neither a pool of one nor the request statement limit stops the start.
            try (HikariDataSource migrations = migrationPool("user-api-db-migrate", settings)) {
                if (migrate) {
                    Migrations.migrate(migrations, Vendor.of(settings.directJdbcUrl()));
                } else {
                    Migrations.requireCurrent(migrations, Vendor.of(settings.directJdbcUrl()));
                }
            }
            HikariDataSource primary = pool(
                    "user-api-db",
                    settings.jdbcUrl(),
                    settings,
                    vendor,
                    settings.poolSize(),
                    timeouts.poolWait(),
                    timeouts.statement(),
                    timeouts.socket(),
                    false);
            opened.add(primary);

            DSLContext replica = null;
            ReplicaRouting routing = null;
            if (settings.readJdbcUrl() != null) {
                Vendor replicaVendor = Vendor.of(settings.readJdbcUrl());
                // A replica that does not answer soon is skipped for the primary: its wait is a fraction of ours.
                Duration replicaWait =
                        max(DatabaseTimeouts.MIN_POOL_WAIT, timeouts.poolWait().dividedBy(4));
                HikariDataSource read = pool(
                        "user-api-db-read",
                        settings.readJdbcUrl(),
                        settings,
                        replicaVendor,
                        settings.poolSize(),
                        replicaWait,
                        timeouts.statement(),
                        timeouts.socket(),
                        true);
                opened.add(read);
                if (vendor == Vendor.POSTGRESQL && replicaVendor == Vendor.POSTGRESQL) {
                    HikariDataSource primaryCheck =
                            checkPool("user-api-db-check", settings.jdbcUrl(), settings, vendor, false);
                    opened.add(primaryCheck);
                    HikariDataSource replicaCheck =
                            checkPool("user-api-db-read-check", settings.readJdbcUrl(), settings, replicaVendor, true);
                    opened.add(replicaCheck);
                    routing = new ReplicaRouting(
                            primary,
                            read,
                            primaryCheck,
                            replicaCheck,
                            REPLICA_CHECK_INTERVAL,
                            () -> CallerContext.current().map(UserId::value).orElse(null),
                            DatabaseFailures::unavailable,
                            failure -> failure instanceof DatabaseUnavailableException);
                    opened.add(0, routing);
                    replica = DSL.using(new DefaultConfiguration()
                            .set(routing)
                            .set(replicaVendor.dialect())
                            .set(jooqSettings())
                            .set(routing.failureListener()));
                } else {
                    replica = dsl(read, replicaVendor);
                }
            }

            // Its own single connection, so that a busy main pool does not look like a database outage.
            HikariDataSource health = healthPool(settings, vendor);
            opened.add(health);
            LiveEventSignals signals = vendor == Vendor.POSTGRESQL
                    ? new PostgresLiveEventSignals(settings)
                    : new PollingLiveEventSignals();
            return new Persistence(opened, health, new JooqContext(dsl(primary, vendor), replica, routing), signals);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /**
     * The repositories over a {@link DataSource} the caller owns and configures (an embedding service's pool): no
     * pool of its own, no migration (that is {@link #migrate(DataSource)}, on demand), no {@code LISTEN}
     * connection; writes still record their live events and {@code NOTIFY} as the service's do. {@link #close()}
     * leaves the data source open. The vendor (PostgreSQL or H2) is read from a first connection.
     *
     * @throws IllegalArgumentException for a database that is neither PostgreSQL nor H2
     * @throws com.pagenow.userapi.application.error.DatabaseUnavailableException when no connection can be had
     */
    public static Persistence over(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        Vendor vendor = Vendor.of(jdbcUrlOf(dataSource));
        return new Persistence(
                List.of(), dataSource, new JooqContext(dsl(dataSource, vendor), null), new PollingLiveEventSignals());
    }

    /**
     * Applies the pending migrations through the caller's {@link DataSource} (it must give three connections at
     * once: Flyway takes two, the migration lock a third); the same migrations and lock as the service's.
     *
     * @throws com.pagenow.userapi.application.error.DatabaseUnavailableException when no connection can be had
     * @throws RuntimeException when a migration fails
     */
    public static MigrationReport migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return Migrations.report(Migrations.migrate(dataSource, Vendor.of(jdbcUrlOf(dataSource))));
    }

    private static String jdbcUrlOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException noConnection) {
            throw DatabaseFailures.unavailable(noConnection);
        }
    }

    /**
     * Applies the pending migrations through a pool of its own (two connections: Flyway keeps its schema history
     * lock on a second one) and closes it: the deploy step
     * ({@code user-api migrate}). Reports the versions before and after.
     *
     * @throws RuntimeException when the database cannot be reached or a migration fails
     */
    public static MigrationReport migrate(PersistenceSettings settings) {
        Objects.requireNonNull(settings, "settings");
        try (HikariDataSource pool = migrationPool("user-api-migrate", settings)) {
            return Migrations.report(Migrations.migrate(pool, Vendor.of(settings.directJdbcUrl())));
        }
    }

    /** What {@link #migrate(PersistenceSettings)} did: the schema version before and after, and what it applied. */
    public record MigrationReport(String versionBefore, String versionAfter, List<String> applied) {

        public MigrationReport {
            applied = List.copyOf(applied);
        }
    }

    /**
     * The JDBC URL of the embedded H2 database kept in {@code dir} (dev mode). Without H2's per-session cache of
     * parsed statements: with it, each execution of a search statement kept about 1.6 MB of its derived tables' plans
     * until the heap ran out (H2SearchMemoryIT); parsing each time left dev mode's search latency where it was.
     */
    public static String embeddedH2Url(Path dir) {
        Path file = dir.toAbsolutePath().normalize().resolve("user-api");
        return "jdbc:h2:file:" + file.toString().replace('\\', '/')
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=0";
    }

    public UserRepository users() {
        return users;
    }

    public FriendshipRepository friendships() {
        return friendships;
    }

    public FriendGraph friendGraph() {
        return friendGraph;
    }

    public BlockRepository blocks() {
        return blocks;
    }

    public PublicProfiles publicProfiles() {
        return publicProfiles;
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

    /** Where writes record live events (in their transaction). */
    public LiveEventOutbox liveEventOutbox() {
        return liveEvents;
    }

    /** Where streams read recorded live events back. */
    public LiveEventFeed liveEventFeed() {
        return liveEvents;
    }

    /**
     * Signals of newly recorded events: {@code LISTEN} on a connection of its own on PostgreSQL, a short poll on
     * the embedded database. Not started until a listener is given; closed with this.
     */
    public LiveEventSignals liveEventSignals() {
        return liveEventSignals;
    }

    /** Where shares remember their Idempotency-Key (in the share's transaction). */
    public IdempotencyKeyRepository idempotencyKeys() {
        return idempotencyKeys;
    }

    /** Deletes accounts (in one transaction) and keeps their tombstones. */
    public AccountDeletionRepository accountDeletions() {
        return accountDeletions;
    }

    /** The lists of an account export, read page by page. */
    public AccountExportRepository accountExports() {
        return accountExports;
    }

    /** The work outside the database that deletions recorded, claimed once across instances. */
    public AccountCleanupQueue accountCleanup() {
        return accountCleanup;
    }

    /** Whether a connection can be had and answers within about two seconds; for {@code GET /health}. */
    public boolean isDatabaseUp() {
        return health.isUp();
    }

    /** Publishes the connection pools' gauges and timers (hikaricp_*) to {@code meters}. */
    public void bindMetrics(MeterRegistry meters) {
        for (AutoCloseable resource : resources) {
            if (resource instanceof HikariDataSource pool) {
                pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
            }
        }
    }

    /** For the repositories of this package. */
    JooqContext jooq() {
        return db;
    }

    @Override
    public void close() {
        liveEventSignals.close();
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // Closing pools and a check thread: nothing to recover, the rest still close.
            }
        }
    }

    private static DSLContext dsl(DataSource dataSource, Vendor vendor) {
        PooledConnections connections = new PooledConnections(dataSource, DatabaseFailures::unavailable);
        return DSL.using(new DefaultConfiguration()
                .set(connections)
                .set(vendor.dialect())
                .set(jooqSettings()));
    }

    private static Settings jooqSettings() {
        return new Settings().withExecuteLogging(false);
    }
}
