package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Friendship section of docs/api.md over real HTTP on PostgreSQL: answers, status codes and who may do what.
 * Each test registers its own users, so tests do not see each other's relationships.
 */
class FriendshipEndpointsIT {

    private static final String SUCCESS = "{\"success\":true}";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(FriendshipEndpointsIT.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void strangerCannotAcceptDeclineOrRemoveAPendingRequest() {
        String a = user("a");
        String b = user("b");
        String c = user("c");
        assertThat(ask(a, b).body()).isEqualTo(SUCCESS);
        String before = check(a, b).body();

        assertProblem(accept(c, a), 404);
        assertProblem(decline(c, a), 404);
        assertProblem(remove(c, a, b), 403);
        assertProblem(remove(c, b, a), 403);

        assertThat(check(a, b).body()).isEqualTo(before);
        assertThat(check(b, a).body()).isEqualTo(before);
        assertThat(check(a, b).json().get("accepted_at").isNull()).isTrue();
    }

    @Test
    void strangerCannotDeclineOrRemoveAFriendship() {
        String a = user("a");
        String b = user("b");
        String c = user("c");
        ask(a, b);
        assertThat(accept(b, a).body()).isEqualTo(SUCCESS);
        String before = check(a, b).body();

        assertProblem(decline(c, a), 404);
        assertProblem(decline(c, b), 404);
        assertProblem(remove(c, a, b), 403);

        assertThat(check(a, b).body()).isEqualTo(before);
        assertThat(friendCount(a, c)).isEqualTo(1);
    }

    @Test
    void onlyTheAddresseeAccepts() {
        String a = user("a");
        String b = user("b");
        ask(a, b);

        assertProblem(accept(a, b), 404);
        assertThat(check(a, b).json().get("accepted_at").isNull()).isTrue();

        Response accepted = accept(b, a);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo(SUCCESS);
        JsonNode row = check(a, b).json();
        assertThat(row.get("user_id1").asText()).isEqualTo(a);
        assertThat(row.get("user_id2").asText()).isEqualTo(b);
        assertThat(row.get("accepted_at").asText()).endsWith("Z");
    }

    @Test
    void acceptingTwiceIsNotFoundAndKeepsTheFirstAcceptance() {
        String a = user("a");
        String b = user("b");
        ask(a, b);
        accept(b, a);
        String acceptedAt = check(a, b).json().get("accepted_at").asText();

        assertProblem(accept(b, a), 404);

        assertThat(check(a, b).json().get("accepted_at").asText()).isEqualTo(acceptedAt);
    }

    @Test
    void acceptingOneselfIsUnprocessable() {
        String a = user("a");
        assertProblem(accept(a, a), 422);
    }

    @Test
    void onlyTheAddresseeDeclinesAndAFriendshipIsNotDeclined() {
        String a = user("a");
        String b = user("b");
        ask(a, b);

        assertProblem(decline(a, b), 404);
        assertThat(decline(b, a).body()).isEqualTo(SUCCESS);
        assertThat(check(a, b).body()).isEqualTo("null");
        assertProblem(decline(b, a), 404);

        ask(a, b);
        accept(b, a);
        assertProblem(decline(b, a), 404);
        assertThat(check(a, b).json().get("accepted_at").isNull()).isFalse();
    }

    @Test
    void eitherSideRemovesInEitherOrderAndThenItIsGone() {
        String a = user("a");
        String b = user("b");
        ask(a, b);
        assertThat(remove(a, b, a).body()).isEqualTo(SUCCESS);
        assertThat(check(b, a).body()).isEqualTo("null");
        assertProblem(remove(a, a, b), 404);

        ask(b, a);
        accept(a, b);
        assertThat(remove(b, a, b).body()).isEqualTo(SUCCESS);
        assertThat(friendCount(a, a)).isZero();
        assertProblem(remove(b, a, b), 404);
    }

    @Test
    void askingOneselfIsUnprocessable() {
        String a = user("a");
        assertProblem(ask(a, a), 422);
    }

    @Test
    void askingAnUnknownUserIsNotFound() {
        String a = user("a");
        Response response = ask(a, "nobody-" + SEQUENCE.incrementAndGet());
        assertProblem(response, 404);
        assertThat(response.json().get("detail").asText()).isEqualTo("User not found");
    }

    @Test
    void askingWithoutAProfileIsNotFound() {
        String b = user("b");
        assertProblem(ask("unregistered-" + SEQUENCE.incrementAndGet(), b), 404);
        assertThat(service.get("/friendship/requests", service.token(b)).body()).isEqualTo("[]");
    }

    @Test
    void askingAgainInEitherDirectionIsAConflict() {
        String a = user("a");
        String b = user("b");
        ask(a, b);

        assertProblem(ask(a, b), 409);
        assertProblem(ask(b, a), 409);

        accept(b, a);
        assertProblem(ask(a, b), 409);
        assertProblem(ask(b, a), 409);
    }

    @Test
    void missingOrMalformedBodyIsUnprocessable() {
        String a = user("a");
        assertProblem(service.post("/friendship/requests", service.token(a), "{}"), 422);
        assertProblem(service.post("/friendship/requests", service.token(a), "{\"user_id2\":"), 422);
        assertProblem(service.post("/friendship/accept", service.token(a), "{\"user_id1\":null}"), 422);
        assertProblem(service.post("/friendship/delete", service.token(a), "{\"user_id1\":\"" + a + "\"}"), 422);
        assertProblem(
                service.post("/friendship/requests", service.token(a), "{\"user_id2\":\"" + "x".repeat(51) + "\"}"),
                422);
    }

    @Test
    void requestsSentAndReceivedAreAnsweredWithTheRowOrNull() {
        String a = user("a");
        String b = user("b");
        String c = user("c");
        ask(a, b);
        ask(c, b);

        JsonNode sent =
                service.get("/friendship/requests/" + b, service.token(a)).json();
        assertThat(sent.get("user_id1").asText()).isEqualTo(a);
        assertThat(sent.get("user_id2").asText()).isEqualTo(b);
        assertThat(sent.get("requested_at").asText()).endsWith("Z");
        assertThat(sent.get("accepted_at").isNull()).isTrue();
        assertThat(sent.size()).isEqualTo(4);
        assertThat(service.get("/friendship/requests/" + a, service.token(b)).body())
                .isEqualTo("null");
        assertThat(service.get("/friendship/requests/" + a, service.token(a)).body())
                .isEqualTo("null");
        assertThat(service.get("/friendship/requests/" + c, service.token(a)).body())
                .isEqualTo("null");

        JsonNode received =
                service.get("/friendship/requests", service.token(b)).json();
        assertThat(received).hasSize(2);
        assertThat(received.get(0).get("user_id").asText()).isEqualTo(c);
        assertThat(received.get(1).get("user_id").asText()).isEqualTo(a);
        assertThat(received.get(0).fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "user_id",
                        "first_name",
                        "last_name",
                        "description",
                        "profile_image_uploaded_at",
                        "profile_image_extension",
                        "requested_at");
        assertThat(service.get("/friendship/requests", service.token(a)).body()).isEqualTo("[]");
    }

    @Test
    void checkAnswersTheRowFromEitherSideAndNullForOneself() {
        String a = user("a");
        String b = user("b");
        assertThat(check(a, b).body()).isEqualTo("null");
        ask(a, b);

        assertThat(check(b, a).body()).isEqualTo(check(a, b).body());
        assertThat(check(a, b).json().get("user_id1").asText()).isEqualTo(a);
        assertThat(check(a, a).body()).isEqualTo("null");
    }

    @Test
    void friendListsAnswerSummariesCountsAndPages() {
        String owner = user("owner");
        String viewer = user("viewer");
        String friend = user("friend");
        befriend(owner, friend);
        befriend(owner, viewer);
        ask(viewer, friend);

        JsonNode friends = service.get("/users/id/" + owner + "/friends", service.token(viewer))
                .json();
        assertThat(friends).hasSize(2);
        JsonNode first = friends.get(0);
        assertThat(first.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "user_id",
                        "first_name",
                        "last_name",
                        "description",
                        "profile_image_uploaded_at",
                        "profile_image_extension",
                        "friendship_state",
                        "friendship_status",
                        "mutual_friend_count");
        assertThat(service.get("/users/id/" + owner + "/friends?limit=0", service.token(viewer))
                        .body())
                .isEqualTo("[]");
        assertProblem(service.get("/users/id/" + owner + "/friends?offset=-1", service.token(viewer)), 422);
        assertProblem(service.get("/users/id/" + owner + "/mutual-friends?limit=-1", service.token(viewer)), 422);
        assertThat(service.get("/users/id/" + owner + "/friends?limit=1000", service.token(viewer))
                        .json())
                .hasSize(2);
        assertThat(service.get("/users/id/" + owner + "/friends/count", service.token(viewer))
                        .body())
                .isEqualTo("{\"count_1\":2,\"count\":2}");
        assertThat(service.get("/users/id/" + viewer + "/mutual-friends/count", service.token(friend))
                        .body())
                .isEqualTo("{\"count_1\":1,\"count\":1}");
        assertThat(service.get("/users/id/nobody/friends", service.token(viewer))
                        .body())
                .isEqualTo("[]");
        assertThat(service.get("/users/id/nobody/friends/count", service.token(viewer))
                        .body())
                .isEqualTo("{\"count_1\":0,\"count\":0}");
        assertThat(service.get("/users/id/nobody/mutual-friends/count", service.token(viewer))
                        .body())
                .isEqualTo("{\"count_1\":0,\"count\":0}");
    }

    @Test
    void everyFriendshipEndpointNeedsAToken() {
        for (String path : new String[] {
            "/friendship/requests",
            "/friendship/requests/x",
            "/friendship/check/x",
            "/friendship/all",
            "/users/id/x/friends",
            "/users/id/x/friends/count",
            "/users/id/x/mutual-friends",
            "/users/id/x/mutual-friends/count"
        }) {
            Response response = service.get(path, null);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(path).isEqualTo("Bearer");
        }
        assertThat(service.post("/friendship/requests", null, "{\"user_id2\":\"x\"}")
                        .status())
                .isEqualTo(401);
        assertThat(service.post("/friendship/accept", null, "{\"user_id1\":\"x\"}")
                        .status())
                .isEqualTo(401);
        assertThat(service.post("/friendship/delete", null, "{\"user_id1\":\"x\",\"user_id2\":\"y\"}")
                        .status())
                .isEqualTo(401);
        assertThat(service.delete("/friendship/requests/x", null).status()).isEqualTo(401);
    }

    private static String user(String prefix) {
        String id = prefix + "-" + SEQUENCE.incrementAndGet();
        Response created = service.post(
                "/users/me", service.token(id), "{\"first_name\":\"First " + id + "\",\"last_name\":\"Last\"}");
        assertThat(created.status()).isEqualTo(200);
        return id;
    }

    private static void befriend(String requester, String addressee) {
        assertThat(ask(requester, addressee).status()).isEqualTo(200);
        assertThat(accept(addressee, requester).status()).isEqualTo(200);
    }

    private static Response ask(String caller, String addressee) {
        return service.post("/friendship/requests", service.token(caller), "{\"user_id2\":\"" + addressee + "\"}");
    }

    private static Response accept(String caller, String requester) {
        return service.post("/friendship/accept", service.token(caller), "{\"user_id1\":\"" + requester + "\"}");
    }

    private static Response decline(String caller, String requester) {
        return service.delete("/friendship/requests/" + requester, service.token(caller));
    }

    private static Response remove(String caller, String first, String second) {
        return service.post(
                "/friendship/delete",
                service.token(caller),
                "{\"user_id1\":\"" + first + "\",\"user_id2\":\"" + second + "\"}");
    }

    private static Response check(String caller, String other) {
        Response response = service.get("/friendship/check/" + other, service.token(caller));
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private static long friendCount(String user, String viewer) {
        return service.get("/users/id/" + user + "/friends/count", service.token(viewer))
                .json()
                .get("count")
                .asLong();
    }

    private static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("SQL");
    }
}
