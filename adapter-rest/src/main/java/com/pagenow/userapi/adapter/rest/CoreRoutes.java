package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.Router;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /ping} and {@code /health}. Neither waits for a worker thread, so that a load balancer sees an instance
 * whose workers are all busy as alive: {@code /ping} answers on the
 * IO thread, {@code /health} asks the database on a thread of its own, at most once a second: within a second of
 * the last check, and while a check runs, it answers that check's result at once, so a flood of {@code /health}
 * costs the database one check a second and queues nothing.
 */
final class CoreRoutes implements Routes {

    private static final String PONG = "\"pong\"";

    private final ExecutorService healthChecks = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "health-check");
        thread.setDaemon(true);
        return thread;
    });
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final HealthCheck health;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile Checked last;

    CoreRoutes(HealthCheck health) {
        this.health = health;
    }

    @Override
    public void register(Router router) {
        router.rawGet("/ping", exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send(PONG);
        });
        router.rawGet("/health", exchange -> {
            Checked known = last;
            if (known != null && (known.fresh() || checking.get())) {
                answer(exchange, known.up());
                return;
            }
            if (exchange.isInIoThread()) {
                exchange.dispatch(healthChecks, this::health);
                return;
            }
            health(exchange);
        });
    }

    @Override
    public void shutdown() {
        healthChecks.shutdown();
    }

    private void health(HttpServerExchange exchange) {
        Checked known = last;
        if ((known == null || !known.fresh()) && checking.compareAndSet(false, true)) {
            try {
                known = new Checked(health.databaseUp(), System.nanoTime());
                last = known;
            } finally {
                checking.set(false);
            }
        }
        // Lost the race to a check that has just finished (or another runs): its answer is as new.
        answer(exchange, known != null ? known.up() : last != null && last.up());
    }

    private static void answer(HttpServerExchange exchange, boolean up) {
        String state = up ? "UP" : "DOWN";
        exchange.setStatusCode(up ? 200 : 503);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send("{\"status\":\"" + state + "\",\"checks\":{\"database\":\"" + state + "\"}}");
    }

    /** One database check's result and when it was taken ({@link System#nanoTime}). */
    private record Checked(boolean up, long at) {

        boolean fresh() {
            return System.nanoTime() - at < FRESH_NANOS;
        }
    }
}
