package com.pagenow.userapi.application.port.in.event;

import com.pagenow.userapi.application.readmodel.StreamedEvent;

/**
 * Where one stream's events go (the client's connection). Calls for one stream come one at a time, in the order of
 * the events; neither method may block.
 */
public interface LiveEventSink {

    /**
     * Sends one event to the client.
     *
     * @param event the event and its id in the stream
     */
    void send(StreamedEvent event);

    /** Ends the stream after what was sent (the token expired, the service stops). */
    void close();
}
