package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.user.TransferLocalImageUseCase;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatch;
import org.xnio.IoUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Dev mode only: the upload and download URLs of the local image store, answered the way S3 answers presigned
 * requests (no token: the URL itself is the permission). Registered by bootstrap in dev mode, never in production.
 */
public final class LocalImageRoutes implements Routes {

    private static final HttpString ACL = new HttpString("x-amz-acl");
    private static final String TEMPLATE = TransferLocalImageUseCase.PATH + "{token}";
    /** How much of a refused chunked body is read and dropped before the connection closes. */
    private static final long DRAIN_BYTES = TransferLocalImageUseCase.MAX_BYTES / 2;

    private final TransferLocalImageUseCase store;

    public LocalImageRoutes(TransferLocalImageUseCase store) {
        this.store = store;
    }

    /**
     * Room for an image, the part of a refused body that is dropped, and the chunk framing Undertow counts with the
     * data: its own check of a chunked body is never reached (it resets the connection and prints a stack trace
     * on stderr).
     */
    @Override
    public long maxBodyBytes() {
        return 2 * TransferLocalImageUseCase.MAX_BYTES;
    }

    @Override
    public void register(Router router) {
        router.raw(Methods.PUT, TEMPLATE, exchange -> serve(router, exchange, this::upload));
        router.raw(Methods.GET, TEMPLATE, exchange -> serve(router, exchange, this::download));
    }

    /**
     * The body is counted here, whatever its framing. A declared length past the cap is refused unread, a chunked
     * body once one byte past it; then up to {@link #DRAIN_BYTES} more are read and dropped, so that a client
     * still sending (most do not wait for an early answer) gets the answer rather than a reset. Either way: a {@code
     * 413} problem, and the
     * connection closes.
     */
    private void upload(HttpServerExchange exchange) throws IOException {
        long max = TransferLocalImageUseCase.MAX_BYTES;
        exchange.startBlocking();
        if (exchange.getRequestContentLength() > max) {
            tooLarge(exchange);
            return;
        }
        exchange.setMaxEntitySize(maxBodyBytes());
        InputStream in = exchange.getInputStream();
        byte[] body = in.readNBytes((int) max + 1);
        if (body.length > max) {
            tooLarge(exchange);
            return;
        }
        store.upload(
                token(exchange),
                exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE),
                exchange.getRequestHeaders().getFirst(ACL),
                new ByteArrayInputStream(body));
        exchange.setStatusCode(200);
        exchange.endExchange();
    }

    private void tooLarge(HttpServerExchange exchange) throws IOException {
        exchange.setPersistent(false);
        exchange.setStatusCode(413);
        exchange.getResponseHeaders().put(Headers.CONNECTION, "close");
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
        byte[] problem = ("{\"type\":\"about:blank\",\"title\":\"Content Too Large\","
                        + "\"status\":413,\"detail\":\"An image may be at most "
                        + TransferLocalImageUseCase.MAX_BYTES / (1024 * 1024) + " MiB\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, problem.length);
        OutputStream out = exchange.getOutputStream();
        out.write(problem);
        out.flush();
        exchange.setMaxEntitySize(maxBodyBytes());
        try {
            InputStream rest = exchange.getInputStream();
            long dropped = 0;
            for (long skipped; dropped < DRAIN_BYTES && (skipped = rest.skip(DRAIN_BYTES - dropped)) > 0; ) {
                dropped += skipped;
            }
        } catch (IOException gone) {
            // Sent in full, or more than Undertow reads: the connection closes below either way.
        }
        out.close();
        IoUtils.safeClose(exchange.getConnection());
    }

    private void download(HttpServerExchange exchange) {
        TransferLocalImageUseCase.StoredImage image = store.download(token(exchange));
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, image.contentType());
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, image.bytes().length);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "private, max-age=3600");
        exchange.getResponseSender().send(ByteBuffer.wrap(image.bytes()));
    }

    private static String token(HttpServerExchange exchange) {
        return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY)
                .getParameters()
                .get("token");
    }

    private static void serve(Router router, HttpServerExchange exchange, Work work) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(() -> serve(router, exchange, work));
            return;
        }
        try {
            work.run(exchange);
        } catch (Exception failure) {
            if (!exchange.isResponseStarted()) {
                router.problemFor(exchange, failure);
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(HttpServerExchange exchange) throws IOException;
    }
}
