package com.pagenow.userapi.adapter.auth;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCheckWarmUpTest {

    @Test
    void theBuiltInTokenPassesTheSignatureAndClaimChecksOfAVerifier() {
        VerifiedIdentity identity = CognitoTokenVerifier.warmUp(3, CognitoTokenVerifier.warmUpDocument());

        assertThat(identity.username()).isEqualTo("token-check-warmup");
        assertThat(identity.email()).isEqualTo("token-check-warmup@example.invalid");
    }

    /** A warm-up that ran the refusal path would warm the wrong code: it fails the start instead. */
    @Test
    void aTokenTheKeyDidNotSignFailsTheWarmUp() throws Exception {
        Map<String, Object> document = new HashMap<>(JSONObjectUtils.parse(CognitoTokenVerifier.warmUpDocument()));
        RSAKey builtIn = RSAKey.parse(JSONObjectUtils.getJSONObject(document, "key"));
        RSAKey other = new RSAKeyGenerator(2048).keyID(builtIn.getKeyID()).generate();
        document.put("key", other.toPublicJWK().toJSONObject());

        assertThatThrownBy(() -> CognitoTokenVerifier.warmUp(1, JSONObjectUtils.toJSONString(document)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("warm-up token was rejected");
    }

    @Test
    void aWarmUpOfNoChecksIsRefused() {
        assertThatThrownBy(() -> CognitoTokenVerifier.warmUp(0, CognitoTokenVerifier.warmUpDocument()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
