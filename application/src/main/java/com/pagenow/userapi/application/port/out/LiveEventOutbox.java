package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.application.readmodel.LiveEvent;

/**
 * Records live events in the outbox. Call it inside the {@link TransactionRunner} transaction of the change it
 * reports, so that the event is stored (and its recipients' instances are told) only if the change commits.
 */
public interface LiveEventOutbox {

    /** Records nothing: for embedders that serve no live event stream. */
    LiveEventOutbox NONE = event -> {};

    /**
     * Gives each recipient the event under the next id of their stream; a fixed number of statements.
     *
     * @param event the event and its recipients
     */
    void record(LiveEvent event);
}
