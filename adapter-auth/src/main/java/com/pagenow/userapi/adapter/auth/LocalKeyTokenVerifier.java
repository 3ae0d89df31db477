package com.pagenow.userapi.adapter.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.pagenow.userapi.application.port.out.TokenVerifier;
import com.pagenow.userapi.application.port.out.VerifiedIdentity;
import com.pagenow.userapi.application.port.out.VerifiedToken;

import java.time.Clock;

/**
 * Dev mode's verifier: the Cognito rules, but the only trusted key is the local signing key and the issuer is
 * {@link LocalSigningKey#DEV_ISSUER}. Nothing is fetched over the network. Obtain it from {@link
 * LocalSigningKey#verifier()}.
 */
public final class LocalKeyTokenVerifier implements TokenVerifier {

    private final CognitoTokenVerifier rules;

    LocalKeyTokenVerifier(RSAKey key, Clock clock) {
        this.rules =
                CognitoTokenVerifier.withFixedKeys(LocalSigningKey.DEV_SETTINGS, new JWKSet(key.toPublicJWK()), clock);
    }

    @Override
    public VerifiedIdentity verify(String token) {
        return rules.verify(token);
    }

    @Override
    public VerifiedToken verifyUntilExpiry(String token) {
        return rules.verifyUntilExpiry(token);
    }
}
