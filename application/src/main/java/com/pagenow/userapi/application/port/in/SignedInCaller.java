package com.pagenow.userapi.application.port.in;

import java.time.Instant;
import java.util.Objects;

/** A verified caller and when their token expires (null when the verifier does not say). */
public record SignedInCaller(Caller caller, Instant expiresAt) {

    /** Requires {@code caller}. */
    public SignedInCaller {
        Objects.requireNonNull(caller, "caller");
    }
}
