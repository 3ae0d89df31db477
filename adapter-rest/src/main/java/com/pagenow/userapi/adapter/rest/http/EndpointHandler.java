package com.pagenow.userapi.adapter.rest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.adapter.rest.http.server.IoThreadReads;
import com.pagenow.userapi.adapter.rest.http.server.JsonAttachment;
import com.pagenow.userapi.adapter.rest.http.server.NoContent;
import com.pagenow.userapi.adapter.rest.http.server.RequestIds;
import com.pagenow.userapi.adapter.rest.http.server.RequestObserver;
import com.pagenow.userapi.adapter.rest.http.server.ResponseWriter;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.port.in.AuthenticateCallerUseCase;
import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.CallerContext;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/**
 * Runs one endpoint, on a worker thread, or for a quick read on the IO thread that parsed it while
 * {@link IoThreadReads} allows: authenticate (if the route needs it) and spend the caller's rate-limit
 * budget for the route's kind, call, write JSON or a problem, observe.
 */
final class EndpointHandler implements HttpHandler {

    private static final String BEARER = "bearer ";

    private final String route;
    private final Access access;
    private final Dispatch dispatch;
    private final RateLimits.RouteKind kind;
    private final Endpoint endpoint;
    private final HttpContext context;

    /** Whether a route needs a signed-in caller. */
    enum Access {
        SIGNED_IN,
        PUBLIC
    }

    /** Where a route runs: a worker thread, or for a quick read the IO thread while {@link IoThreadReads} allows. */
    enum Dispatch {
        WORKER,
        QUICK_READ
    }

    EndpointHandler(
            String route,
            Access access,
            Dispatch dispatch,
            RateLimits.RouteKind kind,
            Endpoint endpoint,
            HttpContext context) {
        this.route = route;
        this.access = access;
        this.dispatch = dispatch;
        this.kind = kind;
        this.endpoint = endpoint;
        this.context = context;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        boolean quick = dispatch == Dispatch.QUICK_READ;
        if (exchange.isInIoThread() && !(quick && context.ioThreadReads().onIoThread())) {
            exchange.dispatch(this);
            return;
        }
        long start = System.nanoTime();
        Caller caller = null;
        String authFailure = null;
        try {
            if (access == Access.SIGNED_IN) {
                caller = context.authentication().authenticate(bearerToken(exchange));
                RequestIds.identifiedUser(caller.userId().value());
                context.rateLimiter().spend(kind, caller.userId());
            }
            ApiRequest request = new ApiRequest(exchange, caller, context.json());
            // Outbound adapters may route by caller (a caller reads their own writes from a replica).
            Object result = caller == null
                    ? endpoint.handle(request)
                    : CallerContext.callAs(caller.userId(), () -> handle(request));
            if (result instanceof NoContent) {
                context.writer().noContent(exchange);
            } else if (result instanceof JsonAttachment attachment) {
                if (caller == null) {
                    context.writer().attachment(exchange, attachment);
                } else {
                    // Its rows are read while it is written: as the caller, like the endpoint's own reads.
                    CallerContext.callAs(caller.userId(), () -> {
                        try {
                            context.writer().attachment(exchange, attachment);
                        } catch (java.io.IOException failed) {
                            throw new HandlerFailure(failed);
                        }
                        return null;
                    });
                }
            } else {
                context.writer().json(exchange, 200, result);
            }
        } catch (Exception | Error thrown) {
            Throwable failure = thrown instanceof HandlerFailure wrapped ? wrapped.getCause() : thrown;
            if (failure instanceof TokenRejectedException rejected) {
                authFailure = rejected.reason().code();
            }
            if (!exchange.isResponseStarted()) {
                context.writer().problem(exchange, context.errors().toProblem(failure));
            }
        } finally {
            context.observer()
                    .completed(
                            exchange.getRequestMethod().toString(),
                            route,
                            exchange.getStatusCode(),
                            start,
                            caller == null ? null : caller.userId().value(),
                            authFailure);
            if (quick) {
                context.ioThreadReads().completed(System.nanoTime() - start, exchange.getStatusCode());
            }
        }
    }

    private Object handle(ApiRequest request) {
        try {
            return endpoint.handle(request);
        } catch (RuntimeException failure) {
            throw failure;
        } catch (Exception checked) {
            throw new HandlerFailure(checked);
        }
    }

    static String bearerToken(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (header == null
                || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new TokenRejectedException(TokenRejectedException.Reason.MISSING, "Missing bearer token");
        }
        return header.substring(BEARER.length()).strip();
    }

    /** Carries a checked exception of an endpoint through {@link CallerContext#callAs}. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause);
        }
    }

    /** What every endpoint handler shares. */
    record HttpContext(
            AuthenticateCallerUseCase authentication,
            ObjectMapper json,
            ResponseWriter writer,
            ErrorMapper errors,
            RequestObserver observer,
            PerUserRateLimiter rateLimiter,
            IoThreadReads ioThreadReads) {}
}
