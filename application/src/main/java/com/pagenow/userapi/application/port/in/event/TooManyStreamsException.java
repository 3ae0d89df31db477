package com.pagenow.userapi.application.port.in.event;

/** The caller already holds the most open streams a user may have. */
public final class TooManyStreamsException extends RuntimeException {

    /**
     * An exception naming the per-user limit.
     *
     * @param limit the most streams a user may have open
     */
    public TooManyStreamsException(int limit) {
        super("At most " + limit + " event streams may be open per user", null, false, false);
    }
}
