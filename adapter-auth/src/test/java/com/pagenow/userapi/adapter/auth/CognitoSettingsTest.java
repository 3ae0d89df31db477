package com.pagenow.userapi.adapter.auth;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CognitoSettingsTest {

    private final CognitoSettings pool = CognitoSettings.forPool("us-west-2", "us-west-2_BENCH");

    @Test
    void forPoolUsesTheUrlsAwsDocumentsAndDefaults() {
        assertThat(pool.jwksUrl())
                .isEqualTo(URI.create(
                        "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_BENCH/.well-known/jwks.json"));
        assertThat(pool.issuer()).isEqualTo("https://cognito-idp.us-west-2.amazonaws.com/us-west-2_BENCH");
        assertThat(pool.tokenUses()).containsExactly("id");
        assertThat(pool.appClientIds()).isEmpty();
        assertThat(pool.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void withersChangeOneSettingEach() {
        CognitoSettings changed = pool.withAppClientIds(Set.of(" client-a ", "client-b"))
                .withTokenUses(Set.of("id", "access"))
                .withIssuer("http://127.0.0.1:9000/issuer")
                .withJwksUrl(URI.create("http://127.0.0.1:9000/jwks.json"))
                .withClockSkew(Duration.ZERO);

        assertThat(changed.appClientIds()).containsExactlyInAnyOrder("client-a", "client-b");
        assertThat(changed.tokenUses()).containsExactlyInAnyOrder("id", "access");
        assertThat(changed.issuer()).isEqualTo("http://127.0.0.1:9000/issuer");
        assertThat(changed.jwksUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/jwks.json"));
        assertThat(changed.clockSkew()).isZero();
        assertThat(changed.region()).isEqualTo("us-west-2");
    }

    @Test
    void copiesTheSetsItIsGiven() {
        Set<String> clients = new HashSet<>(Set.of("client-a"));
        CognitoSettings settings = pool.withAppClientIds(clients);

        clients.add("client-b");

        assertThat(settings.appClientIds()).containsExactly("client-a");
    }

    @Test
    void rejectsMissingOrMalformedRegionAndPool() {
        assertThatThrownBy(() -> CognitoSettings.forPool(" ", "us-west-2_X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region");
        assertThatThrownBy(() -> CognitoSettings.forPool("us-west-2", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("poolId");
        assertThatThrownBy(() -> CognitoSettings.forPool("us-west-2", "pool/../../evil"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("poolId");
        assertThatThrownBy(() -> CognitoSettings.forPool("evil.com/x", "us-west-2_X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region");
    }

    @Test
    void rejectsUnknownOrNoTokenUse() {
        assertThatThrownBy(() -> pool.withTokenUses(Set.of("refresh")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenUses");
        assertThatThrownBy(() -> pool.withTokenUses(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenUses");
    }

    @Test
    void rejectsBlankClientIdsAndNullSets() {
        assertThatThrownBy(() -> pool.withAppClientIds(Set.of("ok", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appClientIds");
        assertThatThrownBy(() -> pool.withAppClientIds(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("appClientIds");
    }

    @Test
    void rejectsJwksUrlThatIsNotAbsoluteHttp() {
        assertThatThrownBy(() -> pool.withJwksUrl(URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jwksUrl");
        assertThatThrownBy(() -> pool.withJwksUrl(URI.create("/jwks.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jwksUrl");
        assertThatThrownBy(() -> pool.withJwksUrl(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jwksUrl");
    }

    @Test
    void rejectsBlankIssuerAndNegativeSkew() {
        assertThatThrownBy(() -> pool.withIssuer(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issuer");
        assertThatThrownBy(() -> pool.withClockSkew(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clockSkew");
        assertThatThrownBy(() -> pool.withClockSkew(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clockSkew");
    }
}
