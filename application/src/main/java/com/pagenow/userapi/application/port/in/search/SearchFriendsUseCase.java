package com.pagenow.userapi.application.port.in.search;

import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;

/** Searches the caller's accepted friends by name or e-mail address, ranked as {@link SearchUsersUseCase}. */
public interface SearchFriendsUseCase {

    /** The page size when the client gives none. */
    int DEFAULT_LIMIT = 10;
    /** The largest page size; a larger limit is lowered to it. */
    int MAX_LIMIT = 15;

    /**
     * Searches the caller's friends.
     *
     * @param query the caller, field, text and page
     * @return the matching friends, best first
     */
    List<UserSummary> searchFriends(SearchFriendsQuery query);
}
