package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.domain.friendship.Friendship;

import java.util.Optional;

/** The relationship between the caller and another user, whichever of them asked. */
public interface CheckFriendshipUseCase {

    /**
     * @param query the caller and the other user
     * @return the relationship, or empty when there is none (always empty for the caller themselves)
     */
    Optional<Friendship> checkFriendship(CheckFriendshipQuery query);
}
