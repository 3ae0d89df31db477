package com.pagenow.userapi.adapter.auth;

import com.nimbusds.jose.jwk.RSAKey;
import com.pagenow.userapi.adapter.auth.testing.JwksServer;
import com.pagenow.userapi.adapter.auth.testing.TestTokens;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.error.TokenRejectedException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each refused token names the one check that failed, with aws-jwt-verify's name for it. */
class RejectionReasonTest {

    private static final String ISSUER = "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_TestPool";
    private static final String CLIENT = "app-client-1";

    private final RSAKey poolKey = TestTokens.newRsaKey("pool-key-1");
    private final JwksServer jwks = JwksServer.start(poolKey);
    private final CognitoTokenVerifier verifier = new CognitoTokenVerifier(
            CognitoSettings.forPool("eu-central-1", "eu-central-1_TestPool")
                    .withJwksUrl(jwks.url())
                    .withAppClientIds(Set.of(CLIENT))
                    .withTokenUses(Set.of("id", "access")),
            JwksCachePolicy.DEFAULT,
            Clock.systemUTC());

    @AfterEach
    void stop() {
        verifier.close();
        jwks.close();
    }

    @Test
    void expired() {
        assertReason(
                idToken().expiresAt(Instant.now().minus(Duration.ofMinutes(5))).signedWith(poolKey),
                Reason.EXPIRED,
                "JwtExpiredError");
    }

    @Test
    void notYetValid() {
        assertReason(
                idToken().notBefore(Instant.now().plus(Duration.ofMinutes(5))).signedWith(poolKey),
                Reason.NOT_YET_VALID,
                "JwtNotBeforeError");
    }

    @Test
    void wrongIssuer() {
        assertReason(idToken().issuer(ISSUER + "x").signedWith(poolKey), Reason.WRONG_ISSUER, "JwtInvalidIssuerError");
    }

    @Test
    void wrongAudienceOfAnIdToken() {
        assertReason(idToken().audience("other").signedWith(poolKey), Reason.WRONG_AUDIENCE, "JwtInvalidAudienceError");
    }

    @Test
    void wrongClientOfAnAccessToken() {
        assertReason(
                TestTokens.accessToken("alice").issuer(ISSUER).clientId("other").signedWith(poolKey),
                Reason.WRONG_CLIENT,
                "CognitoJwtInvalidClientIdError");
    }

    @Test
    void wrongTokenUse() {
        assertReason(
                idToken().tokenUse("refresh").signedWith(poolKey),
                Reason.WRONG_TOKEN_USE,
                "CognitoJwtInvalidTokenUseError");
    }

    @Test
    void unknownKey() {
        assertReason(
                idToken().signedWith(TestTokens.newRsaKey("not-in-the-pool")),
                Reason.UNKNOWN_KEY,
                "KidNotFoundInJwksError");
    }

    @Test
    void badSignature() {
        assertReason(
                idToken().signedWith(TestTokens.newRsaKey(poolKey.getKeyID())),
                Reason.BAD_SIGNATURE,
                "JwtInvalidSignatureError");
    }

    @Test
    void wrongAlgorithm() {
        assertReason(
                idToken().keyId(poolKey.getKeyID()).hmacSignedWith(new byte[32]),
                Reason.WRONG_ALGORITHM,
                "JwtInvalidSignatureAlgorithmError");
        assertReason(idToken().unsigned(), Reason.WRONG_ALGORITHM, "JwtInvalidSignatureAlgorithmError");
    }

    @Test
    void malformed() {
        assertReason("not-a-jwt", Reason.MALFORMED, "JwtParseError");
        assertReason("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", Reason.MALFORMED, "JwtParseError");
    }

    @Test
    void missingClaim() {
        assertReason(
                idToken().withoutClaim("cognito:username").signedWith(poolKey),
                Reason.INVALID_CLAIM,
                "JwtInvalidClaimError");
    }

    private TestTokens idToken() {
        return TestTokens.idToken("alice").issuer(ISSUER).audience(CLIENT);
    }

    private void assertReason(String token, Reason reason, String code) {
        TokenRejectedException rejected =
                catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(token));
        assertThat(rejected).as("rejection").isNotNull();
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.reason().code()).isEqualTo(code);
    }
}
