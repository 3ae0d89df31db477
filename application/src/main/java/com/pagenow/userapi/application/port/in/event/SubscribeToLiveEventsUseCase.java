package com.pagenow.userapi.application.port.in.event;

/** Opens a caller's live event stream: missed events from {@code Last-Event-ID} first, then live ones. */
public interface SubscribeToLiveEventsUseCase {

    /** Open streams per user on one instance; the next one is refused. */
    int STREAMS_PER_USER = 5;

    /**
     * Reserves a stream for the caller; nothing is sent until {@link LiveEventSubscription#start}.
     *
     * @param command who subscribes, until when, and from which event
     * @return the reserved stream
     * @throws TooManyStreamsException when the caller already has {@link #STREAMS_PER_USER} open streams here
     * @throws StreamCapacityException when this instance holds its maximum of streams, or is stopping
     */
    LiveEventSubscription subscribe(SubscribeToLiveEventsCommand command);
}
