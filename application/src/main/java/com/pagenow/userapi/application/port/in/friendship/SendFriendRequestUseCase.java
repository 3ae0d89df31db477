package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.domain.friendship.Friendship;

/** The caller asks another user to be friends. */
public interface SendFriendRequestUseCase {

    /**
     * @param command who asks whom
     * @return the new pending request
     * @throws com.pagenow.userapi.domain.error.NotFoundException when the other user (or the caller) has no profile
     * @throws com.pagenow.userapi.domain.error.ConflictException when the two already have a relationship, in
     *         either direction
     */
    Friendship sendFriendRequest(SendFriendRequestCommand command);
}
