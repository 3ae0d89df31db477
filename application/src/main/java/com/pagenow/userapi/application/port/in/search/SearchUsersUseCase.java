package com.pagenow.userapi.application.port.in.search;

import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;

/**
 * Searches every user by name or e-mail address, friends first, then by mutual friends, then by how well the
 * text matches (see {@link com.pagenow.userapi.application.port.out.UserSearchRepository#search}). The caller is
 * never in the results.
 */
public interface SearchUsersUseCase {

    /** The page size when the client gives none. */
    int DEFAULT_LIMIT = 15;
    /** The largest page size; a larger limit is lowered to it. */
    int MAX_LIMIT = 15;

    /**
     * Searches every user.
     *
     * @param query the caller, field, text and page
     * @return the matching users, best first, without the caller
     */
    List<UserSummary> searchUsers(SearchUsersQuery query);
}
