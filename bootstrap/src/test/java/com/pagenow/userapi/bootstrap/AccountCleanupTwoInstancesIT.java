package com.pagenow.userapi.bootstrap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole service instances on one database, both doing the cleanup work of deleted accounts against s3rver: every
 * deletion's {@code NOTIFY user_deleted} wakes both, and they race for the same due tasks. Each task is performed
 * exactly once across the two: the {@code user_api_account_cleanup_done} counters of both instances add up to the
 * number of tasks, and no attempt failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountCleanupTwoInstancesIT {

    private static final String BUCKET = "user-api-cleanup-two-images";
    private static final int ACCOUNTS = 40;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private S3rverProcess s3;
    private RunningService one;
    private UserApi two;

    @BeforeAll
    void start() {
        s3 = S3rverProcess.start(BUCKET);
        System.setProperty("aws.accessKeyId", S3rverProcess.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3rverProcess.SECRET_KEY);
        one = RunningService.start(
                AccountCleanupTwoInstancesIT.class,
                Map.of(
                        "PROFILE_IMAGE_BUCKET_NAME",
                        BUCKET,
                        "S3_ENDPOINT_URL",
                        s3.endpoint().toString(),
                        "RATE_LIMIT_WRITES_PER_MINUTE",
                        "0"));
        two = one.startAnotherInstance();
    }

    @AfterAll
    void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (two != null) {
            two.stop(Duration.ofSeconds(5));
        }
        if (one != null) {
            one.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void manyDeletionsOnBothInstancesAreEachCleanedUpExactlyOnce() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String token = one.token("two-del-" + i);
            assertThat(one.post("/users/me", token, "{\"first_name\":\"Two\",\"last_name\":\"Instances\"}")
                            .status())
                    .isEqualTo(200);
            tokens.add(token);
        }
        double doneBefore = counter(one.port(), "done") + counter(two.port(), "done");

        // Deleted at once, half on each instance: both are woken by every deletion and compete for the work.
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> deletions = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                int port = i % 2 == 0 ? one.port() : two.port();
                String token = tokens.get(i);
                deletions.add(clients.submit(() -> delete(port, token)));
            }
            for (Future<Integer> deletion : deletions) {
                assertThat(deletion.get()).isEqualTo(204);
            }
        } finally {
            clients.shutdown();
        }
        long tasks = ACCOUNTS; // one profile-image task per account (COGNITO_DELETE_USERS is off)

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (pendingWork() > 0) {
            assertThat(System.nanoTime())
                    .as("cleanup work still pending after 60 s")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        Thread.sleep(500); // an attempt that (wrongly) worked on a task already done would finish by now
        double byOne = counter(one.port(), "done");
        double byTwo = counter(two.port(), "done");
        System.out.printf(
                "AccountCleanupTwoInstancesIT: %d deletions, %d cleanup tasks: %.0f done by one instance,"
                        + " %.0f by the other%n",
                ACCOUNTS, tasks, byOne, byTwo);
        assertThat(byOne + byTwo - doneBefore)
                .as("tasks performed across both instances")
                .isEqualTo(tasks);
        assertThat(counter(one.port(), "failed_attempts") + counter(two.port(), "failed_attempts"))
                .isZero();
    }

    private static int delete(int port, String token) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/users/me"))
                                .header("Authorization", "Bearer " + token)
                                .DELETE()
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The instance's {@code user_api_account_cleanup_<name>} counter, from its {@code /metrics}. */
    private static double counter(int port, String name) throws Exception {
        String metrics = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher value = Pattern.compile(
                        "(?m)^user_api_account_cleanup_" + name + "(?:_total)?(?:\\{[^}]*\\})? " + "([0-9.E+-]+)$")
                .matcher(metrics);
        assertThat(value.find())
                .as("user_api_account_cleanup_" + name + " in /metrics")
                .isTrue();
        return Double.parseDouble(value.group(1));
    }

    private long pendingWork() {
        return queryLong("SELECT count(*) FROM account_cleanup_table");
    }

    private long queryLong(String sql) {
        try (Connection connection = one.database().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
