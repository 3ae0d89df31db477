package com.pagenow.userapi.application.port.in.event;

/** A reserved stream. Cancel it when the connection ends, however it ends; cancelling twice is harmless. */
public interface LiveEventSubscription {

    /**
     * Starts sending to {@code sink}: missed events, then live ones. Returns at once.
     *
     * @param sink where the events go
     */
    void start(LiveEventSink sink);

    /** Stops sending and frees the stream's place. */
    void cancel();
}
