package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.RateLimits;

import java.util.Objects;
import java.util.Set;

/**
 * Where the HTTP server listens and which browser origins may call it (empty: any origin, with credentials).
 * {@code metricsPort} 0 serves {@code /metrics} on the main port; another value serves it only there.
 * {@code rateLimits} are the per-user budgets of this instance.
 */
public record RestSettings(String host, int port, Set<String> corsAllowedOrigins, int metricsPort,
                           RateLimits rateLimits) {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    public RestSettings {
        Objects.requireNonNull(host, "host");
        corsAllowedOrigins = Set.copyOf(corsAllowedOrigins);
        Objects.requireNonNull(rateLimits, "rateLimits");
    }

    /** With the default rate limits. */
    public RestSettings(String host, int port, Set<String> corsAllowedOrigins, int metricsPort) {
        this(host, port, corsAllowedOrigins, metricsPort, RateLimits.DEFAULT);
    }
}
