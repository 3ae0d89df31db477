package com.pagenow.userapi.application.readmodel;

import com.pagenow.userapi.domain.user.UserId;

import java.time.Instant;

/**
 * One event of a recipient's stream as it is read back from the outbox: its id in that stream (increasing, what
 * {@code Last-Event-ID} resumes from) and what the recipient is told.
 */
public sealed interface StreamedEvent
        permits StreamedEvent.FriendRequest, StreamedEvent.FriendAccept, StreamedEvent.Share {

    /**
     * The event's id in the recipient's stream.
     *
     * @return the id
     */
    long id();

    /** {@code requester} asked the recipient to be friends. */
    record FriendRequest(long id, UserId requester, Instant requestedAt) implements StreamedEvent {}

    /** {@code accepter} accepted the recipient's request. */
    record FriendAccept(long id, UserId accepter, Instant acceptedAt) implements StreamedEvent {}

    /** A friend shared a page with the recipient: their copy, as the list of received shares shows it. */
    record Share(long id, ReceivedShare share) implements StreamedEvent {}
}
