package com.pagenow.userapi.application.service;

import com.pagenow.userapi.application.port.in.search.SearchFriendsQuery;
import com.pagenow.userapi.application.port.in.search.SearchFriendsUseCase;
import com.pagenow.userapi.application.port.in.search.SearchUsersQuery;
import com.pagenow.userapi.application.port.in.search.SearchUsersUseCase;
import com.pagenow.userapi.application.port.out.UserSearchRepository;
import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;
import java.util.Objects;

/** User and friend search: each one repository query, so neither needs a transaction. */
public final class UserSearchService implements SearchUsersUseCase, SearchFriendsUseCase {

    private final UserSearchRepository search;

    /**
     * A service on the search repository.
     *
     * @param search the search queries
     */
    public UserSearchService(UserSearchRepository search) {
        this.search = Objects.requireNonNull(search);
    }

    @Override
    public List<UserSummary> searchUsers(SearchUsersQuery query) {
        if (query.page().isEmpty()) {
            return List.of();
        }
        return search.search(query.caller().userId(), query.field(), query.text(), query.page());
    }

    @Override
    public List<UserSummary> searchFriends(SearchFriendsQuery query) {
        if (query.page().isEmpty()) {
            return List.of();
        }
        return search.searchFriends(query.caller().userId(), query.field(), query.text(), query.exact(), query.page());
    }
}
