package com.pagenow.userapi.adapter.rest.http.server;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A connection's output, turning Undertow's answer to a request it cannot parse (a malformed {@code %}-escape or
 * character in the target, a malformed or oversized header) into a {@code 400} problem. Undertow writes that answer,
 * a fixed empty {@code 400}, straight to the connection, with no option or handler to change it; this conduit sits
 * under Undertow's and replaces exactly those bytes. Any other write pays one length comparison.
 */
final class ParseFailureProblemConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {

    // Named as before the class moved to this package, so that its log lines stay as they were.
    private static final Logger LOG =
            LoggerFactory.getLogger("com.pagenow.userapi.adapter.rest.http.ParseFailureProblemConduit");

    /** What {@code HttpReadListener.sendBadRequestAndClose} of Undertow 2.3 writes, in one write call. */
    private static final byte[] UNDERTOW_ANSWER =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);

    static final Problem PROBLEM = Problem.of(
            400,
            "Bad Request",
            "The request could not be parsed: a malformed"
                    + " %-escape or a character not allowed in the target, or a malformed or oversized header");
    /** The whole replacement: Undertow closes the connection after its answer, so this one says so too. */
    private static final byte[] ANSWER = answer(PROBLEM);

    private final Counter failures;
    /** The rest of {@link #ANSWER} while it is being written: Undertow offers its own bytes again until taken. */
    private ByteBuffer answering;

    ParseFailureProblemConduit(StreamSinkConduit next, Counter failures) {
        super(next);
        this.failures = failures;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (src.remaining() != UNDERTOW_ANSWER.length || !src.equals(ByteBuffer.wrap(UNDERTOW_ANSWER))) {
            return next.write(src);
        }
        if (answering == null) {
            answering = ByteBuffer.wrap(ANSWER);
            failures.increment();
            LOG.debug("A request could not be parsed; answered 400 and closed the connection");
        }
        while (answering.hasRemaining()) {
            if (next.write(answering) == 0) {
                // Undertow keeps its bytes, waits until the connection is writable and writes them again; it
                // writes nothing else meanwhile, and closes the connection once they are taken.
                return 0;
            }
        }
        answering = null;
        src.position(src.limit());
        return UNDERTOW_ANSWER.length;
    }

    private static byte[] answer(Problem problem) {
        byte[] body = new ResponseWriter(Json.mapper()).serialized(problem);
        byte[] head = ("HTTP/1.1 " + problem.status() + " " + problem.title() + "\r\n"
                        + "Content-Type: " + ResponseWriter.PROBLEM_JSON + "\r\n"
                        + "Content-Length: " + body.length + "\r\n"
                        + "Connection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] answer = new byte[head.length + body.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        return answer;
    }
}
