package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.pagenow.userapi.adapter.auth.testing.JwksServer;
import com.pagenow.userapi.adapter.auth.testing.TestTokens;
import com.pagenow.userapi.adapter.persistence.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole service on a random port, against a fresh PostgreSQL database and a local JWKS, configured the way
 * production is (from environment variables), with Cognito-shaped tokens minted here. For end-to-end tests.
 */
public final class RunningService implements AutoCloseable {

    public static final String REGION = "us-west-2";
    public static final String POOL_ID = "us-west-2_TEST";
    public static final String ISSUER = "https://cognito-idp." + REGION + ".amazonaws.com/" + POOL_ID;
    public static final String CLIENT_ID = "test-client";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabase database;
    private final JwksServer jwks;
    private final RSAKey key;
    private final UserApi api;
    private final Map<String, String> environment;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningService(
            TestDatabase database, JwksServer jwks, RSAKey key, UserApi api, Map<String, String> environment) {
        this.database = database;
        this.jwks = jwks;
        this.key = key;
        this.api = api;
        this.environment = Map.copyOf(environment);
    }

    public static RunningService start(Class<?> owner) {
        return start(owner, Map.of());
    }

    public static RunningService start(Class<?> owner, Map<String, String> extraEnvironment) {
        TestDatabase database = TestDatabase.postgres(owner);
        Map<String, String> env = new HashMap<>();
        if (database.username() != null) {
            env.put("RDS_USERNAME", database.username());
        }
        env.putAll(extraEnvironment);
        return start(database, database.jdbcUrl(), env);
    }

    /**
     * The service on a fresh test database of {@code owner}, with the environment {@code environmentOf} makes for
     * it over the defaults (a proxy in the path); the database is dropped on {@link #close()}.
     */
    public static RunningService start(
            Class<?> owner, java.util.function.Function<TestDatabase, Map<String, String>> environmentOf) {
        TestDatabase database = TestDatabase.postgres(owner);
        Map<String, String> env = new HashMap<>();
        if (database.username() != null) {
            env.put("RDS_USERNAME", database.username());
        }
        try {
            env.putAll(environmentOf.apply(database));
            return start(database, database.jdbcUrl(), env);
        } catch (RuntimeException failed) {
            database.close();
            throw failed;
        }
    }

    /** The service on a database the test manages itself (a throw-away cluster); as user {@code postgres}. */
    public static RunningService onDatabase(String jdbcUrl, Map<String, String> extraEnvironment) {
        Map<String, String> env = new HashMap<>();
        env.put("RDS_USERNAME", "postgres");
        env.putAll(extraEnvironment);
        return start(null, jdbcUrl, env);
    }

    private static RunningService start(TestDatabase database, String jdbcUrl, Map<String, String> extraEnvironment) {
        RSAKey key = TestTokens.newRsaKey("e2e-key");
        JwksServer jwks = JwksServer.start(key);
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", jdbcUrl);
        env.put("COGNITO_REGION", REGION);
        env.put("COGNITO_POOL_ID", POOL_ID);
        env.put("COGNITO_JWKS_URL", jwks.url().toString());
        env.put("COGNITO_APP_CLIENT_IDS", CLIENT_ID);
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("DATABASE_POOL_SIZE", "8");
        // Presigning needs no server; tests that move bytes add S3_ENDPOINT_URL (ProfileImagesS3IT).
        env.put("PROFILE_IMAGE_BUCKET_NAME", "user-api-test-images");
        env.put("AWS_REGION_NAME", REGION);
        env.putAll(extraEnvironment);
        UserApi api = Production.start(env);
        return new RunningService(database, jwks, key, api, env);
    }

    /** Another instance of the service on the same database and token issuer, on its own port; stop it yourself. */
    public UserApi startAnotherInstance() {
        return Production.start(environment);
    }

    public TestDatabase database() {
        return database;
    }

    public int port() {
        return api.port();
    }

    public UserApi api() {
        return api;
    }

    /** A valid ID token for {@code userId}, with e-mail {@code userId@example.com}. */
    public String token(String userId) {
        return token(userId, userId + "@example.com");
    }

    public String token(String userId, String email) {
        return tokenFor(userId).email(email).signedWith(key);
    }

    /** A token under construction with this service's issuer, audience and key, to vary before signing. */
    public TestTokens tokenFor(String userId) {
        return TestTokens.idToken(userId).issuer(ISSUER).audience(CLIENT_ID).email(userId + "@example.com");
    }

    public RSAKey signingKey() {
        return key;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    public Response put(String path, String token, String json) {
        return send("PUT", path, token, json);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    public Response send(String method, String path, String token, String json) {
        return send(method, path, token, json, Map.of());
    }

    /** With extra request headers (e.g. {@code Idempotency-Key}). */
    public Response send(String method, String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() {
        try {
            api.stop(Duration.ofSeconds(5));
        } finally {
            jwks.close();
            if (database != null) {
                database.close();
            }
        }
    }

    /** Status, raw body and the body parsed as JSON. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new AssertionError("not JSON: " + body, notJson);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }
}
