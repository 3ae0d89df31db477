package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile-image flow against a real S3-compatible server (s3rver on loopback) with the service configured as
 * in production: PROFILE_IMAGE_BUCKET_NAME, AWS_REGION_NAME, S3_ENDPOINT_URL, credentials from the SDK's default
 * chain (here its system properties). s3rver does not check signatures: what a URL is signed for is checked by
 * {@code S3ProfileImageStorageTest} (X-Amz-SignedHeaders), the refusal of other headers by the dev-mode test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProfileImagesS3IT extends ProfileImageFlowContract {

    private static final String BUCKET = "user-api-test-images";

    private S3rverProcess s3;
    private RunningService service;

    @BeforeAll
    void start() {
        s3 = S3rverProcess.start(BUCKET);
        System.setProperty("aws.accessKeyId", S3rverProcess.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", S3rverProcess.SECRET_KEY);
        // Write budget off: the race of the contract edits one profile far more often than a person could.
        service = RunningService.start(
                ProfileImagesS3IT.class,
                Map.of(
                        "PROFILE_IMAGE_BUCKET_NAME",
                        BUCKET,
                        "S3_ENDPOINT_URL",
                        s3.endpoint().toString(),
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
        if (s3 != null) {
            s3.close();
        }
    }

    @Override
    protected int port() {
        return service.port();
    }

    @Override
    protected String token(String userId) {
        return remember(userId, service.token(userId));
    }

    @Test
    void urlsAreS3PresignedPathStyleForTheBucketValidOneHour() {
        String gus = newUser("gus");

        URI upload = URI.create(api("GET", "/users/me/profile-image-upload-url?image_ext=webp", gus)
                .json()
                .asText());

        assertThat(upload.toString())
                .startsWith(s3.endpoint() + "/" + BUCKET + "/" + userId(gus) + "/profile_image.webp?");
        assertThat(upload.getQuery())
                .contains(
                        "X-Amz-Expires=3600",
                        "X-Amz-SignedHeaders=content-type;host;x-amz-acl",
                        "X-Amz-Credential=S3RVER/");
    }

    @Test
    void anUploadLargerThanFiveMebibytesIsDeletedAndItsFieldsClearedWhenItsUrlIsNextIssued() {
        String ivy = newUser("ivy");
        String jon = newUser("jon");
        // As the web client sends it: the presigned PUT with Content-Type and x-amz-acl, nothing bounds the body.
        URI upload = URI.create(api("GET", "/users/me/profile-image-upload-url?image_ext=png", ivy)
                .json()
                .asText());
        assertThat(put(upload, "image/png", randomBytes(6 * 1024 * 1024)).statusCode())
                .isEqualTo(200);
        URI small = URI.create(api("GET", "/users/me/profile-image-upload-url?image_ext=png", jon)
                .json()
                .asText());
        byte[] picture = randomBytes(1024 * 1024);
        assertThat(put(small, "image/png", picture).statusCode()).isEqualTo(200);

        Reply oversized = api("GET", "/users/id/" + userId(ivy) + "/profile-image-url?image_ext=png", jon);

        assertThat(oversized.status()).as("as for a user without an image").isEqualTo(200);
        assertThat(get(URI.create(oversized.json().asText())).statusCode())
                .as("gone from the store")
                .isEqualTo(404);
        JsonNode ivys = api("GET", "/users/me", ivy).json();
        assertThat(ivys.path("profile_image_extension").isNull()).isTrue();
        assertThat(ivys.path("profile_image_uploaded_at").isNull()).isTrue();
        assertThat(api("GET", "/users/id/" + userId(ivy) + "/profile-image-url?image_ext=png", jon)
                        .status())
                .as("an absent object is no error")
                .isEqualTo(200);
        Reply kept = api("GET", "/users/id/" + userId(jon) + "/profile-image-url?image_ext=png", ivy);
        assertThat(get(URI.create(kept.json().asText())).body()).isEqualTo(picture);
        assertThat(api("GET", "/users/me", jon)
                        .json()
                        .path("profile_image_extension")
                        .asText())
                .isEqualTo("png");
    }

    @Test
    @Order(Integer.MAX_VALUE) // stops the store: last
    void aStoreThatIsDownIsServiceUnavailableWithRetryAfterAndKeepsTheImageFields() {
        String hal = newUser("hal");
        // Presigning needs no server; deleting does.
        assertThat(api("GET", "/users/me/profile-image-upload-url?image_ext=png", hal)
                        .status())
                .isEqualTo(200);
        s3.close();

        Reply down = api("DELETE", "/users/me/profile-image", hal);

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.retryAfter()).isNotBlank();
        assertThat(down.contentType()).isEqualTo("application/problem+json");
        assertThat(down.body())
                .contains("Profile image storage is unavailable")
                .doesNotContain("amazon", "Exception", "S3RVER", "127.0.0.1");
        assertThat(api("GET", "/users/me", hal)
                        .json()
                        .path("profile_image_extension")
                        .asText())
                .isEqualTo("png");
    }
}
