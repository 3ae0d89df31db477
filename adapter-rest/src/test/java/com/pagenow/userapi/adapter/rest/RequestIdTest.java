package com.pagenow.userapi.adapter.rest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.pagenow.userapi.adapter.rest.http.server.RequestIds;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import com.pagenow.userapi.application.service.AuthenticationService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request id over real HTTP: taken from {@code X-Request-Id} when safe, else made up; echoed; on every log line
 * the request writes, on the IO thread and on the worker thread (access log included), with the caller's user id once
 * known; named in 500 bodies; and gone from the threads afterwards.
 */
class RequestIdTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private RestServer server;

    @BeforeEach
    void start() {
        logged.start();
        root.addAppender(logged);
        Routes probe = router -> router.get("/probe/log", request -> {
                    LoggerFactory.getLogger("probe").info("inside the endpoint");
                    return Map.of("ok", true);
                })
                .get("/probe/fail", request -> {
                    throw new IllegalStateException("a bug");
                });
        server = RestServer.start(
                RestSettings.listeningOn("127.0.0.1", 0),
                new AuthenticationService(token -> {
                    if (!token.equals("alice")) {
                        throw new TokenRejectedException("unknown");
                    }
                    return new VerifiedIdentity("alice", "alice@example.com");
                }),
                () -> true,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(probe));
    }

    @AfterEach
    void stop() {
        server.close();
        root.detachAppender(logged);
    }

    @Test
    void aSafeRequestIdIsEchoedAndOnEveryLogLineOfTheRequestWithTheUser() throws Exception {
        HttpResponse<String> response = get("/probe/log", "alice", "req-42.abc:XYZ");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-42.abc:XYZ");
        ILoggingEvent inside = awaitLine("probe", "inside the endpoint");
        assertThat(inside.getMDCPropertyMap())
                .containsEntry(RequestIds.REQUEST_ID, "req-42.abc:XYZ")
                .containsEntry(RequestIds.USER_ID, "alice");
        ILoggingEvent access = awaitLine("access", "GET /probe/log 200");
        assertThat(access.getMDCPropertyMap())
                .containsEntry(RequestIds.REQUEST_ID, "req-42.abc:XYZ")
                .containsEntry(RequestIds.USER_ID, "alice");
    }

    @Test
    void aMissingOrUnsafeRequestIdIsReplacedByANewOne() throws Exception {
        String missing =
                get("/ping", null, null).headers().firstValue("X-Request-Id").orElseThrow();
        String tooLong = get("/ping", null, "a".repeat(129))
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        String unsafe = get("/ping", null, "<script>\"x\"")
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();
        String longest = get("/ping", null, "b".repeat(128))
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow();

        assertThat(missing).matches(UUID_PATTERN);
        assertThat(tooLong).matches(UUID_PATTERN);
        assertThat(unsafe).matches(UUID_PATTERN);
        assertThat(Set.of(missing, tooLong, unsafe)).hasSize(3);
        assertThat(longest).isEqualTo("b".repeat(128));
    }

    @Test
    void aServerErrorNamesTheRequestIdInItsBodyAndItsLogLine() throws Exception {
        HttpResponse<String> response = get("/probe/fail", "alice", "trace-500");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .contains("trace-500")
                .doesNotContain("IllegalStateException")
                .doesNotContain("a bug");
        ILoggingEvent error = awaitLine("com.pagenow.userapi.adapter.rest.http.ErrorMapper", "trace-500");
        assertThat(error.getMDCPropertyMap()).containsEntry(RequestIds.REQUEST_ID, "trace-500");
    }

    @Test
    void healthAnsweredFromItsOwnDispatchCarriesTheRequestIdOnItsAccessLine() throws Exception {
        get("/health", null, "health-1");

        ILoggingEvent access = awaitLine("access", "GET /health 200");
        assertThat(access.getMDCPropertyMap()).containsEntry(RequestIds.REQUEST_ID, "health-1");
    }

    @Test
    void notFoundAndMethodNotAllowedReachTheAccessLogAsUnmatchedWithoutTheRawPath() throws Exception {
        assertThat(get("/no/such/secret-path", "alice", "probe-404").statusCode())
                .isEqualTo(404);
        ILoggingEvent notFound = awaitLine("access", "GET UNMATCHED 404");
        assertThat(notFound.getMDCPropertyMap()).containsEntry(RequestIds.REQUEST_ID, "probe-404");
        assertThat(notFound.getFormattedMessage()).doesNotContain("secret-path");

        HttpResponse<String> wrongMethod = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        awaitLine("access", "DELETE UNMATCHED 405");
    }

    @Test
    void theNextRequestOnTheSameThreadsCarriesNeitherTheOldRequestIdNorTheOldUser() throws Exception {
        for (int i = 0; i < 20; i++) {
            get("/probe/log", "alice", "signed-in-" + i);
        }
        for (int i = 0; i < 20; i++) {
            get("/probe/log", null, "anonymous-" + i);
        }

        within5s(() -> accessLines("GET /probe/log 401").size() == 20 ? true : null);
        for (ILoggingEvent line : accessLines("GET /probe/log 401")) {
            assertThat(line.getMDCPropertyMap().get(RequestIds.REQUEST_ID)).startsWith("anonymous-");
            assertThat(line.getMDCPropertyMap()).doesNotContainKey(RequestIds.USER_ID);
        }
    }

    private List<ILoggingEvent> accessLines(String start) {
        synchronized (logged) {
            return logged.list.stream()
                    .filter(event -> event.getLoggerName().equals("access"))
                    .filter(event -> event.getFormattedMessage().startsWith(start))
                    .toList();
        }
    }

    private ILoggingEvent awaitLine(String logger, String containing) {
        return within5s(() -> {
            synchronized (logged) {
                return logged.list.stream()
                        .filter(event -> event.getLoggerName().equals(logger))
                        .filter(event -> event.getFormattedMessage().contains(containing))
                        .findFirst()
                        .orElse(null);
            }
        });
    }

    /** Access lines are written when the exchange completes, just after the client has its answer. */
    private static <T> T within5s(java.util.function.Supplier<T> found) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not logged within 5 s");
    }

    private HttpResponse<String> get(String path, String token, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
