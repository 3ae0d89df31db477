package com.pagenow.userapi.application.port.in;

/** The caller already holds the most open streams a user may have. */
public final class TooManyStreamsException extends RuntimeException {

    public TooManyStreamsException(int limit) {
        super("At most " + limit + " event streams may be open per user", null, false, false);
    }
}
