package com.pagenow.userapi.adapter.rest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.application.port.in.AuthenticateCallerUseCase;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the routes of every resource; each route is authenticated unless registered as public. Authenticated
 * POST, PUT and DELETE routes spend the caller's write budget of {@link RateLimits}, {@link #search} routes the
 * search budget.
 */
public final class Router {

    private final RoutingHandler routing = Handlers.routing();
    private final EndpointHandler.HttpContext context;
    private final List<String> routes = new ArrayList<>();

    public Router(AuthenticateCallerUseCase authentication, ObjectMapper json, RequestObserver observer,
                  RateLimits rateLimits) {
        ResponseWriter writer = new ResponseWriter(json);
        ErrorMapper errors = new ErrorMapper();
        this.context = new EndpointHandler.HttpContext(authentication, json, writer, errors, observer,
                new PerUserRateLimiter(rateLimits));
        routing.setFallbackHandler(exchange -> problem(exchange, 404, "Not Found", "Not Found"));
        routing.setInvalidMethodHandler(exchange -> problem(exchange, 405, "Method Not Allowed", "Method Not Allowed"));
    }

    public Router get(String template, Endpoint endpoint) {
        return add(Methods.GET, template, true, RateLimits.RouteKind.READ, endpoint);
    }

    /** A GET route that spends the caller's search budget. */
    public Router search(String template, Endpoint endpoint) {
        return add(Methods.GET, template, true, RateLimits.RouteKind.SEARCH, endpoint);
    }

    public Router post(String template, Endpoint endpoint) {
        return add(Methods.POST, template, true, RateLimits.RouteKind.WRITE, endpoint);
    }

    public Router put(String template, Endpoint endpoint) {
        return add(Methods.PUT, template, true, RateLimits.RouteKind.WRITE, endpoint);
    }

    public Router delete(String template, Endpoint endpoint) {
        return add(Methods.DELETE, template, true, RateLimits.RouteKind.WRITE, endpoint);
    }

    /** A route that answers without a token (health checks, documentation). */
    public Router publicGet(String template, Endpoint endpoint) {
        return add(Methods.GET, template, false, RateLimits.RouteKind.READ, endpoint);
    }

    /** A public route whose handler writes the response itself (e.g. non-JSON content), still observed. */
    public Router rawGet(String template, HttpHandler handler) {
        routing.add(Methods.GET, template, exchange -> {
            long start = System.nanoTime();
            exchange.addExchangeCompleteListener((done, next) -> {
                context.observer().completed("GET", template, done.getStatusCode(), start, null);
                next.proceed();
            });
            handler.handleRequest(exchange);
        });
        routes.add("GET " + template);
        return this;
    }

    public HttpHandler handler() {
        return routing;
    }

    /** "METHOD /template" of every registered route, for documentation checks. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    private Router add(HttpString method, String template, boolean authenticated, RateLimits.RouteKind kind,
                       Endpoint endpoint) {
        routing.add(method, template, new EndpointHandler(template, authenticated, kind, endpoint, context));
        routes.add(method + " " + template);
        return this;
    }

    private void problem(io.undertow.server.HttpServerExchange exchange, int status, String title, String detail) {
        context.writer().problem(exchange, Problem.of(status, title, detail));
    }
}
