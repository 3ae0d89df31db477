package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;

/**
 * Searches every user by name or e-mail address, friends first, then by mutual friends, then by how well the
 * text matches (see {@link com.pagenow.userapi.application.port.out.UserSearchRepository#search}). The caller is
 * never in the results.
 */
public interface SearchUsersUseCase {

    int DEFAULT_LIMIT = 15;
    int MAX_LIMIT = 15;

    List<UserSummary> searchUsers(SearchUsersQuery query);
}
