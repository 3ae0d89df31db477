package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping lets a request that is already running finish, and turns new ones away. */
class GracefulShutdownTest {

    @Test
    void inFlightRequestFinishesWhileServerStops() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Routes slow = router -> router.get("/slow", request -> {
            started.countDown();
            Thread.sleep(700);
            return "done";
        });
        RestServer server = RestServer.start(
                RestSettings.listeningOn("127.0.0.1", 0),
                token -> new Caller(UserId.of("u"), Email.of("u@example.com")),
                () -> true,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(slow));
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + server.port() + "/slow");

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(uri).header("Authorization", "Bearer t").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        long stopStarted = System.nanoTime();
        server.stop(Duration.ofSeconds(5));

        HttpResponse<String> finished = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("\"done\"");
        assertThat(Duration.ofNanos(System.nanoTime() - stopStarted)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void newRequestsAreRefusedOnceStopping() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Routes blocking = router -> router.get("/block", request -> {
            started.countDown();
            release.await(5, TimeUnit.SECONDS);
            return "ok";
        });
        RestServer server = RestServer.start(
                RestSettings.listeningOn("127.0.0.1", 0),
                token -> new Caller(UserId.of("u"), Email.of("u@example.com")),
                () -> true,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(blocking));
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/block"))
                        .header("Authorization", "Bearer t")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        Thread stopper = new Thread(() -> server.stop(Duration.ofSeconds(5)));
        stopper.start();
        Thread.sleep(200);
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(URI.create(base + "/ping")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(503);

        release.countDown();
        assertThat(inFlight.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        stopper.join(10_000);
    }

    @Test
    void stoppingAgainReturnsAtOnce() {
        RestServer server = RestServer.start(
                RestSettings.listeningOn("127.0.0.1", 0),
                token -> new Caller(UserId.of("u"), Email.of("u@example.com")),
                () -> true,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of());
        server.stop(Duration.ofSeconds(1));
        long again = System.nanoTime();
        server.stop(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofSeconds(2));
    }
}
