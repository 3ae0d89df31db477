package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many pairs of users act on each other at the same moment, over real HTTP on PostgreSQL. The database's unique
 * index on the unordered pair decides each race; the loser gets a clean answer, never a 500.
 */
class FriendshipConcurrencyIT {

    private static final int PAIRS = 50;

    private static RunningService service;

    @BeforeAll
    static void start() {
        // The races are under test, not load shedding: on a slow machine 100 requests at once passed the default
        // queue length and waits and were shed as 503s (the limits have tests of their own).
        service = RunningService.start(
                FriendshipConcurrencyIT.class,
                Map.of(
                        "HTTP_MAX_QUEUED_REQUESTS",
                        String.valueOf(4 * PAIRS),
                        "HTTP_MAX_QUEUE_WAIT",
                        "30s",
                        "DATABASE_POOL_WAIT",
                        "30s"));
        for (int pair = 0; pair < PAIRS; pair++) {
            register(left(pair));
            register(right(pair));
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void requestsSentBothWaysAtOnceLeaveOneRowPerPair() throws Exception {
        List<Integer> statuses = allAtOnce(call -> {
            int pair = call / 2;
            String caller = call % 2 == 0 ? left(pair) : right(pair);
            String addressee = call % 2 == 0 ? right(pair) : left(pair);
            return service.post("/friendship/requests", service.token(caller), "{\"user_id2\":\"" + addressee + "\"}")
                    .status();
        });

        assertThat(statuses).allSatisfy(status -> assertThat(status).isIn(200, 409));
        for (int pair = 0; pair < PAIRS; pair++) {
            assertThat(List.of(statuses.get(2 * pair), statuses.get(2 * pair + 1)))
                    .as("pair %d: one request wins, the other is a conflict", pair)
                    .containsExactlyInAnyOrder(200, 409);
        }
        Map<String, Integer> rowsPerPair = rowsPerPair();
        assertThat(rowsPerPair).hasSize(PAIRS);
        assertThat(rowsPerPair.values()).containsOnly(1);
    }

    @Test
    void acceptAndCancelAtOnceEndWithoutARowAndWithoutErrors() throws Exception {
        // Each pair starts with one pending request from the left user (as far as the previous test left it).
        for (int pair = 0; pair < PAIRS; pair++) {
            service.post(
                    "/friendship/delete",
                    service.token(left(pair)),
                    "{\"user_id1\":\"" + left(pair) + "\",\"user_id2\":\"" + right(pair) + "\"}");
            assertThat(service.post(
                                    "/friendship/requests",
                                    service.token(left(pair)),
                                    "{\"user_id2\":\"" + right(pair) + "\"}")
                            .status())
                    .isEqualTo(200);
        }

        List<Integer> statuses = allAtOnce(call -> {
            int pair = call / 2;
            if (call % 2 == 0) {
                return service.post(
                                "/friendship/accept",
                                service.token(right(pair)),
                                "{\"user_id1\":\"" + left(pair) + "\"}")
                        .status();
            }
            return service.post(
                            "/friendship/delete",
                            service.token(left(pair)),
                            "{\"user_id1\":\"" + left(pair) + "\",\"user_id2\":\"" + right(pair) + "\"}")
                    .status();
        });

        for (int pair = 0; pair < PAIRS; pair++) {
            assertThat(statuses.get(2 * pair)).as("accept of pair %d", pair).isIn(200, 404);
            assertThat(statuses.get(2 * pair + 1)).as("cancel of pair %d", pair).isEqualTo(200);
        }
        assertThat(rowsPerPair()).isEmpty();
    }

    /** Runs {@code 2 * PAIRS} calls, all released together by one latch; answers their statuses in call order. */
    private static List<Integer> allAtOnce(Function<Integer, Integer> call) throws Exception {
        int calls = 2 * PAIRS;
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch ready = new CountDownLatch(calls);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                answers.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<String, Integer> rowsPerPair() throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection connection = service.database().connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                     SELECT least(user_id1, user_id2) || '|' || greatest(user_id1, user_id2), count(*)
                     FROM friendship_table GROUP BY 1""")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getInt(2));
            }
        }
        return rows;
    }

    private static String left(int pair) {
        return "left-" + pair;
    }

    private static String right(int pair) {
        return "right-" + pair;
    }

    private static void register(String id) {
        assertThat(service.post(
                                "/users/me",
                                service.token(id),
                                "{\"first_name\":\"User\",\"last_name\":\"" + id + "\"}")
                        .status())
                .isEqualTo(200);
    }
}
