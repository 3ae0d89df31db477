package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.UserSummary;

import java.util.List;

/**
 * People the caller may know: friends of the caller's friends who are not the caller, not already friends, with
 * no pending request and no block either way, ranked by the number of friends they share with the caller, then
 * by user id (descending). Empty for a caller without friends.
 */
public interface SuggestFriendsUseCase {

    int DEFAULT_LIMIT = 10;
    int MAX_LIMIT = 50;

    List<UserSummary> suggestFriends(SuggestFriendsQuery query);
}
