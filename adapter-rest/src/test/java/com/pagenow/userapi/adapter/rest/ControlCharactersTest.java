package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import com.pagenow.userapi.application.service.AuthenticationService;
import com.pagenow.userapi.application.service.FriendshipQueryService;
import com.pagenow.userapi.application.service.FriendshipService;
import com.pagenow.userapi.application.service.UserProfileService;
import com.pagenow.userapi.domain.text.StoredText;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md "Validation": a NUL anywhere (path, query, body string) and any control character in a user id is a 422
 * naming the field, checked at the edge for every route; inside a token it is a 401. Tokens here are "user|email"
 * with {@code \0} written as {@code ~0}.
 */
class ControlCharactersTest {

    private static final String ALICE = "alice|alice@example.com";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private RestServer server;

    @BeforeEach
    void start() throws Exception {
        InMemoryUserRepository users = new InMemoryUserRepository();
        DirectTransactionRunner transactions = new DirectTransactionRunner();
        InMemoryFriendshipRepository friendships = new InMemoryFriendshipRepository(users, transactions);
        Clock clock = Clock.systemUTC();
        UserProfileService profiles =
                new UserProfileService(users, friendships.blocks(), friendships.blocks(), transactions, clock);
        FriendshipService friends =
                new FriendshipService(users, friendships, friendships.blocks(), transactions, clock);
        FriendshipQueryService queries =
                new FriendshipQueryService(friendships, friendships.graph(), friendships.blocks());
        server = RestServer.start(
                RestSettings.listeningOn("127.0.0.1", 0),
                new AuthenticationService(new FakeTokens()),
                () -> true,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(new UserRoutes(profiles), new FriendshipRoutes(friends, queries)));
        assertThat(send("POST", "/users/me", ALICE, "{\"first_name\":\"Alice\",\"last_name\":\"L\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void nulInAPathIdIsRefusedNamingTheParameter() throws Exception {
        assertRefused(send("GET", "/users/id/al%00ice", ALICE, null), "user_id", StoredText.NUL_MESSAGE);
        assertRefused(send("GET", "/friendship/check/%00", ALICE, null), "user_id", StoredText.NUL_MESSAGE);
        assertRefused(send("DELETE", "/friendship/requests/x%00", ALICE, null), "user_id", StoredText.NUL_MESSAGE);
        assertRefused(
                send("PUT", "/users/me/domain_array/allow%00", ALICE, "[]"), "share_type", StoredText.NUL_MESSAGE);
    }

    @Test
    void otherControlCharactersInAUserIdAreRefused() throws Exception {
        for (String encoded : List.of("%01", "%09", "%0A", "%0D", "%1F", "%7F", "%C2%85")) {
            assertRefused(
                    send("GET", "/users/id/a" + encoded + "b", ALICE, null), "user_id", StoredText.CONTROL_MESSAGE);
        }
        assertRefused(
                send("POST", "/friendship/requests", ALICE, "{\"user_id2\":\"bob\\tsmith\"}"),
                "user_id2",
                StoredText.CONTROL_MESSAGE);
    }

    @Test
    void nulInAQueryParameterIsRefusedNamingIt() throws Exception {
        assertRefused(send("GET", "/users/id/alice/friends?limit=1%00", ALICE, null), "limit", StoredText.NUL_MESSAGE);
        assertRefused(send("GET", "/users/id/alice/friends?offset=%00", ALICE, null), "offset", StoredText.NUL_MESSAGE);
    }

    @Test
    void nulInAnyBodyStringIsRefusedNamingItsField() throws Exception {
        assertRefused(
                send("PUT", "/users/me/domain_array/deny", ALICE, "[\"example.com\",\"a\\u0000.com\"]"),
                "[1]",
                StoredText.NUL_MESSAGE);
        assertRefused(
                send("POST", "/users/me", "bob|bob@example.com", "{\"first_name\":\"Bo\\u0000b\",\"last_name\":\"L\"}"),
                "first_name",
                StoredText.NUL_MESSAGE);
        assertRefused(
                send("POST", "/friendship/delete", ALICE, "{\"user_id1\":\"alice\",\"user_id2\":\"\\u0000\"}"),
                "user_id2",
                StoredText.NUL_MESSAGE);
        // Unknown fields are ignored, a NUL in them included: nothing of them is stored.
        assertThat(send("POST", "/users/me", "bob|bob@example.com", "{\"first_name\":\"Bob\",\"last_name\":\"L\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void tabsAndLineBreaksStayAllowedInFreeText() throws Exception {
        HttpResponse<String> created = send(
                "POST",
                "/users/me",
                "carol|carol@example.com",
                "{\"first_name\":\"Carol\",\"last_name\":\"P\",\"gender\":\"a\\tb\\nc\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(json.readTree(created.body()).get("gender").asText()).isEqualTo("a\tb\nc");
    }

    @Test
    void aControlCharacterInsideATokenIsUnauthorized() throws Exception {
        assertThat(send("GET", "/users/me", "al~0ice|alice@example.com", null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/users/me", "al\u0001ice|alice@example.com", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/users/me", "alice|al~0ice@example.com", null).statusCode())
                .isEqualTo(401);
    }

    private void assertRefused(HttpResponse<String> response, String field, String message) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode error = json.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).isEqualTo(message);
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token.replace("\u0001", "~1"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** "user|email" with ~0 and ~1 standing for U+0000 and U+0001 (a header cannot carry them). */
    private static final class FakeTokens implements TokenVerifier {
        @Override
        public VerifiedIdentity verify(String token) {
            String[] parts =
                    token.replace("~0", "\u0000").replace("~1", "\u0001").split("\\|");
            if (parts.length != 2) {
                throw new TokenRejectedException("malformed");
            }
            return new VerifiedIdentity(parts[0], parts[1]);
        }
    }
}
