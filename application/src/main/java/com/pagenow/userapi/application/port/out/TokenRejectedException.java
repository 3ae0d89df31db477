package com.pagenow.userapi.application.port.out;

/** The token is not acceptable; the message says why without repeating the token. */
public class TokenRejectedException extends RuntimeException {

    public TokenRejectedException(String message) {
        super(message);
    }

    public TokenRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
