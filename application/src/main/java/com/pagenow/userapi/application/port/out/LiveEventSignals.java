package com.pagenow.userapi.application.port.out;

import com.pagenow.userapi.domain.user.UserId;

import java.util.Set;

/**
 * Tells this instance that events were recorded, by whichever instance: the recipients named, or "look at every
 * stream" after a gap in which signals may have been missed (a lost database connection). Signals carry no events;
 * streams read those from the {@link LiveEventFeed}, so a repeated or extra signal is harmless.
 */
public interface LiveEventSignals extends AutoCloseable {

    /**
     * Starts delivering signals to {@code listener} on a thread of the adapter's own.
     *
     * @param listener receives the signals
     */
    void start(Listener listener);

    /** Stops; no signal is delivered afterwards. */
    @Override
    void close();

    /** Receives the signals; must return quickly. */
    interface Listener {

        /**
         * Events were recorded for these recipients.
         *
         * @param recipients whose streams have new events
         */
        void recorded(Set<UserId> recipients);

        /** Signals may have been missed: every stream should look for new events. */
        void mayHaveMissed();

        /**
         * These users' accounts were deleted: their streams end.
         *
         * @param users the deleted users
         */
        default void deleted(Set<UserId> users) {}
    }
}
