package com.pagenow.userapi.adapter.rest.http.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

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
    /**
     * The timer of each method, route and status, found once: building and registering a timer per request (a meter
     * id, its sorted tags, the registry's lookup) was most of this class's cost under load.
     */
    private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    public RequestObserver(MeterRegistry meters) {
        this.meters = meters;
    }

    public void completed(String method, String route, int status, long startNanos, String userId) {
        completed(method, route, status, startNanos, userId, null);
    }

    public void completed(String method, String route, int status, long startNanos, String userId, String authFailure) {
        long nanos = System.nanoTime() - startNanos;
        timers.computeIfAbsent(new TimerKey(method, route, status), this::timer).record(nanos, TimeUnit.NANOSECONDS);
        if (ACCESS.isInfoEnabled()) {
            Millis took = new Millis(nanos);
            if (authFailure == null) {
                ACCESS.info("{} {} {} {}ms user={}", method, route, status, took, userId == null ? "-" : userId);
            } else {
                ACCESS.info("{} {} {} {}ms user=- auth={}", method, route, status, took, authFailure);
            }
        }
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("http.server.requests")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", Integer.toString(key.status()))
                .register(meters);
    }

    private record TimerKey(String method, String route, int status) {}

    /** A duration in milliseconds with one decimal, formatted only when the line is written. */
    record Millis(long nanos) {
        @Override
        public String toString() {
            long tenths = (nanos + 50_000) / 100_000;
            return (tenths / 10) + "." + (tenths % 10);
        }
    }
}
