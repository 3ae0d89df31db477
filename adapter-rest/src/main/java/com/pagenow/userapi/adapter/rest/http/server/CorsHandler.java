package com.pagenow.userapi.adapter.rest.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

import java.util.Set;

/**
 * CORS for the listed origins ({@code *}: any, which only dev mode configures; none when empty). The allowed origin
 * is echoed, with {@code Vary: Origin}. Never {@code Access-Control-Allow-Credentials}: callers send bearer tokens,
 * which need no credentials mode, and any cookie added later must not become readable from another site.
 */
public final class CorsHandler implements HttpHandler {

    private static final HttpString ORIGIN = new HttpString("Origin");
    private static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");
    private static final HttpString REQUEST_HEADERS = new HttpString("Access-Control-Request-Headers");
    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    private static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    private static final HttpString VARY = new HttpString("Vary");
    private static final String METHODS = "GET, POST, PUT, DELETE, OPTIONS";

    private final HttpHandler next;
    private final Set<String> allowedOrigins;
    private final ResponseWriter writer = new ResponseWriter(Json.mapper());

    /** @param allowedOrigins the allowed origins; {@code *} among them means any origin, empty means none */
    public CorsHandler(HttpHandler next, Set<String> allowedOrigins) {
        this.next = next;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap request = exchange.getRequestHeaders();
        String origin = request.getFirst(ORIGIN);
        boolean preflight = Methods.OPTIONS.equals(exchange.getRequestMethod()) && request.contains(REQUEST_METHOD);
        if (origin == null) {
            if (preflight) {
                writer.problem(exchange, Problem.of(400, "Bad Request", "A CORS preflight needs an Origin header"));
                return;
            }
            next.handleRequest(exchange);
            return;
        }
        boolean allowed = allowedOrigins.contains("*") || allowedOrigins.contains(origin);
        HeaderMap response = exchange.getResponseHeaders();
        response.add(VARY, "Origin");
        if (allowed) {
            response.put(ALLOW_ORIGIN, origin);
            // Not a CORS-safelisted header: without this a browser hides a 429's or 503's wait from the script.
            response.put(EXPOSE_HEADERS, "Retry-After");
        }
        if (preflight && !allowed) {
            writer.problem(exchange, Problem.of(400, "Bad Request", "This origin may not call the API"));
            return;
        }
        if (preflight) {
            exchange.setStatusCode(200);
            response.put(ALLOW_METHODS, METHODS);
            String headers = request.getFirst(REQUEST_HEADERS);
            response.put(ALLOW_HEADERS, headers == null ? "Authorization, Content-Type" : headers);
            response.put(MAX_AGE, "600");
            exchange.endExchange();
            return;
        }
        next.handleRequest(exchange);
    }
}
