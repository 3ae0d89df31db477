package com.pagenow.userapi.adapter.rest.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * One access-log line and one timer sample per request: method, route template, status, time, user id (no
 * credentials) and, for a refused token, which check failed ({@code auth=JwtExpiredError}).
 */
public final class RequestObserver {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");

    /** The caller's user id, for handlers that authenticate by themselves (raw routes), for the access log. */
    public static final io.undertow.util.AttachmentKey<String> USER_ID =
            io.undertow.util.AttachmentKey.create(String.class);

    private final MeterRegistry meters;

    public RequestObserver(MeterRegistry meters) {
        this.meters = meters;
    }

    public void completed(String method, String route, int status, long startNanos, String userId) {
        completed(method, route, status, startNanos, userId, null);
    }

    public void completed(String method, String route, int status, long startNanos, String userId,
                          String authFailure) {
        long nanos = System.nanoTime() - startNanos;
        Timer.builder("http.server.requests")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(meters)
                .record(Duration.ofNanos(nanos));
        if (ACCESS.isInfoEnabled()) {
            String took = String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0);
            if (authFailure == null) {
                ACCESS.info("{} {} {} {}ms user={}", method, route, status, took, userId == null ? "-" : userId);
            } else {
                ACCESS.info("{} {} {} {}ms user=- auth={}", method, route, status, took, authFailure);
            }
        }
    }
}
