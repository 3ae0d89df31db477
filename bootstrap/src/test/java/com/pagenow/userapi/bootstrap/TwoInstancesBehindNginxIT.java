package com.pagenow.userapi.bootstrap;

import com.nimbusds.jose.jwk.RSAKey;
import com.pagenow.userapi.adapter.auth.testing.JwksServer;
import com.pagenow.userapi.adapter.auth.testing.TestTokens;
import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two service processes on one database behind a real nginx, under a mixed read/write load; one is killed with
 * {@code SIGKILL} halfway. The other carries on, and the database holds exactly the writes that were acknowledged:
 * a write whose answer was lost in the kill is sent again (registrations and friend requests are idempotent by their
 * {@code 409}), a share whose answer was lost may or may not be stored and is counted. Size:
 * {@code -Duser.api.fault.clients} (default 4) and {@code -Duser.api.fault.run.ms} (default 4000).
 */
class TwoInstancesBehindNginxIT {

    private static final int CLIENTS = Integer.getInteger("user.api.fault.clients", 4);
    private static final Duration RUN = Duration.ofMillis(Long.getLong("user.api.fault.run.ms", 4000));
    private static final Duration CARRY_ON = Duration.ofSeconds(1);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RSAKey key = TestTokens.newRsaKey("lb-key");
    private int balancerPort;

    @Test
    void killedInstanceLeavesTheOtherServingAndTheDatabaseHoldsTheAcknowledgedWrites() throws Exception {
        assumeTrue(
                NginxBalancer.available(),
                "nginx is not installed (Debian package nginx; .ci/setup.d/40-nginx.sh installs it)");
        try (TestDatabase database = TestDatabase.postgres(getClass());
                JwksServer jwks = JwksServer.start(key)) {
            Map<String, String> env = new HashMap<>();
            env.put("DATABASE_URL", database.jdbcUrl());
            if (database.username() != null) {
                env.put("RDS_USERNAME", database.username());
            }
            env.put("COGNITO_REGION", RunningService.REGION);
            env.put("COGNITO_POOL_ID", RunningService.POOL_ID);
            env.put("COGNITO_JWKS_URL", jwks.url().toString());
            env.put("COGNITO_APP_CLIENT_IDS", RunningService.CLIENT_ID);
            env.put("DATABASE_POOL_SIZE", "4");
            env.put("PROFILE_IMAGE_BUCKET_NAME", "user-api-test-images");
            env.put("AWS_REGION_NAME", RunningService.REGION);
            env.put("PATH", System.getenv("PATH"));
            try (ServiceProcess one = ServiceProcess.start("lb-one", env);
                    ServiceProcess two = ServiceProcess.start("lb-two", env)) {
                one.awaitListening(Duration.ofSeconds(90));
                two.awaitListening(Duration.ofSeconds(90));
                try (NginxBalancer balancer = NginxBalancer.start(List.of(one.port(), two.port()))) {
                    balancerPort = balancer.port();
                    run(database, one);
                }
            }
        }
    }

    private void run(TestDatabase database, ServiceProcess victim) throws Exception {
        String prefix = "lb" + Long.toString(System.nanoTime(), 36);
        CallLog log = new CallLog();
        Set<String> users = ConcurrentHashMap.newKeySet();
        Set<String> requests = ConcurrentHashMap.newKeySet();
        Set<String> shares = ConcurrentHashMap.newKeySet();
        Set<String> lostShares = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Object>> done = new java.util.ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            String me = prefix + "c" + c;
            done.add(clients.submit(() -> {
                String token = token(me);
                resolved(log, "write user", me, () -> send("POST", "/users/me", token, profile()));
                users.add(me);
                for (int k = 0; running.get(); k++) {
                    String other = me + "f" + k;
                    if (resolved(log, "write user", other, () -> send("POST", "/users/me", token(other), profile()))) {
                        users.add(other);
                        if (resolved(
                                log,
                                "write request",
                                me + ">" + other,
                                () -> send(
                                        "POST", "/friendship/requests", token, "{\"user_id2\":\"" + other + "\"}"))) {
                            requests.add(me + ">" + other);
                        }
                    }
                    String url = "https://example.com/" + other;
                    Answer share = timed(
                            log,
                            "write share",
                            url,
                            () -> send(
                                    "POST",
                                    "/notifications/share",
                                    token,
                                    "{\"url\":\"" + url + "\",\"title\":\"t\"}"));
                    (share.status == 200 ? shares : lostShares).add(url);
                    String read = k % 2 == 0 ? "/friendship/all" : "/users/me";
                    timed(log, "read", me, () -> send("GET", read, token, null));
                }
                return null;
            }));
        }
        Thread.sleep(RUN.toMillis() / 2);
        victim.kill();
        long dead = System.nanoTime(); // the process has exited: nothing can be in flight on it after this
        Thread.sleep(RUN.toMillis() / 2);
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Future<Object> client : done) {
            client.get(); // an assertion inside a client fails the test here
        }

        List<CallLog.Call> all = log.all();
        List<CallLog.Call> failed = log.where(call -> call.status() != 200 && call.status() != 409);
        List<CallLog.Call> afterKill = log.where(call -> call.startedNanos() >= dead + CARRY_ON.toNanos());
        Set<String> storedUsers =
                column(database, "SELECT user_id FROM user_table WHERE user_id LIKE '" + prefix + "%'");
        Set<String> storedRequests = column(
                database,
                "SELECT user_id1 || '>' || user_id2 FROM friendship_table " + "WHERE user_id1 LIKE '" + prefix + "%'");
        Set<String> storedShares =
                column(database, "SELECT url FROM share_notification_table WHERE user_id LIKE '" + prefix + "%'");
        Set<String> lostButStored = new HashSet<>(lostShares);
        lostButStored.retainAll(storedShares);

        System.out.printf(
                "TwoInstancesBehindNginxIT: %d clients, %d ms, SIGKILL at half time: %d calls (%d reads),"
                        + " %d without a 2xx/409 answer (all in flight at the kill), %d after the kill all 200;"
                        + " stored = acknowledged: %d users, %d friend requests, %d shares (+%d of %d shares whose"
                        + " answer was lost)%n",
                CLIENTS,
                RUN.toMillis(),
                all.size(),
                log.where(call -> call.kind().equals("read")).size(),
                failed.size(),
                afterKill.size(),
                storedUsers.size(),
                storedRequests.size(),
                shares.size(),
                lostButStored.size(),
                lostShares.size());

        assertThat(afterKill)
                .isNotEmpty()
                .allSatisfy(
                        call -> assertThat(call.status()).as(call.toString()).isIn(200, 409));
        assertThat(failed).allSatisfy(call -> {
            assertThat(call.startedNanos())
                    .as("failed call started before the kill: " + call)
                    .isLessThan(dead);
            assertThat(call.status()).as(call.toString()).isIn(0, 502, 503, 504);
        });
        assertThat(storedUsers).isEqualTo(users);
        assertThat(storedRequests).isEqualTo(requests);
        assertThat(storedShares).containsAll(shares);
        Set<String> unexplained = new HashSet<>(storedShares);
        unexplained.removeAll(shares);
        unexplained.removeAll(lostShares);
        assertThat(unexplained).isEmpty();
    }

    /**
     * Sends a write until it has a definite answer: 200 (done now) or 409 (done before, by an attempt whose answer
     * was lost). Answers whether the thing exists afterwards.
     */
    private static boolean resolved(CallLog log, String kind, String key, java.util.function.Supplier<Answer> call) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Answer answer = timed(log, kind, key, call);
            if (answer.status == 200 || answer.status == 409) {
                return true;
            }
            if (answer.status >= 400 && answer.status < 500) {
                throw new AssertionError(kind + " " + key + ": " + answer.status + " " + answer.body);
            }
        }
        throw new AssertionError(kind + " " + key + " has no definite answer after 5 attempts");
    }

    private static Answer timed(CallLog log, String kind, String key, java.util.function.Supplier<Answer> call) {
        long started = System.nanoTime();
        Answer answer = call.get();
        log.add(new CallLog.Call(kind, key, answer.status, started, System.nanoTime() - started, answer.body));
        return answer;
    }

    private Answer send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancerPort + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException lost) {
            return new Answer(0, lost.toString());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    private String token(String user) {
        return TestTokens.idToken(user)
                .issuer(RunningService.ISSUER)
                .audience(RunningService.CLIENT_ID)
                .email(user + "@example.com")
                .signedWith(key);
    }

    private static String profile() {
        return "{\"first_name\":\"Load\",\"last_name\":\"Balanced\"}";
    }

    private static Set<String> column(TestDatabase database, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private record Answer(int status, String body) {}
}
