package com.pagenow.userapi.application.error;

/** Tokens cannot be checked right now (the provider's key set is unreachable); a retry may succeed. */
public class TokenVerifierUnavailableException extends RuntimeException {

    /**
     * An exception for a provider whose keys cannot be obtained.
     *
     * @param message what failed
     * @param cause what failed underneath
     */
    public TokenVerifierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
