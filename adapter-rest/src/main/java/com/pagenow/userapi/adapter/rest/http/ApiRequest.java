package com.pagenow.userapi.adapter.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.readmodel.PageRequest;
import com.pagenow.userapi.domain.text.StoredText;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;

import java.io.IOException;
import java.util.Deque;

/** What a handler needs of an exchange: the caller, path and query parameters, and the JSON body. */
public final class ApiRequest {

    private final HttpServerExchange exchange;
    private final Caller caller;
    private final ObjectMapper json;

    ApiRequest(HttpServerExchange exchange, Caller caller, ObjectMapper json) {
        this.exchange = exchange;
        this.caller = caller;
        this.json = json;
    }

    /** The authenticated caller; only on routes that require a token. */
    public Caller caller() {
        if (caller == null) {
            throw new IllegalStateException("route is not authenticated");
        }
        return caller;
    }

    /** A path parameter, decoded; one holding a NUL ({@code %00}) is refused with 422 naming it. */
    public String path(String name) {
        PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
        String value = match == null ? null : match.getParameters().get(name);
        if (value == null) {
            throw new IllegalStateException("no path parameter " + name);
        }
        return StoredText.requireNoNul(name, value);
    }

    /** The first value of a request header, or null; one holding a NUL is refused with 422 naming it. */
    public String header(String name) {
        return StoredText.requireNoNul(name, exchange.getRequestHeaders().getFirst(name));
    }

    /** The first value of a query parameter, or null; one holding a NUL is refused with 422 naming it. */
    public String query(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : StoredText.requireNoNul(name, values.getFirst());
    }

    public int queryInt(String name, int defaultValue) {
        String raw = query(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException notANumber) {
            throw BadRequestBodyException.field(name, "must be an integer");
        }
    }

    /**
     * {@code limit} and {@code offset}; negative values are rejected. The use case's query clamps the limit to its
     * maximum, once.
     */
    public PageRequest page(int defaultLimit) {
        int limit = queryInt("limit", defaultLimit);
        int offset = queryInt("offset", 0);
        return PageRequest.of(limit, offset);
    }

    public Boolean queryBoolean(String name) {
        String raw = query(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> Boolean.TRUE;
            case "false", "0", "no", "off" -> Boolean.FALSE;
            default -> throw BadRequestBodyException.field(name, "must be true or false");
        };
    }

    /** The body as JSON, whatever the Content-Type says (one client labels JSON as text/plain). */
    public <T> T body(Class<T> type) {
        return readBody(type, null);
    }

    public <T> T body(TypeReference<T> type) {
        return readBody(null, type);
    }

    private <T> T readBody(Class<T> type, TypeReference<T> reference) {
        byte[] bytes = bodyBytes();
        if (bytes.length == 0) {
            throw BadRequestBodyException.field("body", "a JSON body is required");
        }
        try {
            T value = type != null ? json.readValue(bytes, type) : json.readValue(bytes, reference);
            if (value == null) {
                throw BadRequestBodyException.field("body", "a JSON body is required");
            }
            return value;
        } catch (JsonProcessingException unreadable) {
            throw new JsonBodyException(unreadable);
        } catch (IOException unreadable) {
            throw new BodyReadException(unreadable);
        }
    }

    private byte[] bodyBytes() {
        try {
            if (!exchange.isBlocking()) {
                exchange.startBlocking();
            }
            return exchange.getInputStream().readAllBytes();
        } catch (IOException unreadable) {
            throw new BodyReadException(unreadable);
        }
    }

    /** The body could not be read from the connection (too big, or the client went away). */
    public static final class BodyReadException extends RuntimeException {
        BodyReadException(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
