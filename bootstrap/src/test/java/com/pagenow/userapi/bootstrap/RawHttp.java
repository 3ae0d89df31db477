package com.pagenow.userapi.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests that {@code java.net.http} refuses to send (raw control characters,
 * invalid UTF-8 or unencoded bytes in the target, odd methods and headers). One request per connection.
 */
final class RawHttp {

    private RawHttp() {}

    /** A request: the request line and headers as given, CRLF-terminated, then {@code body}. */
    static byte[] request(String method, String target, String headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(target.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(headers.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null
                && !headers.toLowerCase(Locale.ROOT).contains("content-length:")
                && !headers.toLowerCase(Locale.ROOT).contains("transfer-encoding:")) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** Sends {@code request} and reads until the server closes; {@link Response#status()} is -1 without an answer. */
    static Response send(int port, byte[] request, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException refusedMidway) {
                // The server may answer and close before reading all of a big request; read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
                if (isEventStream(all)) {
                    break; // GET /events answered with its stream, which never ends by itself: the head is the answer
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException cut) {
            // What arrived before the timeout or a reset is still the answer.
        }
        return all.toByteArray();
    }

    private static boolean isEventStream(ByteArrayOutputStream received) {
        String text = received.toString(StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        return headEnd > 0
                && text.substring(0, headEnd).toLowerCase(Locale.ROOT).contains("text/event-stream");
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
            return new Response(-1, "", text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String head = text.substring(0, headEnd);
        byte[] bodyBytes = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            bodyBytes = dechunk(bodyBytes);
        }
        return new Response(status, head, new String(bodyBytes, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size =
                    Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    /** Status (-1: no answer), the status line and headers as one text, and the body. */
    record Response(int status, String head, String body) {}
}
