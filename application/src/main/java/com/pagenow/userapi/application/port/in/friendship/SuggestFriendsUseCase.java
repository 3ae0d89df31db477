package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;

/**
 * People the caller may know: friends of the caller's friends who are not the caller, not already friends, with
 * no pending request and no block either way, ranked by the number of friends they share with the caller, then
 * by user id (descending). Empty for a caller without friends.
 */
public interface SuggestFriendsUseCase {

    /** The page size when the client gives none. */
    int DEFAULT_LIMIT = 10;
    /** The largest page size; a larger limit is lowered to it. */
    int MAX_LIMIT = 50;

    /**
     * Suggests people the caller may know.
     *
     * @param query the caller and the page
     * @return the suggestions, most shared friends first
     */
    List<UserSummary> suggestFriends(SuggestFriendsQuery query);
}
