package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;

/**
 * A page of a user's accepted friends, by first name then last name, each with how the caller stands toward them.
 * An unknown user has no friends: the answer is an empty list, not an error (as the old service answered).
 */
public interface ListFriendsOfUserUseCase {

    /** The largest page size; a larger limit is lowered to it. */
    int MAX_LIMIT = 100;

    /**
     * Lists a page of the user's friends.
     *
     * @param query whose friends, who asks, and the page
     * @return the friends, by first then last name; empty for an unknown user
     */
    List<UserSummary> listFriendsOfUser(ListFriendsOfUserQuery query);
}
