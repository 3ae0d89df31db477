package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.RateLimits;

import java.util.Objects;
import java.util.Set;

/**
 * Where the HTTP server listens and which browser origins may call it (empty: any origin, with credentials).
 * {@code metricsPort} 0 serves {@code /metrics} on the main port; another value serves it only there. At most
 * {@code maxConcurrentRequests} API requests run at once (one worker thread each) and {@code maxQueuedRequests}
 * wait for a turn; past that a request is answered {@code 503} at once. {@code rateLimits} are the per-user
 * budgets of this instance.
 */
public record RestSettings(String host, int port, Set<String> corsAllowedOrigins, int metricsPort,
                           int maxConcurrentRequests, int maxQueuedRequests, RateLimits rateLimits) {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 32;
    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 64;

    public RestSettings {
        Objects.requireNonNull(host, "host");
        corsAllowedOrigins = Set.copyOf(corsAllowedOrigins);
        if (maxConcurrentRequests < 1 || maxQueuedRequests < 0) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, maxQueuedRequests 0");
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** Settings with the default request and rate limits. */
    public RestSettings(String host, int port, Set<String> corsAllowedOrigins, int metricsPort) {
        this(host, port, corsAllowedOrigins, metricsPort, DEFAULT_MAX_CONCURRENT_REQUESTS,
                DEFAULT_MAX_QUEUED_REQUESTS, RateLimits.DEFAULT);
    }
}
