package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.bootstrap.EventStreamClient.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Streams pass a buffering proxy as they are written. The service sits behind a real nginx set up as a production
 * reverse proxy is ({@link NginxBalancer}: HTTP/1.1 to the service and nginx's default response buffering, which
 * holds a response until its buffer fills); the service's streamed responses say {@code X-Accel-Buffering: no}, so
 * what they write reaches the client at once. One test per streamed path; each starts its stream through nginx,
 * makes the service write to it, and times the arrival.
 */
class StreamingBehindNginxIT {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration OPEN_WITHIN = Duration.ofSeconds(5);

    private static RunningService service;
    private static NginxBalancer nginx;

    @BeforeAll
    static void start() {
        assumeTrue(NginxBalancer.available(),
                "nginx is not installed (Debian package nginx; .ci/setup.d/40-nginx.sh installs it)");
        service = RunningService.start(StreamingBehindNginxIT.class);
        nginx = NginxBalancer.start(List.of(service.port()));
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aLiveEventArrivesThroughNginxWithinASecond() {
        String ann = registered("nginx-ann");
        String ben = registered("nginx-ben");
        try (EventStreamClient stream = throughNginx(() -> EventStreamClient.open(nginx.port(), ann, null))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(service.post("/friendship/requests", ben, "{\"user_id2\":\"nginx-ann\"}").status())
                    .isEqualTo(200);
            // Committed before the answer: the event is due within a second of it (API.md, live events).
            long committed = System.nanoTime();
            Event request = stream.next(SECOND);
            assertThat(request).as("friend_request through nginx within 1 s").isNotNull();
            assertThat(request.name()).isEqualTo("friend_request");
            assertThat(Duration.ofNanos(request.receivedNanos() - committed)).isLessThan(SECOND);
        }
    }

    /**
     * Opens a stream through nginx; a proxy that buffers holds back even the head of the answer, so the open itself
     * is bounded.
     */
    private static EventStreamClient throughNginx(Supplier<EventStreamClient> open) {
        CompletableFuture<EventStreamClient> opened = CompletableFuture.supplyAsync(open);
        try {
            return opened.get(OPEN_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException buffered) {
            throw new AssertionError("no answer through nginx within " + OPEN_WITHIN + ": it buffers the stream");
        } catch (InterruptedException | ExecutionException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static String registered(String userId) {
        String token = service.token(userId);
        assertThat(service.post("/users/me", token, "{\"first_name\":\"Via\",\"last_name\":\"Nginx\"}").status())
                .isEqualTo(200);
        return token;
    }
}
