package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A RestServer on a free port serving {@code routes}, where every token signs in as "ann"; GETs with a token. */
final class SignedInTestServer implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final RestServer server;

    SignedInTestServer(RestSettings settings, Routes routes) {
        server = RestServer.start(
                settings,
                token -> new Caller(UserId.of("ann"), Email.of("ann@example.com")),
                () -> true,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(routes));
    }

    int port() {
        return server.port();
    }

    HttpResponse<String> get(String path) throws Exception {
        return getAsync(path).get(10, TimeUnit.SECONDS);
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Authorization", "Bearer t")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(2));
    }
}
