package com.pagenow.userapi.adapter.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.adapter.rest.http.server.Problem;
import com.pagenow.userapi.adapter.rest.http.server.RequestObserver;
import com.pagenow.userapi.adapter.rest.http.server.ResponseWriter;
import com.pagenow.userapi.application.port.in.AuthenticateUntilExpiryUseCase;
import com.pagenow.userapi.application.port.in.SignedInCaller;
import com.pagenow.userapi.application.port.in.event.LiveEventSink;
import com.pagenow.userapi.application.port.in.event.LiveEventSubscription;
import com.pagenow.userapi.application.port.in.event.SubscribeToLiveEventsCommand;
import com.pagenow.userapi.application.port.in.event.SubscribeToLiveEventsUseCase;
import com.pagenow.userapi.application.readmodel.StreamedEvent;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A Server-Sent Events stream: authenticates on a worker thread (the token from the {@code Authorization} header,
 * or {@code ?access_token=} for browsers' EventSource, which cannot set headers), reserves the stream (or answers
 * 429/503 as a problem), then hands the connection to Undertow's SSE support, whose writes are non-blocking on
 * the connection's IO thread. Each connection holds no thread while idle; a comment line goes out every
 * {@code heartbeat}. A client that falls {@link #MAX_UNSENT} events behind is cut off: it reconnects with
 * {@code Last-Event-ID} and misses nothing.
 */
public final class EventStreamHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamHandler.class);
    private static final HttpString LAST_EVENT_ID = new HttpString("Last-Event-ID");
    static final String ACCESS_TOKEN_PARAMETER = "access_token";
    static final int MAX_UNSENT = 1_000;
    private static final long RETRY_AFTER_SECONDS = 5;
    private static final long CLOSE_GRACE_SECONDS = 5;

    /** An event as it goes on the wire: its {@code event:} name and what its {@code data:} line holds as JSON. */
    public record Message(String event, Object data) {}

    private final AuthenticateUntilExpiryUseCase authentication;
    private final SubscribeToLiveEventsUseCase events;
    private final Function<StreamedEvent, Message> messages;
    private final Duration heartbeat;
    private final ObjectMapper json;
    private final ResponseWriter writer;
    private final ErrorMapper errors = new ErrorMapper();
    private final Map<ServerSentEventConnection, XnioIoThread> open = new ConcurrentHashMap<>();

    public EventStreamHandler(
            AuthenticateUntilExpiryUseCase authentication,
            SubscribeToLiveEventsUseCase events,
            Function<StreamedEvent, Message> messages,
            Duration heartbeat,
            ObjectMapper json) {
        this.authentication = Objects.requireNonNull(authentication);
        this.events = Objects.requireNonNull(events);
        this.messages = Objects.requireNonNull(messages);
        this.heartbeat = Objects.requireNonNull(heartbeat);
        this.json = Objects.requireNonNull(json);
        this.writer = new ResponseWriter(json);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        LiveEventSubscription subscription = null;
        try {
            SignedInCaller signedIn = authentication.authenticateUntilExpiry(token(exchange));
            exchange.putAttachment(
                    RequestObserver.USER_ID, signedIn.caller().userId().value());
            subscription = events.subscribe(SubscribeToLiveEventsCommand.of(
                    signedIn.caller(),
                    signedIn.expiresAt(),
                    exchange.getRequestHeaders().getFirst(LAST_EVENT_ID)));
            LiveEventSubscription reserved = subscription;
            // However the exchange ends (client gone, handshake failed, stream closed), the place is freed.
            exchange.addExchangeCompleteListener((done, next) -> {
                reserved.cancel();
                next.proceed();
            });
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
            ResponseWriter.unbufferedByProxies(exchange);
            XnioIoThread ioThread = exchange.getIoThread();
            new ServerSentEventHandler((connection, lastEventId) -> connected(connection, ioThread, reserved))
                    .handleRequest(exchange);
        } catch (Exception | Error failure) {
            if (subscription != null) {
                subscription.cancel();
            }
            if (!exchange.isResponseStarted()) {
                Problem problem = errors.toProblem(failure);
                if (problem.status() == 429 || problem.status() == 503) {
                    exchange.getResponseHeaders().put(Headers.RETRY_AFTER, RETRY_AFTER_SECONDS);
                }
                writer.problem(exchange, problem);
            }
        }
    }

    /** Ends every open stream, after what was already queued; clients reconnect (to another instance). */
    public void closeAll() {
        open.forEach(EventStreamHandler::closeGracefully);
    }

    /** How many streams this handler holds open. */
    public int openStreams() {
        return open.size();
    }

    private void connected(
            ServerSentEventConnection connection, XnioIoThread ioThread, LiveEventSubscription subscription) {
        open.put(connection, ioThread);
        connection.addCloseTask(closed -> {
            open.remove(closed);
            subscription.cancel();
        });
        connection.setKeepAliveTime(heartbeat.toMillis());
        subscription.start(new ConnectionSink(connection, ioThread));
    }

    private static String token(HttpServerExchange exchange) {
        if (exchange.getRequestHeaders().contains(Headers.AUTHORIZATION)) {
            return EndpointHandler.bearerToken(exchange);
        }
        var values = exchange.getQueryParameters().get(ACCESS_TOKEN_PARAMETER);
        return values == null || values.isEmpty() ? EndpointHandler.bearerToken(exchange) : values.getFirst();
    }

    private static void closeGracefully(ServerSentEventConnection connection, XnioIoThread ioThread) {
        connection.shutdown();
        // Undertow's shutdown only closes once the queue is empty at that moment; a slow client is closed anyway.
        ioThread.executeAfter(() -> IoUtils.safeClose(connection), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** One connection as the application sees it; sends queue on the connection and return at once. */
    private final class ConnectionSink implements LiveEventSink, ServerSentEventConnection.EventCallback {

        private final ServerSentEventConnection connection;
        private final XnioIoThread ioThread;
        private final AtomicInteger unsent = new AtomicInteger();

        ConnectionSink(ServerSentEventConnection connection, XnioIoThread ioThread) {
            this.connection = connection;
            this.ioThread = ioThread;
        }

        @Override
        public void send(StreamedEvent event) {
            if (unsent.incrementAndGet() > MAX_UNSENT) {
                LOG.info("Closing an event stream whose client reads too slowly");
                IoUtils.safeClose(connection);
                return;
            }
            Message message = messages.apply(event);
            connection.send(data(message), message.event(), Long.toString(event.id()), this);
        }

        @Override
        public void close() {
            closeGracefully(connection, ioThread);
        }

        @Override
        public void done(ServerSentEventConnection connection, String data, String event, String id) {
            unsent.decrementAndGet();
        }

        @Override
        public void failed(ServerSentEventConnection connection, String data, String event, String id, IOException e) {
            unsent.decrementAndGet();
        }

        private String data(Message message) {
            try {
                return json.writeValueAsString(message.data());
            } catch (JsonProcessingException unwritable) {
                throw new UncheckedIOException(unwritable);
            }
        }
    }
}
