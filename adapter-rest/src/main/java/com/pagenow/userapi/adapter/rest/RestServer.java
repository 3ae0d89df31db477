package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.adapter.rest.http.BodyFirstHandler;
import com.pagenow.userapi.adapter.rest.http.NulRejectingStringDeserializer;
import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.adapter.rest.http.server.CorsHandler;
import com.pagenow.userapi.adapter.rest.http.server.HttpListener;
import com.pagenow.userapi.adapter.rest.http.server.IoThreadReads;
import com.pagenow.userapi.adapter.rest.http.server.Json;
import com.pagenow.userapi.adapter.rest.http.server.Problem;
import com.pagenow.userapi.adapter.rest.http.server.RequestIds;
import com.pagenow.userapi.adapter.rest.http.server.RequestObserver;
import com.pagenow.userapi.adapter.rest.http.server.ResponseWriter;
import com.pagenow.userapi.application.port.in.AuthenticateCallerUseCase;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.RequestLimit;
import io.undertow.server.handlers.RequestLimitingHandler;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.OptionMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The Undertow server: routes behind CORS and a graceful-shutdown gate, bodies capped at 64 KiB. */
public final class RestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final Duration WORKER_STOP = Duration.ofSeconds(5);
    private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
    /**
     * Outside the request limit: the health checks, and the event stream, whose exchange stays open as long as the
     * client listens (inside the limit, a few idle streams would fill every turn); streams have their own limits.
     */
    private static final Set<String> UNLIMITED_PATHS = Set.of("/ping", "/health", "/metrics", "/events");

    private static final Problem BUSY =
            Problem.of(503, "Service Unavailable", "Too many requests in progress, try again shortly");
    private static final AttachmentKey<Long> QUEUED_AT = AttachmentKey.create(Long.class);
    /** Enough of the smallest pooled buffers Undertow uses (512 bytes) to hold a body of the largest length taken. */
    private static final int BODY_BUFFERS = RestSettings.MAX_BODY_BYTES / 512 + 1;

    private final HttpListener server;
    private final Undertow metricsServer;
    private final GracefulShutdownHandler gate;
    private final List<String> routes;
    private final List<Routes> resources;

    private RestServer(
            HttpListener server,
            Undertow metricsServer,
            GracefulShutdownHandler gate,
            List<String> routes,
            List<Routes> resources) {
        this.server = server;
        this.metricsServer = metricsServer;
        this.gate = gate;
        this.routes = routes;
        this.resources = resources;
    }

    public static RestServer start(
            RestSettings settings,
            AuthenticateCallerUseCase authentication,
            HealthCheck health,
            PrometheusMeterRegistry meters,
            List<Routes> resources) {
        ObjectMapper json = Json.mapper(NulRejectingStringDeserializer.module());
        Router router = new Router(
                authentication,
                json,
                new RequestObserver(meters),
                settings.rateLimits(),
                IoThreadReads.of(settings.quickReadsOnIoThreads()));
        List<Routes> all = new ArrayList<>();
        all.add(new CoreRoutes(health));
        all.add(new DocsRoutes());
        all.addAll(resources);
        all.forEach(resource -> resource.register(router));
        // On the main port unless it has its own (below); on neither does it wait for a worker thread.
        HttpHandler metrics = exchange -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            exchange.getResponseSender().send(meters.scrape());
        };
        if (settings.metricsPort() == 0) {
            router.rawGet("/metrics", metrics);
        }
        long listenerBodyLimit =
                all.stream().mapToLong(Routes::maxBodyBytes).max().orElseThrow();

        GracefulShutdownHandler gate = Handlers.gracefulShutdown(new CorsHandler(
                limited(router.handler(), settings, new ResponseWriter(json)), settings.corsAllowedOrigins()));
        HttpListener server = HttpListener.start(
                settings.host(),
                settings.port(),
                RestSettings.IO_THREADS,
                settings.maxConcurrentRequests(),
                OptionMap.builder()
                        .set(UndertowOptions.MAX_ENTITY_SIZE, listenerBodyLimit)
                        .set(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                        .set(UndertowOptions.DECODE_URL, false) // the router decodes: malformed is a problem
                        .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) Math.min(
                                Integer.MAX_VALUE, settings.idleTimeout().toMillis()))
                        .getMap(),
                new RequestIds(nosniff(gate)),
                meters);
        Undertow metricsServer = null;
        if (settings.metricsPort() != 0) {
            metricsServer = Undertow.builder()
                    .addHttpListener(settings.metricsPort(), settings.host())
                    .setHandler(nosniff(Handlers.path().addExactPath("/metrics", metrics)))
                    .build();
            metricsServer.start();
        }
        RestServer started = new RestServer(server, metricsServer, gate, router.routes(), List.copyOf(all));
        LOG.info("Listening on http://{}:{}", settings.host(), started.port());
        return started;
    }

    /** Every answer says its content type is meant: no browser sniffs a JSON error or an image URL into HTML. */
    private static HttpHandler nosniff(HttpHandler next) {
        return exchange -> {
            exchange.getResponseHeaders().put(NOSNIFF, "nosniff");
            next.handleRequest(exchange);
        };
    }

    /**
     * A bounded queue in front of the worker threads: overload is a fast 503, not a wait without end, and so is a
     * turn that came later than {@link RestSettings#maxQueueWait}. Health checks pass outside it, so that a load
     * balancer sees a busy instance as alive. A body (of a length the server accepts) is read before the request
     * queues, on the IO thread: a client that sends its body slowly holds no turn, and no worker thread waits on it;
     * one that ends before its length is a 400 there ({@link BodyFirstHandler}).
     */
    private static HttpHandler limited(HttpHandler routes, RestSettings settings, ResponseWriter writer) {
        RequestLimit limit = new RequestLimit(settings.maxConcurrentRequests(), settings.maxQueuedRequests());
        limit.setFailureHandler(exchange -> writer.problem(exchange, BUSY));
        long maxWait = settings.maxQueueWait().toNanos();
        RequestLimitingHandler limiter = new RequestLimitingHandler(limit, exchange -> {
            if (System.nanoTime() - exchange.getAttachment(QUEUED_AT) > maxWait) {
                writer.problem(exchange, BUSY);
                return;
            }
            routes.handleRequest(exchange);
        });
        HttpHandler queue = exchange -> {
            exchange.putAttachment(QUEUED_AT, System.nanoTime());
            limiter.handleRequest(exchange);
        };
        HttpHandler bodyFirst = new BodyFirstHandler(queue, BODY_BUFFERS, writer);
        return exchange -> {
            exchange.setMaxEntitySize(RestSettings.MAX_BODY_BYTES);
            if (UNLIMITED_PATHS.contains(exchange.getRelativePath())) {
                routes.handleRequest(exchange);
                return;
            }
            long length = exchange.getRequestContentLength();
            (length > 0 && length <= RestSettings.MAX_BODY_BYTES ? bodyFirst : queue).handleRequest(exchange);
        };
    }

    /** The bound port (useful when started on port 0). */
    public int port() {
        return server.port();
    }

    /** "METHOD /template" of every route served. */
    public List<String> routes() {
        return routes;
    }

    /** Stops taking new requests (they get 503), waits for in-flight ones up to {@code drain}, then stops. */
    public void stop(Duration drain) {
        gate.shutdown();
        resources.forEach(Routes::shutdown);
        try {
            if (!gate.awaitShutdown(drain.toMillis())) {
                LOG.warn("Requests still running after {} ms; stopping anyway", drain.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        stopWithin(server::stop, WORKER_STOP);
        if (metricsServer != null) {
            stopWithin(metricsServer::stop, WORKER_STOP);
        }
    }

    /**
     * A stop waits for its XNIO worker to terminate, and that wait can hang for good once the worker's task threads
     * have served load (XNIO-318; seen here after a benchmark: idle task threads parked, the stop never returning,
     * the process never exiting). The listeners close first; the wait is cut short.
     */
    private static void stopWithin(Runnable stop, Duration limit) {
        Thread stopping = new Thread(stop, "undertow-stop");
        stopping.setDaemon(true);
        stopping.start();
        try {
            stopping.join(limit.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            LOG.warn("The HTTP worker threads did not stop within {} ms; leaving them", limit.toMillis());
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
