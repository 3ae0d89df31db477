package com.pagenow.userapi.adapter.rest.http.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.xnio.conduits.StreamSinkConduit;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Undertow's empty parse-failure 400 becomes a whole problem however the connection takes it; nothing else changes. */
class ParseFailureProblemConduitTest {

    private static final String UNDERTOW_ANSWER =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    private final Counter failures = new SimpleMeterRegistry().counter("failures");
    private final SlowConnection connection = new SlowConnection(7);
    private final ParseFailureProblemConduit conduit = new ParseFailureProblemConduit(connection.conduit(), failures);

    @Test
    void undertowsEmptyBadRequestIsReplacedWholeWhenTheConnectionTakesItPiecewise() throws Exception {
        ByteBuffer undertows = ascii(UNDERTOW_ANSWER);
        int calls = 0;
        while (undertows.hasRemaining()) { // as Undertow's StringWriteChannelListener: write again until taken
            int taken = conduit.write(undertows);
            assertThat(taken).isIn(0, UNDERTOW_ANSWER.length());
            assertThat(undertows.remaining()).isEqualTo(UNDERTOW_ANSWER.length() - taken);
            assertThat(++calls).isLessThan(1000);
        }

        String body = new String(
                new ResponseWriter(Json.mapper()).serialized(ParseFailureProblemConduit.PROBLEM),
                StandardCharsets.UTF_8);
        assertThat(calls).isGreaterThan(10);
        assertThat(connection.received())
                .isEqualTo("HTTP/1.1 400 Bad Request\r\n"
                        + "Content-Type: application/problem+json\r\n"
                        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                        + "Connection: close\r\n\r\n" + body);
        assertThat(body).startsWith("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":");
        assertThat(failures.count()).isEqualTo(1);
    }

    @Test
    void everyOtherWritePassesUnchanged() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
        String sameLength = UNDERTOW_ANSWER.replace("close", "CLOSE");
        for (String written : new String[] {response, sameLength, UNDERTOW_ANSWER + "x"}) {
            ByteBuffer buffer = ascii(written);
            while (buffer.hasRemaining()) {
                conduit.write(buffer);
            }
        }
        assertThat(connection.received()).isEqualTo(response + sameLength + UNDERTOW_ANSWER + "x");
        assertThat(failures.count()).isZero();
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A connection that takes at most {@code perCall} bytes a write, and nothing every other write. */
    private static final class SlowConnection {
        private final int perCall;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int writes;

        SlowConnection(int perCall) {
            this.perCall = perCall;
        }

        StreamSinkConduit conduit() {
            return (StreamSinkConduit) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {StreamSinkConduit.class},
                    (proxy, method, args) -> write(method, args));
        }

        private Object write(Method method, Object[] args) {
            if (!method.getName().equals("write") || !(args[0] instanceof ByteBuffer src)) {
                throw new UnsupportedOperationException(method.toString());
            }
            if (writes++ % 2 == 1) {
                return 0;
            }
            byte[] taken = new byte[Math.min(perCall, src.remaining())];
            src.get(taken);
            received.writeBytes(taken);
            return taken.length;
        }

        String received() {
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
