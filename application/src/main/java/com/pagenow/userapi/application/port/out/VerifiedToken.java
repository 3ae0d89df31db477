package com.pagenow.userapi.application.port.out;

import java.time.Instant;
import java.util.Objects;

/** A verified token's identity and when the token expires ({@code exp}; null when the verifier does not tell). */
public record VerifiedToken(VerifiedIdentity identity, Instant expiresAt) {

    public VerifiedToken {
        Objects.requireNonNull(identity, "identity");
    }
}
