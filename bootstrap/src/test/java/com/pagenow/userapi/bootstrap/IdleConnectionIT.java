package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No 502s behind a load balancer: the service keeps an idle connection open longer than the balancer does, so the
 * balancer never reuses one the service is closing. With {@code HTTP_IDLE_TIMEOUT=3s} against a balancer idle
 * timeout of 2 s (the deployed pair is 75 s and the ALB's 60 s), a connection idle past the balancer's timeout is
 * still served, and one idle past the service's is closed cleanly: end of stream, with no request cut off.
 */
class IdleConnectionIT {

    private static final Duration SERVICE_IDLE = Duration.ofSeconds(3);
    private static final Duration BALANCER_IDLE = Duration.ofSeconds(2);

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(
                IdleConnectionIT.class, Map.of("HTTP_IDLE_TIMEOUT", SERVICE_IDLE.toSeconds() + "s"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aConnectionIdleLongerThanTheBalancersTimeoutIsStillServed() throws Exception {
        try (Socket socket = connect()) {
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200");
            Thread.sleep(BALANCER_IDLE.plusMillis(300).toMillis());
            assertThat(exchange(socket))
                    .as("the same connection after %s idle", BALANCER_IDLE.plusMillis(300))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aConnectionIdlePastTheServicesTimeoutIsClosedCleanly() throws Exception {
        try (Socket socket = connect()) {
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200");
            long idleFrom = System.nanoTime();
            socket.setSoTimeout((int) SERVICE_IDLE.multipliedBy(3).toMillis());
            // A reset would throw here ("Connection reset"); a clean close is the end of the stream.
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("still open after " + SERVICE_IDLE.multipliedBy(3) + " idle", stillOpen);
            }
            Duration idle = Duration.ofNanos(System.nanoTime() - idleFrom);
            assertThat(read).as("end of stream").isEqualTo(-1);
            assertThat(idle).isBetween(SERVICE_IDLE.minusMillis(500), SERVICE_IDLE.plusSeconds(2));
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", service.port()), 5000);
        socket.setSoTimeout(5000);
        return socket;
    }

    /** One keep-alive request on the socket, and its whole response (status line, headers and body). */
    private static String exchange(Socket socket) throws IOException {
        socket.getOutputStream()
                .write("GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed mid-response after: " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(next);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).strip());
            }
        }
        assertThat(text.toLowerCase(Locale.ROOT)).as("a kept-alive response").doesNotContain("connection: close");
        byte[] body = in.readNBytes(length);
        return text + new String(body, StandardCharsets.UTF_8);
    }
}
