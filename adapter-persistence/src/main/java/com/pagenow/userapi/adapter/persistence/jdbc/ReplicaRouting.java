package com.pagenow.userapi.adapter.persistence.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.jooq.ConnectionProvider;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Chooses, per read, between a streaming replica and the primary, so that reads scale out while every caller
 * reads their own writes and a failed replica costs nothing but load on the primary.
 *
 * <p>A check runs every {@code interval}: it numbers itself, reads the primary's WAL position
 * ({@code pg_current_wal_lsn()}) and then the replica's replayed position ({@code pg_last_wal_replay_lsn()}). A
 * caller who wrote is remembered with the number of the last check begun before the write committed; the first
 * later check's primary position is at or past that commit, and once the replica has replayed past it the caller
 * reads from the replica again. Until then, and whenever the replica does not answer, that caller's reads go to
 * the primary. The memory is this instance's: a caller whose next read reaches another instance may see the
 * replica's lag there (docs/reliability.md).
 */
public final class ReplicaRouting implements ConnectionProvider, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRouting.class);
    private static final long UNKNOWN = -1;
    private static final String PRIMARY_POSITION = "SELECT pg_current_wal_lsn() - '0/0'::pg_lsn";
    /** A replica that is in fact a primary (no replay) is always current. */
    private static final String REPLICA_POSITION =
            "SELECT coalesce(pg_last_wal_replay_lsn(), pg_current_wal_lsn()) - '0/0'::pg_lsn";

    private final PooledConnections primary;
    private final PooledConnections replica;
    private final DataSource replicaPool;
    private final DataSource primaryCheck;
    private final DataSource replicaCheck;
    private final Supplier<String> currentCaller;
    private final Predicate<RuntimeException> isUnavailable;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> onReplica = ThreadLocal.withInitial(() -> false);
    private final ScheduledExecutorService checks;
    private volatile long checksBegun;
    private volatile boolean replicaUp;
    /** Whether the replica failed since it last answered: its pooled connections may be dead ones. */
    private volatile boolean failedSinceUp;

    /**
     * @param primaryCheck, replicaCheck where the checks run: small pools of their own, so that a busy request
     *                      pool does not delay them
     * @param currentCaller the id of the user the current thread serves, or null for nobody in particular
     * @param unavailable   what a connection that cannot be had becomes (the application's "database unavailable")
     * @param isUnavailable whether a failed statement is such an outage
     */
    public ReplicaRouting(
            DataSource primaryPool,
            DataSource replicaPool,
            DataSource primaryCheck,
            DataSource replicaCheck,
            Duration interval,
            Supplier<String> currentCaller,
            Function<SQLException, ? extends RuntimeException> unavailable,
            Predicate<RuntimeException> isUnavailable) {
        this.primary = new PooledConnections(primaryPool, unavailable);
        this.replica = new PooledConnections(replicaPool, unavailable);
        this.currentCaller = currentCaller;
        this.isUnavailable = isUnavailable;
        this.replicaPool = replicaPool;
        this.primaryCheck = primaryCheck;
        this.replicaCheck = replicaCheck;
        this.checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "user-api-replica-check");
            thread.setDaemon(true);
            return thread;
        });
        check();
        checks.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code caller}'s write has committed: their reads go to the primary until the replica has replayed it. */
    public void wrote(String caller) {
        pending.put(caller, new Pending(checksBegun, UNKNOWN));
    }

    /** Whether a read by {@code caller} (null: nobody in particular) would go to the replica now. */
    public boolean readsFromReplica(String caller) {
        return replicaUp && (caller == null || !pending.containsKey(caller));
    }

    @Override
    public Connection acquire() {
        if (readsFromReplica(currentCaller.get())) {
            try {
                Connection connection = replica.acquire();
                onReplica.set(true);
                return connection;
            } catch (RuntimeException replicaDown) {
                replicaFailed(replicaDown);
            }
        }
        onReplica.set(false);
        return primary.acquire();
    }

    @Override
    public void release(Connection connection) {
        onReplica.remove();
        primary.release(connection);
    }

    /** Notices a statement that failed on the replica, so that the next reads go to the primary at once. */
    public ExecuteListener failureListener() {
        return new ExecuteListener() {
            @Override
            public void exception(ExecuteContext ctx) {
                if (onReplica.get() && ctx.exception() != null && isUnavailable.test(ctx.exception())) {
                    replicaFailed(ctx.exception());
                }
            }
        };
    }

    private void replicaFailed(RuntimeException failure) {
        if (replicaUp) {
            LOG.warn("Read replica unavailable ({}); reading from the primary", failure.getMessage());
        }
        replicaUp = false;
        failedSinceUp = true;
    }

    private void check() {
        long number = ++checksBegun;
        long primaryPosition;
        try {
            primaryPosition = position(primaryCheck, PRIMARY_POSITION);
        } catch (SQLException | RuntimeException primaryDown) {
            return; // writers' reads stay on the primary, which will answer for itself
        }
        long replayed;
        try {
            replayed = position(replicaCheck, REPLICA_POSITION);
        } catch (SQLException | RuntimeException replicaDown) {
            replicaFailed(new IllegalStateException(replicaDown.getMessage(), replicaDown));
            return;
        }
        if (failedSinceUp) {
            // The pool may still hold connections the replica's restart ended, used too recently for the pool to
            // test them again before it lends them out: a read would fail on one. New ones for every later read.
            failedSinceUp = false;
            evictPooledReplicaConnections();
        }
        if (!replicaUp) {
            LOG.info("Read replica available again");
        }
        replicaUp = true;
        pending.forEach((caller, write) -> {
            Pending known = write.required == UNKNOWN && write.lastCheckBefore < number
                    ? new Pending(write.lastCheckBefore, primaryPosition)
                    : write;
            if (known.required != UNKNOWN && known.required <= replayed) {
                pending.remove(caller, write);
            } else if (known != write) {
                pending.replace(caller, write, known);
            }
        });
    }

    private void evictPooledReplicaConnections() {
        if (replicaPool instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections();
        }
    }

    private static long position(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }

    /** A caller's last write: the last check begun before it committed, and the WAL position it needs. */
    private record Pending(long lastCheckBefore, long required) {}
}
