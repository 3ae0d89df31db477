package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pagenow.userapi.adapter.auth.LocalSigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Export and deletion in dev mode: embedded database, images on local disk, no Cognito call. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevModeAccountIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path home;
    private UserApi api;
    private LocalSigningKey key;

    @BeforeAll
    void start() throws Exception {
        home = Files.createTempDirectory("user-api-dev-account-");
        api = DevMode.start(home, Map.of("PORT", "0"));
        key = LocalSigningKey.loadOrCreate(home);
    }

    @AfterAll
    void stop() {
        if (api != null) {
            api.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void anAccountIsExportedAndDeletedWithItsImageFile() throws Exception {
        String token = key.mintToken("dev-leaver", "dev-leaver@example.com", Duration.ofHours(1));
        assertThat(send("POST", "/users/me", token, "{\"first_name\":\"Dev\",\"last_name\":\"Leaver\"}")
                        .statusCode())
                .isEqualTo(200);
        URI upload =
                URI.create(JSON.readTree(send("GET", "/users/me/profile-image-upload-url?image_ext=png", token, null)
                                .body())
                        .asText());
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(upload)
                                        .header("Content-Type", "image/png")
                                        .header("x-amz-acl", "private")
                                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);
        assertThat(imageFiles()).isNotZero();

        HttpResponse<String> export = send("GET", "/users/me/export", token, null);
        assertThat(export.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(export.body());
        assertThat(json.path("format").asText()).isEqualTo("pagenow-export/1");
        assertThat(json.path("profile_image").path("extension").asText()).isEqualTo("png");

        assertThat(send("DELETE", "/users/me", token, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/users/me", token, null).statusCode()).isEqualTo(404);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (imageFiles() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(imageFiles()).as("the image file is deleted by the cleanup").isZero();
    }

    private long imageFiles() throws Exception {
        Path images = home.resolve("profile-images");
        if (!Files.exists(images)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(images)) {
            return files.filter(Files::isRegularFile).count(); // this home holds one user's image only
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                        .header("Authorization", "Bearer " + token)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
