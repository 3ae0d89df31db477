package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.adapter.auth.LocalSigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Dev mode (embedded H2, no LISTEN/NOTIFY) polls the outbox: a friend request still reaches the stream. */
class DevModeLiveEventsIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFriendRequestReachesTheStreamOnTheEmbeddedDatabase(@TempDir Path home) throws Exception {
        UserApi api = DevMode.start(home, Map.of("PORT", "0"));
        try {
            LocalSigningKey key = LocalSigningKey.loadOrCreate(home);
            String ann = key.mintToken("dev-ann", "dev-ann@example.com", Duration.ofHours(1));
            String ben = key.mintToken("dev-ben", "dev-ben@example.com", Duration.ofHours(1));
            post(api.port(), ann, "/users/me", "{\"first_name\":\"Ann\",\"last_name\":\"Dev\"}");
            post(api.port(), ben, "/users/me", "{\"first_name\":\"Ben\",\"last_name\":\"Dev\"}");

            try (EventStreamClient stream = EventStreamClient.openWithQueryToken(api.port(), ann)) {
                assertThat(stream.status()).isEqualTo(200);
                post(api.port(), ben, "/friendship/requests", "{\"user_id2\":\"dev-ann\"}");
                EventStreamClient.Event event = stream.next(Duration.ofSeconds(2));
                assertThat(event).as("delivered by the poll").isNotNull();
                assertThat(event.name()).isEqualTo("friend_request");
                assertThat(event.id()).isEqualTo("1");
                assertThat(event.data()).contains("\"user_id\":\"dev-ben\"");
            }
        } finally {
            api.stop(Duration.ofSeconds(2));
        }
    }

    private void post(int port, String token, String path, String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    }
}
