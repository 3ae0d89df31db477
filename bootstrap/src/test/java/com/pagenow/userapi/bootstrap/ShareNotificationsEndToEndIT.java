package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Share notifications and Domains sections of docs/api.md over real HTTP, on PostgreSQL. */
class ShareNotificationsEndToEndIT {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(ShareNotificationsEndToEndIT.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void friendsReadAShareUntilNobodyIsLeftUnseenAndStrangersGetNothing() {
        String alice = user("s-alice", "Alice");
        String bob = user("s-bob", "Bob");
        String carol = user("s-carol", "Carol");
        String stranger = user("s-stranger", "Stan");
        befriend("s-alice", alice, "s-bob", bob);
        befriend("s-alice", alice, "s-carol", carol);

        Response shared = service.post(
                "/notifications/share",
                alice,
                "{\"url\":\"https://example.com/article?id=1\",\"title\":\"An article\"}");
        assertThat(shared.status()).isEqualTo(200);
        String eventId = shared.json().asText();
        assertThat(eventId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(notSeenCount(alice, eventId)).isEqualTo(2);

        for (String friend : List.of(bob, carol)) {
            JsonNode unread =
                    service.get("/notifications/share?is_read=false", friend).json();
            assertThat(unread).hasSize(1);
            JsonNode item = unread.get(0);
            assertThat(item.get("event_id").asText()).isEqualTo(eventId);
            assertThat(item.get("user_id").asText()).isEqualTo("s-alice");
            assertThat(item.get("first_name").asText()).isEqualTo("Alice");
            assertThat(item.get("url").asText()).isEqualTo("https://example.com/article?id=1");
            assertThat(item.get("seen_at").isNull()).isTrue();
            assertThat(item.get("sent_at").asText()).endsWith("Z");
        }

        Response read = service.post("/notifications/share/read", bob, "[{\"event_id\":\"" + eventId + "\"}]");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("success").asBoolean()).isTrue();
        assertThat(service.get("/notifications/share?is_read=false", bob).json())
                .isEmpty();
        JsonNode seen = service.get("/notifications/share?is_read=true", bob).json();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get("seen_at").asText()).endsWith("Z");
        assertThat(notSeenCount(alice, eventId)).isEqualTo(1);

        service.post("/notifications/share/read", carol, "[{\"event_id\":\"" + eventId + "\"}]");
        assertThat(notSeenCount(alice, eventId)).isZero();

        assertThat(service.get("/notifications/share", stranger).json()).isEmpty();
        Response personalToStranger = service.post(
                "/notifications/share/personal",
                alice,
                "{\"url\":\"https://example.com/x\",\"title\":\"x\",\"sent_to\":\"s-stranger\"}");
        assertThat(personalToStranger.status()).isEqualTo(403);
        assertThat(service.get("/notifications/share", stranger).json()).isEmpty();
    }

    @Test
    void personalShareReachesOnlyThatFriendAndNamesThemInTheSentList() {
        String dan = user("p-dan", "Dan");
        String erin = user("p-erin", "Erin");
        String fay = user("p-fay", "Fay");
        befriend("p-dan", dan, "p-erin", erin);
        befriend("p-dan", dan, "p-fay", fay);

        Response shared = service.post(
                "/notifications/share/personal",
                dan,
                "{\"url\":\"http://example.org/\",\"title\":\"For Erin\",\"sent_to\":\"p-erin\"}");
        assertThat(shared.status()).isEqualTo(200);

        assertThat(service.get("/notifications/share", erin).json()).hasSize(1);
        assertThat(service.get("/notifications/share", fay).json()).isEmpty();
        JsonNode sent = service.get("/notifications/share/sent", dan).json().get(0);
        assertThat(sent.get("sent_to").asText()).isEqualTo("p-erin");
        assertThat(sent.get("first_name").asText()).isEqualTo("Erin");
        assertThat(sent.get("not_seen_count").asInt()).isEqualTo(1);
    }

    @Test
    void invalidSharesAreRejectedAndStoreNothing() {
        String gil = user("v-gil", "Gil");
        assertThat(service.post("/notifications/share", gil, "{\"url\":\"ftp://x.example/\",\"title\":\"t\"}")
                        .status())
                .isEqualTo(422);
        assertThat(service.post(
                                "/notifications/share",
                                gil,
                                "{\"url\":\"https://x.example/\",\"title\":\"" + "t".repeat(501) + "\"}")
                        .status())
                .isEqualTo(422);
        assertThat(service.post("/notifications/share/read", gil, "[{\"event_id\":\"not-a-uuid\"}]")
                        .status())
                .isEqualTo(422);
        assertThat(service.get("/notifications/share/sent", gil).json()).isEmpty();
    }

    @Test
    void domainWarningsAreTheOldMap() {
        Response warnings = service.get("/domains/share/warnings", user("w-hal", "Hal"));
        assertThat(warnings.status()).isEqualTo(200);
        assertThat(warnings.json().get("google.com").asText())
                .isEqualTo("Allowing google.com may result in sharing personal activities (e.g. Gmail, Calendar)");
        assertThat(warnings.json().size()).isEqualTo(3);
    }

    private static int notSeenCount(String senderToken, String eventId) {
        for (JsonNode sent :
                service.get("/notifications/share/sent?limit=100", senderToken).json()) {
            if (sent.get("event_id").asText().equals(eventId)) {
                return sent.get("not_seen_count").asInt();
            }
        }
        throw new AssertionError("event " + eventId + " not in the sent list");
    }

    private static String user(String id, String firstName) {
        String token = service.token(id);
        Response created =
                service.post("/users/me", token, "{\"first_name\":\"" + firstName + "\",\"last_name\":\"Test\"}");
        assertThat(created.status()).isEqualTo(200);
        return token;
    }

    private static void befriend(String requesterId, String requester, String addresseeId, String addressee) {
        assertThat(service.post("/friendship/requests", requester, "{\"user_id2\":\"" + addresseeId + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/friendship/accept", addressee, "{\"user_id1\":\"" + requesterId + "\"}")
                        .status())
                .isEqualTo(200);
    }
}
