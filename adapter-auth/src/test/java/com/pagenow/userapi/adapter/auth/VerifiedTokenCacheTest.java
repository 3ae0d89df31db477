package com.pagenow.userapi.adapter.auth;

import com.nimbusds.jose.jwk.RSAKey;
import com.pagenow.userapi.adapter.auth.testing.JwksServer;
import com.pagenow.userapi.adapter.auth.testing.TestTokens;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token verified once is accepted again without a signature check, but never past its expiry. */
class VerifiedTokenCacheTest {

    private static final String ISSUER = "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Cache";

    private final RSAKey key = TestTokens.newRsaKey("cache-key");
    private final JwksServer jwks = JwksServer.start(key);
    private final MovableClock clock = new MovableClock(Instant.now());
    private final CognitoTokenVerifier verifier = new CognitoTokenVerifier(
            CognitoSettings.forPool("us-west-2", "us-west-2_Cache")
                    .withJwksUrl(jwks.url())
                    .withIssuer(ISSUER),
            JwksCachePolicy.DEFAULT,
            clock);

    @AfterEach
    void close() {
        verifier.close();
        jwks.close();
    }

    @Test
    void aVerifiedTokenIsAcceptedAgainEvenWhileTheKeySetIsDown() {
        String token = TestTokens.idToken("alice")
                .issuer(ISSUER)
                .expiresAt(clock.instant().plusSeconds(600))
                .signedWith(key);
        assertThat(verifier.verify(token).username()).isEqualTo("alice");

        jwks.failWith(503);
        VerifiedIdentity again = verifier.verify(token);

        assertThat(again.username()).isEqualTo("alice");
    }

    @Test
    void aCachedTokenIsRejectedOnceExpiredBeyondTheSkew() {
        String token = TestTokens.idToken("bob")
                .issuer(ISSUER)
                .expiresAt(clock.instant().plusSeconds(120))
                .signedWith(key);
        verifier.verify(token);

        clock.advance(Duration.ofSeconds(120 + 61));

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsStillChecked() {
        String token = TestTokens.idToken("carol").issuer(ISSUER).signedWith(key);
        verifier.verify(token);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void anEntryAnswersUntilItsValidityEnds() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, 10);
        cache.put(
                "token",
                new VerifiedIdentity("dora", "dora@example.com"),
                clock.instant().plusSeconds(30));

        assertThat(cache.get("token").username()).isEqualTo("dora");
        assertThat(cache.get("other")).isNull();
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.get("token")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheStaysBounded() {
        VerifiedTokenCache cache = new VerifiedTokenCache(clock, 3);
        for (int i = 0; i < 10; i++) {
            cache.put(
                    "t" + i,
                    new VerifiedIdentity("u" + i, null),
                    clock.instant().plusSeconds(60));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(cache.get("t9")).isNotNull();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
