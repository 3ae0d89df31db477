package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.adapter.persistence.jdbc.RenderedRead;
import com.pagenow.userapi.adapter.persistence.jdbc.ReplicaRouting;
import com.pagenow.userapi.adapter.persistence.jdbc.SqlStates;
import com.pagenow.userapi.application.port.in.CallerContext;
import com.pagenow.userapi.application.port.out.TransactionRunner;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.jooq.SQLDialect;
import org.jooq.impl.DefaultConnectionProvider;

import java.sql.Connection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The way every repository of this package reaches the database. Inside {@link #inTransaction} on the current
 * thread, {@link #dsl()} and {@link #readDsl()} answer that transaction's context, so repositories take part
 * in it without knowing; nested calls join the outer transaction. It is also the adapter's {@link TransactionRunner}.
 * Every failure of the database itself leaves here as {@code DatabaseUnavailableException} ({@link DatabaseFailures}).
 */
final class JooqContext implements TransactionRunner {

    private final DSLContext primary;
    private final DSLContext replica;
    private final ReplicaRouting routing;
    private final ThreadLocal<Transaction> transaction = new ThreadLocal<>();
    /** How often a transaction runs at most when it loses races ({@link SqlStates#isLostRace}). */
    private static final int RACE_ATTEMPTS = 3;

    JooqContext(DSLContext primary, DSLContext replica) {
        this(primary, replica, null);
    }

    /**
     * @param replica the context for reads that tolerate lag (null: the primary)
     * @param routing when reads go to a replica, what it learns of each caller's writes (null: no replica)
     */
    JooqContext(DSLContext primary, DSLContext replica, ReplicaRouting routing) {
        this.primary = primary.configuration()
                .deriveAppending(DatabaseFailures.listener(), ExecuteListener.onExecuteEnd(ctx -> {
                    if (ctx.type() != ExecuteType.READ) {
                        wrote();
                    }
                }))
                .dsl();
        this.replica = replica == null
                ? this.primary
                : replica.configuration()
                        .deriveAppending(DatabaseFailures.listener())
                        .dsl();
        this.routing = routing;
    }

    /** For writes and for reads that must see the latest writes: the transaction's context, else the primary. */
    DSLContext dsl() {
        Transaction current = transaction.get();
        return current != null ? current.dsl : primary;
    }

    /**
     * For read-only queries that tolerate replica lag (search, lists): the read replica when one is configured,
     * unless this caller wrote something the replica has not replayed yet ({@link ReplicaRouting}). Inside a
     * transaction it answers the transaction's context, so a transaction reads its own writes.
     */
    DSLContext readDsl() {
        Transaction current = transaction.get();
        return current != null ? current.dsl : replica;
    }

    SQLDialect dialect() {
        return primary.dialect();
    }

    /** Placeholders for a read rendered once; failures translated as every statement's ({@link DatabaseFailures}). */
    RenderedRead.Binds binds() {
        return new RenderedRead.Binds(DatabaseFailures::translate);
    }

    boolean inTransaction() {
        return transaction.get() != null;
    }

    /**
     * Takes one connection for the whole transaction (one wait on the pool, however many statements), and lets
     * jOOQ begin, commit, or roll back and rethrow unchecked exceptions unchanged on it.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (transaction.get() != null) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException failed) {
                // A row it named was deleted under it (an account deletion, see JooqAccountDeletionRepository), or a
                // lock cycle: all of it rolled back, so it runs again and its checks now see the other side's commit.
                if (attempt >= RACE_ATTEMPTS || !SqlStates.isLostRace(failed)) {
                    throw failed;
                }
            }
        }
    }

    private <T> T once(Supplier<T> work) {
        ConnectionProvider pool = primary.configuration().connectionProvider();
        Connection connection;
        try {
            connection = pool.acquire();
        } catch (RuntimeException noConnection) {
            throw DatabaseFailures.translate(noConnection);
        }
        Transaction current = new Transaction();
        try {
            T result = primary.configuration()
                    .derive(new DefaultConnectionProvider(connection))
                    .dsl()
                    .transactionResult(configuration -> {
                        current.dsl = configuration.dsl();
                        transaction.set(current);
                        try {
                            return work.get();
                        } finally {
                            transaction.remove();
                        }
                    });
            if (current.wrote) {
                wrote();
            }
            return result;
        } catch (RuntimeException failed) {
            throw DatabaseFailures.translate(failed);
        } finally {
            pool.release(connection);
        }
    }

    /** A statement that may have changed data has run: committed now, or at the end of the transaction. */
    private void wrote() {
        Transaction current = transaction.get();
        if (current != null) {
            current.wrote = true;
        } else if (routing != null) {
            CallerContext.current().ifPresent(caller -> routing.wrote(caller.value()));
        }
    }

    private static final class Transaction {
        private DSLContext dsl;
        private boolean wrote;
    }
}
