package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a deletion removes outside the database, against real servers on loopback: the profile image object on
 * s3rver and the Cognito user on cognito-local (AdminDeleteUser through the AWS SDK, COGNITO_DELETE_USERS=true,
 * COGNITO_ENDPOINT_URL). With both servers down the deletion still commits at once, and the work is done once they
 * are back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountCleanupIT {

    private static final String BUCKET = "user-api-cleanup-images";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private S3rverProcess s3;
    private CognitoLocalProcess cognito;
    private CognitoIdentityProviderClient pool;
    private String poolId;
    private RunningService service;

    @BeforeAll
    void start() {
        s3 = S3rverProcess.start(BUCKET);
        cognito = CognitoLocalProcess.start();
        System.setProperty("aws.accessKeyId", S3rverProcess.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3rverProcess.SECRET_KEY);
        pool = CognitoIdentityProviderClient.builder()
                .region(Region.of(RunningService.REGION))
                .endpointOverride(cognito.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        poolId = pool.createUserPool(request -> request.poolName("user-api-cleanup"))
                .userPool()
                .id();
        service = RunningService.start(
                AccountCleanupIT.class,
                Map.of(
                        "PROFILE_IMAGE_BUCKET_NAME",
                        BUCKET,
                        "S3_ENDPOINT_URL",
                        s3.endpoint().toString(),
                        "COGNITO_DELETE_USERS",
                        "true",
                        "COGNITO_ENDPOINT_URL",
                        cognito.endpoint().toString(),
                        "COGNITO_POOL_ID",
                        poolId,
                        "COGNITO_ISSUER",
                        RunningService.ISSUER,
                        "RATE_LIMIT_WRITES_PER_MINUTE",
                        "0"));
    }

    @AfterAll
    void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (service != null) {
            service.close();
        }
        if (pool != null) {
            pool.close();
        }
        if (cognito != null) {
            cognito.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void theImageObjectAndTheCognitoUserAreDeletedAndTheOthersAreUntouched() throws Exception {
        String ann = signUp("cln-ann");
        signUp("cln-bob");
        URI image = upload(ann, "cln-ann");
        assertThat(status(image)).isEqualTo(200);

        assertThat(service.delete("/users/me", ann).status()).isEqualTo(204);

        awaitTrue(() -> !cognitoUserExists("cln-ann") && status(image) == 404, Duration.ofSeconds(30));
        assertThat(cognitoUserExists("cln-bob")).isTrue();
        assertThat(pendingWork("cln-ann")).isZero();
    }

    @Test
    void withS3AndCognitoDownTheDeletionCommitsAtOnceAndTheWorkIsDoneWhenTheyAreBack() throws Exception {
        String cid = signUp("cln-cid");
        URI image = upload(cid, "cln-cid");
        s3.close();
        cognito.close();
        try {
            long started = System.nanoTime();
            Response deleted = service.delete("/users/me", cid);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(deleted.status()).isEqualTo(204);
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(service.get("/users/me", cid).status()).isEqualTo(404);
            awaitTrue(() -> failedAttempts("cln-cid") >= 2, Duration.ofSeconds(30));
            assertThat(pendingWork("cln-cid")).isEqualTo(2);
            assertThat(service.get("/metrics", null).body())
                    .containsPattern("user_api_account_cleanup_failed_attempts_total(\\{[^}]*\\})? [1-9]");
        } finally {
            s3 = s3.restart();
            cognito = cognito.restart();
        }
        awaitTrue(() -> pendingWork("cln-cid") == 0, Duration.ofSeconds(60));
        assertThat(cognitoUserExists("cln-cid")).isFalse();
        assertThat(status(image)).isEqualTo(404);
    }

    /** A Cognito user and a profile of the same name; the token is the service's test token for it. */
    private String signUp(String id) {
        pool.adminCreateUser(
                request -> request.userPoolId(poolId).username(id).messageAction(MessageActionType.SUPPRESS));
        String token = service.token(id);
        assertThat(service.post("/users/me", token, "{\"first_name\":\"First\",\"last_name\":\"Last\"}")
                        .status())
                .isEqualTo(200);
        return token;
    }

    /** Uploads a PNG as the web client does; answers a download URL of it (valid one hour). */
    private URI upload(String token, String id) throws Exception {
        URI put = URI.create(service.get("/users/me/profile-image-upload-url?image_ext=png", token)
                .json()
                .asText());
        HttpResponse<String> stored = HTTP.send(
                HttpRequest.newBuilder(put)
                        .header("Content-Type", "image/png")
                        .header("x-amz-acl", "private")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).isEqualTo(200);
        return URI.create(service.get("/users/id/" + id + "/profile-image-url?image_ext=png", token)
                .json()
                .asText());
    }

    private static int status(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception unreachable) {
            return -1;
        }
    }

    private boolean cognitoUserExists(String id) {
        try {
            pool.adminGetUser(request -> request.userPoolId(poolId).username(id));
            return true;
        } catch (UserNotFoundException gone) {
            return false;
        }
    }

    private long pendingWork(String id) {
        return queryLong("SELECT count(*) FROM account_cleanup_table WHERE user_id = '" + id + "'");
    }

    private long failedAttempts(String id) {
        return queryLong(
                "SELECT coalesce(min(failed_attempts), 0) FROM account_cleanup_table WHERE user_id = '" + id + "'");
    }

    private long queryLong(String sql) {
        try (Connection connection = service.database().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("condition not met within " + limit)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
