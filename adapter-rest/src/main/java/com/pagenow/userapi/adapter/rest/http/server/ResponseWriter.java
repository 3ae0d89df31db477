package com.pagenow.userapi.adapter.rest.http.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

import java.io.UncheckedIOException;

/** Writes JSON and problem bodies. */
public final class ResponseWriter {

    /** Seconds a client should wait before retrying a 503: about one connection wait of the database pool. */
    public static final String RETRY_AFTER_SECONDS = "2";

    static final String PROBLEM_JSON = "application/problem+json";
    private static final HttpString X_ACCEL_BUFFERING = new HttpString("X-Accel-Buffering");

    private final ObjectMapper json;

    public ResponseWriter(ObjectMapper json) {
        this.json = json;
    }

    public void json(HttpServerExchange exchange, int status, Object body) {
        send(exchange, status, "application/json", body);
    }

    public void problem(HttpServerExchange exchange, Problem problem) {
        if (problem.status() == 401) {
            exchange.getResponseHeaders()
                    .put(Headers.WWW_AUTHENTICATE, problem.challenge() == null ? "Bearer" : problem.challenge());
        }
        if (problem.retryAfter() != null) {
            // Whole seconds, rounded up: a client that waits that long finds the budget refilled.
            long seconds = Math.max(1, (problem.retryAfter().toMillis() + 999) / 1000);
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, seconds);
        } else if (problem.status() == 503 && !exchange.getResponseHeaders().contains(Headers.RETRY_AFTER)) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        send(exchange, problem.status(), PROBLEM_JSON, problem);
    }

    /**
     * Asks a reverse proxy in front (nginx, and what honours its header) to pass a streamed response on as it is
     * written instead of holding it in its buffers: live events arrive at once, a large download at the client's pace.
     */
    public static void unbufferedByProxies(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(X_ACCEL_BUFFERING, "no");
    }

    /** 204, no body. */
    public void noContent(HttpServerExchange exchange) {
        exchange.setStatusCode(204);
        exchange.endExchange();
    }

    /**
     * 200 with {@code attachment}'s JSON, written as it is produced (chunked): memory holds what the generator
     * buffers, not the document. A failure once bytes are out cannot become a problem: the connection is closed so
     * that the client sees a cut-off download, not a complete-looking one.
     */
    public void attachment(HttpServerExchange exchange, JsonAttachment attachment) throws java.io.IOException {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + attachment.filename() + "\"");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        unbufferedByProxies(exchange);
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        try (com.fasterxml.jackson.core.JsonGenerator out =
                json.getFactory().createGenerator(exchange.getOutputStream())) {
            attachment.body().writeTo(out);
        } catch (java.io.IOException | RuntimeException failed) {
            org.xnio.IoUtils.safeClose(exchange.getConnection());
            throw failed;
        }
        exchange.endExchange();
    }

    /** {@code body} as the JSON a response carries. */
    byte[] serialized(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private void send(HttpServerExchange exchange, int status, String contentType, Object body) {
        byte[] bytes = serialized(body);
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(bytes));
    }
}
