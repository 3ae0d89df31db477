package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted scenario of twelve users with requests, accepts, blocks and unblocks over real HTTP on PostgreSQL.
 * A small model in this test follows every step and predicts each answer; at the end, for every pair and from
 * both sides: the relationship (status, mutual count, blocking), the suggestions, the profile and the user
 * search agree with the model.
 */
class GraphScenarioIT {

    private static final List<String> PEOPLE =
            List.of("amy", "bea", "cid", "dot", "eve", "flo", "gil", "hap", "ike", "jud", "kip", "lux");

    private static RunningService service;

    /** Pairs (sorted) to [asker, accepted?]; blocks as blocker -> blocked. */
    private final Map<List<String>, String[]> friendships = new HashMap<>();

    private final Set<List<String>> blocks = new HashSet<>();
    private final Map<Integer, Integer> answers = new HashMap<>();

    @BeforeAll
    static void start() {
        service = RunningService.start(GraphScenarioIT.class);
        for (String id : PEOPLE) {
            assertThat(service.post(
                                    "/users/me",
                                    service.token(id),
                                    "{\"first_name\":\"Scen\",\"last_name\":\"" + id.toUpperCase() + "zz\"}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void scriptedScenarioEndsWithTheRelationshipsSuggestionsAndVisibilityTheModelPredicts() {
        String[][] friends = {
            {"amy", "bea"},
            {"amy", "cid"},
            {"bea", "cid"},
            {"bea", "dot"},
            {"cid", "dot"},
            {"dot", "eve"},
            {"eve", "flo"},
            {"flo", "gil"},
            {"gil", "hap"},
            {"hap", "ike"},
            {"ike", "jud"},
            {"jud", "kip"},
            {"kip", "lux"},
            {"lux", "amy"},
            {"eve", "bea"},
            {"gil", "cid"}
        };
        for (String[] pair : friends) {
            request(pair[0], pair[1]);
            accept(pair[1], pair[0]);
        }
        request("amy", "dot");
        request("hap", "amy");
        block("amy", "eve"); // no relationship: amy hides from eve
        block("bea", "cid"); // ends a friendship
        assertThat(request("cid", "bea"))
                .as("asking one's blocker, who is as unknown")
                .isEqualTo(404);
        assertThat(request("bea", "cid")).as("asking whom one blocks").isEqualTo(403);
        block("dot", "amy"); // ends amy's pending request
        assertThat(block("amy", "dot")).as("to amy, dot is as unknown").isEqualTo(404);
        unblock("dot", "amy");
        block("amy", "dot"); // now amy may
        assertThat(request("dot", "amy")).as("amy is as unknown to dot").isEqualTo(404);
        assertThat(request("amy", "dot")).as("asking whom one blocks").isEqualTo(403);
        block("ike", "hap");
        unblock("ike", "hap");
        request("hap", "ike"); // they were friends: the block ended it; asking again is allowed
        accept("ike", "hap");
        block("jud", "lux");
        assertThat(unblock("lux", "jud")).as("the blocked lifting the block").isEqualTo(404);
        request("kip", "gil");
        block("gil", "kip"); // ends kip's pending request to gil
        unblock("gil", "kip");
        assertThat(accept("gil", "kip")).as("a request a block ended").isEqualTo(404);
        request("lux", "cid");
        accept("cid", "lux");
        assertThat(block("eve", "eve")).isEqualTo(422);
        assertThat(block("eve", "nobody")).isEqualTo(404);
        block("amy", "eve"); // again: nothing changes

        assertThat(answers).containsKeys(200, 403, 404, 422);
        for (String viewer : PEOPLE) {
            assertRelationships(viewer);
            assertSuggestions(viewer);
            for (String other : PEOPLE) {
                if (!other.equals(viewer)) {
                    assertVisibility(viewer, other);
                }
            }
        }
    }

    private void assertRelationships(String viewer) {
        Response answer =
                service.get("/friendship/relationships?ids=" + String.join(",", PEOPLE), service.token(viewer));
        assertThat(answer.status()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        answer.json()
                .forEach(node -> found.add(node.get("user_id").asText() + " "
                        + node.get("friendship_status").asText() + " "
                        + node.get("friendship_state").asInt() + " "
                        + node.get("mutual_friend_count").asLong() + " "
                        + node.get("blocking").asBoolean() + " "
                        + !node.get("requested_at").isNull() + " "
                        + !node.get("accepted_at").isNull()));
        // A user who blocks the viewer is skipped, as an unknown id is (API.md, "Blocks").
        List<String> expected = PEOPLE.stream()
                .filter(other -> !blocks.contains(List.of(other, viewer)))
                .map(other -> {
                    String status = status(viewer, other);
                    int state = switch (status) {
                        case "friends" -> 2;
                        case "none" -> 0;
                        default -> 1;
                    };
                    return other + " " + status + " " + state + " " + mutual(viewer, other) + " "
                            + blocks.contains(List.of(viewer, other)) + " " + !status.equals("none") + " "
                            + status.equals("friends");
                })
                .toList();
        assertThat(found).as("relationships seen by " + viewer).containsExactlyElementsOf(expected);
    }

    private void assertSuggestions(String viewer) {
        Map<String, Long> mutual = new LinkedHashMap<>();
        for (String other : PEOPLE) {
            long shared = mutual(viewer, other);
            if (!other.equals(viewer)
                    && status(viewer, other).equals("none")
                    && !separated(viewer, other)
                    && shared > 0) {
                mutual.put(other, shared);
            }
        }
        List<String> expected = mutual.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .toList();
        Response answer = service.get("/users/me/suggestions?limit=50", service.token(viewer));
        assertThat(answer.status()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        answer.json()
                .forEach(node -> found.add(node.get("user_id").asText() + ":"
                        + node.get("mutual_friend_count").asLong()));
        assertThat(found).as("suggestions for " + viewer).containsExactlyElementsOf(expected);
    }

    private void assertVisibility(String viewer, String other) {
        boolean hidden = blocks.contains(List.of(other, viewer));
        assertThat(service.get("/users/id/" + other, service.token(viewer)).status())
                .as(viewer + " looks at " + other)
                .isEqualTo(hidden ? 404 : 200);
        JsonNode found = service.get("/users/search/name/scen%20" + other + "zz", service.token(viewer))
                .json();
        assertThat(found.size()).as(viewer + " searches for " + other).isEqualTo(separated(viewer, other) ? 0 : 1);
        boolean listed = false;
        for (JsonNode profile :
                service.get("/users/ids/" + other, service.token(viewer)).json()) {
            listed |= profile.get("user_id").asText().equals(other);
        }
        assertThat(listed).as(viewer + " lists " + other).isEqualTo(!hidden);
    }

    private String status(String viewer, String other) {
        String[] row = friendships.get(pair(viewer, other));
        if (row == null || viewer.equals(other)) {
            return "none";
        }
        if (row[1] != null) {
            return "friends";
        }
        return row[0].equals(viewer) ? "outgoing" : "incoming";
    }

    private long mutual(String a, String b) {
        Set<String> shared = friendsOf(a);
        shared.retainAll(friendsOf(b));
        return shared.size();
    }

    private Set<String> friendsOf(String user) {
        Set<String> friends = new HashSet<>();
        friendships.forEach((pair, row) -> {
            if (row[1] != null && pair.contains(user)) {
                friends.add(pair.get(0).equals(user) ? pair.get(1) : pair.get(0));
            }
        });
        return friends;
    }

    private boolean separated(String a, String b) {
        return blocks.contains(List.of(a, b)) || blocks.contains(List.of(b, a));
    }

    private int request(String asker, String asked) {
        int status = service.post("/friendship/requests", service.token(asker), "{\"user_id2\":\"" + asked + "\"}")
                .status();
        int expected = blocks.contains(List.of(asked, asker))
                ? 404 // the blocker is as unknown
                : separated(asker, asked) ? 403 : friendships.containsKey(pair(asker, asked)) ? 409 : 200;
        assertThat(status).as(asker + " asks " + asked).isEqualTo(expected);
        if (status == 200) {
            friendships.put(pair(asker, asked), new String[] {asker, null});
        }
        return record(status);
    }

    private int accept(String accepter, String asker) {
        int status = service.post("/friendship/accept", service.token(accepter), "{\"user_id1\":\"" + asker + "\"}")
                .status();
        String[] row = friendships.get(pair(accepter, asker));
        int expected = row != null && row[0].equals(asker) && row[1] == null ? 200 : 404;
        assertThat(status).as(accepter + " accepts " + asker).isEqualTo(expected);
        if (status == 200) {
            row[1] = "accepted";
        }
        return record(status);
    }

    private int block(String blocker, String blocked) {
        int status = service.post("/users/me/blocks", service.token(blocker), "{\"user_id\":\"" + blocked + "\"}")
                .status();
        if (status == 200) {
            blocks.add(List.of(blocker, blocked));
            friendships.remove(pair(blocker, blocked));
        }
        return record(status);
    }

    private int unblock(String blocker, String blocked) {
        int status = service.delete("/users/me/blocks/" + blocked, service.token(blocker))
                .status();
        assertThat(status)
                .as(blocker + " unblocks " + blocked)
                .isEqualTo(blocks.contains(List.of(blocker, blocked)) ? 200 : 404);
        blocks.remove(List.of(blocker, blocked));
        return record(status);
    }

    private int record(int status) {
        answers.merge(status, 1, Integer::sum);
        return status;
    }

    private static List<String> pair(String a, String b) {
        return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }
}
