package com.pagenow.userapi.application.port.in.share;

/**
 * The caller marks their copies of some events seen. Only the caller's copies change; ids of events the caller did
 * not receive are ignored; a copy already seen keeps the time it was first seen.
 */
public interface MarkSharesSeenUseCase {

    /** The most event ids one call may mark. */
    int MAX_EVENTS = 500;

    /**
     * Marks the caller's copies of the events seen.
     *
     * @param command the caller and the event ids
     */
    void markSharesSeen(MarkSharesSeenCommand command);
}
