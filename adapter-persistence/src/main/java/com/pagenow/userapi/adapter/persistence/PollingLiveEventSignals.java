package com.pagenow.userapi.adapter.persistence;

import com.pagenow.userapi.application.port.out.LiveEventSignals;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The embedded database has no LISTEN/NOTIFY: every stream looks for new events twice a second (dev mode). */
final class PollingLiveEventSignals implements LiveEventSignals {

    static final Duration EVERY = Duration.ofMillis(500);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-events-poll");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void start(Listener listener) {
        timer.scheduleWithFixedDelay(
                listener::mayHaveMissed, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
