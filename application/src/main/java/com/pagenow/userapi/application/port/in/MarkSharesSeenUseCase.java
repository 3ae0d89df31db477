package com.pagenow.userapi.application.port.in;

/**
 * The caller marks their copies of some events seen. Only the caller's copies change; ids of events the caller did
 * not receive are ignored; a copy already seen keeps the time it was first seen.
 */
public interface MarkSharesSeenUseCase {

    int MAX_EVENTS = 500;

    void markSharesSeen(MarkSharesSeenCommand command);
}
