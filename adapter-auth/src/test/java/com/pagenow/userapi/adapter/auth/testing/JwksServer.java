package com.pagenow.userapi.adapter.auth.testing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 and a free port serving the public parts of some keys as a JWKS at
 * {@code /.well-known/jwks.json}. Keys can be swapped while it runs (rotation) and it can answer with an error.
 */
public final class JwksServer implements AutoCloseable {

    public static final String PATH = "/.well-known/jwks.json";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile String body;
    private volatile int status = 200;

    private JwksServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving the public parts of {@code keys}. */
    public static JwksServer start(JWK... keys) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            JwksServer jwks = new JwksServer(http);
            jwks.serve(keys);
            http.createContext(PATH, exchange -> {
                jwks.requests.incrementAndGet();
                byte[] bytes = jwks.body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(jwks.status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            http.start();
            return jwks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on serves these keys (public parts only), as after a key rotation. */
    public void serve(JWK... keys) {
        this.body = new JWKSet(List.of(keys)).toPublicJWKSet().toString();
        this.status = 200;
    }

    /** From now on answers with this status and a body that is not a JWKS. */
    public void failWith(int httpStatus) {
        this.body = "<html><body>Service unavailable</body></html>";
        this.status = httpStatus;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + PATH);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many times the JWKS was fetched. */
    public int requestCount() {
        return requests.get();
    }

    /** A URL on which nothing listens: the port of a server that was started and stopped. */
    public static URI unreachableUrl() {
        JwksServer stopped = start();
        stopped.close();
        return stopped.url();
    }

    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            server.stop(0);
        }
    }
}
