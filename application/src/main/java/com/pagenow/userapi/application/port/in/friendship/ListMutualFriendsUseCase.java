package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;

/**
 * A page of the accepted friends the caller shares with another user, by first name then last name, each with
 * status friends. An unknown user shares nobody: the answer is an empty list, not an error (as the old service
 * answered); asked about oneself, every friend is shared.
 */
public interface ListMutualFriendsUseCase {

    /** The largest page size; a larger limit is lowered to it. */
    int MAX_LIMIT = 15;

    /**
     * Lists a page of the friends the caller shares with the other user.
     *
     * @param query the caller, the other user and the page
     * @return the shared friends, by first then last name
     */
    List<UserSummary> listMutualFriends(ListMutualFriendsQuery query);
}
