package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every effect of a block that API.md lists, on every endpoint it names, over real HTTP on PostgreSQL: blocking
 * ends the relationship in the same transaction (and friend_search_text follows), then neither side can ask,
 * share or find the other; the blocked side cannot see the blocker's profile; only the blocker lifts it.
 * Each test starts from its own fresh set of users, so the tests do not depend on each other.
 */
class BlockEndpointsIT {

    private static final String SUCCESS = "{\"success\":true}";

    private static RunningService service;
    private static int round;

    private String ann;
    private String bob;
    private String mia; // a friend of both
    private String zed; // a friend of mia only: a suggestion for both ann and bob

    @BeforeAll
    static void start() {
        service = RunningService.start(BlockEndpointsIT.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void people() {
        round++;
        ann = user("ann" + round, "Annabel", "Quill" + round);
        bob = user("bob" + round, "Bobby", "Tarn" + round);
        mia = user("mia" + round, "Mia", "Ures" + round);
        zed = user("zed" + round, "Zed", "Vorn" + round);
        befriend(ann, mia);
        befriend(bob, mia);
        befriend(mia, zed);
    }

    @Test
    void blockingEndsAFriendshipAndFriendSearchTextFollowsInTheSameTransaction() throws SQLException {
        befriend(ann, bob);
        assertThat(friendSearchRows(ann, bob)).isEqualTo(2);

        assertThat(block(ann, bob)).isEqualTo(SUCCESS);

        assertThat(service.get("/friendship/check/" + bob, token(ann)).body()).isEqualTo("null");
        assertThat(service.get("/friendship/check/" + ann, token(bob)).body()).isEqualTo("null");
        assertThat(ids(service.get("/friendship/all", token(ann)))).doesNotContain(bob);
        assertThat(friendSearchRows(ann, bob)).isZero();
    }

    @Test
    void blockingEndsAPendingRequestInEitherDirection() {
        assertThat(request(ann, bob).status()).isEqualTo(200);
        block(bob, ann);
        assertThat(service.get("/friendship/requests", token(bob)).body()).isEqualTo("[]");
        assertThat(service.get("/friendship/requests/" + bob, token(ann)).body())
                .isEqualTo("null");

        assertThat(request(ann, zed).status()).isEqualTo(200);
        block(ann, zed);
        assertThat(service.get("/friendship/requests", token(zed)).body()).isEqualTo("[]");
    }

    @Test
    void blockingTwiceChangesNothingBlockingOneselfIs422AndAnUnknownUser404() {
        block(ann, bob);
        String first = service.get("/users/me/blocks", token(ann)).body();

        Response again = service.post("/users/me/blocks", token(ann), "{\"user_id\":\"" + bob + "\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(SUCCESS);
        assertThat(service.get("/users/me/blocks", token(ann)).body()).isEqualTo(first);

        Response self = service.post("/users/me/blocks", token(ann), "{\"user_id\":\"" + ann + "\"}");
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.json().get("errors").get(0).get("field").asText()).isEqualTo("user_id");
        assertThat(service.post("/users/me/blocks", token(ann), "{\"user_id\":\"nobody-" + round + "\"}")
                        .status())
                .isEqualTo(404);
        assertThat(service.post("/users/me/blocks", token(ann), "{}").status()).isEqualTo(422);
    }

    @Test
    void aFriendRequestEitherWayIsRefusedWhileTheBlockStands() {
        block(ann, bob);

        Response asked = request(ann, bob);
        assertThat(asked.status()).isEqualTo(403);
        assertThat(asked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(request(bob, ann).status()).as("to bob, ann is as unknown").isEqualTo(404);
        assertThat(service.get("/friendship/check/" + bob, token(ann)).body()).isEqualTo("null");
    }

    @Test
    void neitherFindsTheOtherInUserSearch() {
        assertThat(ids(service.get("/users/search/name/Bobby%20Tarn" + round, token(ann))))
                .containsExactly(bob);
        block(bob, ann);

        assertThat(ids(service.get("/users/search/name/Bobby%20Tarn" + round, token(ann))))
                .isEmpty();
        assertThat(ids(service.get("/users/search/name/Annabel%20Quill" + round, token(bob))))
                .isEmpty();
        assertThat(ids(service.get("/users/search/email/" + ann + "@", token(bob))))
                .isEmpty();
        assertThat(ids(service.get("/users/search/name/Mia%20Ures" + round, token(bob))))
                .containsExactly(mia);
    }

    @Test
    void neitherAppearsInTheOthersViewOfAFriendList() {
        assertThat(ids(service.get("/users/id/" + mia + "/friends", token(ann))))
                .contains(bob);
        block(ann, bob);

        assertThat(ids(service.get("/users/id/" + mia + "/friends", token(ann))))
                .containsExactly(ann, zed);
        assertThat(ids(service.get("/users/id/" + mia + "/friends", token(bob))))
                .containsExactly(bob, zed);
        assertThat(ids(service.get("/users/id/" + mia + "/friends", token(zed))))
                .contains(ann, bob);
    }

    @Test
    void neitherAppearsInTheOthersMutualFriendsEvenWhenTheyWereFriends() {
        befriend(ann, bob);
        assertThat(ids(service.get("/users/id/" + mia + "/mutual-friends", token(ann))))
                .containsExactly(bob);
        block(bob, ann);

        assertThat(ids(service.get("/users/id/" + mia + "/mutual-friends", token(ann))))
                .isEmpty();
        assertThat(ids(service.get("/users/id/" + mia + "/mutual-friends", token(bob))))
                .isEmpty();
        assertThat(ids(service.get("/users/id/" + bob + "/mutual-friends", token(ann))))
                .as("bob is as unknown")
                .isEmpty();
        assertThat(ids(service.get("/users/id/" + ann + "/mutual-friends", token(bob))))
                .containsExactly(mia);
    }

    @Test
    void neitherIsSuggestedToTheOther() {
        assertThat(ids(service.get("/users/me/suggestions", token(ann)))).contains(bob, zed);
        block(ann, bob);

        assertThat(ids(service.get("/users/me/suggestions", token(ann)))).containsExactly(zed);
        assertThat(ids(service.get("/users/me/suggestions", token(bob)))).containsExactly(zed);
    }

    @Test
    void theBlockedUserCannotSeeTheBlockersProfileButTheBlockerSeesTheirs() {
        block(ann, bob);

        Response hidden = service.get("/users/id/" + ann, token(bob));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asText()).isEqualTo("User not found");
        assertThat(service.get("/users/id/" + bob, token(ann)).status()).isEqualTo(200);
        assertThat(ids(service.get("/users/ids/" + ann + "," + mia + "," + bob, token(bob))))
                .containsExactly(mia, bob);
        assertThat(ids(service.get("/users/ids/" + ann + "," + mia + "," + bob, token(ann))))
                .containsExactly(ann, mia, bob);
    }

    @Test
    void aPersonalShareEitherWayIsForbiddenAfterABlockEndedTheFriendship() {
        befriend(ann, bob);
        String share = "{\"url\":\"https://example.com/a\",\"title\":\"A\",\"sent_to\":\"%s\"}";
        assertThat(service.post("/notifications/share/personal", token(ann), share.formatted(bob))
                        .status())
                .isEqualTo(200);
        block(bob, ann);

        assertThat(service.post("/notifications/share/personal", token(ann), share.formatted(bob))
                        .status())
                .isEqualTo(403);
        assertThat(service.post("/notifications/share/personal", token(bob), share.formatted(ann))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void onlyTheBlockerLiftsTheBlockAndThenTheTwoMayAskAgain() {
        block(ann, bob);
        Response byBlocked = service.delete("/users/me/blocks/" + ann, token(bob));
        assertThat(byBlocked.status()).isEqualTo(404);
        assertThat(request(bob, ann).status()).isEqualTo(404);

        Response lifted = service.delete("/users/me/blocks/" + bob, token(ann));
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.body()).isEqualTo(SUCCESS);
        assertThat(service.delete("/users/me/blocks/" + bob, token(ann)).status())
                .isEqualTo(404);
        assertThat(service.get("/users/id/" + ann, token(bob)).status()).isEqualTo(200);
        assertThat(request(bob, ann).status()).isEqualTo(200);
    }

    @Test
    void theBlockedUserCannotBlockBackUntilTheBlockIsLiftedAndEachLiftsOnlyTheirOwn() {
        block(ann, bob);
        assertThat(service.post("/users/me/blocks", token(bob), "{\"user_id\":\"" + ann + "\"}")
                        .status())
                .as("to bob, ann is as unknown")
                .isEqualTo(404);
        service.delete("/users/me/blocks/" + bob, token(ann));
        block(bob, ann);
        assertThat(service.post("/users/me/blocks", token(ann), "{\"user_id\":\"" + bob + "\"}")
                        .status())
                .isEqualTo(404);

        assertThat(request(ann, bob).status()).as("bob blocks ann").isEqualTo(404);
        assertThat(service.get("/users/id/" + bob, token(ann)).status()).isEqualTo(404);
        assertThat(service.get("/users/id/" + ann, token(bob)).status()).isEqualTo(200);
    }

    @Test
    void theBlockListIsNewestFirstWithSummariesAndBlockedAtAndItsLimitIsClamped() {
        List<String> blocked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String other = user("blk" + round + "x" + i, "Blocked", "Person" + i);
            block(ann, other);
            blocked.add(0, other);
        }
        Response list = service.get("/users/me/blocks", token(ann));
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list)).containsExactlyElementsOf(blocked);
        JsonNode first = list.json().get(0);
        assertThat(first.get("first_name").asText()).isEqualTo("Blocked");
        assertThat(first.get("friendship_state").asInt()).isZero();
        assertThat(first.get("friendship_status").asText()).isEqualTo("none");
        assertThat(first.get("blocked_at").asText()).endsWith("Z");
        assertThat(first.has("description")).isTrue();
        assertThat(ids(service.get("/users/me/blocks?limit=2&offset=1", token(ann))))
                .containsExactlyElementsOf(blocked.subList(1, 3));
        assertThat(service.get("/users/me/blocks?limit=0", token(ann)).body()).isEqualTo("[]");
        assertThat(service.get("/users/me/blocks?limit=-1", token(ann)).status())
                .isEqualTo(422);
        assertThat(service.get("/users/me/blocks?limit=1000", token(ann)).status())
                .isEqualTo(200);
        assertThat(service.get("/users/me/blocks", token(bob)).body()).isEqualTo("[]");
    }

    @Test
    void relationshipsAnswerInRequestOrderSkipUnknownIdsAndNameTheCallersBlocks() {
        request(ann, zed);
        block(ann, bob);
        Response answer = service.get(
                "/friendship/relationships?ids=" + String.join(",", zed, "nobody-x", mia, bob, ann), token(ann));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(ids(answer)).containsExactly(zed, mia, bob, ann);
        JsonNode toZed = answer.json().get(0);
        assertThat(toZed.get("friendship_state").asInt()).isEqualTo(1);
        assertThat(toZed.get("friendship_status").asText()).isEqualTo("outgoing");
        assertThat(toZed.get("mutual_friend_count").asLong()).isEqualTo(1);
        assertThat(toZed.get("requested_at").asText()).endsWith("Z");
        assertThat(toZed.get("accepted_at").isNull()).isTrue();
        assertThat(toZed.get("blocking").asBoolean()).isFalse();
        JsonNode toMia = answer.json().get(1);
        assertThat(toMia.get("friendship_status").asText()).isEqualTo("friends");
        assertThat(toMia.get("accepted_at").asText()).endsWith("Z");
        JsonNode toBob = answer.json().get(2);
        assertThat(toBob.get("friendship_state").asInt()).isZero();
        assertThat(toBob.get("blocking").asBoolean()).isTrue();
        assertThat(toBob.get("requested_at").isNull()).isTrue();
        JsonNode self = answer.json().get(3);
        assertThat(self.get("friendship_status").asText()).isEqualTo("none");
        assertThat(self.get("friendship_state").asInt()).isZero();

        assertThat(service.get("/friendship/relationships?ids=" + ann, token(bob))
                        .body())
                .as("to bob, ann is as unknown: skipped")
                .isEqualTo("[]");
        assertThat(service.get("/friendship/relationships?ids=" + zed, token(zed))
                        .json()
                        .get(0)
                        .get("friendship_status")
                        .asText())
                .isEqualTo("none");
        assertThat(service.get("/friendship/relationships?ids=" + ann, token(zed))
                        .json()
                        .get(0)
                        .get("friendship_status")
                        .asText())
                .isEqualTo("incoming");
    }

    @Test
    void moreThanAHundredRelationshipIdsOrNoneAre422() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> "id" + i).collect(Collectors.joining(","));
        assertThat(service.get("/friendship/relationships?ids=" + hundred, token(ann))
                        .body())
                .isEqualTo("[]");
        Response tooMany = service.get("/friendship/relationships?ids=" + hundred + ",id100", token(ann));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get(0).get("field").asText()).isEqualTo("ids");
        assertThat(service.get("/friendship/relationships", token(ann)).status())
                .isEqualTo(422);
        assertThat(service.get("/friendship/relationships?ids=a%00b", token(ann))
                        .status())
                .isEqualTo(422);
    }

    @Test
    void suggestionsRankByMutualFriendsThenIdAndClampTheLimit() {
        String kit = user("kit" + round, "Kit", "Wren" + round);
        befriend(kit, mia);
        befriend(kit, bob);
        // ann's friends: mia; mia's friends: bob, zed, kit; bob's friends: mia, kit.
        befriend(ann, bob);
        Response answer = service.get("/users/me/suggestions", token(ann));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(ids(answer)).containsExactly(kit, zed);
        assertThat(answer.json().get(0).get("mutual_friend_count").asLong()).isEqualTo(2);
        assertThat(answer.json().get(0).get("friendship_state").asInt()).isZero();
        assertThat(answer.json().get(1).get("mutual_friend_count").asLong()).isEqualTo(1);
        assertThat(ids(service.get("/users/me/suggestions?limit=1&offset=1", token(ann))))
                .containsExactly(zed);
        assertThat(service.get("/users/me/suggestions?limit=500", token(ann)).status())
                .isEqualTo(200);
        request(ann, kit);
        assertThat(ids(service.get("/users/me/suggestions", token(ann))))
                .as("pending excluded")
                .containsExactly(zed);
        String loner = user("lone" + round, "Lone", "Some" + round);
        assertThat(service.get("/users/me/suggestions", token(loner)).body()).isEqualTo("[]");
    }

    private String user(String id, String first, String last) {
        Response created = service.post(
                "/users/me", service.token(id), "{\"first_name\":\"" + first + "\",\"last_name\":\"" + last + "\"}");
        assertThat(created.status()).as("creating " + id).isEqualTo(200);
        return id;
    }

    private void befriend(String asker, String asked) {
        assertThat(request(asker, asked).status()).isEqualTo(200);
        assertThat(service.post("/friendship/accept", token(asked), "{\"user_id1\":\"" + asker + "\"}")
                        .status())
                .isEqualTo(200);
    }

    private Response request(String asker, String asked) {
        return service.post("/friendship/requests", token(asker), "{\"user_id2\":\"" + asked + "\"}");
    }

    private String block(String blocker, String blocked) {
        Response response = service.post("/users/me/blocks", token(blocker), "{\"user_id\":\"" + blocked + "\"}");
        assertThat(response.status()).as(blocker + " blocks " + blocked).isEqualTo(200);
        return response.body();
    }

    private static String token(String id) {
        return service.token(id);
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(node -> ids.add(node.get("user_id").asText()));
        return ids;
    }

    private int friendSearchRows(String a, String b) throws SQLException {
        try (Connection connection = service.database().connect();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM friend_search_text WHERE (owner_id = '" + a
                                + "' AND friend_id = '" + b + "') OR (owner_id = '" + b + "' AND friend_id = '" + a
                                + "')")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
