package com.pagenow.userapi.application.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified caller and when their token expires (null when the verifier does not say).
 *
 * @param caller the verified caller
 * @param expiresAt when the token expires, or null
 */
public record SignedInCaller(Caller caller, Instant expiresAt) {

    /**
     * Requires {@code caller}.
     *
     * @param caller the verified caller
     * @param expiresAt when the token expires, or null
     */
    public SignedInCaller {
        Objects.requireNonNull(caller, "caller");
    }
}
