package com.pagenow.userapi.adapter.rest;

import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.error.TokenVerifierUnavailableException;
import com.pagenow.userapi.application.fake.DirectTransactionRunner;
import com.pagenow.userapi.application.fake.InMemoryFriendshipRepository;
import com.pagenow.userapi.application.fake.InMemoryUserRepository;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import com.pagenow.userapi.application.service.AuthenticationService;
import com.pagenow.userapi.application.service.FriendshipQueryService;
import com.pagenow.userapi.application.service.FriendshipService;
import com.pagenow.userapi.application.service.UserProfileService;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP conventions of docs/api.md over real HTTP, with the use cases on in-memory fakes (the database is covered
 * by the end-to-end tests in bootstrap). Tokens here are "user|email"; "down" simulates an unreachable JWKS.
 */
class RestServerTest {

    private static final String ALICE = "alice|alice@example.com";

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final AtomicInteger databaseChecks = new AtomicInteger();
    private RestServer server;

    @BeforeEach
    void start() {
        start(Set.of());
    }

    private void start(Set<String> origins) {
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
                RestSettings.listeningOn("127.0.0.1", 0).withCorsAllowedOrigins(origins),
                new AuthenticationService(new FakeTokens()),
                () -> {
                    databaseChecks.incrementAndGet();
                    return databaseUp.get();
                },
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                List.of(new UserRoutes(profiles), new FriendshipRoutes(friends, queries)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pingAnswersPongAsJsonStringWithoutToken() throws Exception {
        HttpResponse<String> response = send("GET", "/ping", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("\"pong\"");
    }

    @Test
    void healthFollowsTheDatabase() throws Exception {
        assertThat(send("GET", "/health", null, null).body())
                .isEqualTo("{\"status\":\"UP\",\"checks\":{\"database\":\"UP\"}}");
        databaseUp.set(false);
        Thread.sleep(1_100); // the last check's answer stands for a second
        HttpResponse<String> down = send("GET", "/health", null, null);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"DOWN\"");
    }

    @Test
    void aFloodOfHealthChecksAsksTheDatabaseAboutOnceASecond() throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
        }
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(databaseChecks.get()).isBetween(1, (int) seconds + 2);
    }

    @Test
    void missingTokenIsUnauthorizedProblemWithBearerChallenge() throws Exception {
        HttpResponse<String> response = send("GET", "/users/me", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":401").contains("\"detail\":");
    }

    @Test
    void unreachableKeySetIsServiceUnavailable() throws Exception {
        assertThat(send("GET", "/users/me", "down", null).statusCode()).isEqualTo(503);
    }

    @Test
    void unknownProfileIsNotFoundWithOldDetail() throws Exception {
        HttpResponse<String> response = send("GET", "/users/me", ALICE, null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .isEqualTo(
                        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"User not found\"}");
    }

    @Test
    void registerWritesNullsOutAndTimestampsWithZ() throws Exception {
        HttpResponse<String> response = send(
                "POST",
                "/users/me",
                ALICE,
                "{\"first_name\":\"Alice\",\"last_name\":\"Liddell\",\"user_id\":\"ignored\",\"extra\":1}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"user_id\":\"alice\"")
                .contains("\"profile_image_extension\":null")
                .contains("\"dob\":null")
                .containsPattern("\"created_at\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"");
    }

    @Test
    void jsonLabelledAsTextPlainIsStillJson() throws Exception {
        HttpRequest request = base("/users/me", ALICE)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"first_name\":\"Alice\",\"last_name\":\"L\"}"))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void validationFailureIs422WithFieldErrors() throws Exception {
        HttpResponse<String> response = send("POST", "/users/me", ALICE, "{\"first_name\":\"  \"}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"errors\":[").contains("\"field\":\"last_name\"");
    }

    @Test
    void malformedJsonIs422NotServerError() throws Exception {
        HttpResponse<String> response = send("POST", "/users/me", ALICE, "{\"first_name\":");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("jackson");
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        HttpResponse<String> response = send("POST", "/users/me", ALICE, "{\"first_name\":[1],\"last_name\":\"L\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"field\":\"first_name\"");
    }

    @Test
    void bodyOver64KiBIsTooLarge() throws Exception {
        String big = "{\"first_name\":\"" + "a".repeat(70 * 1024) + "\",\"last_name\":\"L\"}";
        assertThat(send("POST", "/users/me", ALICE, big).statusCode()).isEqualTo(413);
        assertThat(send("GET", "/users/me", ALICE, null).statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathIsNotFoundProblem() throws Exception {
        HttpResponse<String> response = send("GET", "/nope", ALICE, null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void countsAnswerOldAndNewNames() throws Exception {
        send("POST", "/users/me", ALICE, "{\"first_name\":\"Alice\",\"last_name\":\"L\"}");
        assertThat(send("GET", "/users/id/alice/friends/count", ALICE, null).body())
                .isEqualTo("{\"count_1\":0,\"count\":0}");
    }

    @Test
    void negativeLimitIs422() throws Exception {
        assertThat(send("GET", "/users/id/alice/friends?limit=-1", ALICE, null).statusCode())
                .isEqualTo(422);
        assertThat(send("GET", "/users/id/alice/friends?offset=x", ALICE, null).statusCode())
                .isEqualTo(422);
    }

    @Test
    void corsForAnyOriginEchoesItAndNeverAllowsCredentials() throws Exception {
        server.close();
        start(Set.of("*"));
        HttpRequest preflight = HttpRequest.newBuilder(uri("/users/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "chrome-extension://abc")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build();
        HttpResponse<String> response = http.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("chrome-extension://abc");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
                .contains("PUT");
        HttpResponse<String> call = http.send(
                base("/ping", null)
                        .header("Origin", "https://any.example")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).contains("https://any.example");
        assertThat(call.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void corsWithoutOriginsLetsNoOriginCall() throws Exception {
        HttpRequest preflight = HttpRequest.newBuilder(uri("/users/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "chrome-extension://abc")
                .header("Access-Control-Request-Method", "PUT")
                .build();
        HttpResponse<String> response = http.send(preflight, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void corsWithOriginListRefusesOtherOrigins() throws Exception {
        server.close();
        start(Set.of("https://allowed.example"));
        HttpRequest other = base("/ping", null)
                .header("Origin", "https://evil.example")
                .GET()
                .build();
        assertThat(http.send(other, HttpResponse.BodyHandlers.ofString())
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        HttpRequest allowed = base("/ping", null)
                .header("Origin", "https://allowed.example")
                .GET()
                .build();
        assertThat(http.send(allowed, HttpResponse.BodyHandlers.ofString())
                        .headers()
                        .firstValue("Access-Control-Allow-Origin"))
                .contains("https://allowed.example");
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = base(path, token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder base(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** "user|email" is a valid token; "down" means the key set cannot be fetched; anything else is rejected. */
    private static final class FakeTokens implements TokenVerifier {
        @Override
        public VerifiedIdentity verify(String token) {
            if (token.equals("down")) {
                throw new TokenVerifierUnavailableException("JWKS unreachable", null);
            }
            String[] parts = token.split("\\|");
            if (parts.length != 2) {
                throw new TokenRejectedException("malformed");
            }
            return new VerifiedIdentity(parts[0], parts[1]);
        }
    }
}
