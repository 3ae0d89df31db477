package com.pagenow.userapi.application.port.in;

/** How many accepted friends the caller shares with another user; 0 for an unknown user. */
public interface CountMutualFriendsUseCase {

    long countMutualFriends(CountMutualFriendsQuery query);
}
