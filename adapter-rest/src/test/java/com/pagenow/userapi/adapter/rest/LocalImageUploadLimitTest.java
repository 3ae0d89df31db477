package com.pagenow.userapi.adapter.rest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.pagenow.userapi.application.port.in.user.TransferLocalImageUseCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev store's upload cap over a raw socket, in both framings a client may use: a body past
 * {@link TransferLocalImageUseCase#MAX_BYTES} is a {@code 413} problem (not a reset), logged as 413 in the access
 * log, with nothing stored and no stack trace on stderr; the connection is closed after it.
 */
class LocalImageUploadLimitTest {

    private static final byte[] BLOCK = new byte[64 * 1024];

    private final AtomicInteger stored = new AtomicInteger();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private SignedInTestServer server;

    @BeforeEach
    void start() {
        logged.start();
        root.addAppender(logged);
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        server = new SignedInTestServer(
                RestSettings.listeningOn("127.0.0.1", 0), new LocalImageRoutes(new TransferLocalImageUseCase() {
                    @Override
                    public void upload(String token, String contentType, String acl, InputStream body) {
                        stored.incrementAndGet();
                    }

                    @Override
                    public StoredImage download(String token) {
                        throw new UnsupportedOperationException();
                    }
                }));
    }

    @AfterEach
    void stop() {
        server.close();
        System.setErr(originalErr);
        root.detachAppender(logged);
    }

    @Test
    void anOversizedBodyWithAContentLengthIsTooLarge() throws Exception {
        assertTooLarge("Content-Length: " + (TransferLocalImageUseCase.MAX_BYTES + 1) + "\r\n", false);
    }

    @Test
    void anOversizedChunkedBodyIsTooLarge() throws Exception {
        assertTooLarge("Transfer-Encoding: chunked\r\n", true);
    }

    @Test
    void aBodyAtTheLimitIsStored() throws Exception {
        String reply = upload("Transfer-Encoding: chunked\r\n", true, TransferLocalImageUseCase.MAX_BYTES);
        assertThat(reply).as(() -> stderr.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
        assertThat(stored).hasValue(1);
    }

    /** What was logged so far: the server's threads append while the test reads, under the appender's lock. */
    private List<ILoggingEvent> loggedEvents() {
        synchronized (logged) {
            return List.copyOf(logged.list);
        }
    }

    private void assertTooLarge(String framing, boolean chunked) throws Exception {
        String reply = upload(framing, chunked, TransferLocalImageUseCase.MAX_BYTES + 1);

        assertThat(reply)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("\"status\":413");
        assertThat(stored).hasValue(0);
        long deadline = System.currentTimeMillis() + 5_000;
        while (loggedEvents().stream().noneMatch(this::accessLine413) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(loggedEvents()).anyMatch(this::accessLine413);
        assertThat(loggedEvents())
                .noneMatch(event -> event.getLoggerName().equals("access")
                        && event.getFormattedMessage().contains(" 200"));
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    private boolean accessLine413(ILoggingEvent event) {
        return event.getLoggerName().equals("access")
                && event.getFormattedMessage().startsWith("PUT " + TransferLocalImageUseCase.PATH)
                && event.getFormattedMessage().contains(" 413");
    }

    /**
     * Sends {@code size} bytes as the body (the whole of it, as a client that does not read the answer first
     * would, unless the server closes first) and returns what the server answered.
     */
    private String upload(String framing, boolean chunked, long size) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + TransferLocalImageUseCase.PATH + "some-token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: image/png\r\nx-amz-acl: private\r\n" + framing + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                long left = size;
                while (left > 0) {
                    int n = (int) Math.min(BLOCK.length, left);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(BLOCK, 0, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    left -= n;
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and stop reading before the whole body is sent: the answer is still there.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    reply.write(buffer, 0, n);
                    String text = reply.toString(StandardCharsets.ISO_8859_1);
                    int headersEnd = text.indexOf("\r\n\r\n");
                    if (headersEnd >= 0 && text.substring(headersEnd + 4).contains("}")) {
                        break;
                    }
                    if (headersEnd >= 0 && text.startsWith("HTTP/1.1 200")) {
                        break;
                    }
                }
            } catch (IOException reset) {
                reply.write(("[" + reset + "]").getBytes(StandardCharsets.ISO_8859_1));
            }
            return reply.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
