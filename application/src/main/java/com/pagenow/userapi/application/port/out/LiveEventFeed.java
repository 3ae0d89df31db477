package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.StreamedEvent;
import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;
import java.util.List;

/** Reads the recorded live events back, per recipient stream, and forgets old ones. */
public interface LiveEventFeed {

    /**
     * Up to {@code limit} events of {@code recipient}'s stream with an id above {@code afterId}, oldest first.
     *
     * @param recipient whose stream
     * @param afterId the id to read after
     * @param limit the most events to read
     * @return the events
     */
    List<StreamedEvent> after(UserId recipient, long afterId, int limit);

    /**
     * The id of the last event ever given to {@code recipient} (0 for none), kept or already forgotten.
     *
     * @param recipient whose stream
     * @return the last id, or 0
     */
    long latestId(UserId recipient);

    /**
     * Deletes up to {@code limit} events that happened before {@code cutoff}; answers how many.
     *
     * @param cutoff events before this go
     * @param limit the most events to delete
     * @return how many were deleted
     */
    int deleteOlderThan(Instant cutoff, int limit);
}
