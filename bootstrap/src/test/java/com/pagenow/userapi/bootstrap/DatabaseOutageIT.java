package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A throw-away PostgreSQL is stopped for a few seconds under a mixed load and started again. While it is down
 * every request is a 503 (with Retry-After and a problem body) within the pool wait (1 s here); the service
 * recovers without a restart; every share answered 200 is in the database afterwards. {@code /ping} answers 200
 * throughout, and once the first quick read has waited out the pool, quickly: quick reads then run on the worker
 * threads, not on the IO threads that answer it. Size:
 * {@code -Duser.api.fault.outage.ms} (default 4000) and {@code -Duser.api.fault.clients} (default 4).
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofMillis(Long.getLong("user.api.fault.outage.ms", 4000));
    private static final int CLIENTS = Integer.getInteger("user.api.fault.clients", 4);
    private static final Duration POOL_WAIT = Duration.ofSeconds(1);
    /** The documented bound of a 503 while the server is down: one pool wait, plus scheduling on a busy machine. */
    private static final Duration BOUND = POOL_WAIT.plusSeconds(2);
    /**
     * How long after the first request that got through the pool may still refill. Its connections to the restarted
     * server are made one at a time: on a loaded machine (CI, 2 cores) requests in the next two seconds still waited
     * out the pool, so the check starts three pool waits later.
     */
    private static final Duration RECOVERY_SETTLE = POOL_WAIT.multipliedBy(3);
    /** A ping on a busy machine, with no quick read holding its IO thread. */
    private static final Duration PING_BOUND = Duration.ofMillis(300);

    private static final Duration PING_SETTLE = Duration.ofMillis(500);
    private static final String PING = "ping";
    /** More pingers than IO threads (4 on 2 cores), each on its own connection. */
    private static final int PINGERS = 8;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void outageIsFastServiceUnavailableAndEveryAcknowledgedWriteSurvives() throws Exception {
        assumeTrue(ThrowAwayPostgres.available(), "PostgreSQL server binaries (initdb, pg_ctl) are not installed");
        try (ThrowAwayPostgres cluster = ThrowAwayPostgres.start()) {
            String url = cluster.createDatabase("outage");
            try (RunningService service = RunningService.onDatabase(
                    url,
                    Map.of(
                            "DATABASE_POOL_SIZE",
                            "4",
                            "DATABASE_POOL_WAIT",
                            POOL_WAIT.toMillis() + "ms",
                            // Each client writes far more than a person could: without a budget, so that every answer
                            // is about the database (a fast machine got 429s once a client passed 300 writes a minute).
                            "RATE_LIMIT_WRITES_PER_MINUTE",
                            "0"))) {
                List<String> users = befriendedInARing(service, CLIENTS);
                CallLog log = new CallLog();
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + PINGERS);
                for (int client = 0; client < CLIENTS; client++) {
                    String user = users.get(client);
                    clients.submit(() -> load(service, user, running, log));
                }
                for (int pinger = 0; pinger < PINGERS; pinger++) {
                    clients.submit(() -> ping(service.port(), running, log));
                }

                Thread.sleep(1500);
                long stopBegan = System.nanoTime();
                cluster.stop();
                long stopped = System.nanoTime();
                Thread.sleep(OUTAGE.toMillis());
                long restartBegan = System.nanoTime();
                cluster.startAgain();
                long restarted = System.nanoTime();
                long recoveryDeadline = restarted + Duration.ofSeconds(30).toNanos();
                while (firstOkAfter(log, restartBegan) == Long.MAX_VALUE && System.nanoTime() < recoveryDeadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(RECOVERY_SETTLE.toMillis() + 2000);
                running.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                List<CallLog.Call> all = log.where(c -> !c.kind().equals(PING));
                List<CallLog.Call> pings = log.where(c -> c.kind().equals(PING));
                List<CallLog.Call> duringOutage = log.where(c -> !c.kind().equals(PING)
                        && c.startedNanos() >= stopped
                        && c.startedNanos() + c.tookNanos() <= restartBegan);
                // The first quick reads of the outage may each hold their IO thread for one pool wait, and one that
                // began just before the first of them ended may run one more; after that, none.
                List<CallLog.Call> pingsLaterInTheOutage =
                        log.where(c -> c.kind().equals(PING)
                                && c.startedNanos() >= stopped + 2 * POOL_WAIT.toNanos() + PING_SETTLE.toNanos()
                                && c.startedNanos() + c.tookNanos() <= restartBegan);
                List<CallLog.Call> unavailable = log.where(c -> c.status() == 503);
                long firstOkAfterRestart = firstOkAfter(log, restartBegan);
                // Once a request got through, the pool refills within RECOVERY_SETTLE, and every call after is a 200.
                List<CallLog.Call> afterRecovery =
                        log.where(c -> c.startedNanos() >= firstOkAfterRestart + RECOVERY_SETTLE.toNanos());
                Set<String> acknowledged = new HashSet<>();
                log.where(c -> c.isWrite() && c.status() == 200).forEach(c -> acknowledged.add(eventId(c.body())));

                System.out.printf(
                        "DatabaseOutageIT: %d clients, outage %d ms (stop took %d ms, start %d ms): %d calls,"
                                + " %d x 200, %d x 503 (max %s, p50 %s), during the outage %d calls all 503; first 200"
                                + " %d ms after the restart began; %d acknowledged shares, all present%n",
                        CLIENTS,
                        OUTAGE.toMillis(),
                        (stopped - stopBegan) / 1_000_000,
                        (restarted - restartBegan) / 1_000_000,
                        all.size(),
                        all.stream().filter(c -> c.status() == 200).count(),
                        unavailable.size(),
                        CallLog.millis(CallLog.max(unavailable)),
                        CallLog.millis(CallLog.percentile(unavailable, 0.5)),
                        duringOutage.size(),
                        (firstOkAfterRestart - restartBegan) / 1_000_000,
                        acknowledged.size());

                assertThat(all)
                        .allSatisfy(call ->
                                assertThat(call.status()).as(call.toString()).isIn(200, 503));
                assertThat(duringOutage)
                        .isNotEmpty()
                        .allSatisfy(call ->
                                assertThat(call.status()).as(call.toString()).isEqualTo(503));
                assertThat(unavailable).allSatisfy(call -> {
                    assertThat(call.took()).as(call.toString()).isLessThan(BOUND);
                    assertThat(call.body()).contains("\"status\":503").doesNotContain("SQL");
                });
                assertThat(afterRecovery)
                        .isNotEmpty()
                        .allSatisfy(call ->
                                assertThat(call.status()).as(call.toString()).isEqualTo(200));
                assertThat(storedEvents(cluster)).containsAll(acknowledged);
                System.out.printf(
                        "DatabaseOutageIT: %d pings, max %s; later in the outage %d, max %s%n",
                        pings.size(),
                        CallLog.millis(CallLog.max(pings)),
                        pingsLaterInTheOutage.size(),
                        CallLog.millis(CallLog.max(pingsLaterInTheOutage)));
                assertThat(pings).allSatisfy(call -> {
                    assertThat(call.status()).as(call.toString()).isEqualTo(200);
                    assertThat(call.took()).as(call.toString()).isLessThan(BOUND);
                });
                assertThat(pingsLaterInTheOutage)
                        .isNotEmpty()
                        .allSatisfy(call ->
                                assertThat(call.took()).as(call.toString()).isLessThan(PING_BOUND));
            }
        }
    }

    private static long firstOkAfter(CallLog log, long since) {
        return log.where(c -> c.status() == 200 && c.startedNanos() >= since).stream()
                .mapToLong(c -> c.startedNanos() + c.tookNanos())
                .min()
                .orElse(Long.MAX_VALUE);
    }

    /** Registers {@code count} users, each a friend of the next, so that every share has a recipient. */
    static List<String> befriendedInARing(RunningService service, int count) {
        String prefix = "o" + Long.toString(System.nanoTime(), 36);
        List<String> users = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> prefix + "u" + i)
                .toList();
        for (String user : users) {
            assertThat(service.post("/users/me", service.token(user), "{\"first_name\":\"Out\",\"last_name\":\"Age\"}")
                            .status())
                    .isEqualTo(200);
        }
        for (int i = 0; i < count && count > 1; i++) {
            String from = users.get(i);
            String to = users.get((i + 1) % count);
            int asked = service.post("/friendship/requests", service.token(from), "{\"user_id2\":\"" + to + "\"}")
                    .status();
            if (asked == 200) {
                assertThat(service.post("/friendship/accept", service.token(to), "{\"user_id1\":\"" + from + "\"}")
                                .status())
                        .isEqualTo(200);
            }
        }
        return users;
    }

    private static void load(RunningService service, String user, AtomicBoolean running, CallLog log) {
        String token = service.token(user);
        int n = 0;
        while (running.get()) {
            n++;
            String key = user + "-" + n;
            boolean write = n % 2 == 0;
            long started = System.nanoTime();
            RunningService.Response response = write
                    ? service.post(
                            "/notifications/share",
                            token,
                            "{\"url\":\"https://example.com/" + key + "\",\"title\":\"t\"}")
                    : service.get(READS.get(n / 2 % READS.size()), token);
            log.add(new CallLog.Call(
                    write ? "write share" : "read",
                    key,
                    response.status(),
                    started,
                    System.nanoTime() - started,
                    response.body()));
            if (response.status() == 503) {
                assertThat(response.header("Retry-After")).isEqualTo("2");
            }
        }
    }

    /** Reads on a worker thread, and quick reads, which run on the IO threads while they are fast. */
    private static final List<String> READS =
            List.of("/notifications/share/sent?limit=5", "/friendship/all", "/users/me", "/friendship/requests");

    /** Pings on a connection of its own, so that the pingers' connections spread over the IO threads. */
    private static void ping(int port, AtomicBoolean running, CallLog log) {
        HttpClient own = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            while (running.get()) {
                long started = System.nanoTime();
                HttpResponse<String> response = own.send(ping, HttpResponse.BodyHandlers.ofString());
                log.add(new CallLog.Call(
                        PING, "", response.statusCode(), started, System.nanoTime() - started, response.body()));
                Thread.sleep(20);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String eventId(String body) {
        try {
            return JSON.readTree(body).asText();
        } catch (java.io.IOException notJson) {
            throw new AssertionError(body, notJson);
        }
    }

    private static Set<String> storedEvents(ThrowAwayPostgres cluster) throws SQLException {
        Set<String> events = new HashSet<>();
        try (Connection connection = cluster.connect("outage");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT event_id FROM share_notification_table")) {
            while (rows.next()) {
                events.add(rows.getString(1));
            }
        }
        return events;
    }
}
