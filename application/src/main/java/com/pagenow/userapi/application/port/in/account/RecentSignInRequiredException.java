package com.pagenow.userapi.application.port.in.account;

import java.time.Duration;

/**
 * The caller signed in longer ago than {@link #maxAge} allows for what they asked (deleting their account): they
 * must sign in again and retry (RFC 9470, {@code insufficient_user_authentication}).
 */
public final class RecentSignInRequiredException extends RuntimeException {

    /** The longest time since sign-in allowed. */
    private final Duration maxAge;

    /**
     * An exception naming the longest time since sign-in allowed.
     *
     * @param maxAge the longest time since sign-in allowed
     */
    public RecentSignInRequiredException(Duration maxAge) {
        super(
                "Sign in again to delete your account: the last sign-in is older than " + maxAge.toSeconds()
                        + " seconds",
                null,
                false,
                false);
        this.maxAge = maxAge;
    }

    /**
     * The longest time since sign-in the request allows.
     *
     * @return the maximum age of the sign-in
     */
    public Duration maxAge() {
        return maxAge;
    }
}
