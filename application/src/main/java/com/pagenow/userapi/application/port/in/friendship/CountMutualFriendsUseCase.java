package com.pagenow.userapi.application.port.in.friendship;

/** How many accepted friends the caller shares with another user; 0 for an unknown user. */
public interface CountMutualFriendsUseCase {

    /**
     * Counts the friends the caller and the other user share.
     *
     * @param query the caller and the other user
     * @return the number of shared accepted friends, 0 for an unknown user
     */
    long countMutualFriends(CountMutualFriendsQuery query);
}
