package com.pagenow.userapi.adapter.rest.http;

import com.pagenow.userapi.adapter.rest.http.server.Problem;
import com.pagenow.userapi.adapter.rest.http.server.ResponseWriter;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSourceChannel;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads a request's whole body on the IO thread before handing the request on (so a slow sender holds no turn and
 * no worker), like Undertow's {@code RequestBufferingHandler}, with one difference: a body that ends before its
 * {@code Content-Length} (the client half-closed, or the connection ended) never reaches the next handler. It is
 * answered with the 400 problem of an unreadable body ({@link ErrorMapper}), and the connection is closed after it.
 * Undertow's handler instead threw (a 500) or, when the end came while it waited for more, passed on the bytes it had
 * (a truncated request processed).
 */
public final class BodyFirstHandler implements HttpHandler {

    private final HttpHandler next;
    private final int maxBuffers;
    private final ResponseWriter writer;
    private final ErrorMapper errors = new ErrorMapper();

    public BodyFirstHandler(HttpHandler next, int maxBuffers, ResponseWriter writer) {
        this.next = next;
        this.maxBuffers = maxBuffers;
        this.writer = writer;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isRequestComplete() || HttpContinue.requiresContinueResponse(exchange.getRequestHeaders())) {
            next.handleRequest(exchange);
            return;
        }
        Reading reading = new Reading(exchange);
        switch (reading.readAvailable()) {
            case WHOLE -> {
                reading.handBack();
                next.handleRequest(exchange);
            }
            case UNREADABLE -> writer.problem(exchange, reading.refusal());
            case MORE -> reading.waitForMore();
        }
    }

    private enum State {
        WHOLE,
        MORE,
        UNREADABLE
    }

    /** One body being read: the buffers filled so far. */
    private final class Reading implements ChannelListener<StreamSourceChannel> {

        private final HttpServerExchange exchange;
        private final StreamSourceChannel channel;
        private final PooledByteBuffer[] filled = new PooledByteBuffer[maxBuffers];
        private int count;
        private PooledByteBuffer current;
        private IOException failure;

        Reading(HttpServerExchange exchange) {
            this.exchange = exchange;
            this.channel = exchange.getRequestChannel(); // once only: a second call answers null
        }

        @Override
        public void handleEvent(StreamSourceChannel ignored) {
            State state = readAvailable();
            if (state == State.MORE) {
                return;
            }
            channel.getReadSetter().set(null);
            channel.suspendReads();
            if (state == State.WHOLE) {
                handBack();
                Connectors.executeRootHandler(next, exchange);
            } else {
                Problem problem = refusal();
                Connectors.executeRootHandler(refused -> writer.problem(refused, problem), exchange);
            }
        }

        void waitForMore() {
            channel.getReadSetter().set(this);
            channel.resumeReads();
        }

        /** Reads what the connection has so far. */
        State readAvailable() {
            try {
                while (true) {
                    if (current == null) {
                        if (count == maxBuffers) {
                            return State.WHOLE; // the next handler reads the rest, as with Undertow's handler
                        }
                        current = exchange.getConnection().getByteBufferPool().allocate();
                    }
                    ByteBuffer buffer = current.getBuffer();
                    int read = channel.read(buffer);
                    if (read == 0) {
                        return State.MORE;
                    }
                    if (read == -1) {
                        if (!exchange.isRequestComplete()) {
                            throw new IOException("the body ended before its Content-Length");
                        }
                        keepCurrent();
                        return State.WHOLE;
                    }
                    if (!buffer.hasRemaining()) {
                        keepCurrent();
                    }
                }
            } catch (IOException unreadable) {
                failure = unreadable;
                release();
                return State.UNREADABLE;
            }
        }

        private void keepCurrent() {
            if (current.getBuffer().position() == 0) {
                current.close();
            } else {
                current.getBuffer().flip();
                filled[count++] = current;
            }
            current = null;
        }

        /** The body read, put back for the next handler to read as if from the connection. */
        void handBack() {
            Connectors.ungetRequestBytes(exchange, filled);
            Connectors.resetRequestChannel(exchange);
        }

        /** The 400 of an unreadable body; the connection is closed after it, whatever else was sent on it. */
        Problem refusal() {
            exchange.setPersistent(false);
            return errors.toProblem(new ApiRequest.BodyReadException(failure));
        }

        private void release() {
            for (PooledByteBuffer buffer : filled) {
                IoUtils.safeClose(buffer);
            }
            IoUtils.safeClose(current);
        }
    }
}
