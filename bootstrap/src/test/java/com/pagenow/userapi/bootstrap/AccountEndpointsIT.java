package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Export and account deletion over real HTTP on PostgreSQL (API.md, "Leaving"). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountEndpointsIT {

    private RunningService service;

    @BeforeAll
    void start() {
        service = RunningService.start(AccountEndpointsIT.class, Map.of("RATE_LIMIT_WRITES_PER_MINUTE", "0"));
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theExportIsAnAttachmentOfEverythingOfTheCallerAndOneAMinute() {
        String ann = register("exp-ann");
        String bob = register("exp-bob");
        String cat = register("exp-cat");
        befriend(ann, "exp-ann", bob, "exp-bob");
        assertThat(service.post("/friendship/requests", cat, "{\"user_id2\":\"exp-ann\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/users/me/blocks", ann, "{\"user_id\":\"exp-cat\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/notifications/share", bob, "{\"url\":\"https://b.example/\",\"title\":\"from bob\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/notifications/share", ann, "{\"url\":\"https://a.example/\",\"title\":\"from ann\"}")
                        .status())
                .isEqualTo(200);

        Response export = service.get("/users/me/export", ann);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"pagenow-export-exp-ann.json\"");
        assertThat(export.header("Content-Type")).startsWith("application/json");
        JsonNode json = export.json();
        assertThat(json.path("format").asText()).isEqualTo("pagenow-export/1");
        assertThat(json.path("exported_at").asText()).endsWith("Z");
        assertThat(json.path("profile").path("user_id").asText()).isEqualTo("exp-ann");
        assertThat(json.path("profile").path("domain_allow_array").isArray()).isTrue();
        assertThat(json.path("friends")).hasSize(1);
        assertThat(json.path("friends").get(0).path("user_id").asText()).isEqualTo("exp-bob");
        assertThat(json.path("friends").get(0).path("first_name").asText()).isEqualTo("First");
        assertThat(json.path("friends").get(0).has("email"))
                .as("nothing more of a friend")
                .isFalse();
        assertThat(json.path("requests_sent")).isEmpty();
        assertThat(json.path("requests_received")).isEmpty(); // the block removed cat's request
        assertThat(json.path("blocks").get(0).path("user_id").asText()).isEqualTo("exp-cat");
        assertThat(json.path("shares_sent").get(0).path("title").asText()).isEqualTo("from ann");
        assertThat(json.path("shares_sent").get(0).path("sent_to").isNull()).isTrue();
        assertThat(json.path("shares_received").get(0).path("user_id").asText()).isEqualTo("exp-bob");
        assertThat(json.path("shares_received").get(0).path("seen_at").isNull()).isTrue();
        assertThat(json.path("profile_image").isNull()).isTrue();

        Response again = service.get("/users/me/export", ann);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.header("Retry-After")).isNotNull();
        assertThat(service.get("/users/me/export", service.token("exp-nobody")).status())
                .isEqualTo(404);
    }

    @Test
    void aSignInOlderThanTheMaximumAgeIsAskedToSignInAgainAndNothingChanges() {
        register("old-dan");
        String old = service.tokenFor("old-dan")
                .claim("auth_time", Instant.now().minusSeconds(901).getEpochSecond())
                .signedWith(service.signingKey());

        Response refused = service.delete("/users/me", old);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate"))
                .startsWith("Bearer error=\"insufficient_user_authentication\"")
                .endsWith("max_age=900");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(service.get("/users/me", old).status()).isEqualTo(200);
    }

    @Test
    void aDeletedAccountIsGoneForEveryoneItsStreamsEndAndOnlyANewSignInRegistersAgain() throws Exception {
        String eve = register("del-eve");
        String fay = register("del-fay");
        befriend(eve, "del-eve", fay, "del-fay");
        assertThat(service.get("/friendship/all", fay).json()).hasSize(1);
        try (EventStreamClient stream = EventStreamClient.open(service.port(), eve, null)) {
            Response deleted = service.delete("/users/me", eve);

            assertThat(deleted.status()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            assertThat(stream.awaitEnd(Duration.ofSeconds(5)))
                    .as("the open event stream ends")
                    .isTrue();
        }
        assertThat(service.get("/users/me", eve).status()).isEqualTo(404);
        assertThat(service.get("/friendship/all", fay).json()).isEmpty();
        assertThat(service.get("/users/id/del-eve", fay).status()).isEqualTo(404);
        assertThat(service.delete("/users/me", eve).status()).isEqualTo(404);
        Response replay = service.post("/users/me", eve, "{\"first_name\":\"Again\",\"last_name\":\"Eve\"}");
        assertThat(replay.status())
                .as("a copy of the old token cannot register")
                .isEqualTo(401);
        assertThat(tombstones("del-eve")).isEqualTo(1);

        Thread.sleep(1_100); // iat counts in seconds: a sign-in after the deletion
        String fresh = service.tokenFor("del-eve").issuedAt(Instant.now()).signedWith(service.signingKey());
        assertThat(service.post("/users/me", fresh, "{\"first_name\":\"New\",\"last_name\":\"Eve\"}")
                        .status())
                .isEqualTo(200);
        JsonNode export = service.get("/users/me/export", fresh).json();
        assertThat(export.path("profile").path("first_name").asText()).isEqualTo("New");
        assertThat(export.path("friends")).isEmpty();
        assertThat(export.path("shares_received")).isEmpty();
    }

    @Test
    void theCleanupWorkIsVisibleInTheMetrics() {
        String gil = register("met-gil");
        assertThat(service.delete("/users/me", gil).status()).isEqualTo(204);

        String metrics = service.get("/metrics", null).body();
        assertThat(metrics)
                .contains(
                        "user_api_account_cleanup_pending",
                        "user_api_account_cleanup_done_total",
                        "user_api_account_cleanup_failed_attempts_total");
    }

    private String register(String id) {
        String token = service.token(id);
        Response created = service.post("/users/me", token, "{\"first_name\":\"First\",\"last_name\":\"Last\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return token;
    }

    private void befriend(String requester, String requesterId, String addressee, String addresseeId) {
        assertThat(service.post("/friendship/requests", requester, "{\"user_id2\":\"" + addresseeId + "\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/friendship/accept", addressee, "{\"user_id1\":\"" + requesterId + "\"}")
                        .status())
                .isEqualTo(200);
    }

    private long tombstones(String id) throws SQLException {
        try (Connection connection = service.database().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM deleted_user_table WHERE user_id = '" + id + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
