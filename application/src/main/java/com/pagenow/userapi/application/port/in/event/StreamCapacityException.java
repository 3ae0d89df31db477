package com.pagenow.userapi.application.port.in.event;

/** This instance holds as many event streams as it may (or is stopping); another instance may take the stream. */
public final class StreamCapacityException extends RuntimeException {

    /**
     * An exception saying why no stream is taken.
     *
     * @param reason why: full, or stopping
     */
    public StreamCapacityException(String reason) {
        super(reason, null, false, false);
    }
}
