package com.pagenow.userapi.application.port.in.friendship;

/** The caller declines the pending request another user sent them; an accepted friendship is not touched. */
public interface DeclineFriendRequestUseCase {

    /**
     * @param command who declines whose request
     * @throws com.pagenow.userapi.domain.error.NotFoundException when there is no pending request from that user
     */
    void declineFriendRequest(DeclineFriendRequestCommand command);
}
