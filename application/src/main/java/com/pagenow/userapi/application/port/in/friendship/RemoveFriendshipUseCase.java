package com.pagenow.userapi.application.port.in.friendship;

/** Removes the relationship between two users, whichever way it was asked: cancel, decline or unfriend. */
public interface RemoveFriendshipUseCase {

    /**
     * @param command the caller and the two users
     * @throws com.pagenow.userapi.domain.error.ForbiddenException when the caller is neither of the two
     * @throws com.pagenow.userapi.domain.error.NotFoundException when the two have no relationship
     */
    void removeFriendship(RemoveFriendshipCommand command);
}
