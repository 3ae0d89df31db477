package com.pagenow.userapi.adapter.auth;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.pagenow.userapi.adapter.auth.testing.JwksServer;
import com.pagenow.userapi.adapter.auth.testing.TestTokens;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.error.TokenVerifierUnavailableException;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CognitoTokenVerifierTest {

    private static final String REGION = "eu-central-1";
    private static final String POOL = "eu-central-1_TestPool";
    private static final String ISSUER = "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_TestPool";
    private static final String CLIENT = "app-client-1";

    private final RSAKey poolKey = TestTokens.newRsaKey("pool-key-1");
    private final JwksServer jwks = JwksServer.start(poolKey);
    private final List<AutoCloseable> toClose = new ArrayList<>(List.of(jwks));

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    @Test
    void acceptsValidIdTokenAndReturnsUsernameAndEmail() {
        CognitoTokenVerifier verifier = verifier(settings());

        VerifiedIdentity identity =
                verifier.verify(idToken("alice").email("alice@example.com").signedWith(poolKey));

        assertThat(identity)
                .extracting(VerifiedIdentity::username, VerifiedIdentity::email)
                .containsExactly("alice", "alice@example.com");
        assertThat(identity.issuedAt()).as("iat").isNotNull();
        assertThat(identity.authTime()).as("auth_time").isNotNull();
    }

    @Test
    void tellsWhenAVerifiedTokenExpiresAndRejectsAnExpiredOne() {
        CognitoTokenVerifier verifier = verifier(settings());
        Instant expiry = Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        var verified =
                verifier.verifyUntilExpiry(idToken("alice").expiresAt(expiry).signedWith(poolKey));

        assertThat(verified.identity().username()).isEqualTo("alice");
        assertThat(verified.expiresAt()).isEqualTo(expiry);
        assertThatThrownBy(() -> verifier.verifyUntilExpiry(idToken("alice")
                        .expiresAt(Instant.now().minusSeconds(3600))
                        .signedWith(poolKey)))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void derivesJwksUrlAndIssuerFromRegionAndPool() {
        CognitoSettings settings = CognitoSettings.forPool(REGION, POOL);

        assertThat(settings.issuer()).isEqualTo(ISSUER);
        assertThat(settings.jwksUrl()).hasToString(ISSUER + "/.well-known/jwks.json");
    }

    @Test
    void doesNotFetchTheKeySetBeforeTheFirstToken() {
        CognitoTokenVerifier verifier = verifier(settings());
        assertThat(jwks.requestCount()).isZero();

        verifier.verify(idToken("alice").signedWith(poolKey));
        verifier.verify(idToken("bob").signedWith(poolKey));

        assertThat(jwks.requestCount()).isEqualTo(1);
    }

    @Test
    void rejectsExpiredToken() {
        String token = idToken("alice")
                .expiresAt(Instant.now().minus(Duration.ofMinutes(2)))
                .signedWith(poolKey);

        assertRejected(verifier(settings()), token, "expired");
    }

    @Test
    void acceptsTokenExpiredLessThanTheClockSkewAgo() {
        String token =
                idToken("alice").expiresAt(Instant.now().minusSeconds(30)).signedWith(poolKey);

        assertThat(verifier(settings()).verify(token).username()).isEqualTo("alice");
    }

    @Test
    void rejectsTokenExpiredWithinSkewWhenSkewIsZero() {
        String token =
                idToken("alice").expiresAt(Instant.now().minusSeconds(30)).signedWith(poolKey);

        assertRejected(verifier(settings().withClockSkew(Duration.ZERO)), token, "expired");
    }

    @Test
    void rejectsTokenWithoutExpiry() {
        assertRejected(
                verifier(settings()), idToken("alice").withoutClaim("exp").signedWith(poolKey), "expiry");
    }

    @Test
    void rejectsTokenNotYetValid() {
        String token = idToken("alice")
                .notBefore(Instant.now().plus(Duration.ofMinutes(2)))
                .signedWith(poolKey);

        assertRejected(verifier(settings()), token, "not valid yet");
    }

    @Test
    void acceptsTokenValidFromWithinTheClockSkew() {
        String token = idToken("alice").notBefore(Instant.now().plusSeconds(30)).signedWith(poolKey);

        assertThat(verifier(settings()).verify(token).username()).isEqualTo("alice");
    }

    @Test
    void rejectsTokenIssuedInTheFutureBeyondTheClockSkew() {
        String token = idToken("alice")
                .issuedAt(Instant.now().plus(Duration.ofMinutes(2)))
                .signedWith(poolKey);

        assertRejected(verifier(settings()), token, "issued in the future");
    }

    @Test
    void acceptsTokenIssuedInTheFutureWithinTheClockSkew() {
        String token = idToken("alice").issuedAt(Instant.now().plusSeconds(30)).signedWith(poolKey);

        assertThat(verifier(settings()).verify(token).username()).isEqualTo("alice");
        assertRejected(verifier(settings().withClockSkew(Duration.ofSeconds(10))), token, "issued in the future");
    }

    @Test
    void rejectsTokenFromAnotherIssuer() {
        String token = idToken("alice")
                .issuer("https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_OtherPool")
                .signedWith(poolKey);

        assertRejected(verifier(settings()), token, "issuer");
    }

    @Test
    void rejectsTokenWithoutIssuer() {
        assertRejected(
                verifier(settings()), idToken("alice").withoutClaim("iss").signedWith(poolKey), "issuer");
    }

    @Test
    void rejectsAccessTokenWhenOnlyIdTokensAreAccepted() {
        String token =
                TestTokens.accessToken("alice").issuer(ISSUER).clientId(CLIENT).signedWith(poolKey);

        assertRejected(verifier(settings()), token, "Token use");
    }

    @Test
    void rejectsTokenWithUnknownOrMissingTokenUse() {
        CognitoTokenVerifier verifier = verifier(settings());

        assertRejected(verifier, idToken("alice").tokenUse("refresh").signedWith(poolKey), "Token use");
        assertRejected(verifier, idToken("alice").withoutClaim("token_use").signedWith(poolKey), "Token use");
    }

    @Test
    void acceptsAccessTokenWhenConfiguredAndReadsItsUsernameClaim() {
        CognitoTokenVerifier verifier = verifier(settings().withTokenUses(Set.of("id", "access")));
        String token =
                TestTokens.accessToken("alice").issuer(ISSUER).clientId(CLIENT).signedWith(poolKey);

        assertThat(verifier.verify(token))
                .extracting(VerifiedIdentity::username, VerifiedIdentity::email)
                .containsExactly("alice", null);
        assertThat(verifier.verify(idToken("bob").email("bob@example.com").signedWith(poolKey)))
                .extracting(VerifiedIdentity::username, VerifiedIdentity::email)
                .containsExactly("bob", "bob@example.com");
    }

    @Test
    void rejectsIdTokenForAnotherAppClientWhenClientsAreConfigured() {
        CognitoTokenVerifier verifier = verifier(settings().withAppClientIds(Set.of(CLIENT, "app-client-2")));

        assertThat(verifier.verify(idToken("alice").audience("app-client-2").signedWith(poolKey))
                        .username())
                .isEqualTo("alice");
        assertRejected(
                verifier, idToken("alice").audience("someone-elses-client").signedWith(poolKey), "client");
        assertRejected(verifier, idToken("alice").withoutClaim("aud").signedWith(poolKey), "client");
    }

    @Test
    void acceptsAnyAppClientWhenNoneAreConfigured() {
        CognitoTokenVerifier verifier = verifier(settings());

        assertThat(verifier.verify(idToken("alice").audience("any-client").signedWith(poolKey))
                        .username())
                .isEqualTo("alice");
    }

    @Test
    void checksClientIdClaimOfAccessTokens() {
        CognitoTokenVerifier verifier =
                verifier(settings().withTokenUses(Set.of("access")).withAppClientIds(Set.of(CLIENT)));
        TestTokens access = TestTokens.accessToken("alice").issuer(ISSUER);

        assertThat(verifier.verify(access.clientId(CLIENT).signedWith(poolKey)).username())
                .isEqualTo("alice");
        assertRejected(verifier, access.clientId("other-client").signedWith(poolKey), "client");
        // An access token's aud is not its client: Cognito puts the client in client_id.
        assertRejected(
                verifier, access.withoutClaim("client_id").audience(CLIENT).signedWith(poolKey), "client");
    }

    @Test
    void picksUpRotatedKeyWithoutRestart() {
        CognitoTokenVerifier verifier = verifier(settings());
        assertThat(verifier.verify(idToken("alice").signedWith(poolKey)).username())
                .isEqualTo("alice");

        RSAKey rotated = TestTokens.newRsaKey("pool-key-2");
        jwks.serve(rotated, poolKey);

        assertThat(verifier.verify(idToken("bob").signedWith(rotated)).username())
                .isEqualTo("bob");
        assertThat(jwks.requestCount()).isEqualTo(2);
    }

    @Test
    void refetchesForUnknownKeyAtMostOncePerRateLimitWindow() throws InterruptedException {
        Duration window = Duration.ofSeconds(2);
        CognitoTokenVerifier verifier = verifier(settings(), JwksCachePolicy.DEFAULT.withRefreshMinInterval(window));
        RSAKey rotated = TestTokens.newRsaKey("pool-key-2");
        String tokenWithNewKey = idToken("bob").signedWith(rotated);

        // First fetch, then the one refresh the window allows: the key is still unknown.
        assertRejected(verifier, tokenWithNewKey, "key");
        assertThat(jwks.requestCount()).isEqualTo(2);

        jwks.serve(rotated);
        // Within the window no further fetch happens, however many such tokens arrive.
        assertRejected(verifier, tokenWithNewKey, "unknown key");
        assertRejected(verifier, tokenWithNewKey, "unknown key");
        assertThat(jwks.requestCount()).isEqualTo(2);

        Thread.sleep(window.toMillis() + 100);
        assertThat(verifier.verify(tokenWithNewKey).username()).isEqualTo("bob");
        assertThat(jwks.requestCount()).isEqualTo(3);
    }

    @Test
    void rejectsTamperedPayload() {
        String token = idToken("alice").signedWith(poolKey);
        String[] parts = token.split("\\.");
        String otherPayload = idToken("mallory").signedWith(poolKey).split("\\.")[1];

        assertRejected(verifier(settings()), parts[0] + "." + otherPayload + "." + parts[2], "signature");
    }

    @Test
    void rejectsSignatureOfAnotherKeyWithTheSameKid() {
        RSAKey impostor = TestTokens.newRsaKey(poolKey.getKeyID());

        assertRejected(verifier(settings()), idToken("alice").signedWith(impostor), "signature");
    }

    @Test
    void rejectsUnsignedToken() {
        String token = idToken("alice").unsigned();
        assertThat(token).endsWith(".");

        assertRejected(verifier(settings()), token, "RS256");
    }

    @Test
    void rejectsAlgNoneEvenWithKidAndSignatureOfAValidToken() {
        String valid = idToken("alice").signedWith(poolKey);
        String[] parts = valid.split("\\.");
        String noneHeader = base64Url("{\"alg\":\"none\",\"kid\":\"" + poolKey.getKeyID() + "\"}");

        assertRejected(verifier(settings()), noneHeader + "." + parts[1] + "." + parts[2], null);
        assertRejected(verifier(settings()), noneHeader + "." + parts[1] + ".", null);
    }

    @Test
    void rejectsHs256TokenSignedWithThePublicKeyBytes() throws Exception {
        CognitoTokenVerifier verifier = verifier(settings());
        byte[] der = poolKey.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";

        assertRejected(verifier, idToken("alice").keyId(poolKey.getKeyID()).hmacSignedWith(der), "RS256");
        assertRejected(
                verifier,
                idToken("alice").keyId(poolKey.getKeyID()).hmacSignedWith(pem.getBytes(StandardCharsets.US_ASCII)),
                "RS256");
        assertRejected(
                verifier,
                idToken("alice")
                        .keyId(poolKey.getKeyID())
                        .hmacSignedWith(poolKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)),
                "RS256");
    }

    @Test
    void rejectsTokenWithoutCognitoUsername() {
        CognitoTokenVerifier verifier = verifier(settings());

        assertRejected(
                verifier, idToken("alice").withoutClaim("cognito:username").signedWith(poolKey), "cognito:username");
        assertRejected(
                verifier, idToken("alice").claim("cognito:username", " ").signedWith(poolKey), "cognito:username");
        assertRejected(
                verifier, idToken("alice").claim("cognito:username", 42).signedWith(poolKey), "cognito:username");
    }

    @Test
    void rejectsAccessTokenWithoutUsername() {
        CognitoTokenVerifier verifier = verifier(settings().withTokenUses(Set.of("access")));
        String token = TestTokens.accessToken("alice")
                .issuer(ISSUER)
                .withoutClaim("username")
                .claim("cognito:username", "alice")
                .signedWith(poolKey);

        assertRejected(verifier, token, "username");
    }

    @ParameterizedTest
    @MethodSource("verifiedShapes")
    void takesTheEmailOnlyWhenEmailVerifiedIsTrueAsABooleanOrTheStringTrue(Object emailVerified, boolean taken) {
        CognitoTokenVerifier verifier = verifier(settings());
        String token = idToken("alice")
                .email("alice@example.com")
                .claim("email_verified", emailVerified)
                .signedWith(poolKey);

        VerifiedIdentity identity = verifier.verify(token);
        assertThat(identity.username()).isEqualTo("alice");
        assertThat(identity.email()).isEqualTo(taken ? "alice@example.com" : null);
    }

    static Stream<Arguments> verifiedShapes() {
        return Stream.of(
                Arguments.of(true, true),
                Arguments.of("true", true),
                Arguments.of("TRUE", false),
                Arguments.of(false, false),
                Arguments.of("false", false),
                Arguments.of(1, false),
                Arguments.of(List.of(true), false),
                Arguments.of(null, false));
    }

    @Test
    void rejectsEmailClaimThatIsNotAString() {
        String token = idToken("alice").claim("email", List.of("a@example.com")).signedWith(poolKey);

        assertRejected(verifier(settings()), token, "email");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "not-a-jwt",
                "a.b.c",
                "a.b",
                "....",
                "Bearer x.y.z",
                "eyJhbGciOiJSUzI1NiJ9.!!!.???",
                "bm90IGpzb24.eyJzdWIiOiJhIn0.c2ln",
                "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln",
                "eyJhbGciOjQyfQ.eyJzdWIiOiJhIn0.c2ln",
                "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d",
                "W10.W10.W10"
            })
    void rejectsGarbage(String garbage) {
        assertRejected(verifier(settings()), garbage, null);
    }

    @Test
    void rejectsNull() {
        assertRejected(verifier(settings()), null, "missing");
    }

    @Test
    void reportsUnavailableWhenTheKeySetCannotBeReached() {
        CognitoTokenVerifier verifier = verifier(settings().withJwksUrl(JwksServer.unreachableUrl()));
        String token = idToken("alice").signedWith(poolKey);

        // Repeatedly, also once the refresh rate limit is reached: still 503, never 401.
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThatThrownBy(() -> verifier.verify(token))
                    .isInstanceOf(TokenVerifierUnavailableException.class)
                    .satisfies(e -> assertThat(messagesOf(e)).noneMatch(m -> m.contains(token)));
        }
    }

    @Test
    void reportsUnavailableWhenTheKeySetAnswersWithAnError() {
        jwks.failWith(503);
        CognitoTokenVerifier verifier = verifier(settings());

        assertThatThrownBy(() -> verifier.verify(idToken("alice").signedWith(poolKey)))
                .isInstanceOf(TokenVerifierUnavailableException.class);
    }

    @Test
    void keepsVerifyingWithCachedKeysWhileTheKeySetIsDown() {
        CognitoTokenVerifier verifier = verifier(settings());
        verifier.verify(idToken("alice").signedWith(poolKey));

        jwks.close();

        assertThat(verifier.verify(idToken("bob").signedWith(poolKey)).username())
                .isEqualTo("bob");
    }

    @Test
    void ignoresJkuAndJwkHeadersPointingToAnAttackersKeys() {
        RSAKey attackerKey = TestTokens.newRsaKey("attacker-key");
        JwksServer attacker = JwksServer.start(attackerKey);
        toClose.add(attacker);
        CognitoTokenVerifier verifier = verifier(settings());

        assertRejected(
                verifier,
                idToken("alice")
                        .jwkSetUrl(attacker.url())
                        .embeddedKey(attackerKey)
                        .signedWith(attackerKey),
                "key of the user pool");
        assertRejected(
                verifier,
                idToken("alice")
                        .keyId(poolKey.getKeyID())
                        .jwkSetUrl(attacker.url())
                        .embeddedKey(attackerKey)
                        .signedWith(attackerKey),
                "signature");

        assertThat(attacker.requestCount()).isZero();
        // The pool's own key set still works as before.
        assertThat(verifier.verify(idToken("alice").jwkSetUrl(attacker.url()).signedWith(poolKey))
                        .username())
                .isEqualTo("alice");
        assertThat(attacker.requestCount()).isZero();
    }

    @Test
    void rejectsTokenOfAnotherPoolSignedByAKeyTheVerifierDoesNotKnow() {
        RSAKey otherPoolKey = TestTokens.newRsaKey("other-pool-key");

        assertRejected(verifier(settings()), idToken("alice").signedWith(otherPoolKey), "key of the user pool");
    }

    private CognitoSettings settings() {
        return CognitoSettings.forPool(REGION, POOL).withJwksUrl(jwks.url());
    }

    private CognitoTokenVerifier verifier(CognitoSettings settings) {
        return verifier(settings, JwksCachePolicy.DEFAULT);
    }

    private CognitoTokenVerifier verifier(CognitoSettings settings, JwksCachePolicy policy) {
        CognitoTokenVerifier verifier = new CognitoTokenVerifier(settings, policy, Clock.systemUTC());
        toClose.add(verifier);
        return verifier;
    }

    private static TestTokens idToken(String username) {
        return TestTokens.idToken(username).issuer(ISSUER).audience(CLIENT);
    }

    private static void assertRejected(CognitoTokenVerifier verifier, String token, String reasonFragment) {
        TokenRejectedException rejection =
                catchThrowableOfType(TokenRejectedException.class, () -> verifier.verify(token));

        assertThat(rejection).as("rejection of a bad token").isNotNull();
        if (reasonFragment != null) {
            assertThat(rejection.getMessage()).containsIgnoringCase(reasonFragment);
        }
        if (token != null && !token.isBlank()) {
            // Neither the token nor any of its parts appears in a message, down the cause chain.
            List<String> messages = messagesOf(rejection);
            for (String part : token.split("\\.")) {
                if (part.length() >= 8) {
                    assertThat(messages).noneMatch(m -> m.contains(part));
                }
            }
            assertThat(messages).noneMatch(m -> m.contains(token));
        }
    }

    private static List<String> messagesOf(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    private static String base64Url(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
