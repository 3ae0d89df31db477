package com.pagenow.userapi.adapter.rest.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** One access-log line and one timer sample per request: method, route template, status, time, user id (no credentials). */
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
        long nanos = System.nanoTime() - startNanos;
        Timer.builder("http.server.requests")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(meters)
                .record(Duration.ofNanos(nanos));
        if (ACCESS.isInfoEnabled()) {
            ACCESS.info("{} {} {} {}ms user={}", method, route, status,
                    String.format(java.util.Locale.ROOT, "%.1f", nanos / 1_000_000.0), userId == null ? "-" : userId);
        }
    }
}
