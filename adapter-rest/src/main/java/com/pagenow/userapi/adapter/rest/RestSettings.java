package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.RateLimits;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the HTTP server listens and which browser origins may call it (empty: any origin, with credentials).
 * {@code metricsPort} 0 serves {@code /metrics} on the main port; another value serves it only there. At most
 * {@code maxConcurrentRequests} API requests run at once (on a worker thread each, or a quick read on an IO thread)
 * and {@code maxQueuedRequests} wait for a turn; past that a request is answered {@code 503} at once, and so is one
 * that waited longer than
 * {@code maxQueueWait} for its turn. {@code rateLimits} are the per-user budgets of this instance.
 * {@code quickReadsOnIoThreads}: quick reads run on the IO thread that parsed them while they are fast
 * ({@link com.pagenow.userapi.adapter.rest.http.server.IoThreadReads}); false runs every request on a worker thread.
 * {@code idleTimeout}: how long a kept-alive connection may wait for its next request before it is closed.
 */
public record RestSettings(
        String host,
        int port,
        Set<String> corsAllowedOrigins,
        int metricsPort,
        int maxConcurrentRequests,
        int maxQueuedRequests,
        Duration maxQueueWait,
        RateLimits rateLimits,
        boolean quickReadsOnIoThreads,
        Duration idleTimeout) {

    public static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * Twice the cores, at least 4: each running request mostly uses CPU (its own and the database's), so more of
     * them at once only share the cores in time slices, which stretches the slowest answers. At 1,000,000 users on
     * 2 cores, 4 instead of 32 cut the p99 of friends from 36-94 ms to 13-18 ms and of suggestions from 65-93 ms to
     * 15-16 ms, at a higher rate (docs/benchmarks.md, issue 14).
     */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS =
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /**
     * As many IO threads as requests run at once by default, so that quick reads, which run on them, can take every
     * turn (Undertow's own default is one per core, at least 2). At 100,000 users on 2 cores, 4 IO threads served
     * {@code /friendship/check} at 18,300 req/s against 14,400 with 2 (docs/benchmarks.md, issue 14).
     */
    public static final int IO_THREADS = DEFAULT_MAX_CONCURRENT_REQUESTS;

    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 64;
    /** A request that waited this long for a turn is answered 503: about one pool wait, as the Retry-After says. */
    public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(2);
    /**
     * Longer than the idle timeout of the load balancer in front (the ALB's 60 s): a connection the balancer may
     * still reuse is never one this server is closing, which the balancer would answer 502.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(75);

    public RestSettings {
        Objects.requireNonNull(host, "host");
        corsAllowedOrigins = Set.copyOf(corsAllowedOrigins);
        if (maxConcurrentRequests < 1 || maxQueuedRequests < 0) {
            throw new IllegalArgumentException("maxConcurrentRequests must be at least 1, maxQueuedRequests 0");
        }
        if (maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("maxQueueWait must be positive");
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive");
        }
    }

    /**
     * Listening on {@code host:port} with every other setting at its default: no browser origin, {@code /metrics} on
     * the main port, the default request and rate limits, quick reads on the IO threads.
     *
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @return the settings, to refine with the {@code with...} methods
     */
    public static RestSettings listeningOn(String host, int port) {
        return new RestSettings(
                host,
                port,
                Set.of(),
                0,
                DEFAULT_MAX_CONCURRENT_REQUESTS,
                DEFAULT_MAX_QUEUED_REQUESTS,
                DEFAULT_MAX_QUEUE_WAIT,
                RateLimits.DEFAULT,
                true,
                DEFAULT_IDLE_TIMEOUT);
    }

    public RestSettings withCorsAllowedOrigins(Set<String> origins) {
        return copy(settings -> settings.corsAllowedOrigins = origins);
    }

    public RestSettings withMetricsPort(int port) {
        return copy(settings -> settings.metricsPort = port);
    }

    public RestSettings withMaxConcurrentRequests(int max) {
        return copy(settings -> settings.maxConcurrentRequests = max);
    }

    public RestSettings withMaxQueuedRequests(int max) {
        return copy(settings -> settings.maxQueuedRequests = max);
    }

    public RestSettings withMaxQueueWait(Duration wait) {
        return copy(settings -> settings.maxQueueWait = wait);
    }

    public RestSettings withRateLimits(RateLimits limits) {
        return copy(settings -> settings.rateLimits = limits);
    }

    public RestSettings withQuickReadsOnIoThreads(boolean quickReads) {
        return copy(settings -> settings.quickReadsOnIoThreads = quickReads);
    }

    public RestSettings withIdleTimeout(Duration timeout) {
        return copy(settings -> settings.idleTimeout = timeout);
    }

    /** These settings with {@code change} applied; the one place that lists every component for the copy. */
    private RestSettings copy(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return new RestSettings(
                draft.host,
                draft.port,
                draft.corsAllowedOrigins,
                draft.metricsPort,
                draft.maxConcurrentRequests,
                draft.maxQueuedRequests,
                draft.maxQueueWait,
                draft.rateLimits,
                draft.quickReadsOnIoThreads,
                draft.idleTimeout);
    }

    /** A mutable copy of the components, checked again by the record's constructor when it is built. */
    private static final class Draft {
        private final String host;
        private final int port;
        private Set<String> corsAllowedOrigins;
        private int metricsPort;
        private int maxConcurrentRequests;
        private int maxQueuedRequests;
        private Duration maxQueueWait;
        private RateLimits rateLimits;
        private boolean quickReadsOnIoThreads;
        private Duration idleTimeout;

        private Draft(RestSettings settings) {
            host = settings.host;
            port = settings.port;
            corsAllowedOrigins = settings.corsAllowedOrigins;
            metricsPort = settings.metricsPort;
            maxConcurrentRequests = settings.maxConcurrentRequests;
            maxQueuedRequests = settings.maxQueuedRequests;
            maxQueueWait = settings.maxQueueWait;
            rateLimits = settings.rateLimits;
            quickReadsOnIoThreads = settings.quickReadsOnIoThreads;
            idleTimeout = settings.idleTimeout;
        }
    }
}
