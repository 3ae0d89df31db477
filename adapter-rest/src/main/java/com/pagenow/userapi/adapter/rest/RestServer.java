package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.adapter.rest.http.CorsHandler;
import com.pagenow.userapi.adapter.rest.http.Json;
import com.pagenow.userapi.adapter.rest.http.RequestObserver;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.AuthenticateCallerUseCase;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Undertow server: routes behind CORS and a graceful-shutdown gate, bodies capped at 64 KiB. */
public final class RestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final Undertow server;
    private final Undertow metricsServer;
    private final GracefulShutdownHandler gate;
    private final List<String> routes;

    private RestServer(Undertow server, Undertow metricsServer, GracefulShutdownHandler gate, List<String> routes) {
        this.server = server;
        this.metricsServer = metricsServer;
        this.gate = gate;
        this.routes = routes;
    }

    public static RestServer start(RestSettings settings, AuthenticateCallerUseCase authentication,
                                   HealthCheck health, PrometheusMeterRegistry meters, List<Routes> resources) {
        ObjectMapper json = Json.mapper();
        Router router = new Router(authentication, json, new RequestObserver(meters));
        List<Routes> all = new ArrayList<>();
        all.add(new CoreRoutes(health, meters, settings.metricsPort() == 0));
        all.add(new DocsRoutes());
        all.addAll(resources);
        all.forEach(resource -> resource.register(router));

        GracefulShutdownHandler gate = Handlers.gracefulShutdown(
                new CorsHandler(router.handler(), settings.corsAllowedOrigins()));
        Undertow server = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) RestSettings.MAX_BODY_BYTES)
                .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                .setHandler(gate)
                .build();
        server.start();
        Undertow metricsServer = null;
        if (settings.metricsPort() != 0) {
            metricsServer = Undertow.builder()
                    .addHttpListener(settings.metricsPort(), settings.host())
                    .setHandler(Handlers.path().addExactPath("/metrics",
                            exchange -> CoreRoutes.metrics(exchange, meters)))
                    .build();
            metricsServer.start();
        }
        RestServer started = new RestServer(server, metricsServer, gate, router.routes());
        LOG.info("Listening on http://{}:{}", settings.host(), started.port());
        return started;
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** "METHOD /template" of every route served. */
    public List<String> routes() {
        return routes;
    }

    /** Stops taking new requests (they get 503), waits for in-flight ones up to {@code drain}, then stops. */
    public void stop(Duration drain) {
        gate.shutdown();
        try {
            if (!gate.awaitShutdown(drain.toMillis())) {
                LOG.warn("Requests still running after {} ms; stopping anyway", drain.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        if (metricsServer != null) {
            metricsServer.stop();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
