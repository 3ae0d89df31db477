package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe retries of the two share endpoints with {@code Idempotency-Key}, over HTTP on PostgreSQL: a retry answers the
 * first event and notifies nobody again, concurrent copies of one request create one event, and a key reused with
 * another request is a 422 that changes nothing.
 */
class IdempotencyEndToEndIT {

    private static final String SHARE = "{\"url\":\"https://example.com/article\",\"title\":\"An article\"}";
    private static RunningService service;
    private static String alice;

    @BeforeAll
    static void start() {
        service = RunningService.start(IdempotencyEndToEndIT.class);
        alice = user("i-alice");
        String bob = user("i-bob");
        String carol = user("i-carol");
        befriend(alice, "i-bob", bob);
        befriend(alice, "i-carol", carol);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aRetriedShareAnswersTheFirstEventAndNotifiesEachFriendOnce() throws Exception {
        Response first = keyed("/notifications/share", SHARE, "retry-1");
        Response retried = keyed("/notifications/share", SHARE, "retry-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(first.body());
        String eventId = first.json().asText();
        assertThat(count("SELECT count(*) FROM share_notification_table WHERE event_id = '" + eventId + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM share_notification_seen_table WHERE event_id = '" + eventId + "'"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM idempotency_key_table WHERE user_id = 'i-alice'"
                        + " AND idempotency_key = 'retry-1' AND event_id = '" + eventId + "'"))
                .isEqualTo(1);
    }

    @Test
    void personalSharesTakeAKeyToo() throws Exception {
        String body = "{\"url\":\"https://example.com/p\",\"title\":\"p\",\"sent_to\":\"i-bob\"}";
        Response first = keyed("/notifications/share/personal", body, "personal-1");

        assertThat(keyed("/notifications/share/personal", body, "personal-1").body())
                .isEqualTo(first.body());
        assertThat(count("SELECT count(*) FROM share_notification_table WHERE url = 'https://example.com/p'"))
                .isEqualTo(1);
    }

    @Test
    void concurrentCopiesOfOneRequestCreateOneEvent() throws Exception {
        int copies = 8;
        String body = "{\"url\":\"https://example.com/race\",\"title\":\"race\"}";
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < copies; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return keyed("/notifications/share", body, "race-1");
                }));
            }
            go.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                bodies.add(response.body());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM share_notification_table WHERE url = 'https://example.com/race'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM share_notification_seen_table s JOIN share_notification_table e"
                        + " ON e.event_id = s.event_id WHERE e.url = 'https://example.com/race'"))
                .isEqualTo(2);
    }

    @Test
    void aKeyReusedForAnotherRequestIs422AndChangesNothing() throws Exception {
        assertThat(keyed("/notifications/share", SHARE, "reuse-1").status()).isEqualTo(200);
        long events = count("SELECT count(*) FROM share_notification_table");

        Response reused =
                keyed("/notifications/share", "{\"url\":\"https://example.com/other\",\"title\":\"x\"}", "reuse-1");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(count("SELECT count(*) FROM share_notification_table")).isEqualTo(events);
    }

    @Test
    void malformedKeysAre422() {
        for (String key : List.of("k".repeat(256), "with space")) {
            Response refused = keyed("/notifications/share", SHARE, key);
            assertThat(refused.status()).as(key).isEqualTo(422);
            assertThat(refused.body()).contains("Idempotency-Key");
        }
    }

    private static Response keyed(String path, String body, String key) {
        return service.send("POST", path, alice, body, Map.of("Idempotency-Key", key));
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = service.database().connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String user(String id) {
        String token = service.token(id);
        assertThat(service.post("/users/me", token, "{\"first_name\":\"" + id + "\",\"last_name\":\"T\"}")
                        .status())
                .isEqualTo(200);
        return token;
    }

    private static void befriend(String requester, String addresseeId, String addressee) {
        assertThat(service.post("/friendship/requests", requester, "{\"user_id2\":\"" + addresseeId + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/friendship/accept", addressee, "{\"user_id1\":\"i-alice\"}")
                        .status())
                .isEqualTo(200);
    }
}
