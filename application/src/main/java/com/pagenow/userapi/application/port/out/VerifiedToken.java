package com.pagenow.userapi.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified token's identity and when the token expires ({@code exp}; null when the verifier does not tell).
 *
 * @param identity the verified claims
 * @param expiresAt when the token expires, or null
 */
public record VerifiedToken(VerifiedIdentity identity, Instant expiresAt) {

    /**
     * Requires {@code identity}.
     *
     * @param identity the verified claims
     * @param expiresAt when the token expires, or null
     */
    public VerifiedToken {
        Objects.requireNonNull(identity, "identity");
    }
}
