package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.bootstrap.EventStreamClient.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Streams pass a buffering proxy as they are written. The service sits behind a real nginx set up as a production
 * reverse proxy is ({@link NginxBalancer}: HTTP/1.1 to the service and nginx's default response buffering, which
 * holds a response until its buffer fills); the service's streamed responses say {@code X-Accel-Buffering: no}, so
 * what they write reaches the client at once. One test per streamed path; each starts its stream through nginx,
 * makes the service write to it, and times the arrival. A large export must also not be taken whole by nginx (into
 * its memory and temporary files) ahead of the client: production's gateways hold a whole response to a limit.
 */
class StreamingBehindNginxIT {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration OPEN_WITHIN = Duration.ofSeconds(5);
    /** About 100 MB of export: far more than the socket buffers between the service and the client hold. */
    private static final int EXPORT_SHARES = 100_000;

    private static final int FIRST_CHUNK = 64 * 1024;
    /** How long the client holds after its first chunk; unimpeded, the service writes the export in less. */
    private static final Duration HOLD = Duration.ofSeconds(10);

    private static final Pattern EXPORTS_DONE =
            Pattern.compile("http_server_requests_seconds_count\\{[^}]*route=\"/users/me/export\"[^}]*\\} ([0-9.]+)");

    private static RunningService service;
    private static NginxBalancer nginx;

    @BeforeAll
    static void start() {
        assumeTrue(
                NginxBalancer.available(),
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
            assertThat(service.post("/friendship/requests", ben, "{\"user_id2\":\"nginx-ann\"}")
                            .status())
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
     * The export goes through nginx at the client's pace: the first bytes arrive while the service is still writing,
     * and while the client holds after its first chunk, the service cannot finish (a buffering nginx would take the
     * whole 100 MB from it into a temporary file and let it finish); then the whole document arrives, valid.
     */
    @Test
    void aLargeExportIsStreamedThroughNginxAtTheClientsPace() throws Exception {
        String token = registered("nginx-exp");
        service.database()
                .execute("INSERT INTO share_notification_table (user_id, url, title, sent_at)"
                        + " SELECT 'nginx-exp', 'https://example.com/' || repeat('p', 480) || g, repeat('t', 500),"
                        + " timestamp '2026-01-01' + g * interval '1 second' FROM generate_series(1, " + EXPORT_SHARES
                        + ")"
                        + " g");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long started = System.nanoTime();
        HttpResponse<InputStream> export = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + "/users/me/export"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).isEqualTo(200);
        try (InputStream body = export.body()) {
            byte[] first = body.readNBytes(FIRST_CHUNK);
            Duration firstChunk = Duration.ofNanos(System.nanoTime() - started);
            assertThat(new String(first, 0, 40, StandardCharsets.UTF_8)).startsWith("{\"format\":\"pagenow-export/1\"");
            assertThat(exportsDone())
                    .as(
                            "the first %d KB arrived (after %d ms) before the service finished writing",
                            FIRST_CHUNK / 1024, firstChunk.toMillis())
                    .isZero();

            long holdUntil = System.nanoTime() + HOLD.toNanos();
            while (System.nanoTime() < holdUntil) {
                assertThat(exportsDone())
                        .as("the service finished the export while the client held after its"
                                + " first chunk: nginx took the whole body from it (buffered) instead of streaming")
                        .isZero();
                Thread.sleep(250);
            }

            long[] bytesAndShares =
                    ExportBoundedMemoryIT.countShares(new SequenceInputStream(new ByteArrayInputStream(first), body));
            Duration whole = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf(
                    "StreamingBehindNginxIT: export of %d bytes (%d shares) through nginx: first %d KB"
                            + " after %d ms, service still writing after a %d s hold, whole after %d ms%n",
                    bytesAndShares[0],
                    bytesAndShares[1],
                    FIRST_CHUNK / 1024,
                    firstChunk.toMillis(),
                    HOLD.toSeconds(),
                    whole.toMillis());
            assertThat(bytesAndShares[1]).isEqualTo(EXPORT_SHARES);
            assertThat(bytesAndShares[0]).isGreaterThan(EXPORT_SHARES * 1000L);
        }
    }

    /** Exports the service has finished writing (its request timer counts a request once it is written). */
    private static double exportsDone() {
        Matcher done = EXPORTS_DONE.matcher(service.get("/metrics", null).body());
        double count = 0;
        while (done.find()) {
            count += Double.parseDouble(done.group(1));
        }
        return count;
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
        assertThat(service.post("/users/me", token, "{\"first_name\":\"Via\",\"last_name\":\"Nginx\"}")
                        .status())
                .isEqualTo(200);
        return token;
    }
}
