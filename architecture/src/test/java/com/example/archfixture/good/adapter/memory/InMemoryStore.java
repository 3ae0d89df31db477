package com.example.archfixture.good.adapter.memory;

import com.pagenow.userapi.application.port.out.TransactionRunner;

import java.util.function.Supplier;

/** A well-behaved adapter: implements a user-api port, knows nothing else of user-api. */
public final class InMemoryStore implements TransactionRunner {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
