package com.pagenow.userapi.adapter.rest.http.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RequestObserverTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RequestObserver observer = new RequestObserver(meters);
    private final Logger access = (Logger) LoggerFactory.getLogger("access");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        access.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        access.detachAppender(lines);
    }

    @Test
    void eachMethodRouteAndStatusHasItsOwnTimerCountingEveryRequest() {
        long start = System.nanoTime();
        observer.completed("GET", "/users/me", 200, start, "alice");
        observer.completed("GET", "/users/me", 200, start, "bob");
        observer.completed("GET", "/users/me", 404, start, "carol");
        observer.completed("POST", "/users/me", 200, start, "alice");

        assertThat(timer("GET", "/users/me", "200").count()).isEqualTo(2);
        assertThat(timer("GET", "/users/me", "404").count()).isEqualTo(1);
        assertThat(timer("POST", "/users/me", "200").count()).isEqualTo(1);
        assertThat(meters.find("http.server.requests").timers()).hasSize(3);
    }

    @Test
    void timerRecordsTheElapsedTime() {
        observer.completed("GET", "/ping", 200, System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(30), null);

        assertThat(timer("GET", "/ping", "200").totalTime(TimeUnit.MILLISECONDS))
                .isBetween(30.0, 5_000.0);
    }

    @Test
    void accessLineNamesMethodRouteStatusMillisAndUser() {
        observer.completed("GET", "/users/id/{user_id}", 404, System.nanoTime() - 1_250_000, "alice");
        observer.completed("GET", "/ping", 200, System.nanoTime(), null);

        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(0).getFormattedMessage())
                .matches("GET /users/id/\\{user_id} 404 \\d+\\.\\dms user=alice");
        assertThat(lines.list.get(1).getFormattedMessage()).matches("GET /ping 200 \\d+\\.\\dms user=-");
    }

    @Test
    void millisHaveOneDecimalRoundedToNearest() {
        assertThat(new RequestObserver.Millis(1_234_567).toString()).isEqualTo("1.2");
        assertThat(new RequestObserver.Millis(1_250_000).toString()).isEqualTo("1.3");
        assertThat(new RequestObserver.Millis(40_000).toString()).isEqualTo("0.0");
        assertThat(new RequestObserver.Millis(12_345_678_900L).toString()).isEqualTo("12345.7");
    }

    private Timer timer(String method, String route, String status) {
        return meters.get("http.server.requests")
                .tag("method", method)
                .tag("route", route)
                .tag("status", status)
                .timer();
    }
}
