package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.auth.LocalSigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile-image flow in dev mode: images on local disk under USER_API_HOME, URLs signed and served by the
 * service itself on 127.0.0.1, with the same headers and answers as S3 presigned ones.
 */
class ProfileImagesDevModeIT extends ProfileImageFlowContract {

    private Path home;
    private UserApi api;
    private LocalSigningKey key;

    @BeforeAll
    void start() throws IOException {
        home = Files.createTempDirectory("user-api-dev-images-");
        // Write budget off: the race below edits one profile far more often than a person could.
        api = DevMode.start(home, Map.of("PORT", "0", "RATE_LIMIT_WRITES_PER_MINUTE", "0"));
        key = LocalSigningKey.loadOrCreate(home);
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.stop(Duration.ofSeconds(5));
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    protected int port() {
        return api.port();
    }

    @Override
    protected String token(String userId) {
        return remember(userId, key.mintToken(userId, userId + "@example.com", Duration.ofHours(1)));
    }

    @Test
    void urlsPointAtTheServiceItselfAndImagesLiveUnderItsHome() throws IOException {
        String ivy = newUser("ivy");
        long before = storedFiles();

        URI upload = URI.create(api("GET", "/users/me/profile-image-upload-url?image_ext=gif", ivy)
                .json()
                .asText());
        assertThat(upload.toString()).startsWith("http://127.0.0.1:" + port() + "/dev-storage/");
        assertThat(put(upload, "image/gif", new byte[] {1, 2, 3}).statusCode()).isEqualTo(200);

        assertThat(storedFiles()).isEqualTo(before + 1);
        api("DELETE", "/users/me/profile-image", ivy);
        assertThat(storedFiles()).isEqualTo(before);
    }

    private long storedFiles() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("profile-images"))) {
            return files.count();
        }
    }

    @Test
    void anUploadWithOtherHeadersOrATamperedUrlIsForbiddenAndStoresNothing() {
        String jay = newUser("jay");
        String kim = newUser("kim");
        URI jays = URI.create(api("GET", "/users/me/profile-image-upload-url?image_ext=png", jay)
                .json()
                .asText());
        URI kims = URI.create(api("GET", "/users/me/profile-image-upload-url?image_ext=png", kim)
                .json()
                .asText());

        assertThat(put(jays, "image/jpeg", new byte[] {1}).statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(jays)
                                .header("Content-Type", "image/png")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1}))
                                .build())
                        .statusCode())
                .isEqualTo(403);
        // Kim's key with Jay's signature: another user's key cannot be had by editing a URL.
        String kimsPayload =
                kims.getPath().substring(kims.getPath().lastIndexOf('/') + 1).split("\\.")[0];
        String jaysSignature =
                jays.getPath().substring(jays.getPath().lastIndexOf('/') + 1).split("\\.")[1];
        URI forged = URI.create("http://127.0.0.1:" + port() + "/dev-storage/" + kimsPayload + "." + jaysSignature);
        assertThat(put(forged, "image/png", new byte[] {1}).statusCode()).isEqualTo(403);

        URI kimsImage = URI.create(api("GET", "/users/id/" + userId(kim) + "/profile-image-url?image_ext=png", jay)
                .json()
                .asText());
        assertThat(get(kimsImage).statusCode()).isEqualTo(404);
        // A download URL does not upload.
        assertThat(put(kimsImage, "image/png", new byte[] {1}).statusCode()).isEqualTo(403);
    }
}
