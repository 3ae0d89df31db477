package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.pagenow.userapi.adapter.auth.testing.JwksServer;
import com.pagenow.userapi.adapter.auth.testing.TestTokens;
import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not run by CI (the name matches neither Surefire's nor Failsafe's pattern). Starts the packaged jar as its own
 * process on a fresh PostgreSQL database, holds {@code bench.streams} idle streams open and reports what they cost
 * the server process (RSS, threads, heap after a full GC), then makes {@code bench.rate} friend requests per second
 * for {@code bench.seconds} through HTTP to the streams' users and reports the delay from each request's
 * {@code requested_at} (taken just before its transaction) to its arrival on the stream. Run:
 * <pre>
 * mvn -B -q -pl bootstrap -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=LiveEventsBenchmark -Dbench.streams=2000 -Dbench.rate=100 -Dbench.seconds=60
 * </pre>
 * Results go to stdout and {@code bootstrap/target/live-events-bench.txt}.
 */
class LiveEventsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTERS = 20;
    private static final int IN_FLIGHT = 16;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> report = new ArrayList<>();

    @Test
    void idleStreamsAndDeliveryDelay() throws Exception {
        int streams = Integer.getInteger("bench.streams", 50);
        int rate = Integer.getInteger("bench.rate", 20);
        int seconds = Integer.getInteger("bench.seconds", 5);
        Path jar = Path.of("target/user-api.jar");
        assertThat(jar).as("package the jar first").exists();

        RSAKey key = TestTokens.newRsaKey("bench-key");
        try (TestDatabase database = TestDatabase.postgres(LiveEventsBenchmark.class);
                JwksServer jwks = JwksServer.start(key)) {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            Path.of("target/live-events-bench-server.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("DATABASE_URL", database.jdbcUrl());
            env.put("RDS_USERNAME", database.username());
            env.put("COGNITO_REGION", RunningService.REGION);
            env.put("COGNITO_POOL_ID", RunningService.POOL_ID);
            env.put("COGNITO_JWKS_URL", jwks.url().toString());
            env.put("PROFILE_IMAGE_BUCKET_NAME", "user-api-bench-images");
            env.put("AWS_REGION_NAME", RunningService.REGION);
            env.put("RATE_LIMIT_WRITES_PER_MINUTE", "0"); // the flow sends far more requests than one person could
            env.put("COGNITO_APP_CLIENT_IDS", RunningService.CLIENT_ID);
            env.put("HOST", "127.0.0.1");
            env.put("PORT", Integer.toString(port));
            env.put("EVENTS_MAX_STREAMS", Integer.toString(streams + 100));
            env.put("LOG_LEVEL", "WARN");
            Process server = builder.start();
            try {
                awaitUp(port);
                run(port, key, streams, rate, seconds, server.pid());
            } finally {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
        Files.write(Path.of("target/live-events-bench.txt"), report);
    }

    private void run(int port, RSAKey key, int streams, int rate, int seconds, long pid) throws Exception {
        List<String> listeners = new ArrayList<>();
        List<String> requesters = new ArrayList<>();
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> created = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            String id = "listener-" + i;
            listeners.add(id);
            created.add(CompletableFuture.runAsync(() -> register(port, key, id), setup));
        }
        for (int i = 0; i < REQUESTERS; i++) {
            String id = "requester-" + i;
            requesters.add(id);
            created.add(CompletableFuture.runAsync(() -> register(port, key, id), setup));
        }
        CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        setup.shutdown();

        note("machine", uptime());
        note("server before streams", processFacts(pid));
        ConcurrentLinkedQueue<Double> delays = new ConcurrentLinkedQueue<>();
        AtomicInteger open = new AtomicInteger();
        List<CompletableFuture<HttpResponse<Void>>> connections = new ArrayList<>();
        for (String listener : listeners) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                    .header("Authorization", "Bearer " + token(key, listener))
                    .GET()
                    .build();
            connections.add(http.sendAsync(
                    request, HttpResponse.BodyHandlers.fromLineSubscriber(new DelaySubscriber(delays, open))));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (open.get() < streams && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(open.get()).as("streams open").isEqualTo(streams);
        Thread.sleep(5_000);
        note("server with " + streams + " idle streams", processFacts(pid));
        note("machine", uptime());

        int total = rate * seconds;
        ScheduledExecutorService writers = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long flowStart = System.nanoTime();
        for (int n = 0; n < total; n++) {
            String addressee = listeners.get(n % streams);
            String requester = requesters.get((n / streams) % REQUESTERS);
            // Up to IN_FLIGHT writes at once: a slower server lowers the rate reached (reported) instead of
            // drowning in connections.
            writers.schedule(
                    () -> {
                        inFlight.acquireUninterruptibly();
                        HttpRequest ask = HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/friendship/requests"))
                                .header("Authorization", "Bearer " + token(key, requester))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id2\":\"" + addressee + "\"}"))
                                .build();
                        writes.add(http.sendAsync(ask, HttpResponse.BodyHandlers.discarding())
                                .handle((response, error) -> {
                                    inFlight.release();
                                    if (error != null || response.statusCode() != 200) {
                                        failed.incrementAndGet();
                                    }
                                    return null;
                                }));
                    },
                    n * periodNanos,
                    TimeUnit.NANOSECONDS);
        }
        writers.shutdown();
        writers.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double sendSeconds = (System.nanoTime() - flowStart) / 1e9;
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        note(
                "writes",
                String.format(
                        Locale.ROOT,
                        "%d sent in %.1f s (%.1f/s), all answered after %.1f s",
                        total,
                        sendSeconds,
                        total / sendSeconds,
                        (System.nanoTime() - flowStart) / 1e9));
        note("machine after the flow", uptime());
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delays.size() < total - failed.get() && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }
        List<Double> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        note(
                "flow",
                String.format(
                        Locale.ROOT,
                        "%d requests at %d/s over %d s, %d failed, %d events delivered",
                        total,
                        rate,
                        seconds,
                        failed.get(),
                        sorted.size()));
        if (!sorted.isEmpty()) {
            note(
                    "requested_at to delivery (ms)",
                    String.format(
                            Locale.ROOT,
                            "p50 %.1f, p90 %.1f, p99 %.1f, max %.1f",
                            percentile(sorted, 0.50),
                            percentile(sorted, 0.90),
                            percentile(sorted, 0.99),
                            sorted.get(sorted.size() - 1)));
        }
        note("server after the flow", processFacts(pid));
        connections.forEach(connection -> connection.cancel(true));
        assertThat(sorted).hasSize(total - failed.get());
    }

    private void register(int port, RSAKey key, String id) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/users/me"))
                .header("Authorization", "Bearer " + token(key, id))
                .POST(HttpRequest.BodyPublishers.ofString("{\"first_name\":\"Bench\",\"last_name\":\"" + id + "\"}"))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(status).isEqualTo(200);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private String token(RSAKey key, String id) {
        return tokens.computeIfAbsent(
                id,
                user -> TestTokens.idToken(user)
                        .issuer(RunningService.ISSUER)
                        .audience(RunningService.CLIENT_ID)
                        .email(user + "@example.com")
                        .expiresAt(Instant.now().plus(Duration.ofHours(2)))
                        .signedWith(key));
    }

    /** RSS and threads from /proc, heap in use after a full GC from jcmd. */
    private static String processFacts(long pid) throws IOException, InterruptedException {
        run("jcmd", Long.toString(pid), "GC.run");
        String heap = run("jcmd", Long.toString(pid), "GC.heap_info");
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        return "RSS " + field(status, "VmRSS:") + ", threads " + field(status, "Threads:") + ", heap after GC: "
                + heap.lines()
                        .filter(line -> line.contains("used"))
                        .findFirst()
                        .orElse("?")
                        .strip();
    }

    private static String field(String status, String name) {
        return status.lines()
                .filter(line -> line.startsWith(name))
                .findFirst()
                .map(line -> line.substring(name.length()).strip())
                .orElse("?");
    }

    private static String uptime() throws IOException, InterruptedException {
        return run("uptime").strip();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private void note(String what, String value) {
        String line = what + ": " + value;
        System.out.println("[bench] " + line);
        report.add(line);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitUp(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                        .build();
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not start; see target/live-events-bench-server.log");
    }

    /** Counts the stream as open at its first line (the headers came), and times every event's data line. */
    private static final class DelaySubscriber implements Flow.Subscriber<String> {
        private final ConcurrentLinkedQueue<Double> delays;
        private final AtomicInteger open;
        private boolean counted;

        DelaySubscriber(ConcurrentLinkedQueue<Double> delays, AtomicInteger open) {
            this.delays = delays;
            this.open = open;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
            open.incrementAndGet();
            counted = true;
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            Instant now = Instant.now();
            try {
                Instant requested = Instant.parse(
                        JSON.readTree(line.substring(5)).get("requested_at").asText());
                delays.add(ChronoUnit.MICROS.between(requested, now) / 1000.0);
            } catch (IOException | RuntimeException unreadable) {
                // not a friend request
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (counted) {
                open.decrementAndGet();
                counted = false;
            }
        }

        @Override
        public void onComplete() {
            onError(null);
        }
    }
}
