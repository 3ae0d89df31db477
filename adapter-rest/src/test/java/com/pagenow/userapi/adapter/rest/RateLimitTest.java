package com.pagenow.userapi.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.adapter.rest.http.RateLimits;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.fake.InMemoryUserSearchRepository;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import com.pagenow.userapi.application.service.AuthenticationService;
import com.pagenow.userapi.application.service.FriendshipQueryService;
import com.pagenow.userapi.application.service.FriendshipService;
import com.pagenow.userapi.application.service.UserProfileService;
import com.pagenow.userapi.application.service.UserSearchService;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-user rate limits over real HTTP: writes and searches have budgets, reads do not; 429 says when to retry. */
class RateLimitTest {

    private static final int WRITES = 3;
    private static final int SEARCHES = 2;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private RestServer server;

    @BeforeEach
    void start() {
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
        UserSearchService search = new UserSearchService(new InMemoryUserSearchRepository(users, friendships));
        server = RestServer.start(
                RestSettings.listeningOn("127.0.0.1", 0)
                        .withCorsAllowedOrigins(Set.of("chrome-extension://abc"))
                        .withRateLimits(new RateLimits(WRITES, SEARCHES)),
                new AuthenticationService(new UserIdTokens()),
                () -> true,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(new UserRoutes(profiles), new FriendshipRoutes(friends, queries), new SearchRoutes(search)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void writesBeyondTheBudgetAre429WithRetryAfterAndAProblemBody() throws Exception {
        assertThat(send("POST", "/users/me", "alice", "{\"first_name\":\"Alice\",\"last_name\":\"L\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/users/me/domain_array/allow", "alice", "[]").statusCode())
                .isEqualTo(200);
        // A refused write spends its share of the budget too: a flood of bad requests is still a flood.
        assertThat(send("POST", "/friendship/requests", "alice", "{}").statusCode())
                .isEqualTo(422);

        HttpResponse<String> refused = send("DELETE", "/friendship/requests/bob", "alice", null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        long retryAfter =
                Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 20L); // three a minute: one back every 20 s
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asText()).isEqualTo("Too Many Requests");
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.has("retry_after")).isFalse();
    }

    @Test
    void browsersMayReadRetryAfter() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/users/me"))
                .header("Authorization", "Bearer alice")
                .header("Origin", "chrome-extension://abc")
                .GET()
                .build();

        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString())
                        .headers()
                        .firstValue("Access-Control-Expose-Headers"))
                .contains("Retry-After");
    }

    @Test
    void readsAreNotLimitedAndOtherUsersKeepTheirOwnBudget() throws Exception {
        for (int i = 0; i < WRITES; i++) {
            send("POST", "/users/me", "alice", "{\"first_name\":\"Alice\",\"last_name\":\"L\"}");
        }
        assertThat(send("POST", "/users/me", "alice", "{}").statusCode()).isEqualTo(429);

        for (int i = 0; i < 20; i++) {
            assertThat(send("GET", "/users/me", "alice", null).statusCode()).isEqualTo(200);
        }
        assertThat(send("POST", "/users/me", "bob", "{\"first_name\":\"Bob\",\"last_name\":\"L\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void searchesHaveTheirOwnBudget() throws Exception {
        for (int i = 0; i < SEARCHES; i++) {
            assertThat(send("GET", "/users/search/name/ali", "alice", null).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = send("GET", "/friendship/search/email/ali", "alice", null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(send("POST", "/users/me", "alice", "{\"first_name\":\"Alice\",\"last_name\":\"L\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void requestsWithoutAValidTokenSpendNobodysBudget() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(send("POST", "/users/me", null, "{}").statusCode()).isEqualTo(401);
        }
    }

    private HttpResponse<String> send(String method, String path, String user, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Bearer " + user);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The token is the user id. */
    private static final class UserIdTokens implements TokenVerifier {
        @Override
        public VerifiedIdentity verify(String token) {
            return new VerifiedIdentity(token, token + "@example.com");
        }
    }
}
