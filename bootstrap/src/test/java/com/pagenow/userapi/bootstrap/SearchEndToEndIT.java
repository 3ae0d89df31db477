package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User search and friend search (docs/api.md "User search", "Friendship") over real HTTP, on PostgreSQL. Users register
 * through the API; friendships are written with SQL, as a sibling service would.
 */
class SearchEndToEndIT {

    private static RunningService service;
    private static String me;

    @BeforeAll
    static void start() {
        service = RunningService.start(SearchEndToEndIT.class);
        me = register("s-me", "Annie", "Searcher", "annie@search.test");
        register("s-friend", "Anna", "Friend", "anna.friend@search.test");
        register("s-pending", "Hanna", "Asked", "hanna@search.test");
        register("s-incoming", "Annika", "Asker", "annika@other.test");
        register("s-shared", "Joanna", "Shared", "joanna@search.test");
        register("s-stranger", "Ann", "Stranger", "ann.stranger@search.test");
        register("s-helper", "Carl", "Helper", "carl@search.test");
        register("s-percent", "Hundred", "100%Sure", "percent@search.test");
        register("s-hundred", "Hundred", "100 Surely", "hundred@search.test");
        register("s-polish", "Łukasz", "Nowak", "lukasz@search.test");
        friendship("s-me", "s-friend", true);
        friendship("s-helper", "s-me", true);
        friendship("s-me", "s-pending", false);
        friendship("s-incoming", "s-me", false);
        friendship("s-shared", "s-helper", true);
        friendship("s-friend", "s-helper", true);
        // Fragments find public addresses only (PrivacyAndIdentityIT holds the private ones).
        try (java.sql.Connection connection = service.database().connect();
                java.sql.Statement update = connection.createStatement()) {
            update.executeUpdate("UPDATE user_table SET email_public = true");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void nameSearchRanksFriendsThenPendingThenSharedFriendsThenOthers() {
        Response response = service.get("/users/search/name/ann", me);

        assertThat(response.status()).isEqualTo(200);
        assertThat(rows(response.json()))
                .containsExactly(
                        "s-friend 2 friends 1",
                        "s-incoming 1 incoming 0", // pending both ways; "annika asker" starts with the text
                        "s-pending 1 outgoing 0", // "hanna asked" only contains it
                        "s-shared 0 none 1",
                        "s-stranger 0 none 0");
    }

    @Test
    void resultsHaveTheUserSummaryShapeWithNullsWrittenOut() {
        JsonNode first =
                service.get("/users/search/name/anna%20friend", me).json().get(0);

        assertThat(first.get("user_id").asText()).isEqualTo("s-friend");
        assertThat(first.get("first_name").asText()).isEqualTo("Anna");
        assertThat(first.get("last_name").asText()).isEqualTo("Friend");
        assertThat(first.get("description").asText()).isEmpty();
        assertThat(first.get("profile_image_uploaded_at").isNull()).isTrue();
        assertThat(first.get("profile_image_extension").isNull()).isTrue();
        assertThat(first.get("friendship_state").asInt()).isEqualTo(2);
        assertThat(first.get("friendship_status").asText()).isEqualTo("friends");
        assertThat(first.get("mutual_friend_count").asLong()).isEqualTo(1);
    }

    @Test
    void emailSearchMatchesTheAddressOnly() {
        Response response = service.get("/users/search/email/SEARCH.TEST", me);

        assertThat(response.status()).isEqualTo(200);
        // Friends first (both share one friend with the caller; the addresses end with the text): by id descending.
        assertThat(ids(response.json()))
                .startsWith("s-helper", "s-friend", "s-pending")
                .doesNotContain("s-incoming", "s-me");
    }

    @Test
    void percentInTheQueryMatchesOnlyAPercentSign() {
        assertThat(ids(service.get("/users/search/name/0%25s", me).json())).containsExactly("s-percent");
    }

    @Test
    void nonAsciiQueryMatchesIgnoringCase() {
        assertThat(ids(service.get("/users/search/name/%C5%81UK", me).json())).containsExactly("s-polish");
    }

    @Test
    void callerIsNeverInTheResults() {
        assertThat(ids(service.get("/users/search/name/annie", me).json())).isEmpty();
        assertThat(ids(service.get("/users/search/name/annie", service.token("s-stranger"))
                        .json()))
                .containsExactly("s-me");
    }

    @Test
    void blankQueryIsUnprocessable() {
        Response response = service.get("/users/search/name/%20%20", me);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
        assertThat(service.get("/friendship/search/name/%20", me).status()).isEqualTo(422);
        Response emptySegment = service.get("/users/search/name/", me);
        assertThat(emptySegment.status()).as(emptySegment.body()).isEqualTo(422);
    }

    @Test
    void limitAboveFifteenIsClampedAndNegativeIsRejected() {
        for (int i = 0; i < 17; i++) {
            register("s-many-" + i, "Manyfold", "Person" + i, "many" + i + "@many.test");
        }

        assertThat(service.get("/users/search/name/manyfold?limit=100", me).json())
                .hasSize(15);
        assertThat(service.get("/users/search/name/manyfold", me).json()).hasSize(15);
        assertThat(service.get("/users/search/name/manyfold?limit=5&offset=15", me)
                        .json())
                .hasSize(2);
        assertThat(service.get("/users/search/name/manyfold?limit=0", me).json())
                .isEmpty();
        assertThat(service.get("/users/search/name/manyfold?limit=-1", me).status())
                .isEqualTo(422);
        assertThat(service.get("/users/search/name/manyfold?offset=-1", me).status())
                .isEqualTo(422);
    }

    @Test
    void friendSearchFindsOnlyAcceptedFriends() {
        Response response = service.get("/friendship/search/name/ann", me);

        assertThat(response.status()).isEqualTo(200);
        assertThat(rows(response.json())).containsExactly("s-friend 2 friends 1");
        assertThat(ids(service.get("/friendship/search/email/SEARCH.test", me).json()))
                .containsExactly("s-helper", "s-friend");
    }

    @Test
    void exactFriendSearchMatchesTheWholeFieldIgnoringCase() {
        assertThat(ids(service.get("/friendship/search/name/ANNA%20friend?exact=true", me)
                        .json()))
                .containsExactly("s-friend");
        assertThat(ids(service.get("/friendship/search/name/anna?exact=true", me)
                        .json()))
                .isEmpty();
        assertThat(ids(service.get("/friendship/search/email/carl@search.test?exact=1", me)
                        .json()))
                .containsExactly("s-helper");
        assertThat(service.get("/friendship/search/name/anna?exact=perhaps", me).status())
                .isEqualTo(422);
    }

    @Test
    void friendSearchDefaultsToTenAndClampsToFifteen() {
        String owner = register("s-popular", "Popular", "Owner", "popular@friends.test");
        for (int i = 0; i < 16; i++) {
            String id = "s-pal-" + i;
            register(id, "Palindrome", "Pal" + i, id + "@friends.test");
            friendship("s-popular", id, true);
        }

        assertThat(service.get("/friendship/search/name/palindrome", owner).json())
                .hasSize(10);
        assertThat(service.get("/friendship/search/name/palindrome?limit=99", owner)
                        .json())
                .hasSize(15);
    }

    @Test
    void searchNeedsAToken() {
        Response response = service.get("/users/search/name/ann", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    /** Registers a profile through the API and answers the user's token. */
    private static String register(String id, String first, String last, String email) {
        String token = service.token(id, email);
        Response created =
                service.post("/users/me", token, "{\"first_name\":\"" + first + "\",\"last_name\":\"" + last + "\"}");
        assertThat(created.status()).as("register %s", id).isEqualTo(200);
        return token;
    }

    private static void friendship(String requester, String addressee, boolean accepted) {
        service.database()
                .execute("INSERT INTO friendship_table (user_id1, user_id2, accepted_at) VALUES ('" + requester + "', '"
                        + addressee + "', " + (accepted ? "now()" : "NULL") + ")");
    }

    private static List<String> ids(JsonNode users) {
        List<String> ids = new ArrayList<>();
        users.forEach(user -> ids.add(user.get("user_id").asText()));
        return ids;
    }

    private static List<String> rows(JsonNode users) {
        List<String> rows = new ArrayList<>();
        users.forEach(user -> rows.add(user.get("user_id").asText() + " "
                + user.get("friendship_state").asInt() + " "
                + user.get("friendship_status").asText() + " "
                + user.get("mutual_friend_count").asLong()));
        return rows;
    }
}
