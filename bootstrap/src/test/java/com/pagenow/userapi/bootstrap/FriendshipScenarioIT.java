package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted scenario of twelve users over real HTTP on PostgreSQL. A small model in this test follows every step
 * (requests, accepts, declines, cancels, unfriends, and steps that must be refused) and predicts each answer; at
 * the end every pair is checked from both sides against the model: check, sent request, received requests, friend
 * lists with friendship_state / friendship_status, counts, mutual friends and their counts.
 */
class FriendshipScenarioIT {

    private static final String SUCCESS = "{\"success\":true}";

    /** id -> first name, last name; two Kims, so that the last name decides their order. */
    private static final Map<String, String[]> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put("ava", new String[] {"Ava", "Stone"});
        PEOPLE.put("ben", new String[] {"Ben", "Ito"});
        PEOPLE.put("cal", new String[] {"Cal", "Moss"});
        PEOPLE.put("dee", new String[] {"Dee", "Ruiz"});
        PEOPLE.put("eli", new String[] {"Eli", "Park"});
        PEOPLE.put("fay", new String[] {"Fay", "Chen"});
        PEOPLE.put("gus", new String[] {"Gus", "Hale"});
        PEOPLE.put("hal", new String[] {"Kim", "Park"});
        PEOPLE.put("ivy", new String[] {"Kim", "Lee"});
        PEOPLE.put("jon", new String[] {"Jon", "Diaz"});
        PEOPLE.put("kai", new String[] {"Kai", "Wolf"});
        PEOPLE.put("lea", new String[] {"Lea", "Nash"});
    }

    private static RunningService service;

    private final Model model = new Model();

    @BeforeAll
    static void start() {
        service = RunningService.start(FriendshipScenarioIT.class);
        PEOPLE.forEach((id, name) -> assertThat(service.post(
                                "/users/me",
                                service.token(id),
                                "{\"first_name\":\"" + name[0] + "\",\"last_name\":\"" + name[1] + "\"}")
                        .status())
                .isEqualTo(200));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void scriptedScenarioEndsInTheStateTheModelPredicts() {
        // A ring of requests, then answers in mixed order.
        for (String[] pair : new String[][] {
            {"ava", "ben"},
            {"ava", "cal"},
            {"ava", "dee"},
            {"ben", "cal"},
            {"cal", "dee"},
            {"dee", "eli"},
            {"eli", "fay"},
            {"fay", "gus"},
            {"gus", "hal"},
            {"hal", "ivy"},
            {"ivy", "jon"},
            {"jon", "kai"},
            {"kai", "lea"},
            {"lea", "ava"}
        }) {
            request(pair[0], pair[1]);
        }
        accept("ben", "ava");
        accept("cal", "ava");
        assertThat(request("ben", "ava")).as("request to a friend").isEqualTo(409);
        accept("cal", "ben");
        decline("dee", "ava");
        request("ava", "dee");
        assertThat(request("dee", "ava")).as("request against a pending one").isEqualTo(409);
        accept("dee", "ava");
        accept("eli", "dee");
        decline("fay", "eli");
        accept("gus", "fay");
        accept("hal", "gus");
        accept("ivy", "hal");
        remove("ivy", "ivy", "jon");
        assertThat(accept("jon", "ivy")).as("accepting a cancelled request").isEqualTo(404);
        accept("kai", "jon");
        accept("lea", "kai");
        accept("ava", "lea");
        request("hal", "ava");
        request("hal", "ben");
        request("hal", "cal");
        accept("ava", "hal");
        accept("ben", "hal");
        decline("cal", "hal");
        remove("ben", "ava", "ben");
        request("ava", "ben");
        assertThat(request("dee", "cal"))
                .as("request against a pending one, other direction")
                .isEqualTo(409);
        accept("dee", "cal");
        accept("ben", "ava");
        request("gus", "ava");
        request("gus", "ben");
        request("gus", "cal");
        accept("ava", "gus");
        accept("ben", "gus");
        request("ivy", "ava");
        request("ivy", "ben");
        accept("ava", "ivy");
        request("kai", "ava");
        decline("ava", "kai");
        remove("lea", "kai", "lea");
        request("eli", "ava");
        request("fay", "ava");
        request("fay", "ben");
        accept("ben", "fay");
        request("jon", "ava");
        request("kai", "ben");
        request("ben", "lea");
        assertThat(accept("cal", "ava")).as("accepting twice").isEqualTo(404);
        assertThat(accept("ava", "ben")).as("the requester accepting").isEqualTo(404);
        assertThat(decline("eli", "ava"))
                .as("declining a request that was never sent")
                .isEqualTo(404);
        assertThat(decline("kai", "jon")).as("declining an accepted friendship").isEqualTo(404);
        assertThat(remove("jon", "ava", "ben")).as("a stranger removing").isEqualTo(403);
        assertThat(remove("jon", "jon", "eli")).as("removing nothing").isEqualTo(404);
        assertThat(request("ava", "ava")).as("asking oneself").isEqualTo(422);
        accept("lea", "ben");
        remove("ava", "ava", "dee");
        request("dee", "ava");
        remove("ava", "cal", "ava");
        request("eli", "ben");
        accept("ben", "eli");

        assertThat(model.answers).as("the script exercises every answer").containsKeys(200, 403, 404, 409, 422);
        for (String viewer : PEOPLE.keySet()) {
            assertReceivedRequests(viewer);
            assertAllFriends(viewer);
            for (String other : PEOPLE.keySet()) {
                assertRelationship(viewer, other);
                assertFriendsOf(other, viewer);
                assertMutualFriends(viewer, other);
            }
        }
    }

    private int request(String caller, String addressee) {
        Response response =
                service.post("/friendship/requests", service.token(caller), "{\"user_id2\":\"" + addressee + "\"}");
        return expect(response, model.request(caller, addressee), caller + " asks " + addressee);
    }

    private int accept(String caller, String requester) {
        Response response =
                service.post("/friendship/accept", service.token(caller), "{\"user_id1\":\"" + requester + "\"}");
        return expect(response, model.accept(caller, requester), caller + " accepts " + requester);
    }

    private int decline(String caller, String requester) {
        Response response = service.delete("/friendship/requests/" + requester, service.token(caller));
        return expect(response, model.decline(caller, requester), caller + " declines " + requester);
    }

    private int remove(String caller, String first, String second) {
        Response response = service.post(
                "/friendship/delete",
                service.token(caller),
                "{\"user_id1\":\"" + first + "\",\"user_id2\":\"" + second + "\"}");
        return expect(response, model.remove(caller, first, second), caller + " removes " + first + "-" + second);
    }

    private static int expect(Response response, int predicted, String step) {
        assertThat(response.status()).as(step + ": " + response.body()).isEqualTo(predicted);
        if (predicted == 200) {
            assertThat(response.body()).as(step).isEqualTo(SUCCESS);
        } else {
            assertThat(response.header("Content-Type")).as(step).startsWith("application/problem+json");
        }
        return response.status();
    }

    private void assertRelationship(String viewer, String other) {
        String description = viewer + " -> " + other;
        Relation relation = viewer.equals(other) ? null : model.between(viewer, other);
        JsonNode check = get("/friendship/check/" + other, viewer);
        JsonNode sent = get("/friendship/requests/" + other, viewer);
        if (relation == null) {
            assertThat(check.isNull()).as("check " + description).isTrue();
            assertThat(sent.isNull()).as("sent " + description).isTrue();
            return;
        }
        assertThat(check.get("user_id1").asText()).as("check " + description).isEqualTo(relation.requester);
        assertThat(check.get("user_id2").asText()).as("check " + description).isEqualTo(relation.addressee);
        assertThat(check.get("requested_at").asText())
                .as("check " + description)
                .endsWith("Z");
        assertThat(check.get("accepted_at").isNull()).as("check " + description).isEqualTo(!relation.accepted);
        if (relation.requester.equals(viewer)) {
            assertThat(sent).as("sent " + description).isEqualTo(check);
        } else {
            assertThat(sent.isNull()).as("sent " + description).isTrue();
        }
    }

    private void assertReceivedRequests(String viewer) {
        List<String> expected = model.relations.values().stream()
                .filter(relation -> !relation.accepted && relation.addressee.equals(viewer))
                .sorted(Comparator.comparingLong((Relation relation) -> relation.sequence)
                        .reversed())
                .map(relation -> relation.requester)
                .toList();
        JsonNode received = get("/friendship/requests", viewer);
        assertThat(ids(received)).as("requests received by " + viewer).isEqualTo(expected);
        received.forEach(request -> {
            String id = request.get("user_id").asText();
            assertThat(request.get("first_name").asText()).isEqualTo(PEOPLE.get(id)[0]);
            assertThat(request.get("last_name").asText()).isEqualTo(PEOPLE.get(id)[1]);
            assertThat(request.get("requested_at").asText()).endsWith("Z");
            assertThat(request.has("profile_image_extension")).isTrue();
        });
    }

    private void assertAllFriends(String viewer) {
        JsonNode all = get("/friendship/all", viewer);
        assertThat(ids(all)).as("all friends of " + viewer).isEqualTo(byName(model.friendsOf(viewer)));
        all.forEach(friend -> assertSummary(friend, "friends"));
    }

    private void assertFriendsOf(String user, String viewer) {
        List<String> expected = byName(model.friendsOf(user));
        String description = "friends of " + user + " seen by " + viewer;
        JsonNode friends = get("/users/id/" + user + "/friends?limit=100", viewer);
        assertThat(ids(friends)).as(description).isEqualTo(expected);
        friends.forEach(friend ->
                assertSummary(friend, model.status(viewer, friend.get("user_id").asText())));
        assertThat(count("/users/id/" + user + "/friends/count", viewer))
                .as(description)
                .isEqualTo(expected.size());
        if (viewer.equals(user) && expected.size() > 2) {
            assertThat(ids(get("/users/id/" + user + "/friends?limit=2&offset=1", viewer)))
                    .as(description + ", second page")
                    .isEqualTo(expected.subList(1, 3));
        }
    }

    private void assertMutualFriends(String viewer, String other) {
        Set<String> shared = new TreeSet<>(model.friendsOf(viewer));
        shared.retainAll(model.friendsOf(other));
        List<String> expected = byName(shared);
        String description = "mutual friends of " + viewer + " and " + other;
        JsonNode mutual = get("/users/id/" + other + "/mutual-friends", viewer);
        assertThat(ids(mutual)).as(description).isEqualTo(expected);
        mutual.forEach(friend -> assertSummary(friend, "friends"));
        assertThat(count("/users/id/" + other + "/mutual-friends/count", viewer))
                .as(description)
                .isEqualTo(expected.size());
    }

    private static void assertSummary(JsonNode summary, String status) {
        String id = summary.get("user_id").asText();
        assertThat(summary.get("first_name").asText()).isEqualTo(PEOPLE.get(id)[0]);
        assertThat(summary.get("last_name").asText()).isEqualTo(PEOPLE.get(id)[1]);
        assertThat(summary.get("friendship_status").asText())
                .as("status of " + id)
                .isEqualTo(status);
        int state = switch (status) {
            case "friends" -> 2;
            case "outgoing", "incoming" -> 1;
            default -> 0;
        };
        assertThat(summary.get("friendship_state").asInt()).as("state of " + id).isEqualTo(state);
        assertThat(summary.get("mutual_friend_count").isNull()).isTrue();
        assertThat(summary.get("profile_image_extension").isNull()).isTrue();
    }

    private static long count(String path, String viewer) {
        JsonNode count = get(path, viewer);
        assertThat(count.get("count_1")).as(path).isEqualTo(count.get("count"));
        assertThat(count.size()).as(path).isEqualTo(2);
        return count.get("count").asLong();
    }

    private static JsonNode get(String path, String viewer) {
        Response response = service.get(path, service.token(viewer));
        assertThat(response.status())
                .as(path + " as " + viewer + ": " + response.body())
                .isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(user -> ids.add(user.get("user_id").asText()));
        return ids;
    }

    private static List<String> byName(Set<String> ids) {
        return ids.stream()
                .sorted(Comparator.comparing((String id) -> PEOPLE.get(id)[0])
                        .thenComparing(id -> PEOPLE.get(id)[1])
                        .thenComparing(id -> id))
                .toList();
    }

    /** One relationship of the model; {@code sequence} orders requests by when they were sent. */
    private static final class Relation {
        final String requester;
        final String addressee;
        final long sequence;
        boolean accepted;

        Relation(String requester, String addressee, long sequence) {
            this.requester = requester;
            this.addressee = addressee;
            this.sequence = sequence;
        }
    }

    /**
     * The friendship rules of docs/api.md (one relationship per pair, only the addressee accepts or declines, either
     * side cancels or unfriends, nobody befriends themselves), as plainly as they can be written; each step answers
     * its status.
     */
    private static final class Model {
        final Map<String, Relation> relations = new HashMap<>();
        final Map<Integer, Integer> answers = new HashMap<>();
        long sequence;

        int request(String caller, String addressee) {
            if (caller.equals(addressee)) {
                return answer(422);
            }
            if (between(caller, addressee) != null) {
                return answer(409);
            }
            relations.put(key(caller, addressee), new Relation(caller, addressee, ++sequence));
            return answer(200);
        }

        int accept(String caller, String requester) {
            Relation relation = between(caller, requester);
            if (relation == null || relation.accepted || !relation.addressee.equals(caller)) {
                return answer(404);
            }
            relation.accepted = true;
            return answer(200);
        }

        int decline(String caller, String requester) {
            Relation relation = between(caller, requester);
            if (relation == null || relation.accepted || !relation.addressee.equals(caller)) {
                return answer(404);
            }
            relations.remove(key(caller, requester));
            return answer(200);
        }

        int remove(String caller, String first, String second) {
            if (!caller.equals(first) && !caller.equals(second)) {
                return answer(403);
            }
            if (relations.remove(key(first, second)) == null) {
                return answer(404);
            }
            return answer(200);
        }

        Relation between(String a, String b) {
            return relations.get(key(a, b));
        }

        Set<String> friendsOf(String user) {
            return relations.values().stream()
                    .filter(relation -> relation.accepted)
                    .filter(relation -> relation.requester.equals(user) || relation.addressee.equals(user))
                    .map(relation -> relation.requester.equals(user) ? relation.addressee : relation.requester)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        String status(String viewer, String other) {
            Relation relation = viewer.equals(other) ? null : between(viewer, other);
            if (relation == null) {
                return "none";
            }
            if (relation.accepted) {
                return "friends";
            }
            return relation.requester.equals(viewer) ? "outgoing" : "incoming";
        }

        private int answer(int status) {
            answers.merge(status, 1, Integer::sum);
            return status;
        }

        private static String key(String a, String b) {
            return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
        }
    }
}
