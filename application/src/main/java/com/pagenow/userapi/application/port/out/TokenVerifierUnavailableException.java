package com.pagenow.userapi.application.port.out;

/** Tokens cannot be checked right now (the provider's key set is unreachable); a retry may succeed. */
public class TokenVerifierUnavailableException extends RuntimeException {

    public TokenVerifierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
