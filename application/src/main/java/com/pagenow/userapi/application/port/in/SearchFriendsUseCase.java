package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;

/** Searches the caller's accepted friends by name or e-mail address, ranked as {@link SearchUsersUseCase}. */
public interface SearchFriendsUseCase {

    int DEFAULT_LIMIT = 10;
    int MAX_LIMIT = 15;

    List<UserSummary> searchFriends(SearchFriendsQuery query);
}
