package com.pagenow.userapi.application.port.in;

/** How many accepted friends a user has; 0 for an unknown user (as the old service answered). */
public interface CountFriendsUseCase {

    long countFriends(CountFriendsQuery query);
}
