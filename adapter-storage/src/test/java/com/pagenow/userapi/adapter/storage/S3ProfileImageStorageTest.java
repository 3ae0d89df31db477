package com.pagenow.userapi.adapter.storage;

import com.pagenow.userapi.application.error.ProfileImageStorageUnavailableException;
import com.pagenow.userapi.domain.user.ImageExtension;
import com.pagenow.userapi.domain.user.ProfileImageKey;
import com.pagenow.userapi.domain.user.UserId;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Presigning needs no network: the URLs are checked here for what S3 will hold the client to. */
class S3ProfileImageStorageTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret-example"));
    private static final ProfileImageKey ALICE_PNG = new ProfileImageKey(UserId.of("alice"), ImageExtension.of("png"));

    @Test
    void uploadUrlIsSignedForTheClientsContentTypeAndAclHeadersForOneHour() {
        try (S3ProfileImageStorage storage =
                S3ProfileImageStorage.create(new S3StorageSettings("pagenow-images", "us-west-2", null), CREDENTIALS)) {
            URI url = storage.uploadUrl(ALICE_PNG, Duration.ofHours(1));

            assertThat(url.getScheme()).isEqualTo("https");
            assertThat(url.getHost()).isEqualTo("pagenow-images.s3.us-west-2.amazonaws.com");
            assertThat(url.getPath()).isEqualTo("/alice/profile_image.png");
            Map<String, String> query = query(url);
            assertThat(query.get("X-Amz-Algorithm")).isEqualTo("AWS4-HMAC-SHA256");
            assertThat(query.get("X-Amz-Expires")).isEqualTo("3600");
            assertThat(query.get("X-Amz-SignedHeaders")).isEqualTo("content-type;host;x-amz-acl");
            assertThat(query.get("X-Amz-Credential")).startsWith("AKIDEXAMPLE/").endsWith("/us-west-2/s3/aws4_request");
            assertThat(query).doesNotContainKey("x-amz-sdk-checksum-algorithm");
            assertThat(url.toString()).doesNotContain("secret-example");
        }
    }

    @Test
    void downloadUrlIsSignedForTheKeyAlone() {
        try (S3ProfileImageStorage storage =
                S3ProfileImageStorage.create(new S3StorageSettings("pagenow-images", "us-west-2", null), CREDENTIALS)) {
            URI url = storage.downloadUrl(
                    new ProfileImageKey(UserId.of("bob"), ImageExtension.of("jpeg")), Duration.ofHours(1));

            assertThat(url.getPath()).isEqualTo("/bob/profile_image.jpeg");
            assertThat(query(url).get("X-Amz-SignedHeaders")).isEqualTo("host");
            assertThat(query(url).get("X-Amz-Expires")).isEqualTo("3600");
        }
    }

    @Test
    void anEndpointIsAddressedPathStyle() {
        try (S3ProfileImageStorage storage = S3ProfileImageStorage.create(
                new S3StorageSettings("images", "us-east-1", URI.create("http://127.0.0.1:4568")), CREDENTIALS)) {
            URI url = storage.uploadUrl(ALICE_PNG, Duration.ofMinutes(5));

            assertThat(url.toString()).startsWith("http://127.0.0.1:4568/images/alice/profile_image.png?");
            assertThat(query(url).get("X-Amz-Expires")).isEqualTo("300");
        }
    }

    @Test
    void anUnreachableStoreIsUnavailableWithinBoundedTime() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (S3ProfileImageStorage storage = S3ProfileImageStorage.create(
                new S3StorageSettings("images", "us-east-1", URI.create("http://127.0.0.1:" + closedPort)),
                CREDENTIALS)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> storage.delete(ALICE_PNG))
                    .isInstanceOf(ProfileImageStorageUnavailableException.class)
                    .hasMessage("Profile image storage is unavailable");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }

    private static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
