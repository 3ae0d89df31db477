package com.pagenow.userapi.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code user-api class-archive-training}: one short run for {@code java -XX:ArchiveClassesAtExit=FILE} to record the
 * classes the service loads, so that a start with {@code -XX:SharedArchiveFile=FILE} maps them instead (about half
 * the time to the first answer). Dev mode in a temporary home on a free port answers a few real requests, the
 * production adapters that need no network are built and closed, and the home is deleted.
 */
final class ClassArchiveTraining {

    static final String COMMAND = "class-archive-training";

    private static final Logger LOG = LoggerFactory.getLogger(ClassArchiveTraining.class);
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int READ_ROUNDS = 200;
    /** Read like a production environment, never used to connect. */
    private static final Map<String, String> PRODUCTION = Map.of(
            "DATABASE_URL",
            "postgresql://training:training@127.0.0.1:5432/training",
            "COGNITO_REGION",
            "us-east-1",
            "COGNITO_POOL_ID",
            "us-east-1_training",
            "COGNITO_APP_CLIENT_IDS",
            "training",
            "PROFILE_IMAGE_BUCKET_NAME",
            "class-archive-training",
            "AWS_REGION_NAME",
            "us-east-1");

    private ClassArchiveTraining() {}

    /** Throws when a request does not answer as it should: a half-trained archive is worse than none. */
    static void run() {
        Path home;
        try {
            home = Files.createTempDirectory("user-api-training");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary home", e);
        }
        try {
            LOG.info("Class archive training: dev mode in {}, a few requests, then exit", home);
            // The searches of the read rounds pass the per-user search limit; it is off here.
            UserApi api = DevMode.start(
                    home, Map.of("HOST", "127.0.0.1", "PORT", "0", "RATE_LIMIT_SEARCHES_PER_MINUTE", "0"));
            try {
                String token =
                        DevMode.mintToken(home, List.of("--user", "training", "--email", "training@example.com"));
                exercise(api.port(), token);
                readHotPaths(
                        api.port(),
                        token,
                        DevMode.mintToken(home, List.of("--user", "training-friend", "--email", "friend@example.com")));
            } finally {
                api.stop(Duration.ofSeconds(5));
            }
            loadProductionAdapters();
        } finally {
            deleteRecursively(home);
        }
        LOG.info("Class archive training done");
    }

    /** JSON in and out, sign-in and its refusal, SQL reads and writes, the access log. */
    private static void exercise(int port, String token) {
        String base = "http://127.0.0.1:" + port;
        expect(200, base, "GET", "/ping", null, null);
        expect(200, base, "GET", "/health", null, null);
        expect(401, base, "GET", "/users/me", null, null);
        expect(200, base, "POST", "/users/me", token, "{\"first_name\":\"Training\",\"last_name\":\"Run\"}");
        expect(200, base, "PUT", "/users/me", token, """
                {"first_name":"Training","last_name":"Run","description":"class archive","share_mode":"default_all",
                 "domain_allow_array":["example.com"],"domain_deny_array":[],"email_public":false,
                 "gender_public":false,"school_public":false,"work_public":false,"location_public":false}""");
        expect(200, base, "GET", "/users/me", token, null);
    }

    /**
     * The hot read paths, often enough that the JIT profiles them: on JDK 25 the AOT cache keeps those profiles
     * (JEP 515), so a new instance compiles them early instead of after its first load. Two friends, then every read
     * of the benchmarks' mix {@value #READ_ROUNDS} times (about a second).
     */
    private static void readHotPaths(int port, String token, String friendToken) {
        String base = "http://127.0.0.1:" + port;
        expect(200, base, "POST", "/users/me", friendToken, "{\"first_name\":\"Friend\",\"last_name\":\"Run\"}");
        expect(200, base, "POST", "/friendship/requests", token, "{\"user_id2\":\"training-friend\"}");
        expect(200, base, "POST", "/friendship/accept", friendToken, "{\"user_id1\":\"training\"}");
        List<String> reads = List.of(
                "/users/me",
                "/users/id/training-friend",
                "/users/ids/training-friend,training",
                "/users/id/training-friend/friends?limit=15",
                "/users/id/training-friend/mutual-friends/count",
                "/friendship/check/training-friend",
                "/friendship/requests",
                "/users/me/suggestions?limit=10",
                "/friendship/relationships?ids=training-friend,training,nobody",
                "/users/search/name/Fri",
                "/users/search/email/friend",
                "/friendship/search/name/Fri");
        for (int round = 0; round < READ_ROUNDS; round++) {
            for (String read : reads) {
                expect(200, base, "GET", read, token, null);
            }
        }
    }

    /**
     * What only production uses, as far as it goes without a network: its configuration, the PostgreSQL driver
     * (found for the URL, not connected), the S3 clients and the Cognito verifier (neither fetches before first use),
     * and the token check's warm-up, whose checks put the RSA arithmetic's profiles in a JDK 25 cache.
     */
    private static void loadProductionAdapters() {
        ServiceConfig config = ServiceConfig.fromEnvironment(PRODUCTION);
        try {
            DriverManager.getDriver(config.database().jdbcUrl());
        } catch (SQLException noDriver) {
            throw new IllegalStateException(
                    "no JDBC driver for " + config.database().jdbcUrl(), noDriver);
        }
        Production.imageStorage(config.storage()).close();
        Production.warmUpTokenCheck();
        Production.tokenVerifier(config.cognito()).close();
    }

    private static void expect(int status, String base, String method, String path, String token, String json) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setRequestMethod(method);
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (json != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                try (OutputStream body = connection.getOutputStream()) {
                    body.write(json.getBytes(StandardCharsets.UTF_8));
                }
            }
            int answered = connection.getResponseCode();
            String body;
            try (InputStream in = answered < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (answered != status) {
                throw new IllegalStateException("training: " + method + " " + path + " answered " + answered
                        + " instead of " + status + ": " + body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("training: " + method + " " + path + " failed", e);
        }
    }

    private static void deleteRecursively(Path home) {
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the training home {}: {}", home, e.getMessage());
        }
    }
}
