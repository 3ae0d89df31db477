package com.pagenow.userapi.adapter.rest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.adapter.rest.http.server.DecodingHandler;
import com.pagenow.userapi.adapter.rest.http.server.IoThreadReads;
import com.pagenow.userapi.adapter.rest.http.server.Problem;
import com.pagenow.userapi.adapter.rest.http.server.RequestIds;
import com.pagenow.userapi.adapter.rest.http.server.RequestObserver;
import com.pagenow.userapi.adapter.rest.http.server.ResponseWriter;
import com.pagenow.userapi.application.port.in.AuthenticateCallerUseCase;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static com.pagenow.userapi.adapter.rest.http.EndpointHandler.Access.PUBLIC;
import static com.pagenow.userapi.adapter.rest.http.EndpointHandler.Access.SIGNED_IN;
import static com.pagenow.userapi.adapter.rest.http.EndpointHandler.Dispatch.QUICK_READ;
import static com.pagenow.userapi.adapter.rest.http.EndpointHandler.Dispatch.WORKER;

/**
 * Collects the routes of every resource; each route is authenticated unless registered as public. Authenticated
 * POST, PUT and DELETE routes spend the caller's write budget of {@link RateLimits}, {@link #search} routes the
 * search budget.
 */
public final class Router {

    private final RoutingHandler routing = Handlers.routing();
    private final EndpointHandler.HttpContext context;
    private final List<String> routes = new ArrayList<>();
    /** The route of a request no route matched (a 404, or a 405 for a method the path does not serve). */
    public static final String UNMATCHED = "UNMATCHED";

    private static final java.util.Set<String> KNOWN_METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** The templates each method serves (as the routing keeps them), for the {@code Allow} header of a 405. */
    private final Map<String, PathTemplateMatcher<Boolean>> templatesByMethod = new TreeMap<>();

    public Router(
            AuthenticateCallerUseCase authentication,
            ObjectMapper json,
            RequestObserver observer,
            RateLimits rateLimits,
            IoThreadReads ioThreadReads) {
        ResponseWriter writer = new ResponseWriter(json);
        ErrorMapper errors = new ErrorMapper();
        this.context = new EndpointHandler.HttpContext(
                authentication, json, writer, errors, observer, new PerUserRateLimiter(rateLimits), ioThreadReads);
        routing.setFallbackHandler(unmatched(exchange -> problem(exchange, 404, "Not Found", "Not Found")));
        routing.setInvalidMethodHandler(unmatched(exchange -> {
            List<String> allowed = templatesByMethod.entrySet().stream()
                    .filter(method -> method.getValue().match(exchange.getRelativePath()) != null)
                    .map(Map.Entry::getKey)
                    .toList();
            if (!allowed.isEmpty()) {
                exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", allowed));
            }
            problem(exchange, 405, "Method Not Allowed", "Method Not Allowed");
        }));
    }

    /**
     * Observed like every route, as {@link #UNMATCHED}: probing shows in the access log and the metrics, without
     * the raw path (a client's text, unbounded in variety) or a method no route has.
     */
    private HttpHandler unmatched(HttpHandler handler) {
        return observed(
                exchange -> KNOWN_METHODS.contains(exchange.getRequestMethod().toString())
                        ? exchange.getRequestMethod().toString()
                        : "OTHER",
                UNMATCHED,
                handler);
    }

    /**
     * {@code handler}, observed as {@code route} when its exchange completes (the access log line and the metrics),
     * under the method {@code method} names for the request.
     */
    private HttpHandler observed(Function<HttpServerExchange, String> method, String route, HttpHandler handler) {
        return exchange -> {
            long start = System.nanoTime();
            String methodName = method.apply(exchange);
            exchange.addExchangeCompleteListener((done, next) -> {
                // The response may complete on an IO thread later, outside the request's MDC.
                RequestIds.runWith(
                        done,
                        () -> context.observer()
                                .completed(
                                        methodName,
                                        route,
                                        done.getStatusCode(),
                                        start,
                                        done.getAttachment(RequestObserver.USER_ID)));
                next.proceed();
            });
            handler.handleRequest(exchange);
        };
    }

    public Router get(String template, Endpoint endpoint) {
        return add(Methods.GET, template, SIGNED_IN, WORKER, RateLimits.RouteKind.READ, endpoint);
    }

    /**
     * A GET route answered by one indexed statement with a bounded answer (a row, a count, a page): it runs on the
     * IO thread that parsed it while such reads are fast ({@link IoThreadReads}), else on a worker thread.
     */
    public Router quickGet(String template, Endpoint endpoint) {
        return add(Methods.GET, template, SIGNED_IN, QUICK_READ, RateLimits.RouteKind.READ, endpoint);
    }

    /** A GET route that spends the caller's search budget. */
    public Router search(String template, Endpoint endpoint) {
        return add(Methods.GET, template, SIGNED_IN, WORKER, RateLimits.RouteKind.SEARCH, endpoint);
    }

    /** A GET route that spends the caller's export budget ({@link RateLimits#EXPORTS_PER_MINUTE}). */
    public Router export(String template, Endpoint endpoint) {
        return add(Methods.GET, template, SIGNED_IN, WORKER, RateLimits.RouteKind.EXPORT, endpoint);
    }

    public Router post(String template, Endpoint endpoint) {
        return add(Methods.POST, template, SIGNED_IN, WORKER, RateLimits.RouteKind.WRITE, endpoint);
    }

    public Router put(String template, Endpoint endpoint) {
        return add(Methods.PUT, template, SIGNED_IN, WORKER, RateLimits.RouteKind.WRITE, endpoint);
    }

    public Router delete(String template, Endpoint endpoint) {
        return add(Methods.DELETE, template, SIGNED_IN, WORKER, RateLimits.RouteKind.WRITE, endpoint);
    }

    /** A route that answers without a token (health checks, documentation). */
    public Router publicGet(String template, Endpoint endpoint) {
        return add(Methods.GET, template, PUBLIC, WORKER, RateLimits.RouteKind.READ, endpoint);
    }

    /** A public route whose handler writes the response itself (e.g. non-JSON content), still observed. */
    public Router rawGet(String template, HttpHandler handler) {
        routing.add(Methods.GET, template, observed(exchange -> "GET", template, handler));
        served(Methods.GET, template);
        return this;
    }

    /**
     * A public route whose handler reads the request and writes the response itself (bytes, not JSON), still
     * observed; failures it turns into problems with {@link #problemFor}.
     */
    public Router raw(HttpString method, String template, HttpHandler handler) {
        routing.add(method, template, observed(exchange -> method.toString(), template, handler));
        routes.add(method + " " + template);
        return this;
    }

    /** Answers {@code failure} as the JSON endpoints would. */
    public void problemFor(HttpServerExchange exchange, Throwable failure) {
        context.writer().problem(exchange, context.errors().toProblem(failure));
    }

    /** The routes, behind the path and query decoding that answers malformed ones with a problem. */
    public HttpHandler handler() {
        return new DecodingHandler(routing, context.writer(), context.errors()::toProblem);
    }

    /** "METHOD /template" of every registered route, for documentation checks. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    private Router add(
            HttpString method,
            String template,
            EndpointHandler.Access access,
            EndpointHandler.Dispatch dispatch,
            RateLimits.RouteKind kind,
            Endpoint endpoint) {
        routing.add(method, template, new EndpointHandler(template, access, dispatch, kind, endpoint, context));
        served(method, template);
        return this;
    }

    private void served(HttpString method, String template) {
        routes.add(method + " " + template);
        templatesByMethod
                .computeIfAbsent(method.toString(), any -> new PathTemplateMatcher<>())
                .add(template, true);
    }

    private void problem(HttpServerExchange exchange, int status, String title, String detail) {
        context.writer().problem(exchange, Problem.of(status, title, detail));
    }
}
