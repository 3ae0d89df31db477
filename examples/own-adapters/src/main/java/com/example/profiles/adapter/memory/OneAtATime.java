package com.example.profiles.adapter.memory;

import com.pagenow.userapi.application.port.out.TransactionRunner;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** This service's own {@link TransactionRunner}: one unit of work at a time over the in-memory stores. */
public final class OneAtATime implements TransactionRunner {

    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
