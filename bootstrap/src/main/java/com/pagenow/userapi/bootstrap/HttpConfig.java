package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.rest.RestSettings;
import com.pagenow.userapi.adapter.rest.http.RateLimits;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Reads the REST adapter's one settings type, {@link RestSettings}, from the environment: where to listen, which
 * browser origins may call ({@code *}: any, dev mode only; empty: none), how many requests run and wait at once,
 * each user's request budgets, whether quick reads may run on the IO threads, and how long an idle kept-alive
 * connection stays open. Each default is the adapter's.
 */
final class HttpConfig {

    private HttpConfig() {}

    /** Any origin, as {@link com.pagenow.userapi.adapter.rest.http.server.CorsHandler} reads it. */
    static final Set<String> ANY_ORIGIN = Set.of("*");

    /** In production; {@link #fromDevMode} for dev mode. */
    static RestSettings from(Environment env, String defaultHost) {
        return from(env, defaultHost, false);
    }

    static RestSettings fromDevMode(Environment env, String defaultHost) {
        return from(env, defaultHost, true);
    }

    private static RestSettings from(Environment env, String defaultHost, boolean devMode) {
        String host = env.get("HOST").orElse(defaultHost);
        int port = env.integer("PORT", 8000, 0, 65535);
        int metricsPort = env.integer("METRICS_PORT", 0, 0, 65535);
        List<String> origins = env.list("CORS_ALLOWED_ORIGINS");
        Set<String> allowed = corsOrigins(origins, devMode);
        int concurrent =
                env.integer("HTTP_MAX_CONCURRENT_REQUESTS", RestSettings.DEFAULT_MAX_CONCURRENT_REQUESTS, 1, 10_000);
        int queued = env.integer("HTTP_MAX_QUEUED_REQUESTS", RestSettings.DEFAULT_MAX_QUEUED_REQUESTS, 0, 100_000);
        Duration queueWait = env.duration("HTTP_MAX_QUEUE_WAIT", RestSettings.DEFAULT_MAX_QUEUE_WAIT);
        if (queueWait.isZero()) {
            throw new ConfigException("HTTP_MAX_QUEUE_WAIT must be more than 0, got " + queueWait);
        }
        RateLimits limits = new RateLimits(
                env.integer("RATE_LIMIT_WRITES_PER_MINUTE", RateLimits.DEFAULT.writesPerMinute(), 0, 1_000_000),
                env.integer("RATE_LIMIT_SEARCHES_PER_MINUTE", RateLimits.DEFAULT.searchesPerMinute(), 0, 1_000_000));
        Duration idleTimeout = env.duration("HTTP_IDLE_TIMEOUT", RestSettings.DEFAULT_IDLE_TIMEOUT);
        if (idleTimeout.isZero()) {
            throw new ConfigException("HTTP_IDLE_TIMEOUT must be more than 0, got " + idleTimeout);
        }
        return RestSettings.listeningOn(host, port)
                .withCorsAllowedOrigins(allowed)
                .withMetricsPort(metricsPort)
                .withMaxConcurrentRequests(concurrent)
                .withMaxQueuedRequests(queued)
                .withMaxQueueWait(queueWait)
                .withRateLimits(limits)
                .withQuickReadsOnIoThreads(env.bool("HTTP_QUICK_READS_ON_IO_THREADS", true))
                .withIdleTimeout(idleTimeout);
    }

    /**
     * Dev mode lets any page call it unless told otherwise. Production takes an explicit list (the extension's
     * {@code chrome-extension://<id>} and the web client's origin): {@code *} there is a configuration error, and
     * without the variable no browser origin may call (the start-up log warns).
     */
    private static Set<String> corsOrigins(List<String> origins, boolean devMode) {
        if (origins.contains("*")) {
            if (!devMode) {
                throw new ConfigException("CORS_ALLOWED_ORIGINS=* (any origin) is for dev mode only: list the "
                        + "origins of the extension and the web client");
            }
            return ANY_ORIGIN;
        }
        return devMode && origins.isEmpty() ? ANY_ORIGIN : Set.copyOf(origins);
    }
}
