package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.domain.friendship.Friendship;

import java.util.Optional;

/** The relationship the caller asked for with another user, pending or accepted. */
public interface GetSentFriendRequestUseCase {

    /**
     * @param query the caller and the other user
     * @return the relationship if the caller is its requester; empty when there is none, when the other user asked,
     *         or for the caller themselves
     */
    Optional<Friendship> getSentFriendRequest(GetSentFriendRequestQuery query);
}
