package com.pagenow.userapi.application.port.in.friendship;

/** How many accepted friends a user has; 0 for an unknown user (as the old service answered). */
public interface CountFriendsUseCase {

    /**
     * Counts the user's accepted friends that the caller sees in their list: a block between the caller and a
     * friend hides that friend from both.
     *
     * @param query whose friends, and who asks
     * @return the number of accepted friends, 0 for an unknown user
     */
    long countFriends(CountFriendsQuery query);
}
