package com.pagenow.userapi.adapter.auth;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.pagenow.userapi.adapter.auth.testing.TestTokens;
import com.pagenow.userapi.application.error.TokenRejectedException;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class LocalSigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void mintedTokenVerifies() {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dir.resolve(".user-api"));

        String token = key.mintToken("u0000001", "a@example.com", Duration.ofHours(1));

        assertThat(key.verifier().verify(token))
                .extracting(VerifiedIdentity::username, VerifiedIdentity::email)
                .containsExactly("u0000001", "a@example.com");
    }

    @Test
    void mintedTokenHasTheClaimsOfACognitoIdToken() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dir);

        SignedJWT jwt = SignedJWT.parse(key.mintToken("u0000001", "a@example.com", Duration.ofMinutes(5)));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();

        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
        assertThat(claims.getSubject()).isEqualTo("u0000001");
        assertThat(claims.getStringClaim("cognito:username")).isEqualTo("u0000001");
        assertThat(claims.getStringClaim("email")).isEqualTo("a@example.com");
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getIssuer()).isEqualTo(LocalSigningKey.DEV_ISSUER);
        assertThat(claims.getAudience()).containsExactly(LocalSigningKey.DEV_CLIENT_ID);
        assertThat(claims.getStringClaim("token_use")).isEqualTo("id");
        assertThat(claims.getLongClaim("auth_time")).isNotNull();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void keyPersistsAcrossLoadOrCreate() {
        LocalSigningKey first = LocalSigningKey.loadOrCreate(dir);
        String token = first.mintToken("alice", "alice@example.com", Duration.ofHours(1));

        LocalSigningKey again = LocalSigningKey.loadOrCreate(dir);

        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.verifier().verify(token).username()).isEqualTo("alice");
        assertThat(first.verifier()
                        .verify(again.mintToken("bob", "bob@example.com", Duration.ofHours(1)))
                        .username())
                .isEqualTo("bob");
    }

    @Test
    void keyFileHoldsAPrivateJwkReadableOnlyByItsOwner() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dir.resolve("nested").resolve(".user-api"));

        assertThat(key.file()).exists().hasFileName("dev-signing-key.json");
        RSAKey stored = RSAKey.parse(Files.readString(key.file()));
        assertThat(stored.isPrivate()).isTrue();
        assertThat(stored.getKeyID()).isEqualTo(key.keyId());
        assertThat(key.toString()).doesNotContain(stored.getPrivateExponent().toString());

        assumeThat(Files.getFileStore(key.file()).supportsFileAttributeView("posix"))
                .isTrue();
        assertThat(Files.getPosixFilePermissions(key.file()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(key.file().getParent()))
                .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }

    @Test
    void tokenOfAnotherKeyIsRejected() {
        LocalSigningKey mine = LocalSigningKey.loadOrCreate(dir.resolve("mine"));
        LocalSigningKey theirs = LocalSigningKey.loadOrCreate(dir.resolve("theirs"));

        String token = theirs.mintToken("alice", "alice@example.com", Duration.ofHours(1));

        assertThatThrownBy(() -> mine.verifier().verify(token)).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void cognitoTokenIsRejectedByTheDevVerifier() {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dir);
        RSAKey cognitoKey = TestTokens.newRsaKey("cognito-key");

        String token = TestTokens.idToken("alice")
                .issuer("https://cognito-idp.us-west-2.amazonaws.com/us-west-2_BENCH")
                .audience(LocalSigningKey.DEV_CLIENT_ID)
                .signedWith(cognitoKey);

        assertThatThrownBy(() -> key.verifier().verify(token)).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void expiredDevTokenIsRejected() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = LocalSigningKey.loadOrCreate(dir, twoHoursAgo)
                .mintToken("alice", "alice@example.com", Duration.ofHours(1));

        TokenVerifier verifier = LocalSigningKey.loadOrCreate(dir).verifier();

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void tokenWithoutEmailVerifiesWithNullEmail() {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dir);

        assertThat(key.verifier().verify(key.mintToken("alice", null, Duration.ofHours(1))))
                .extracting(VerifiedIdentity::username, VerifiedIdentity::email)
                .containsExactly("alice", null);
    }

    @Test
    void refusesBlankUserAndNonPositiveTtl() {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(dir);

        assertThatThrownBy(() -> key.mintToken(" ", "a@example.com", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userId");
        assertThatThrownBy(() -> key.mintToken("alice", "a@example.com", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
    }

    @Test
    void corruptKeyFileIsReportedWithTheFix() throws Exception {
        Files.writeString(dir.resolve(LocalSigningKey.KEY_FILE_NAME), "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}");

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(LocalSigningKey.KEY_FILE_NAME)
                .hasMessageContaining("delete it");
    }
}
