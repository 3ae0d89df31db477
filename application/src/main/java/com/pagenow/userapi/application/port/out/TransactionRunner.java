package com.pagenow.userapi.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of it is stored, or none. */
public interface TransactionRunner {

    /**
     * Runs {@code work} in a transaction, committed when it returns and rolled back when it throws.
     *
     * @param <T> what {@code work} returns
     * @param work the work
     * @return what {@code work} returned
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work} in a transaction, as {@link #inTransaction(Supplier)}.
     *
     * @param work the work
     */
    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
