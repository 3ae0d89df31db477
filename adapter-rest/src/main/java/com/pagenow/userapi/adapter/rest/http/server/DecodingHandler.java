package com.pagenow.userapi.adapter.rest.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.URLDecodingHandler;
import io.undertow.util.UrlDecodeException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Decodes the path and query as UTF-8 before routing (the listener runs with {@code DECODE_URL} off), so that
 * bytes that are not UTF-8 reach the route plumbing's error mapping as a {@code 400} problem. Undertow's own
 * decoding would either answer its empty {@code 400} or, here, silently turn them into U+FFFD and look up the wrong
 * id.
 */
public final class DecodingHandler implements HttpHandler {

    private final HttpHandler decoding;
    private final ResponseWriter writer;
    private final Function<Throwable, Problem> errors;

    /** {@code errors} answers the {@link UrlDecodeException} as the endpoints answer any failure. */
    public DecodingHandler(HttpHandler next, ResponseWriter writer, Function<Throwable, Problem> errors) {
        this.decoding = new URLDecodingHandler(next, StandardCharsets.UTF_8.name());
        this.writer = writer;
        this.errors = errors;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        try {
            requireUtf8(exchange.getRequestPath());
            requireUtf8(exchange.getQueryString());
        } catch (UrlDecodeException undecodable) {
            writer.problem(exchange, errors.apply(undecodable));
            return;
        }
        decoding.handleRequest(exchange);
    }

    /** The bytes that {@code %XX} escapes (and the raw characters) spell must be well-formed UTF-8. */
    static void requireUtf8(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return; // the parser already refused raw bytes outside ASCII
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%'
                    && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0
                    && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.write(c < 0x80 ? c : '?');
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
        } catch (CharacterCodingException notUtf8) {
            throw new UrlDecodeException("not UTF-8", notUtf8);
        }
    }
}
