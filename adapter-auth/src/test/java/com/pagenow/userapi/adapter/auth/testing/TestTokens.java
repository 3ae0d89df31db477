package com.pagenow.userapi.adapter.auth.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mints Cognito-shaped tokens for tests, with the claims of {@code bench/mint-token.py}: {@code sub},
 * {@code cognito:username}, {@code email}, {@code email_verified}, {@code iss}, {@code aud}, {@code token_use},
 * {@code auth_time}, {@code iat}, {@code exp}. Every claim and header can be changed to build a bad token.
 *
 * <pre>{@code
 * RSAKey key = TestTokens.newRsaKey("key-1");
 * String token = TestTokens.idToken("alice").email("alice@example.com").issuer(iss).audience("client").signedWith(key);
 * }</pre>
 */
public final class TestTokens {

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String keyId;
    private URI jwkSetUrl;
    private JWK embeddedKey;

    private TestTokens(String tokenUse) {
        Instant now = Instant.now();
        claims.put("token_use", tokenUse);
        claims.put("auth_time", now.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(DEFAULT_TTL).getEpochSecond());
    }

    /** A fresh RSA-2048 signing key with this {@code kid}, {@code use=sig}, {@code alg=RS256}. */
    public static RSAKey newRsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ID token for {@code username} ({@code sub} and {@code cognito:username}); set issuer and audience. */
    public static TestTokens idToken(String username) {
        TestTokens token = new TestTokens("id");
        token.claims.put("sub", username);
        token.claims.put("cognito:username", username);
        return token;
    }

    /** An access token for {@code username} ({@code sub} and {@code username}); set issuer and client id. */
    public static TestTokens accessToken(String username) {
        TestTokens token = new TestTokens("access");
        token.claims.put("sub", username);
        token.claims.put("username", username);
        return token;
    }

    public TestTokens issuer(String issuer) {
        return claim("iss", issuer);
    }

    public TestTokens audience(String clientId) {
        return claim("aud", clientId);
    }

    public TestTokens clientId(String clientId) {
        return claim("client_id", clientId);
    }

    public TestTokens tokenUse(String tokenUse) {
        return claim("token_use", tokenUse);
    }

    public TestTokens email(String email) {
        claim("email", email);
        return claim("email_verified", true);
    }

    public TestTokens expiresAt(Instant expiry) {
        return claim("exp", expiry.getEpochSecond());
    }

    public TestTokens issuedAt(Instant issuedAt) {
        return claim("iat", issuedAt.getEpochSecond());
    }

    public TestTokens notBefore(Instant notBefore) {
        return claim("nbf", notBefore.getEpochSecond());
    }

    /** Sets any claim; {@code null} removes it. */
    public TestTokens claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    public TestTokens withoutClaim(String name) {
        return claim(name, null);
    }

    /** Header {@code kid}; by default the signing key's own. */
    public TestTokens keyId(String kid) {
        this.keyId = kid;
        return this;
    }

    /** Header {@code jku}: where an attacker would like the verifier to fetch keys from. */
    public TestTokens jwkSetUrl(URI url) {
        this.jwkSetUrl = url;
        return this;
    }

    /** Header {@code jwk}: a key an attacker would like the verifier to trust. */
    public TestTokens embeddedKey(JWK key) {
        this.embeddedKey = key.toPublicJWK();
        return this;
    }

    public JWTClaimsSet claimsSet() {
        try {
            return JWTClaimsSet.parse(claims);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS256-signed with {@code key}; the header names {@code key}'s kid unless {@link #keyId} was set. */
    public String signedWith(RSAKey key) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keyId != null ? keyId : key.getKeyID())
                .type(JOSEObjectType.JWT)
                .jwkURL(jwkSetUrl)
                .jwk(embeddedKey)
                .build();
        SignedJWT jwt = new SignedJWT(header, claimsSet());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** HS256-signed with {@code secret} as the HMAC key (e.g. a public key's bytes, the classic confusion attack). */
    public String hmacSignedWith(byte[] secret) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(keyId)
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claimsSet());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** {@code alg: none}, no signature. */
    public String unsigned() {
        return new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), claimsSet()).serialize();
    }
}
