package com.pagenow.userapi.adapter.rest.http.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id: taken from {@code X-Request-Id} when it is short and made of safe characters (what API Gateway,
 * load balancers and clients send), else made up; returned in the response's {@code X-Request-Id}, put in the
 * SLF4J MDC as {@code request_id} (and {@code user_id} once the caller is known) for every log line of the request,
 * and named in 500 bodies. The MDC is per thread: it is set around the IO-thread part of the request and, through
 * the exchange's dispatch executor, around the worker-thread part, and cleared after each.
 */
public final class RequestIds implements HttpHandler {

    public static final HttpString HEADER = new HttpString("X-Request-Id");
    public static final String REQUEST_ID = "request_id";
    public static final String USER_ID = "user_id";

    static final int MAX_LENGTH = 128;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@=+/-]{1," + MAX_LENGTH + "}");
    private static final AttachmentKey<String> ATTACHMENT = AttachmentKey.create(String.class);

    private final HttpHandler next;

    public RequestIds(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String id = accepted(exchange.getRequestHeaders().getFirst(HEADER));
        exchange.putAttachment(ATTACHMENT, id);
        exchange.getResponseHeaders().put(HEADER, id);
        Executor worker = exchange.getConnection().getWorker();
        exchange.setDispatchExecutor(task -> worker.execute(() -> withMdc(id, task)));
        MDC.put(REQUEST_ID, id);
        try {
            next.handleRequest(exchange);
        } finally {
            clearMdc();
        }
    }

    /** The client's id when it is safe to echo and log, else a {@link #newId new} one. */
    static String accepted(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : newId();
    }

    /**
     * A new random (version 4) UUID. An id only has to tell requests apart, not be unguessable, so it comes from
     * {@link ThreadLocalRandom}: {@link UUID#randomUUID}'s {@code SecureRandom} is one lock for every thread, a SHA-1
     * digest per id and a 512-byte read of {@code /dev/urandom} every 15 ids or so (strace under load), on every
     * request that brings no id (issue 14).
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L; // the IETF variant
        return new UUID(high, low).toString();
    }

    /** This exchange's request id (null before {@link RequestIds} has seen it). */
    public static String of(HttpServerExchange exchange) {
        return exchange.getAttachment(ATTACHMENT);
    }

    /** The request id of the request this thread is serving, or null. */
    public static String current() {
        return MDC.get(REQUEST_ID);
    }

    /** Names the caller on the rest of this request's log lines. */
    public static void identifiedUser(String userId) {
        if (userId != null) {
            MDC.put(USER_ID, userId);
        }
    }

    /** Runs {@code task} with the exchange's request id in the MDC, wherever the thread it runs on came from. */
    public static void runWith(HttpServerExchange exchange, Runnable task) {
        String id = of(exchange);
        if (id == null || id.equals(current())) {
            task.run();
        } else {
            withMdc(id, task);
        }
    }

    /** Runs {@code task} with {@code id} in the MDC, and leaves this thread's MDC as it was without them. */
    static void withMdc(String id, Runnable task) {
        MDC.put(REQUEST_ID, id);
        try {
            task.run();
        } finally {
            clearMdc();
        }
    }

    private static void clearMdc() {
        MDC.remove(REQUEST_ID);
        MDC.remove(USER_ID);
    }
}
