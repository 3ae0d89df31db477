package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.adapter.rest.http.Router;
import com.pagenow.userapi.application.port.in.TransferLocalImageUseCase;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Dev mode only: the upload and download URLs of the local image store, answered the way S3 answers presigned
 * requests (no token: the URL itself is the permission). Registered by bootstrap in dev mode, never in production.
 */
public final class LocalImageRoutes implements Routes {

    private static final HttpString ACL = new HttpString("x-amz-acl");
    private static final String TEMPLATE = TransferLocalImageUseCase.PATH + "{token}";

    private final TransferLocalImageUseCase store;

    public LocalImageRoutes(TransferLocalImageUseCase store) {
        this.store = store;
    }

    @Override
    public void register(Router router) {
        router.raw(Methods.PUT, TEMPLATE, exchange -> serve(router, exchange, this::upload));
        router.raw(Methods.GET, TEMPLATE, exchange -> serve(router, exchange, this::download));
    }

    private void upload(HttpServerExchange exchange) throws IOException {
        exchange.setMaxEntitySize(TransferLocalImageUseCase.MAX_BYTES);
        exchange.startBlocking();
        byte[] body;
        try {
            body = exchange.getInputStream().readAllBytes();
        } catch (RequestTooBigException tooBig) {
            exchange.setStatusCode(413);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/problem+json");
            exchange.getResponseSender().send("{\"type\":\"about:blank\",\"title\":\"Content Too Large\","
                    + "\"status\":413,\"detail\":\"An image may be at most "
                    + TransferLocalImageUseCase.MAX_BYTES / (1024 * 1024) + " MiB\"}");
            return;
        }
        store.upload(token(exchange), exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE),
                exchange.getRequestHeaders().getFirst(ACL), new ByteArrayInputStream(body));
        exchange.setStatusCode(200);
        exchange.endExchange();
    }

    private void download(HttpServerExchange exchange) {
        TransferLocalImageUseCase.StoredImage image = store.download(token(exchange));
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, image.contentType());
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, image.bytes().length);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "private, max-age=3600");
        exchange.getResponseSender().send(ByteBuffer.wrap(image.bytes()));
    }

    private static String token(HttpServerExchange exchange) {
        return exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("token");
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
