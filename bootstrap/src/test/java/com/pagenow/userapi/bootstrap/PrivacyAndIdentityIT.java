package com.pagenow.userapi.bootstrap;

import com.pagenow.userapi.bootstrap.RunningService.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
            String impostor = service.tokenFor("impostor").claim("email", "owner@example.com")
                    .claim("email_verified", unverified).signedWith(service.signingKey());
            Response refused = register(impostor);
            assertThat(refused.status()).as("email_verified %s", unverified).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains("verified e-mail address");
        }
        assertThat(service.get("/users/me", service.token("impostor")).status()).isEqualTo(404);

        assertThat(register(service.token("owner", "owner@example.com")).status()).isEqualTo(200);
    }

    @Test
    void aFederatedSignInsStringTrueIsVerified() {
        String federated = service.tokenFor("federated").claim("email", "federated@example.com")
                .claim("email_verified", "true").signedWith(service.signingKey());
        Response created = register(federated);
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("email").asText()).isEqualTo("federated@example.com");
    }

    @Test
    void anUpdateWithAnUnverifiedAddressKeepsTheStoredOne() {
        assertThat(register(service.token("keeper", "keeper@example.com")).status()).isEqualTo(200);
        String unverified = service.tokenFor("keeper").claim("email", "victim@example.com")
                .claim("email_verified", false).signedWith(service.signingKey());

        Response updated = service.put("/users/me", unverified, UPDATE);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("email").asText()).isEqualTo("keeper@example.com");

        String verified = service.token("keeper", "keeper.new@example.com");
        assertThat(service.put("/users/me", verified, UPDATE).json().get("email").asText())
                .isEqualTo("keeper.new@example.com");
    }

    static final String UPDATE = "{\"first_name\":\"Kee\",\"last_name\":\"Per\",\"description\":\"\","
            + "\"share_mode\":\"default_none\",\"domain_allow_array\":[],\"domain_deny_array\":[],\"gender\":null,"
            + "\"school\":null,\"work\":null,\"location\":null,\"email_public\":false,\"gender_public\":false,"
            + "\"school_public\":false,\"work_public\":false,\"location_public\":false}";

    private static Response register(String token) {
        return service.post("/users/me", token, "{\"first_name\":\"Some\",\"last_name\":\"One\"}");
    }
}
