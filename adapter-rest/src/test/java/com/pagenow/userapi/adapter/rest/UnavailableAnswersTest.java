package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.application.error.DatabaseUnavailableException;
import com.pagenow.userapi.application.port.in.CallerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A database outage and an overloaded server are 503 with Retry-After and a problem body; a bug stays 500. */
class UnavailableAnswersTest {

    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);
    private SignedInTestServer server;

    @AfterEach
    void stop() {
        slowRelease.countDown();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void databaseOutageIsServiceUnavailableWithRetryAfter() throws Exception {
        start(RestSettings.listeningOn("127.0.0.1", 0));

        HttpResponse<String> response = get("/outage");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":503")
                .contains("database is unavailable")
                .doesNotContain("SQL")
                .doesNotContain("Exception");
    }

    @Test
    void bugStaysInternalServerError() throws Exception {
        start(RestSettings.listeningOn("127.0.0.1", 0));

        HttpResponse<String> response = get("/bug");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void endpointRunsAsTheAuthenticatedCaller() throws Exception {
        start(RestSettings.listeningOn("127.0.0.1", 0));

        assertThat(get("/whoami").body()).isEqualTo("\"ann\"");
    }

    @Test
    void requestsBeyondTheQueueAreRefusedAtOnceWhileHealthStillAnswers() throws Exception {
        start(RestSettings.listeningOn("127.0.0.1", 0)
                .withMaxConcurrentRequests(1)
                .withMaxQueuedRequests(1));
        CompletableFuture<HttpResponse<String>> running = getAsync("/slow");
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<HttpResponse<String>> queued = getAsync("/whoami");
        Thread.sleep(200);

        long asked = System.nanoTime();
        HttpResponse<String> refused = get("/whoami");
        Duration took = Duration.ofNanos(System.nanoTime() - asked);
        long pinged = System.nanoTime();
        HttpResponse<String> ping = get("/ping");
        Duration pingTook = Duration.ofNanos(System.nanoTime() - pinged);
        slowRelease.countDown();

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.body()).contains("Too many requests in progress");
        assertThat(took).isLessThan(Duration.ofMillis(500));
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("\"pong\"");
        assertThat(pingTook).as("ping while the only worker is busy").isLessThan(Duration.ofMillis(500));
        assertThat(running.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(queued.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void aTurnThatComesLaterThanTheQueueWaitIsRefused() throws Exception {
        start(RestSettings.listeningOn("127.0.0.1", 0)
                .withMaxConcurrentRequests(1)
                .withMaxQueuedRequests(1)
                .withMaxQueueWait(Duration.ofMillis(300)));
        CompletableFuture<HttpResponse<String>> running = getAsync("/slow");
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<HttpResponse<String>> queued = getAsync("/whoami");
        Thread.sleep(600);
        slowRelease.countDown();

        HttpResponse<String> late = queued.get(5, TimeUnit.SECONDS);
        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(late.body()).contains("Too many requests in progress");
        assertThat(running.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(get("/whoami").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodySentSlowlyHoldsNoTurn() throws Exception {
        // One turn and no queue: while the body is on its way, the request must not have taken the turn.
        start(RestSettings.listeningOn("127.0.0.1", 0)
                .withMaxConcurrentRequests(1)
                .withMaxQueuedRequests(0));
        String body = "{\"text\":\"" + "x".repeat(200) + "\"}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket slow = new java.net.Socket("127.0.0.1", server.port())) {
            slow.setSoTimeout(10_000);
            java.io.OutputStream out = slow.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n"
                            + "Connection: close\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                            + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(bytes, 0, 10);
            out.flush();
            Thread.sleep(300);

            HttpResponse<String> meanwhile = get("/whoami");

            out.write(bytes, 10, bytes.length - 10);
            out.flush();
            String answer = new String(slow.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(meanwhile.statusCode()).isEqualTo(200);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("x".repeat(100));
        }
    }

    private void start(RestSettings settings) {
        Routes routes = router -> router.get("/outage", request -> {
                    throw new DatabaseUnavailableException(
                            "Database unavailable (SQLSTATE 08001)",
                            new SQLTransientConnectionException("pool wait over"));
                })
                .get("/bug", request -> {
                    throw new IllegalStateException("a bug");
                })
                .get("/whoami", request -> CallerContext.current().orElseThrow().value())
                .post("/echo", request -> request.body(java.util.Map.class))
                .get("/slow", request -> {
                    slowStarted.countDown();
                    slowRelease.await(10, TimeUnit.SECONDS);
                    return "done";
                });
        server = new SignedInTestServer(settings, routes);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.get(path);
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return server.getAsync(path);
    }
}
