package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client's profile-image flow over real HTTP against the running service and its image store: ask for an
 * upload URL, PUT the bytes there with the client's two headers and no token, read them back through the single
 * and the bulk download URLs, delete. Run against S3 (s3rver) and against dev mode's own disk store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProfileImageFlowContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger USERS = new AtomicInteger();

    /** A plain client, as the web client's interceptor-free HttpClient for S3: no Authorization header. */
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected abstract int port();

    protected abstract String token(String userId);

    @Test
    void uploadShowAndDeleteRoundTrip() {
        String alice = newUser("alice");
        String carol = newUser("carol");
        String bob = newUser("bob");
        byte[] picture = randomBytes(150_000);

        Reply url = api("GET", "/users/me/profile-image-upload-url?image_ext=png", alice);
        assertThat(url.status()).isEqualTo(200);
        URI upload = URI.create(url.json().asText());
        assertThat(put(upload, "image/png", picture).statusCode()).isEqualTo(200);

        JsonNode me = api("GET", "/users/me", alice).json();
        assertThat(me.path("profile_image_extension").asText()).isEqualTo("png");
        assertThat(me.path("profile_image_uploaded_at").asText()).endsWith("Z");

        Reply single = api("GET", "/users/id/" + userId(alice) + "/profile-image-url?image_ext=png", bob);
        assertThat(single.status()).isEqualTo(200);
        HttpResponse<byte[]> shown = get(URI.create(single.json().asText()));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).isEqualTo(picture);

        byte[] carols = randomBytes(2_000);
        assertThat(put(
                                URI.create(api("GET", "/users/me/profile-image-upload-url?image_ext=jpeg", carol)
                                        .json()
                                        .asText()),
                                "image/jpeg",
                                carols)
                        .statusCode())
                .isEqualTo(200);
        // As the web client asks: ids joined by commas, extensions joined the same way ("" for bob's null).
        Reply bulk = api(
                "GET",
                "/users/ids/" + userId(carol) + ",nobody-" + userId(bob) + "," + userId(bob) + "," + userId(alice)
                        + "/profile-image-url?image_ext_arr=jpeg,png,,png",
                bob);
        assertThat(bulk.status()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        bulk.json().fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly(userId(carol), userId(alice));
        assertThat(get(URI.create(bulk.json().path(userId(carol)).asText())).body())
                .isEqualTo(carols);
        assertThat(get(URI.create(bulk.json().path(userId(alice)).asText())).body())
                .isEqualTo(picture);

        Reply deleted = api("DELETE", "/users/me/profile-image", alice);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("success").asBoolean()).isTrue();
        assertThat(get(URI.create(single.json().asText())).statusCode()).isEqualTo(404);
        JsonNode after = api("GET", "/users/me", alice).json();
        assertThat(after.path("profile_image_extension").isNull()).isTrue();
        assertThat(after.path("profile_image_uploaded_at").isNull()).isTrue();
        assertThat(get(URI.create(bulk.json().path(userId(carol)).asText())).body())
                .isEqualTo(carols);
    }

    @Test
    void aWrongExtensionIsUnprocessableAndRecordsNothing() {
        String dora = newUser("dora");

        for (String ext : List.of("bmp", "null", "png%2F..%2F..%2Fbob%2Fprofile_image.png", "")) {
            Reply refused = api("GET", "/users/me/profile-image-upload-url?image_ext=" + ext, dora);
            assertThat(refused.status()).as(ext).isEqualTo(422);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("image_ext");
        }
        assertThat(api("GET", "/users/me/profile-image-upload-url", dora).status())
                .isEqualTo(422);

        JsonNode me = api("GET", "/users/me", dora).json();
        assertThat(me.path("profile_image_extension").isNull()).isTrue();
        assertThat(me.path("profile_image_uploaded_at").isNull()).isTrue();
    }

    @Test
    void bulkListsOfDifferentLengthsAreUnprocessable() {
        String erin = newUser("erin");

        Reply refused = api("GET", "/users/ids/" + userId(erin) + ",other/profile-image-url?image_ext_arr=png", erin);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("image_ext_arr");
    }

    @Test
    void withoutAProfileThereIsNoUploadUrlAndWithoutATokenNothing() {
        String ghost = "ghost-" + USERS.incrementAndGet();
        assertThat(api("GET", "/users/me/profile-image-upload-url?image_ext=png", token(ghost))
                        .status())
                .isEqualTo(404);
        assertThat(api("GET", "/users/me/profile-image-upload-url?image_ext=png", null)
                        .status())
                .isEqualTo(401);
        assertThat(api("DELETE", "/users/me/profile-image", null).status()).isEqualTo(401);
    }

    @Test
    void profileEditsRacingWithUploadsNeverUndoTheRecordedImage() throws Exception {
        String fay = newUser("fay");
        String body = """
                {"first_name":"Fay","last_name":"Race","description":"","share_mode":"default_none",
                 "domain_allow_array":[],"domain_deny_array":[],"gender":"","school":"","work":"",
                 "location":"","email_public":false,"gender_public":false,"school_public":false,
                 "work_public":false,"location_public":false,"profile_image_extension":null}""";
        Reply first = api("PUT", "/users/me", fay, body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 15; round++) {
                // Edits keep running while the upload is recorded: one that read the profile before the upload
                // and writes after it would put the previous extension back if it wrote the image columns.
                java.util.concurrent.atomic.AtomicBoolean editing = new java.util.concurrent.atomic.AtomicBoolean(true);
                List<Future<Integer>> editors = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    editors.add(pool.submit(() -> {
                        int done = 0;
                        while (editing.get()) {
                            assertThat(api("PUT", "/users/me", fay, body).status())
                                    .isEqualTo(200);
                            done++;
                        }
                        return done;
                    }));
                }
                Thread.sleep(30);
                String ext = round % 2 == 0 ? "gif" : "webp";
                assertThat(api("GET", "/users/me/profile-image-upload-url?image_ext=" + ext, fay)
                                .status())
                        .isEqualTo(200);
                Thread.sleep(30);
                editing.set(false);
                for (Future<Integer> editor : editors) {
                    editor.get();
                }
                assertThat(api("GET", "/users/me", fay)
                                .json()
                                .path("profile_image_extension")
                                .asText())
                        .as("round %d", round)
                        .isEqualTo(ext);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Registers a fresh user and answers their token. */
    protected String newUser(String name) {
        String id = name + "-" + USERS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        String token = token(id);
        assertThat(api("POST", "/users/me", token, "{\"first_name\":\"" + name + "\",\"last_name\":\"Img\"}")
                        .status())
                .isEqualTo(200);
        return token;
    }

    /** The user id a token of {@link #newUser} was made for. */
    protected String userId(String token) {
        return tokens.get(token);
    }

    private final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** Remembers which user a token is for; subclasses call it from {@link #token}. */
    protected String remember(String userId, String token) {
        tokens.put(token, userId);
        return token;
    }

    protected HttpResponse<byte[]> put(URI url, String contentType, byte[] bytes) {
        return send(HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .header("x-amz-acl", "private")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    }

    protected HttpResponse<byte[]> get(URI url) {
        return send(HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    protected Reply api(String method, String path, String token) {
        return api(method, path, token, null);
    }

    protected Reply api(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = send(request.build());
        return new Reply(
                response.statusCode(),
                new String(response.body(), java.nio.charset.StandardCharsets.UTF_8),
                response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    protected HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    protected static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** An API answer. */
    protected record Reply(int status, String body, String contentType, String retryAfter) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new AssertionError("not JSON: " + body, notJson);
            }
        }
    }
}
