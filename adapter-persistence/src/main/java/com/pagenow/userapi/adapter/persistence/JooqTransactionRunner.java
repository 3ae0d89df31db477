package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.TransactionRunner;

import java.util.Objects;
import java.util.function.Supplier;

/** One database transaction per outermost call; repositories used inside join it. */
final class JooqTransactionRunner implements TransactionRunner {

    private final JooqContext db;

    JooqTransactionRunner(JooqContext db) {
        this.db = Objects.requireNonNull(db);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return db.inTransaction(work);
    }
}
