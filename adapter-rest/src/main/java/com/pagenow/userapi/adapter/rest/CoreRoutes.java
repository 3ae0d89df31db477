package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.Router;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code /ping}, {@code /health} and, unless it has its own port, {@code /metrics}. None of them waits for a worker
 * thread, so that a load balancer sees an instance whose workers are all busy as alive: {@code /ping} answers on the
 * IO thread, {@code /health} asks the database on a thread of its own.
 */
final class CoreRoutes implements Routes {

    private static final String PONG = "\"pong\"";

    private final ExecutorService healthChecks = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "health-check");
        thread.setDaemon(true);
        return thread;
    });
    private final HealthCheck health;
    private final PrometheusMeterRegistry meters;
    private final boolean serveMetrics;

    CoreRoutes(HealthCheck health, PrometheusMeterRegistry meters, boolean serveMetrics) {
        this.health = health;
        this.meters = meters;
        this.serveMetrics = serveMetrics;
    }

    @Override
    public void register(Router router) {
        router.rawGet("/ping", exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseSender().send(PONG);
        });
        router.rawGet("/health", exchange -> {
            if (exchange.isInIoThread()) {
                exchange.dispatch(healthChecks, this::health);
                return;
            }
            health(exchange);
        });
        if (serveMetrics) {
            router.rawGet("/metrics", exchange -> metrics(exchange, meters));
        }
    }

    @Override
    public void shutdown() {
        healthChecks.shutdown();
    }

    private void health(HttpServerExchange exchange) {
        boolean up = health.databaseUp();
        String state = up ? "UP" : "DOWN";
        exchange.setStatusCode(up ? 200 : 503);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send("{\"status\":\"" + state + "\",\"checks\":{\"database\":\"" + state + "\"}}");
    }

    static void metrics(HttpServerExchange exchange, PrometheusMeterRegistry meters) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
        exchange.getResponseSender().send(meters.scrape());
    }
}
