package com.pagenow.userapi.application.fake;

import com.pagenow.userapi.application.port.out.TransactionRunner;

import java.util.function.Supplier;

/** Runs the work directly, counting transactions, so a test can tell that a write asked for one. */
public class DirectTransactionRunner implements TransactionRunner {

    private int started;
    private int depth;

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        started++;
        depth++;
        try {
            return work.get();
        } finally {
            depth--;
        }
    }

    /** How many transactions were started so far. */
    public synchronized int started() {
        return started;
    }

    /** Whether work is running inside a transaction right now. */
    public synchronized boolean isActive() {
        return depth > 0;
    }
}
