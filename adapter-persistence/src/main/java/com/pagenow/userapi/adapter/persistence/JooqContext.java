package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.TransactionRunner;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The way every repository of this package reaches the database. Inside {@link #inTransaction} on the current
 * thread, {@link #dsl()} and {@link #readDsl()} answer that transaction's context, so repositories take part
 * in it without knowing; nested calls join the outer transaction. It is also the adapter's {@link TransactionRunner}.
 */
final class JooqContext implements TransactionRunner {

    private final DSLContext primary;
    private final DSLContext replica;
    private final ThreadLocal<DSLContext> transaction = new ThreadLocal<>();

    JooqContext(DSLContext primary, DSLContext replica) {
        this.primary = primary;
        this.replica = replica == null ? primary : replica;
    }

    /** For writes and for reads that must see the latest writes: the transaction's context, else the primary. */
    DSLContext dsl() {
        DSLContext current = transaction.get();
        return current != null ? current : primary;
    }

    /**
     * For read-only queries that tolerate replica lag (search, lists): the read replica when one is configured.
     * Inside a transaction it answers the transaction's context, so a transaction reads its own writes.
     */
    DSLContext readDsl() {
        DSLContext current = transaction.get();
        return current != null ? current : replica;
    }

    SQLDialect dialect() {
        return primary.dialect();
    }

    boolean inTransaction() {
        return transaction.get() != null;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (transaction.get() != null) {
            return work.get();
        }
        // jOOQ commits when the callable returns and rolls back and rethrows unchecked exceptions unchanged.
        return primary.transactionResult(configuration -> {
            transaction.set(configuration.dsl());
            try {
                return work.get();
            } finally {
                transaction.remove();
            }
        });
    }
}
