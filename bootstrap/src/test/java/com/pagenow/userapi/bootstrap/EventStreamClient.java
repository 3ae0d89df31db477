package com.pagenow.userapi.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for tests, as a browser's EventSource reads a stream: {@code event:}, {@code id:},
 * {@code data:} lines up to a blank line make one event; lines starting with {@code :} are comments.
 */
public final class EventStreamClient implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event, with when it arrived ({@link System#nanoTime()}). */
    public record Event(String name, String id, String data, long receivedNanos) {}

    private final int status;
    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final String body;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.status = response.statusCode();
        if (status != 200) {
            this.body = String.join("\n", response.body().toList());
            ended.countDown();
            return;
        }
        this.body = null;
        Thread reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code /events} with the token in the Authorization header. */
    public static EventStreamClient open(int port, String token, String lastEventId) {
        return open(URI.create("http://127.0.0.1:" + port + "/events"), "Bearer " + token, lastEventId);
    }

    /** Opens {@code /events?access_token=...}, as a browser's EventSource must. */
    public static EventStreamClient openWithQueryToken(int port, String token) {
        return open(URI.create("http://127.0.0.1:" + port + "/events?access_token=" + token), null, null);
    }

    private static EventStreamClient open(URI uri, String authorization, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStreamClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of a refused stream (a problem). */
    public String body() {
        return body;
    }

    /** The next event, or null if none arrives within {@code timeout}. */
    public Event next(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The next {@code count} events; fails if they do not all arrive within {@code timeout}. */
    public List<Event> next(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.util.ArrayList<Event> received = new java.util.ArrayList<>();
        while (received.size() < count) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event == null) {
                throw new AssertionError(
                        "only " + received.size() + " of " + count + " events within " + timeout + ": " + received);
            }
            received.add(event);
        }
        return received;
    }

    public int comments() {
        return comments.get();
    }

    /** Whether the server ended the stream within {@code timeout}. */
    public boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        response.body().close();
    }

    private void read() {
        String name = null;
        String id = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, data.toString(), System.nanoTime()));
                    }
                    name = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    comments.incrementAndGet();
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" ->
                        data = data == null
                                ? new StringBuilder(value)
                                : data.append('\n').append(value);
                    default -> {}
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream, or the server cut it
        } finally {
            ended.countDown();
        }
    }
}
