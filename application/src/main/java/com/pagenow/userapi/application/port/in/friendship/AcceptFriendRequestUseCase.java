package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.domain.friendship.Friendship;

/** The caller accepts the pending request another user sent them. */
public interface AcceptFriendRequestUseCase {

    /**
     * @param command who accepts whose request
     * @return the accepted friendship
     * @throws com.pagenow.userapi.domain.error.NotFoundException when there is no pending request from that user
     *         to the caller (also when they are already friends, so the first acceptance date stays)
     */
    Friendship acceptFriendRequest(AcceptFriendRequestCommand command);
}
