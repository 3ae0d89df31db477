package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Privacy and identity" rules of docs/reliability.md over real HTTP on PostgreSQL: an e-mail address is
 * taken from a token only when the pool verified it.
 */
class PrivacyAndIdentityIT {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(PrivacyAndIdentityIT.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anUnverifiedAddressCannotRegisterSoTheOwnerKeepsIt() {
        for (Object unverified : new Object[] {false, "false", null}) {
            String impostor = service.tokenFor("impostor")
                    .claim("email", "owner@example.com")
                    .claim("email_verified", unverified)
                    .signedWith(service.signingKey());
            Response refused = register(impostor);
            assertThat(refused.status()).as("email_verified %s", unverified).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains("verified e-mail address");
        }
        assertThat(service.get("/users/me", service.token("impostor")).status()).isEqualTo(404);

        assertThat(register(service.token("owner", "owner@example.com")).status())
                .isEqualTo(200);
    }

    @Test
    void aFederatedSignInsStringTrueIsVerified() {
        String federated = service.tokenFor("federated")
                .claim("email", "federated@example.com")
                .claim("email_verified", "true")
                .signedWith(service.signingKey());
        Response created = register(federated);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("email").asText()).isEqualTo("federated@example.com");
    }

    @Test
    void anUpdateWithAnUnverifiedAddressKeepsTheStoredOne() {
        assertThat(register(service.token("keeper", "keeper@example.com")).status())
                .isEqualTo(200);
        String unverified = service.tokenFor("keeper")
                .claim("email", "victim@example.com")
                .claim("email_verified", false)
                .signedWith(service.signingKey());

        Response updated = service.put("/users/me", unverified, UPDATE);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("email").asText()).isEqualTo("keeper@example.com");

        String verified = service.token("keeper", "keeper.new@example.com");
        assertThat(service.put("/users/me", verified, UPDATE)
                        .json()
                        .get("email")
                        .asText())
                .isEqualTo("keeper.new@example.com");
    }

    @Test
    void everyAnswerForbidsContentSniffing() {
        String token = service.token("sniffer");
        for (Response answer : List.of(
                service.get("/ping", null),
                service.get("/health", null),
                service.get("/users/me", token),
                service.get("/users/me", null),
                service.get("/no/such/route", token),
                service.get("/openapi.json", null),
                service.delete("/ping", null))) {
            assertThat(answer.header("X-Content-Type-Options"))
                    .as("%s %s", answer.status(), answer.body())
                    .isEqualTo("nosniff");
        }
    }

    @Test
    void aPrivateAddressIsFoundOnlyWholeInUserAndFriendSearch() {
        String seeker = service.token("seeker", "seeker@example.com");
        assertThat(register(seeker).status()).isEqualTo(200);
        String hidden = service.token("hidden", "Hidden.Person@Private.test");
        assertThat(register(hidden).status()).isEqualTo(200);
        assertThat(service.post("/friendship/requests", seeker, "{\"user_id2\":\"hidden\"}")
                        .status())
                .isEqualTo(200);
        assertThat(service.post("/friendship/accept", hidden, "{\"user_id1\":\"seeker\"}")
                        .status())
                .isEqualTo(200);

        for (String fragment : List.of("den.per", "hidden.person@", "@private.test", "private")) {
            assertThat(service.get("/users/search/email/" + fragment, seeker).body())
                    .as(fragment)
                    .isEqualTo("[]");
            assertThat(service.get("/friendship/search/email/" + fragment, seeker)
                            .body())
                    .as(fragment)
                    .isEqualTo("[]");
        }
        assertThat(service.get("/users/search/email/HIDDEN.person@private.TEST", seeker)
                        .json()
                        .get(0)
                        .get("user_id")
                        .asText())
                .isEqualTo("hidden");
        assertThat(service.get("/friendship/search/email/hidden.person@private.test", seeker)
                        .json()
                        .get(0)
                        .get("user_id")
                        .asText())
                .isEqualTo("hidden");

        assertThat(service.put("/users/me", hidden, UPDATE.replace("\"email_public\":false", "\"email_public\":true"))
                        .status())
                .isEqualTo(200);
        assertThat(service.get("/users/search/email/@private.test", seeker)
                        .json()
                        .get(0)
                        .get("user_id")
                        .asText())
                .as("a public address by a fragment")
                .isEqualTo("hidden");
    }

    static final String UPDATE = "{\"first_name\":\"Kee\",\"last_name\":\"Per\",\"description\":\"\","
            + "\"share_mode\":\"default_none\",\"domain_allow_array\":[],\"domain_deny_array\":[],\"gender\":null,"
            + "\"school\":null,\"work\":null,\"location\":null,\"email_public\":false,\"gender_public\":false,"
            + "\"school_public\":false,\"work_public\":false,\"location_public\":false}";

    private static Response register(String token) {
        return service.post("/users/me", token, "{\"first_name\":\"Some\",\"last_name\":\"One\"}");
    }
}
