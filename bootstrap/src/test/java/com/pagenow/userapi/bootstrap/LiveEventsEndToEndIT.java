package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.bootstrap.EventStreamClient.Event;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /events} ("Live events" in API.md) over real HTTP, on PostgreSQL, with one and two instances. */
class LiveEventsEndToEndIT {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(LiveEventsEndToEndIT.class, Map.of("EVENTS_HEARTBEAT_SECONDS", "1"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void requestAcceptAndShareReachTheConnectedClientWithinASecondInTheShapesOfTheLists() throws IOException {
        String ann = user("live-ann", "Ann");
        String ben = user("live-ben", "Ben");
        try (EventStreamClient annStream = EventStreamClient.open(service.port(), ann, null);
                EventStreamClient benStream = EventStreamClient.openWithQueryToken(service.port(), ben)) {
            assertThat(annStream.status()).isEqualTo(200);
            assertThat(annStream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(benStream.status()).isEqualTo(200);

            long committed = timed(() -> service.post("/friendship/requests", ben, "{\"user_id2\":\"live-ann\"}"));
            Event request = annStream.next(SECOND);
            assertThat(request).as("friend_request within 1 s of the commit").isNotNull();
            assertThat(request.receivedNanos() - committed).isLessThan(SECOND.toNanos());
            assertThat(request.name()).isEqualTo("friend_request");
            assertThat(request.id()).isEqualTo("1");
            JsonNode listed = service.get("/friendship/requests", ann).json().get(0);
            assertThat(parse(request.data()))
                    .isEqualTo(JSON.createObjectNode()
                            .put("user_id", "live-ben")
                            .put("requested_at", listed.get("requested_at").asText()));

            committed = timed(() -> service.post("/friendship/accept", ann, "{\"user_id1\":\"live-ben\"}"));
            Event accept = benStream.next(SECOND);
            assertThat(accept).as("friend_accept within 1 s of the commit").isNotNull();
            assertThat(accept.receivedNanos() - committed).isLessThan(SECOND.toNanos());
            assertThat(accept.name()).isEqualTo("friend_accept");
            JsonNode acceptData = parse(accept.data());
            assertThat(acceptData.get("user_id").asText()).isEqualTo("live-ann");
            assertThat(acceptData.get("accepted_at").asText())
                    .isEqualTo(service.get("/friendship/check/live-ann", ben)
                            .json()
                            .get("accepted_at")
                            .asText());

            committed = timed(() -> service.post(
                    "/notifications/share", ann, "{\"url\":\"https://example.com/live\",\"title\":\"Live\"}"));
            Event share = benStream.next(SECOND);
            assertThat(share).as("share within 1 s of the commit").isNotNull();
            assertThat(share.receivedNanos() - committed).isLessThan(SECOND.toNanos());
            assertThat(share.name()).isEqualTo("share");
            assertThat(share.id()).isEqualTo("2");
            assertThat(parse(share.data()))
                    .isEqualTo(service.get("/notifications/share?is_read=false", ben)
                            .json()
                            .get(0));
            assertThat(parse(share.data()).get("seen_at").isNull()).isTrue();

            service.post(
                    "/notifications/share/personal",
                    ben,
                    "{\"url\":\"https://example.com/p\",\"title\":\"P\",\"sent_to\":\"live-ann\"}");
            Event personal = annStream.next(SECOND);
            assertThat(personal.name()).isEqualTo("share");
            assertThat(personal.id()).isEqualTo("2");
            assertThat(parse(personal.data()).get("user_id").asText()).isEqualTo("live-ben");
            assertThat(annStream.next(Duration.ofMillis(300)))
                    .as("the sharer hears nothing of their own share")
                    .isNull();
        }
    }

    @Test
    void anIdleStreamGetsACommentHeartbeat() {
        String cat = user("live-cat", "Cat");
        try (EventStreamClient stream = EventStreamClient.open(service.port(), cat, null)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (stream.comments() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(stream.comments()).isPositive();
        }
    }

    @Test
    void aClientOnTheSecondInstanceHearsAWriteMadeThroughTheFirst() {
        String dee = user("live-dee", "Dee");
        String eve = user("live-eve", "Eve");
        UserApi second = service.startAnotherInstance();
        try (EventStreamClient onSecond = EventStreamClient.open(second.port(), dee, null)) {
            assertThat(onSecond.status()).isEqualTo(200);

            long committed = timed(() -> service.post("/friendship/requests", eve, "{\"user_id2\":\"live-dee\"}"));

            Event heard = onSecond.next(SECOND);
            assertThat(heard).as("heard on instance 2 within 1 s").isNotNull();
            assertThat(heard.receivedNanos() - committed).isLessThan(SECOND.toNanos());
            assertThat(parse(heard.data()).get("user_id").asText()).isEqualTo("live-eve");

            long stopping = System.nanoTime();
            second.stop(Duration.ofSeconds(20));
            assertThat(onSecond.awaitEnd(Duration.ofSeconds(2)))
                    .as("stopping ends the stream")
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping))
                    .as("the drain does not wait for streams")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            second.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void reconnectingWithLastEventIdGetsExactlyTheMissedEventsInOrderThenLiveOnes() {
        String fay = user("live-fay", "Fay");
        List<String> askers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            askers.add(user("live-asker-" + i, "Asker"));
        }
        String lastSeen;
        try (EventStreamClient first = EventStreamClient.open(service.port(), fay, null)) {
            ask(askers.get(0), "live-fay");
            lastSeen = first.next(SECOND).id();
        }
        for (int i = 1; i < 4; i++) {
            ask(askers.get(i), "live-fay");
        }

        try (EventStreamClient again = EventStreamClient.open(service.port(), fay, lastSeen)) {
            List<Event> missed = again.next(3, Duration.ofSeconds(2));
            assertThat(missed).extracting(Event::id).containsExactly("2", "3", "4");
            assertThat(missed)
                    .extracting(event -> parse(event.data()).get("user_id").asText())
                    .containsExactly("live-asker-1", "live-asker-2", "live-asker-3");

            ask(askers.get(4), "live-fay");
            assertThat(again.next(SECOND).id()).isEqualTo("5");
            assertThat(again.next(Duration.ofMillis(500))).as("each event once").isNull();
        }
    }

    @Test
    void aShareWhoseTransactionRollsBackAfterItsEventWasWrittenSendsNothing() {
        String gus = user("live-gus", "Gus");
        String hal = user("live-hal", "Hal");
        befriend("live-gus", gus, "live-hal", hal);
        try (EventStreamClient stream = EventStreamClient.open(service.port(), hal, null)) {
            // At commit, after the share and its outbox row (and its NOTIFY) were written, the transaction fails.
            service.database().execute("""
                    CREATE FUNCTION fail_share_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'forced failure of the share'; END $$;
                    CREATE CONSTRAINT TRIGGER fail_share_at_commit AFTER INSERT ON event_outbox
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.kind = 'share')
                        EXECUTE FUNCTION fail_share_at_commit();""");
            Response failed;
            try {
                failed = service.post(
                        "/notifications/share", gus, "{\"url\":\"https://example.com/x\",\"title\":\"X\"}");
            } finally {
                service.database()
                        .execute("DROP TRIGGER fail_share_at_commit ON event_outbox;"
                                + "DROP FUNCTION fail_share_at_commit();");
            }
            assertThat(failed.status()).isEqualTo(500);
            assertThat(stream.next(Duration.ofMillis(700)))
                    .as("nothing from the rolled-back share")
                    .isNull();

            String kept = service.post(
                            "/notifications/share", gus, "{\"url\":\"https://example.com/y\",\"title\":\"Y\"}")
                    .json()
                    .asText();
            Event next = stream.next(SECOND);
            assertThat(parse(next.data()).get("event_id").asText()).isEqualTo(kept);
            assertThat(service.get("/notifications/share", hal).json()).hasSize(1);
        }
    }

    @Test
    void aSixthStreamOfOneUserIsRefusedWith429() {
        String ida = user("live-ida", "Ida");
        List<EventStreamClient> five = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                five.add(EventStreamClient.open(service.port(), ida, null));
                assertThat(five.get(i).status()).isEqualTo(200);
            }
            try (EventStreamClient sixth = EventStreamClient.open(service.port(), ida, null)) {
                assertThat(sixth.status()).isEqualTo(429);
                assertThat(sixth.header("Retry-After")).isNotNull();
                assertThat(sixth.header("Content-Type")).isEqualTo("application/problem+json");
            }
            five.remove(0).close();
            awaitOpen(ida);
        } finally {
            five.forEach(EventStreamClient::close);
        }
    }

    @Test
    void theStreamEndsWhenTheTokenExpires() {
        user("live-jo", "Jo");
        String shortLived = service.tokenFor("live-jo")
                .expiresAt(Instant.now().plusSeconds(3))
                .signedWith(service.signingKey());
        try (EventStreamClient stream = EventStreamClient.open(service.port(), shortLived, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.awaitEnd(Duration.ofSeconds(1)))
                    .as("open before the expiry")
                    .isFalse();
            assertThat(stream.awaitEnd(Duration.ofSeconds(4)))
                    .as("ended at the expiry")
                    .isTrue();
        }
        try (EventStreamClient again = EventStreamClient.open(service.port(), shortLived, null)) {
            assertThat(again.status()).isEqualTo(401);
        }
    }

    @Test
    void aStreamWithoutAValidTokenIsRefused() {
        try (EventStreamClient none = EventStreamClient.openWithQueryToken(service.port(), "not-a-token")) {
            assertThat(none.status()).isEqualTo(401);
        }
    }

    /** A refused sixth stream frees its place at once, and a closed one shortly after the client goes. */
    private static void awaitOpen(String token) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (EventStreamClient retry = EventStreamClient.open(service.port(), token, null)) {
                if (retry.status() == 200) {
                    return;
                }
            }
            sleep(100);
        }
        throw new AssertionError("a closed stream's place was not freed");
    }

    private static long timed(Runnable write) {
        write.run();
        return System.nanoTime();
    }

    private static void ask(String requester, String addresseeId) {
        assertThat(service.post("/friendship/requests", requester, "{\"user_id2\":\"" + addresseeId + "\"}")
                        .status())
                .isEqualTo(200);
    }

    private static String user(String id, String firstName) {
        String token = service.token(id);
        Response created =
                service.post("/users/me", token, "{\"first_name\":\"" + firstName + "\",\"last_name\":\"Test\"}");
        assertThat(created.status()).isEqualTo(200);
        return token;
    }

    private static void befriend(String requesterId, String requester, String addresseeId, String addressee) {
        ask(requester, addresseeId);
        assertThat(service.post("/friendship/accept", addressee, "{\"user_id1\":\"" + requesterId + "\"}")
                        .status())
                .isEqualTo(200);
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + data, notJson);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
