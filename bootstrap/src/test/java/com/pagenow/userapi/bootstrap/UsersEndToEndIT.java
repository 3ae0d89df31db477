package com.pagenow.userapi.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Users section of docs/api.md over real HTTP, on PostgreSQL, with Cognito-shaped tokens. */
class UsersEndToEndIT {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(UsersEndToEndIT.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void registeredProfileRoundTrips() {
        String token = service.token("round-trip", "Round.Trip@Example.com");
        Response created = service.post(
                "/users/me",
                token,
                "{\"first_name\":\" Ada \",\"last_name\":\"Lovelace\",\"dob\":\"1815-12-10\",\"gender\":\"f\"}");
        assertThat(created.status()).isEqualTo(200);

        Response read = service.get("/users/me", token);
        assertThat(read.status()).isEqualTo(200);
        JsonNode me = read.json();
        assertThat(me.get("user_id").asText()).isEqualTo("round-trip");
        assertThat(me.get("email").asText()).isEqualTo("Round.Trip@Example.com");
        assertThat(me.get("first_name").asText()).isEqualTo("Ada");
        assertThat(me.get("dob").asText()).isEqualTo("1815-12-10");
        assertThat(me.get("gender").asText()).isEqualTo("f");
        assertThat(me.get("share_mode").asText()).isEqualTo("default_none");
        assertThat(me.get("domain_deny_array")).hasSize(6);
        assertThat(me.get("domain_allow_array").get(0).asText()).isEqualTo("wikipedia.org");
        assertThat(me.get("profile_image_extension").isNull()).isTrue();
        assertThat(me.get("created_at").asText()).endsWith("Z");
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void secondRegistrationIsConflict() {
        String token = service.token("twice");
        assertThat(register(token, "Twice", "Once").status()).isEqualTo(200);
        Response again = register(token, "Twice", "Again");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(service.get("/users/me", token).json().get("last_name").asText())
                .isEqualTo("Once");
    }

    @Test
    void ownProfileIsNotFoundBeforeRegistration() {
        Response response = service.get("/users/me", service.token("nobody-yet"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asText()).isEqualTo("User not found");
    }

    @Test
    void publicProfileMasksNonPublicFields() {
        String owner = service.token("masked");
        register(owner, "Mask", "Ed");
        Response updated = service.put(
                "/users/me",
                owner,
                update("default_all", true, true).replace("\"dob\":null", "\"dob\":\"2000-01-02\""));
        assertThat(updated.status()).isEqualTo(200);

        JsonNode shown =
                service.get("/users/id/masked", service.token("viewer")).json();
        assertThat(shown.get("email").asText()).isEqualTo("masked@example.com");
        assertThat(shown.get("school").asText()).isEqualTo("MIT");
        assertThat(shown.get("gender").isNull()).isTrue();
        assertThat(shown.get("work").isNull()).isTrue();
        assertThat(shown.get("location").isNull()).isTrue();
        assertThat(shown.get("dob").isNull()).isTrue();
        assertThat(shown.has("share_mode")).isFalse();
        assertThat(shown.has("domain_allow_array")).isFalse();
        assertThat(service.get("/users/id/no-such-user", service.token("viewer"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void badShareModeIsRejectedAndChangesNothing() {
        String token = service.token("strict");
        register(token, "Strict", "Mode");
        String before = service.get("/users/me", token).body();

        Response rejected = service.put("/users/me", token, update("sometimes", true, true));
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().get("errors").get(0).get("field").asText()).isEqualTo("share_mode");
        assertThat(service.get("/users/me", token).body()).isEqualTo(before);
    }

    @Test
    void updateReplacesFieldsAndResyncsEmailFromToken() {
        register(service.token("mover"), "Mo", "Ver");
        String newEmailToken = service.token("mover", "mover@new.example");
        Response updated = service.put("/users/me", newEmailToken, update("default_all", false, true));
        assertThat(updated.status()).isEqualTo(200);
        JsonNode me = service.get("/users/me", newEmailToken).json();
        assertThat(me.get("email").asText()).isEqualTo("mover@new.example");
        assertThat(me.get("share_mode").asText()).isEqualTo("default_all");
        assertThat(me.get("domain_allow_array").toString()).isEqualTo("[\"example.com\",\"sub.example.co.kr\"]");
        assertThat(me.get("description").asText()).isEqualTo("hello");
    }

    @Test
    void domainListIsReplacedNormalisedAndDeduplicated() {
        String token = service.token("lister");
        register(token, "List", "Er");
        Response replaced = service.put(
                "/users/me/domain_array/deny", token, "[\" Example.COM \", \"news.example.org\", \"example.com\"]");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("domain_deny_array").toString())
                .isEqualTo("[\"example.com\",\"news.example.org\"]");
        assertThat(service.put("/users/me/domain_array/maybe", token, "[]").status())
                .isEqualTo(422);
        assertThat(service.put("/users/me/domain_array/allow", token, "[\"http://x.com/path\"]")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void publicProfilesKeepRequestOrderAndSkipUnknownIds() {
        for (String id : List.of("order-a", "order-b", "order-c")) {
            register(service.token(id), "N" + id, "L");
        }
        Response response = service.get("/users/ids/order-c,missing,order-a,order-b", service.token("viewer"));
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(user -> ids.add(user.get("user_id").asText()));
        assertThat(ids).containsExactly("order-c", "order-a", "order-b");

        String tooMany = String.join(",", java.util.Collections.nCopies(101, "x"));
        assertThat(service.get("/users/ids/" + tooMany, service.token("viewer")).status())
                .isEqualTo(422);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String expired = service.tokenFor("late")
                .expiresAt(Instant.now().minusSeconds(600))
                .signedWith(service.signingKey());
        Response response = service.get("/users/me", expired);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.body()).doesNotContain(expired);
    }

    @Test
    void tokenForAnotherClientIsUnauthorized() {
        String foreign = service.tokenFor("stranger").audience("other-client").signedWith(service.signingKey());
        assertThat(service.get("/users/me", foreign).status()).isEqualTo(401);
    }

    @Test
    void healthReportsDatabaseUp() {
        Response health = service.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("checks").get("database").asText()).isEqualTo("UP");
    }

    @Test
    void metricsShowRequestsPerRouteAndStatusJvmAndPool() {
        service.get("/users/me", service.token("metered"));
        Response metrics = service.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*route=\"/users/me\"[^}]*status=\"404\"")
                .contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections_active{pool=\"user-api-db\"");
    }

    private static Response register(String token, String first, String last) {
        return service.post("/users/me", token, "{\"first_name\":\"" + first + "\",\"last_name\":\"" + last + "\"}");
    }

    private static String update(String shareMode, boolean emailPublic, boolean schoolPublic) {
        return """
                {"first_name":"First","last_name":"Last","description":"hello","share_mode":"%s",
                 "domain_allow_array":["example.com","Sub.Example.co.kr","example.com"],
                 "domain_deny_array":["bad.example"],
                 "gender":"x","school":"MIT","work":"Lab","location":"Seoul",
                 "email_public":%s,"gender_public":false,"school_public":%s,"work_public":false,
                 "location_public":false,"dob":null,"user_id":"ignored","created_at":"2020-01-01T00:00:00"}
                """.formatted(shareMode, emailPublic, schoolPublic);
    }
}
